/* libmemtable: private mappings and the type-stable record pool. */
#define _GNU_SOURCE
#include <sys/mman.h>
#include "memtable_internal.h"
#include "memtable_atomic.h"

#define MT_SLAB_BYTES (1u << 20)
#define MT_BATCH 64         /* records moved between a thread's cache and the shared list at once */

/* A thread's cache of free records (the fast paths are inline in memtable_internal.h). */
__thread struct mt_rec *mt_tl_free;
__thread unsigned mt_tl_count;

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
int mt_rec_refill(struct mt_state *S) {
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
    STORE(&r->next, mt_tl_free);
    mt_tl_free = r;
    mt_tl_count++;
  }
  mt_unlock(&S->pool_lock);
  return mt_tl_free != NULL;
}

/* Give a batch of this thread's cached records back to the shared list. */
void mt_rec_spill(struct mt_state *S) {
  struct mt_rec *first = mt_tl_free, *last = first;
  for (unsigned i = 1; i < MT_BATCH; i++) last = LOAD(&last->next);
  mt_tl_free = LOAD(&last->next);
  mt_tl_count -= MT_BATCH;
  mt_lock(&S->pool_lock);
  STORE(&last->next, S->pool_free);
  S->pool_free = first;
  mt_unlock(&S->pool_lock);
}
