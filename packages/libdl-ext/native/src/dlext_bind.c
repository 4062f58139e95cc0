/* libdl-ext: dlbind and dlunbind, patching .hash, .dynsym and .dynstr in place. */
#include <stdlib.h>
#include <string.h>
#include "dlext_internal.h"

#define MAX_NAME 4096

/* -- The SysV hash table, read and patched through the alias -- */

static Elf64_Word *buckets(const struct dlext_object *o) { return o->hash + 2; }
static Elf64_Word *chains(const struct dlext_object *o) { return o->hash + 2 + o->lay.nbucket; }

/* Find a bound name: 0 and *slot_ret if found, 1 if not. */
int dlext_sym_find(const struct dlext_object *o, const char *name, Elf64_Word hash, size_t *slot_ret) {
  for (Elf64_Word i = buckets(o)[hash % o->lay.nbucket]; i != STN_UNDEF; i = chains(o)[i])
    if (strcmp(o->strs + o->syms[i].st_name, name) == 0) {
      *slot_ret = i;
      return 0;
    }
  return 1;
}

/* Whether the object can take a name of namelen bytes and still keep headroom slots free. */
bool dlext_sym_room(const struct dlext_object *o, size_t namelen, size_t headroom) {
  size_t free_slots = o->nfree_slots + (o->lay.nsym - o->sym_high);
  size_t free_str = o->lay.strcap - o->str_used;
  return free_slots > headroom && free_str > namelen + (headroom ? o->lay.strcap / 8 : 0);
}

static size_t take_slot(struct dlext_object *o) {
  if (o->nfree_slots) return o->free_slots[--o->nfree_slots];
  size_t slot = o->sym_high++;
  __atomic_store_n(&o->hash[1], (Elf64_Word)o->sym_high, __ATOMIC_RELEASE); /* nchain, for dladdr */
  return slot;
}

/* Keep the file's section headers at the used sizes, so that readers of the file (readelf, gdb
 * attaching later, libpmirror) see the live symbols and not a million empty slots. */
static void update_section_sizes(struct dlext_object *o) {
  Elf64_Shdr *sh = (Elf64_Shdr *)(o->alias + o->lay.shdr_off);
  sh[DLEXT_SHN_DYNSYM].sh_size = o->sym_high * sizeof(Elf64_Sym);
  sh[DLEXT_SHN_DYNSTR].sh_size = o->str_used;
  sh[DLEXT_SHN_HASH].sh_size = (2 + o->lay.nbucket + o->sym_high) * 4;
}

/* Fill the symbol, then publish it at the head of its chain: a concurrent dlsym sees either
 * the old chain or the complete new entry. */
static void publish(struct dlext_object *o, size_t slot, const char *name, size_t namelen, size_t off,
                    size_t size, unsigned kind) {
  Elf64_Word h = dlext_elf_hash(name);
  memcpy(o->strs + o->str_used, name, namelen + 1);
  Elf64_Sym *s = &o->syms[slot];
  s->st_name = (Elf64_Word)o->str_used;
  o->str_used += namelen + 1;
  s->st_info = ELF64_ST_INFO(STB_GLOBAL, kind);
  s->st_other = STV_DEFAULT;
  s->st_value = off;
  s->st_size = size;
  bool code = off >= o->lay.text_off && off < o->lay.text_off + o->lay.text_size;
  Elf64_Word *b = &buckets(o)[h % o->lay.nbucket];
  chains(o)[slot] = *b;
  __atomic_store_n(&s->st_shndx, code ? DLEXT_SHN_TEXT : DLEXT_SHN_DATA, __ATOMIC_RELEASE);
  __atomic_store_n(b, (Elf64_Word)slot, __ATOMIC_RELEASE);
  o->sym_live++;
}

/* Unlink a slot from its chain, then clear it (dlsym and dladdr stop seeing it) and recycle it. */
void dlext_unbind_slot(struct dlext_object *o, size_t slot) {
  Elf64_Word h = dlext_elf_hash(o->strs + o->syms[slot].st_name);
  Elf64_Word *link = &buckets(o)[h % o->lay.nbucket];
  while (*link != slot) link = &chains(o)[*link];
  __atomic_store_n(link, chains(o)[slot], __ATOMIC_RELEASE);
  __atomic_store_n(&o->syms[slot].st_shndx, SHN_UNDEF, __ATOMIC_RELEASE);
  o->syms[slot].st_value = 0;
  o->syms[slot].st_size = 0;
  o->syms[slot].st_info = 0;
  if (o->jit[slot]) {
    dlext_jit_unregister(o->jit[slot]);
    o->jit[slot] = NULL;
  }
  o->free_slots[o->nfree_slots++] = (uint32_t)slot;
  o->sym_live--;
}

/* -- dlbind / dlunbind -- */

static int check_name(const char *fn, const char *name, size_t *len_ret) {
  if (!name || !*name) return dlext_fail(DLEXT_E_INVAL, "%s: NULL or empty symbol name", fn);
  size_t n = strnlen(name, MAX_NAME + 1);
  if (n > MAX_NAME) return dlext_fail(DLEXT_E_INVAL, "%s: symbol name longer than %d bytes", fn, MAX_NAME);
  *len_ret = n;
  return 0;
}

int dlext_bind_locked(struct dlext_lib *lib, const char *name, uintptr_t addr, size_t size, unsigned kind,
                      struct dlext_object **obj_ret, size_t *slot_ret) {
  size_t len = 0, slot;
  int rc = check_name("dlbind", name, &len);
  if (rc != 0) return rc;
  if (kind > DLEXT_KIND_FUNC) return dlext_fail(DLEXT_E_INVAL, "dlbind: '%s': unknown kind %u", name, kind);
  Elf64_Word h = dlext_elf_hash(name);
  for (struct dlext_object *o = lib->objects; o; o = o->next)
    if (dlext_sym_find(o, name, h, &slot) == 0) return dlext_fail(DLEXT_E_EXISTS, "dlbind: '%s'", name);
  struct dlext_object *o = dlext_object_at(lib, addr);
  const struct dlext_alloc_rec *r = o ? dlext_alloc_find(o, addr - o->base) : NULL;
  if (!r || (addr - o->base) - r->off + size > r->size)
    return dlext_fail(DLEXT_E_RANGE, "dlbind: '%s' at %p + %zu", name, (void *)addr, size);
  if (!o->free_slots && !(o->free_slots = malloc(o->lay.nsym * sizeof *o->free_slots)))
    return dlext_fail(DLEXT_E_NOMEM, "dlbind");
  if (!dlext_sym_room(o, len, 0))
    return dlext_fail(DLEXT_E_FULL, "dlbind: '%s': the object holding %p has no symbol room", name, (void *)addr);
  size_t off = addr - o->base;
  bool code = off >= o->lay.text_off && off < o->lay.text_off + o->lay.text_size;
  if (code && dlext_code_sync(o, off, size) != 0) /* code written through dlext_writable */
    return dlext_fail(DLEXT_E_IO, "dlbind: '%s': remapping code", name);
  slot = take_slot(o);
  publish(o, slot, name, len, off, size, kind);
  update_section_sizes(o);
  *obj_ret = o;
  *slot_ret = slot;
  return 0;
}

/* Bind, then tell gdb (symbol only, or the full description d) and perf about a function. */
static int bind_announce(void *handle, const char *symbol, uintptr_t addr, size_t size, unsigned kind,
                         const struct dlext_debug *d) {
  pthread_mutex_lock(&dlext_lock);
  struct dlext_lib *lib = dlext_lib_find(handle);
  struct dlext_object *o;
  size_t slot;
  int rc = lib ? dlext_bind_locked(lib, symbol, addr, size, kind, &o, &slot)
               : dlext_fail(DLEXT_E_HANDLE, "dlbind: %p", handle);
  if (rc == 0 && kind == DLEXT_KIND_FUNC && (d || !(lib->cfg.flags & DLEXT_NOGDB))) {
    rc = dlext_jit_function(symbol, addr, size, d, &o->jit[slot]);
    if (rc != 0) {
      dlext_unbind_slot(o, slot);
      rc = dlext_fail(rc, "dlbind: '%s': registering with gdb", symbol);
    }
  }
  if (rc == 0 && kind == DLEXT_KIND_FUNC) dlext_perf_add(lib, addr, size, symbol, d);
  pthread_mutex_unlock(&dlext_lock);
  return rc;
}

int dlbind(void *handle, const char *symbol, void *address, size_t size, unsigned kind) {
  return bind_announce(handle, symbol, (uintptr_t)address, size, kind, NULL);
}

int dlext_bind_debug(void *handle, const char *symbol, void *address, size_t size, const struct dlext_debug *d) {
  if (!d) return dlext_fail(DLEXT_E_INVAL, "dlext_bind_debug: NULL description");
  if (size == 0) return dlext_fail(DLEXT_E_INVAL, "dlext_bind_debug: zero size");
  return bind_announce(handle, symbol, (uintptr_t)address, size, DLEXT_KIND_FUNC, d);
}

int dlunbind(void *handle, const char *symbol) {
  size_t len = 0, slot;
  int rc = check_name("dlunbind", symbol, &len);
  if (rc != 0) return rc;
  pthread_mutex_lock(&dlext_lock);
  struct dlext_lib *lib = dlext_lib_find(handle);
  rc = lib ? DLEXT_E_NOENT : dlext_fail(DLEXT_E_HANDLE, "dlunbind: %p", handle);
  Elf64_Word h = dlext_elf_hash(symbol);
  for (struct dlext_object *o = lib ? lib->objects : NULL; o; o = o->next)
    if (dlext_sym_find(o, symbol, h, &slot) == 0) {
      dlext_unbind_slot(o, slot);
      rc = 0;
      break;
    }
  if (rc == DLEXT_E_NOENT) dlext_fail(rc, "dlunbind: '%s'", symbol);
  pthread_mutex_unlock(&dlext_lock);
  return rc;
}
