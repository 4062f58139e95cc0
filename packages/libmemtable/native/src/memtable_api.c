/* libmemtable: the public API over the index: state sharing, registration, typed allocation, queries. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "memtable_internal.h"
#include "memtable_atomic.h"
#include "memtable_fast.h"

extern void *__libc_malloc(size_t size);
extern void __libc_free(void *ptr);

/* -- Which index -- */

struct mt_state mt_own_state;

#ifdef MEMTABLE_PRELOAD

/* Hand this index to libmemtable.so when both are loaded and agree on the layout. */
MEMTABLE_PUBLIC struct mt_state *memtable_preload_state(uint64_t layout);
struct mt_state *memtable_preload_state(uint64_t layout) { return layout == MT_LAYOUT ? &mt_own_state : NULL; }

int memtable_preload_active(void) { return 1; }
#else
static struct mt_state *current;

/* The preload's index when it is in the process (one index per process), else our own. */
static struct mt_state *resolve(void) {
  struct mt_state *(*shared)(uint64_t) = (struct mt_state * (*)(uint64_t)) dlsym(RTLD_DEFAULT, MT_PRELOAD_STATE_SYMBOL);
  struct mt_state *S = shared ? shared(MT_LAYOUT) : NULL;
  return S ? S : &mt_own_state;
}

struct mt_state *mt_state(void) {
  struct mt_state *S = LOAD(&current);
  if (!S) STORE(&current, S = resolve());
  return S;
}

int memtable_preload_active(void) { return mt_state() != &mt_own_state; }
#endif

/* -- Fork -- */

static void fork_prepare(void) { mt_fork_prepare(&mt_own_state); }
static void fork_release(void) { mt_fork_release(&mt_own_state); }

/* Register the fork handlers for our own index (a sharing libmemtable.so leaves it to the preload). */
__attribute__((constructor)) static void api_init(void) {
  if (mt_state() == &mt_own_state) pthread_atfork(fork_prepare, fork_release, fork_release);
}

/* -- Queries -- */

int memtable_lookup(const void *addr, struct memtable_info *info_ret) {
  if (!info_ret) return MEMTABLE_E_INVAL;
  return mt_lookup(mt_state(), (uint64_t)(uintptr_t)addr, info_ret);
}

int memtable_iterate(memtable_visit_fn visit, void *arg) {
  if (!visit) return MEMTABLE_E_INVAL;
  return mt_iterate(mt_state(), visit, arg);
}

struct snapshot {
  struct memtable_info *out;
  size_t cap, n;
};

static int visit_snapshot(const struct memtable_info *info, void *arg) {
  struct snapshot *snap = arg;
  if (snap->n == snap->cap) return 1;
  snap->out[snap->n++] = *info;
  return 0;
}

int memtable_snapshot(struct memtable_info *infos_ret, size_t cap, size_t *n_ret) {
  struct snapshot snap = {infos_ret, cap, 0};
  if (!n_ret || (cap && !infos_ret)) return MEMTABLE_E_INVAL;
  if (cap) mt_iterate(mt_state(), visit_snapshot, &snap);
  *n_ret = snap.n;
  return 0;
}

/* An open-addressed table of per-site totals in private pages (malloc may be the thing we count). */
struct site_table {
  struct memtable_site *slot;
  size_t cap, used;
  uint64_t count, bytes;
  int failed;
};

static struct memtable_site *table_map(size_t cap) {
  void *p = mmap(NULL, cap * sizeof(struct memtable_site), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

static inline size_t site_hash(uint64_t site, size_t cap) { return (size_t)((site * UINT64_C(0x9e3779b97f4a7c15)) >> 20) & (cap - 1); }

/* Add to a site's totals (site 0 is a valid key: kept as ~0 inside the table, never a code address). */
static void table_add(struct site_table *t, uint64_t site, uint64_t count, uint64_t bytes) {
  uint64_t key = site ? site : ~UINT64_C(0);
  size_t i = site_hash(key, t->cap);
  while (t->slot[i].site && t->slot[i].site != key) i = (i + 1) & (t->cap - 1);
  if (!t->slot[i].site) t->slot[i].site = key, t->used++;
  t->slot[i].count += count;
  t->slot[i].bytes += bytes;
}

/* Double the table when half full. */
static int table_grow(struct site_table *t) {
  struct site_table bigger = {table_map(t->cap * 2), t->cap * 2, 0, t->count, t->bytes, 0};
  if (!bigger.slot) return MEMTABLE_E_NOMEM;
  for (size_t i = 0; i < t->cap; i++)
    if (t->slot[i].site) table_add(&bigger, t->slot[i].site == ~UINT64_C(0) ? 0 : t->slot[i].site, t->slot[i].count, t->slot[i].bytes);
  munmap(t->slot, t->cap * sizeof *t->slot);
  *t = bigger;
  return 0;
}

static int visit_site(const struct memtable_info *info, void *arg) {
  struct site_table *t = arg;
  if (t->used * 2 >= t->cap && table_grow(t)) return t->failed = 1;
  table_add(t, info->site, 1, info->size);
  t->count++;
  t->bytes += info->size;
  return 0;
}

/* Walk the index into a site table; the caller unmaps t->slot. */
static int gather(struct site_table *t) {
  *t = (struct site_table){table_map(1024), 1024, 0, 0, 0, 0};
  if (!t->slot) return MEMTABLE_E_NOMEM;
  mt_iterate(mt_state(), visit_site, t);
  if (!t->failed) return 0;
  munmap(t->slot, t->cap * sizeof *t->slot);
  return MEMTABLE_E_NOMEM;
}

int memtable_stats(struct memtable_stats *stats_ret) {
  struct site_table t;
  if (!stats_ret) return MEMTABLE_E_INVAL;
  int rc = gather(&t);
  if (rc) return rc;
  *stats_ret = (struct memtable_stats){t.count, t.bytes, t.used, LOAD(&mt_state()->mapped)};
  munmap(t.slot, t.cap * sizeof *t.slot);
  return 0;
}

static int by_bytes_desc(const void *a, const void *b) {
  const struct memtable_site *x = a, *y = b;
  if (x->bytes != y->bytes) return x->bytes < y->bytes ? 1 : -1;
  return x->site < y->site ? -1 : x->site > y->site;
}

int memtable_site_totals(struct memtable_site *sites_ret, size_t cap, size_t *n_ret) {
  struct site_table t;
  if (!n_ret || (cap && !sites_ret)) return MEMTABLE_E_INVAL;
  int rc = gather(&t);
  if (rc) return rc;
  size_t n = 0;
  for (size_t i = 0; i < t.cap; i++)
    if (t.slot[i].site) {
      t.slot[n] = t.slot[i];
      if (t.slot[n].site == ~UINT64_C(0)) t.slot[n].site = 0;
      n++;
    }
  qsort(t.slot, n, sizeof *t.slot, by_bytes_desc);
  for (size_t i = 0; i < n && i < cap; i++) sites_ret[i] = t.slot[i];
  *n_ret = n;
  munmap(t.slot, t.cap * sizeof *t.slot);
  return 0;
}

/* -- Registration -- */

int memtable_register(const void *base, size_t size, uint64_t type, const void *site) {
  return mt_insert(mt_state(), (uint64_t)(uintptr_t)base, size, (uint64_t)(uintptr_t)site, type, 1);
}

int memtable_unregister(const void *base) { return mt_remove(mt_state(), (uint64_t)(uintptr_t)base, NULL); }

int memtable_set_type(const void *base, uint64_t type) {
  return mt_set_type(mt_state(), (uint64_t)(uintptr_t)base, type);
}

/* -- Typed allocation -- */

/* Allocate from glibc and record (the preload, if any, does not see __libc_malloc). */
static void *alloc_typed(size_t size, uint64_t type, uint64_t site) {
  struct mt_state *S = mt_state();
  void *p = __libc_malloc(size);
  if (!p) return NULL;
  if (mt_insert_fast(S, (uint64_t)(uintptr_t)p, size, site, type) == 0) return p;
  int rc = mt_insert(S, (uint64_t)(uintptr_t)p, size, site, type, 0);
  if (rc == MEMTABLE_E_EXISTS) { /* a stale record: glibc says this memory is free */
    mt_remove(S, (uint64_t)(uintptr_t)p, NULL);
    rc = mt_insert(S, (uint64_t)(uintptr_t)p, size, site, type, 0);
  }
  if (rc == 0) return p;
  __libc_free(p);
  errno = ENOMEM;
  return NULL;
}

void *memtable_alloc_typed(size_t size, uint64_t type) {
  return alloc_typed(size, type, (uint64_t)(uintptr_t)__builtin_return_address(0));
}

void *memtable_alloc_typed_at(size_t size, uint64_t type, const void *site) {
  return alloc_typed(size, type, (uint64_t)(uintptr_t)site);
}

int memtable_free(void *ptr) {
  if (!ptr) return 0;
  struct mt_state *S = mt_state();
  int rc = mt_remove_fast(S, (uint64_t)(uintptr_t)ptr, NULL);
  if (rc == 2) mt_rec_spill(S);
  else if (rc && mt_remove(S, (uint64_t)(uintptr_t)ptr, NULL)) return 1;
  __libc_free(ptr);
  return 0;
}

/* -- Symbols -- */

int memtable_symbolize(const void *addr, char *buf, size_t len) {
  Dl_info info;
  if (!buf && len) return MEMTABLE_E_INVAL;
  if (!dladdr(addr, &info) || !info.dli_fname) {
    if (len) buf[0] = 0;
    return 1;
  }
  const char *obj = info.dli_fname[0] ? info.dli_fname : program_invocation_name; /* the main program has no name in its link map */
  if (info.dli_sname && info.dli_saddr)
    snprintf(buf, len, "%s!%s+0x%lx", obj, info.dli_sname, (unsigned long)((const char *)addr - (const char *)info.dli_saddr));
  else
    snprintf(buf, len, "%s+0x%lx", obj, (unsigned long)((const char *)addr - (const char *)info.dli_fbase));
  return 0;
}
