/* libdl-ext: dlalloc and dlfree, a first-fit allocator over each object's text and data. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "dlext_internal.h"

/* -- Regions -- */

void dlext_region_init(struct dlext_region *r, size_t base, size_t size) {
  r->base = r->bump = base;
  r->size = size;
  r->free = NULL;
}

void dlext_region_deinit(struct dlext_region *r) {
  while (r->free) {
    struct dlext_block *b = r->free;
    r->free = b->next;
    free(b);
  }
}

/* First fit in the free list, else from the bump pointer. */
bool dlext_region_take(struct dlext_region *r, size_t size, size_t *off_ret) {
  for (struct dlext_block **pp = &r->free; *pp; pp = &(*pp)->next) {
    struct dlext_block *b = *pp;
    if (b->size < size) continue;
    *off_ret = b->off;
    b->off += size;
    b->size -= size;
    if (b->size == 0) {
      *pp = b->next;
      free(b);
    }
    return true;
  }
  if (r->base + r->size - r->bump < size) return false;
  *off_ret = r->bump;
  r->bump += size;
  return true;
}

/* Return a block, coalescing with neighbours and with the bump pointer. */
static int region_give(struct dlext_region *r, size_t off, size_t size) {
  struct dlext_block **pp = &r->free, *prev = NULL;
  while (*pp && (*pp)->off < off) prev = *pp, pp = &(*pp)->next;
  if (prev && prev->off + prev->size == off) {
    prev->size += size;
  } else {
    struct dlext_block *b = malloc(sizeof *b);
    if (!b) return DLEXT_E_NOMEM;
    *b = (struct dlext_block){ off, size, *pp };
    *pp = b;
    prev = b;
  }
  struct dlext_block *n = prev->next;
  if (n && prev->off + prev->size == n->off) {
    prev->size += n->size;
    prev->next = n->next;
    free(n);
  }
  if (prev->off + prev->size == r->bump) { /* the last block falls back to the bump pointer */
    struct dlext_block **q = &r->free;
    while (*q != prev) q = &(*q)->next;
    *q = prev->next;
    r->bump = prev->off;
    free(prev);
  }
  return 0;
}

/* -- Allocation records (sorted by offset; appends are the common case) -- */

/* Index of the first record with off > key. */
static size_t rec_upper(const struct dlext_object *o, size_t key) {
  size_t lo = 0, hi = o->nallocs;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (o->allocs[mid].off <= key) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* The live allocation containing offset off, or NULL. */
const struct dlext_alloc_rec *dlext_alloc_find(const struct dlext_object *o, size_t off) {
  size_t i = rec_upper(o, off);
  if (i == 0) return NULL;
  const struct dlext_alloc_rec *r = &o->allocs[i - 1];
  return off - r->off < r->size ? r : NULL;
}

static int rec_insert(struct dlext_object *o, size_t off, size_t size) {
  if (o->nallocs == o->allocs_cap) {
    size_t cap = o->allocs_cap ? o->allocs_cap * 2 : 64;
    struct dlext_alloc_rec *a = realloc(o->allocs, cap * sizeof *a);
    if (!a) return DLEXT_E_NOMEM;
    o->allocs = a;
    o->allocs_cap = cap;
  }
  size_t i = rec_upper(o, off);
  memmove(&o->allocs[i + 1], &o->allocs[i], (o->nallocs - i) * sizeof *o->allocs);
  o->allocs[i] = (struct dlext_alloc_rec){ off, size };
  o->nallocs++;
  return 0;
}

/* -- dlalloc / dlfree -- */

/* Try one object; objects short of symbol room take no new allocations (1/8 kept for binds). */
static bool try_object(struct dlext_object *o, size_t size, bool code, size_t *off_ret) {
  if (!dlext_sym_room(o, 0, o->lay.nsym / 8 + 1)) return false;
  return dlext_region_take(code ? &o->text : &o->data, size, off_ret);
}

int dlext_alloc_locked(struct dlext_lib *lib, size_t size, unsigned flags, void **addr_ret) {
  if (flags != DLEXT_ALLOC_CODE && flags != DLEXT_ALLOC_DATA)
    return dlext_fail(DLEXT_E_INVAL, "dlalloc: flags must be DLEXT_ALLOC_CODE or DLEXT_ALLOC_DATA");
  if (size == 0 || size > ((size_t)1 << 32)) return dlext_fail(DLEXT_E_INVAL, "dlalloc: size %zu", size);
  bool code = flags == DLEXT_ALLOC_CODE;
  size = (size + 15) & ~(size_t)15;
  size_t off = 0;
  struct dlext_object *o = lib->last;
  if (!try_object(o, size, code, &off)) {
    for (o = lib->objects; o && !try_object(o, size, code, &off); o = o->next) {}
  }
  if (!o) {
    int rc = dlext_lib_grow(lib, code ? size : 0, code ? 0 : size, &o);
    if (rc != 0) return rc;
    if (!try_object(o, size, code, &off)) return dlext_fail(DLEXT_E_FULL, "dlalloc: %zu bytes", size);
  }
  if (rec_insert(o, off, size) != 0) {
    region_give(code ? &o->text : &o->data, off, size);
    return dlext_fail(DLEXT_E_NOMEM, "dlalloc");
  }
  *addr_ret = (void *)(o->base + off);
  return 0;
}

int dlext_alloc(void *handle, size_t size, unsigned flags, void **addr_ret) {
  if (!addr_ret) return dlext_fail(DLEXT_E_INVAL, "dlalloc: NULL addr_ret");
  pthread_mutex_lock(&dlext_lock);
  struct dlext_lib *lib = dlext_lib_find(handle);
  int rc = lib ? dlext_alloc_locked(lib, size, flags, addr_ret) : dlext_fail(DLEXT_E_HANDLE, "dlalloc: %p", handle);
  pthread_mutex_unlock(&dlext_lock);
  return rc;
}

void *dlalloc(void *handle, size_t size, unsigned flags) {
  void *p;
  return dlext_alloc(handle, size, flags, &p) == 0 ? p : NULL;
}

static int free_locked(struct dlext_lib *lib, uintptr_t addr) {
  struct dlext_object *o = dlext_object_at(lib, addr);
  size_t off = o ? addr - o->base : 0;
  size_t i = o ? rec_upper(o, off) : 0;
  if (!o || i == 0 || o->allocs[i - 1].off != off)
    return dlext_fail(DLEXT_E_RANGE, "dlfree: %p is not the start of an allocation", (void *)addr);
  size_t size = o->allocs[i - 1].size;
  for (size_t s = 1; s < o->sym_high; s++)
    if (o->syms[s].st_shndx != SHN_UNDEF && o->syms[s].st_value - off < size)
      return dlext_fail(DLEXT_E_BUSY, "dlfree: '%s' is bound at %p", o->strs + o->syms[s].st_name,
                        (void *)(o->base + o->syms[s].st_value));
  memmove(&o->allocs[i - 1], &o->allocs[i], (o->nallocs - i) * sizeof *o->allocs);
  o->nallocs--;
  bool code = off >= o->lay.text_off && off < o->lay.text_off + o->lay.text_size;
  if (region_give(code ? &o->text : &o->data, off, size) != 0) return dlext_fail(DLEXT_E_NOMEM, "dlfree");
  return 0;
}

int dlfree(void *handle, void *address) {
  pthread_mutex_lock(&dlext_lock);
  struct dlext_lib *lib = dlext_lib_find(handle);
  int rc = lib ? free_locked(lib, (uintptr_t)address) : dlext_fail(DLEXT_E_HANDLE, "dlfree: %p", handle);
  pthread_mutex_unlock(&dlext_lock);
  return rc;
}

/* -- Writing code through the alias -- */

/* A debugger's breakpoint (ptrace writes into the loader's private r-x mapping) turns a code
 * page into a private copy that no longer shows what the alias writes. If the executable view
 * of [off, off+len) differs from the file, map those pages afresh from the file (still r-x,
 * never writable). A debugger re-inserts its breakpoints at its next stop, which the JIT
 * registration following every bind provides. */
int dlext_code_sync(struct dlext_object *o, size_t off, size_t len) {
  if (len == 0 || memcmp((void *)(o->base + off), o->alias + off, len) == 0) return 0;
  size_t page = 4096, start = off & ~(page - 1), end = (off + len + page - 1) & ~(page - 1);
  void *p = mmap((void *)(o->base + start), end - start, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_FIXED, o->fd, (off_t)start);
  return p == MAP_FAILED ? DLEXT_E_IO : 0;
}


/* The writable view of [addr, addr+len) if it lies in one allocation; code goes through the
 * shared alias, data is the loader's private read-write copy and is written in place. */
static void *writable_of(struct dlext_lib *lib, uintptr_t addr, size_t len, bool code_only) {
  struct dlext_object *o = dlext_object_at(lib, addr);
  if (!o) return NULL;
  size_t off = addr - o->base;
  const struct dlext_alloc_rec *r = dlext_alloc_find(o, off);
  if (!r || off - r->off + len > r->size) return NULL;
  bool code = off >= o->lay.text_off && off < o->lay.text_off + o->lay.text_size;
  if (!code) return code_only ? NULL : (void *)addr;
  return o->alias + off;
}

void *dlext_writable(void *handle, void *addr) {
  pthread_mutex_lock(&dlext_lock);
  struct dlext_lib *lib = dlext_lib_find(handle);
  void *w = lib ? writable_of(lib, (uintptr_t)addr, 0, true) : NULL;
  if (!w) dlext_fail(lib ? DLEXT_E_RANGE : DLEXT_E_HANDLE, "dlext_writable: %p", addr);
  pthread_mutex_unlock(&dlext_lock);
  return w;
}

int dlext_write(void *handle, void *dst, const void *src, size_t len) {
  if (!src && len) return dlext_fail(DLEXT_E_INVAL, "dlext_write: NULL source");
  pthread_mutex_lock(&dlext_lock);
  struct dlext_lib *lib = dlext_lib_find(handle);
  void *w = lib ? writable_of(lib, (uintptr_t)dst, len, false) : NULL;
  int rc = 0;
  if (!w) rc = dlext_fail(lib ? DLEXT_E_RANGE : DLEXT_E_HANDLE, "dlext_write: %p + %zu", dst, len);
  else if (len) memcpy(w, src, len);
  if (w && w != dst) {
    struct dlext_object *o = dlext_object_at(lib, (uintptr_t)dst);
    if (dlext_code_sync(o, (uintptr_t)dst - o->base, len) != 0) rc = dlext_fail(DLEXT_E_IO, "dlext_write: remapping code");
  }
  pthread_mutex_unlock(&dlext_lock);
  return rc;
}
