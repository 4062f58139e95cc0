/* libmemtable: private mappings and the type-stable record pool. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/mman.h>
#include "memtable_internal.h"
#include "memtable_atomic.h"

#define MT_SLAB_BYTES (1u << 20)
#define MT_BATCH 64         /* records moved between a thread's cache and the shared list at once */

/* A thread's cache of free records (the fast paths are inline in memtable_internal.h). */
__thread struct mt_cache mt_tl;

/* -- Thread exit --
   A thread that ends gives its cached records back, or a program that starts many short threads
   would strand up to MT_CACHE_MAX records (10 KiB) per thread. A pthread key's destructor does it;
   keys below 32 live in the thread descriptor, so neither creating nor setting one allocates. */

static pthread_key_t exit_key;
static pthread_once_t exit_once = PTHREAD_ONCE_INIT;
static int exit_key_ok;
static __thread int tl_registered;

/* Move all of this thread's cached records to the shared list. */
static void give_back(void *unused) {
  (void)unused;
  struct mt_state *S = mt_state();
  struct mt_rec *first = mt_tl.free, *last = first;
  tl_registered = 0;
  if (!first) return;
  while (LOAD(&last->next)) last = LOAD(&last->next);
  mt_tl.free = NULL;
  mt_tl.count = 0;
  mt_lock(&S->pool_lock);
  STORE(&last->next, S->pool_free);
  S->pool_free = first;
  mt_unlock(&S->pool_lock);
}

static void make_exit_key(void) { exit_key_ok = pthread_key_create(&exit_key, give_back) == 0; }

/* Arrange for give_back at this thread's exit (once per thread, on its first refill). */
static void register_thread(void) {
  pthread_once(&exit_once, make_exit_key);
  if (exit_key_ok && pthread_setspecific(exit_key, (void *)1) == 0) tl_registered = 1;
}

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
  if (!tl_registered) register_thread();
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
    STORE(&r->next, mt_tl.free);
    mt_tl.free = r;
    mt_tl.count++;
  }
  mt_unlock(&S->pool_lock);
  return mt_tl.free != NULL;
}

/* Give a batch of this thread's cached records back to the shared list. */
void mt_rec_spill(struct mt_state *S) {
  struct mt_rec *first = mt_tl.free, *last = first;
  for (unsigned i = 1; i < MT_BATCH; i++) last = LOAD(&last->next);
  mt_tl.free = LOAD(&last->next);
  mt_tl.count -= MT_BATCH;
  mt_lock(&S->pool_lock);
  STORE(&last->next, S->pool_free);
  S->pool_free = first;
  mt_unlock(&S->pool_lock);
}
