/* libmemtable: spin locks, private mappings and the type-stable record pool. */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/mman.h>
#include "memtable_internal.h"
#include "memtable_atomic.h"

#define MT_SLAB_BYTES (1u << 20)
#define MT_BATCH 64         /* records moved between a thread's cache and the shared list at once */
#define MT_CACHE_MAX 256    /* a thread's cache beyond this goes back to the shared list */

/* A thread's cache of free records, so the common path takes no shared lock. Initial-exec TLS in
   the preload (see binding.gyp): a malloc wrapper must not call __tls_get_addr. */
static __thread struct mt_rec *tl_free;
static __thread unsigned tl_count;

/* -- Locks -- */

/* Take a spin lock, yielding the CPU when it is held for long. */
void mt_lock(uint32_t *lock) {
  for (unsigned spins = 0;; spins++) {
    if (!__atomic_load_n(lock, __ATOMIC_RELAXED) && !__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE)) return;
    if (spins < 64) __builtin_ia32_pause();
    else sched_yield();
  }
}

void mt_unlock(uint32_t *lock) { __atomic_store_n(lock, 0, __ATOMIC_RELEASE); }

/* -- Mappings -- */

/* Zeroed private memory for the index (never malloc: the index serves malloc itself). */
void *mt_map(struct mt_state *S, size_t bytes) {
  void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return NULL;
  __atomic_fetch_add(&S->mapped, bytes, __ATOMIC_RELAXED);
  return p;
}

/* -- Records -- */

/* Refill this thread's cache from the shared list, carving a new slab when that is empty. */
static int refill(struct mt_state *S) {
  mt_lock(&S->pool_lock);
  for (unsigned i = 0; i < MT_BATCH; i++) {
    struct mt_rec *r = S->pool_free;
    if (r) {
      S->pool_free = LOAD(&r->next);
    } else {
      if (S->slab_next == S->slab_end) {
        char *slab = mt_map(S, MT_SLAB_BYTES);
        if (!slab) break;
        S->slab_next = slab;
        S->slab_end = slab + MT_SLAB_BYTES / sizeof(struct mt_rec) * sizeof(struct mt_rec);
      }
      r = (struct mt_rec *)S->slab_next;
      S->slab_next += sizeof(struct mt_rec);
    }
    STORE(&r->next, tl_free);
    tl_free = r;
    tl_count++;
  }
  mt_unlock(&S->pool_lock);
  return tl_free != NULL;
}

/* A free record (fields undefined), or NULL when memory is exhausted. */
struct mt_rec *mt_rec_get(struct mt_state *S) {
  if (!tl_free && !refill(S)) return NULL;
  struct mt_rec *r = tl_free;
  tl_free = LOAD(&r->next);
  tl_count--;
  return r;
}

/* Return a record; it stays mapped forever (readers may still be looking at it). */
void mt_rec_put(struct mt_state *S, struct mt_rec *r) {
  STORE(&r->next, tl_free);
  tl_free = r;
  if (++tl_count <= MT_CACHE_MAX) return;
  struct mt_rec *first = tl_free, *last = first;
  for (unsigned i = 1; i < MT_BATCH; i++) last = LOAD(&last->next);
  tl_free = LOAD(&last->next);
  tl_count -= MT_BATCH;
  mt_lock(&S->pool_lock);
  STORE(&last->next, S->pool_free);
  S->pool_free = first;
  mt_unlock(&S->pool_lock);
}
