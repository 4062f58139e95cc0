/* libmemtable: internal structures shared by the index, the record pool, the API and the preload. */
#ifndef MEMTABLE_INTERNAL_H
#define MEMTABLE_INTERNAL_H

#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include "libmemtable.h"

#define MT_HIDDEN __attribute__((visibility("hidden")))

/* -- Geometry --
   User addresses are below 2^47. The top level has one slot per GiB (2^17 slots), each pointing to
   a table of 512 leaves; a leaf covers 2 MiB: 512 pages, each split into 16 lines of 256 bytes.
   A record lives on the chain of the line where it starts (sorted by base, highest first); every
   further page it covers points to it from the leaf's span array. So a lookup walks at most one
   page's lines, then falls back to that page's span: no scan of unbounded length. */
#define MT_ADDR_BITS 47
#define MT_ADDR_LIMIT (UINT64_C(1) << MT_ADDR_BITS)
#define MT_TOP_SHIFT 30
#define MT_TOP_SLOTS (1u << (MT_ADDR_BITS - MT_TOP_SHIFT))
#define MT_LEAF_SHIFT 21
#define MT_MID_SLOTS (1u << (MT_TOP_SHIFT - MT_LEAF_SHIFT))
#define MT_PAGE_SHIFT 12
#define MT_PAGES (1u << (MT_LEAF_SHIFT - MT_PAGE_SHIFT))
#define MT_LINE_SHIFT 8
#define MT_LINES (1u << (MT_LEAF_SHIFT - MT_LINE_SHIFT))
#define MT_LINES_PER_PAGE (1u << (MT_PAGE_SHIFT - MT_LINE_SHIFT))
#define MT_MAX_PER_PAGE ((1u << MT_PAGE_SHIFT) / 8) /* bases are 8-byte aligned and distinct */

/* One live allocation. Records are type-stable (never unmapped), so a lock-free reader that holds
   a stale pointer reads harmless old values and its sequence check sends it round again. */
struct mt_rec {
  uint64_t base;       /* first byte */
  uint64_t size;       /* bytes requested */
  uint64_t site;       /* return address of the allocating call */
  uint64_t type;       /* client's type reference */
  struct mt_rec *next; /* next lower base on the same line, or the next free record */
};

/* A 2 MiB region of the address space. */
struct mt_leaf {
  uint32_t seq;                    /* the writers' lock: odd while one changes the leaf; readers retry when it moved */
  uint32_t pad;                    /* keeps the pointers below 8-byte aligned */
  struct mt_leaf *all_next;        /* every leaf, for iteration and fork */
  uint64_t first;                  /* address of the region's first byte */
  struct mt_rec *span[MT_PAGES];   /* the record that covers a page's first byte but starts before it */
  struct mt_rec *head[MT_LINES];   /* records starting on each line, highest base first */
};

/* The tables of 512 leaves under one top-level slot. */
struct mt_mid {
  struct mt_leaf *leaf[MT_MID_SLOTS];
};

/* Bump the middle number whenever a layout here changes: libmemtable.so only shares a preload's
   index when both were built with the same MT_LAYOUT. */
#define MT_LAYOUT ((UINT64_C(0x6d74) << 48) | (UINT64_C(2) << 32) | sizeof(struct mt_leaf))

/* The whole index of a process. Zero-initialised storage is a valid empty index. */
struct mt_state {
  uint32_t grow_lock;              /* serialises creating mids and leaves, and fork */
  uint32_t pool_lock;              /* guards the shared free list and slab */
  struct mt_leaf *leaves;          /* all leaves */
  struct mt_rec *pool_free;        /* shared free records */
  char *slab_next, *slab_end;      /* uncarved records */
  uint64_t mapped;                 /* bytes mapped for the index */
  struct mt_mid *top[MT_TOP_SLOTS];
};

/* -- Index (memtable_index.c) -- */

/* This library's own index (memtable_api.c); 1 MiB of zero pages until used. */
MT_HIDDEN extern struct mt_state mt_own_state;

/* The index this library works on: its own, or the preload's when that is loaded. */
#ifdef MEMTABLE_PRELOAD
static inline struct mt_state *mt_state(void) { return &mt_own_state; }
#else
MT_HIDDEN struct mt_state *mt_state(void);
#endif

/* Insert a record; check_overlap also refuses ranges that cover other allocations. */
MT_HIDDEN int mt_insert(struct mt_state *S, uint64_t base, uint64_t size, uint64_t site, uint64_t type,
                        int check_overlap);
/* Remove the record starting at base; copies it to *info_ret (may be NULL). 0, or 1 if none. */
MT_HIDDEN int mt_remove(struct mt_state *S, uint64_t base, struct memtable_info *info_ret);
/* Lock-free lookup: 0 found, 1 not. */
MT_HIDDEN int mt_lookup(struct mt_state *S, uint64_t addr, struct memtable_info *info_ret);
/* Set a record's type: 0, or 1 if none starts at base. */
MT_HIDDEN int mt_set_type(struct mt_state *S, uint64_t base, uint64_t type);
/* Set a record's site (the preload's operator new names its own caller): 0, or 1 if none. */
MT_HIDDEN int mt_set_site(struct mt_state *S, uint64_t base, uint64_t site);
/* Visit every record (copied out per page, outside any lock). */
MT_HIDDEN int mt_iterate(struct mt_state *S, memtable_visit_fn visit, void *arg);
/* Take / release every lock around fork. */
MT_HIDDEN void mt_fork_prepare(struct mt_state *S);
MT_HIDDEN void mt_fork_release(struct mt_state *S);

/* -- Records and mappings (memtable_pool.c) -- */

MT_HIDDEN void *mt_map(struct mt_state *S, size_t bytes);
MT_HIDDEN int mt_rec_refill(struct mt_state *S);
MT_HIDDEN void mt_rec_spill(struct mt_state *S);

/* A thread's cache of free records, so the common path takes no shared lock. Initial-exec TLS in
   the preload (see binding.gyp): a malloc wrapper must not call __tls_get_addr. One structure, so
   the fast paths find both fields from one thread-pointer offset. */
struct mt_cache {
  struct mt_rec *free; /* a chain through next */
  unsigned count;      /* records on it */
};
MT_HIDDEN extern __thread struct mt_cache mt_tl;
#define MT_CACHE_MAX 256 /* a thread's cache beyond this goes back to the shared list */

/* A free record (fields undefined), or NULL when memory is exhausted. */
static inline struct mt_rec *mt_rec_get(struct mt_state *S) {
  if (__builtin_expect(!mt_tl.free, 0) && !mt_rec_refill(S)) return NULL;
  struct mt_rec *r = mt_tl.free;
  mt_tl.free = __atomic_load_n(&r->next, __ATOMIC_ACQUIRE);
  mt_tl.count--;
  return r;
}

/* Return a record; it stays mapped forever (readers may still be looking at it). */
static inline void mt_rec_put(struct mt_state *S, struct mt_rec *r) {
  __atomic_store_n(&r->next, mt_tl.free, __ATOMIC_RELEASE);
  mt_tl.free = r;
  if (__builtin_expect(++mt_tl.count > MT_CACHE_MAX, 0)) mt_rec_spill(S);
}

/* -- Spin locks (held for a few stores; writers on different leaves never meet) -- */

/* Take a spin lock, yielding the CPU when it is held for long. */
static inline void mt_lock(uint32_t *lock) {
  for (unsigned spins = 0;; spins++) {
    if (!__atomic_load_n(lock, __ATOMIC_RELAXED) && !__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE)) return;
    if (spins < 64) __builtin_ia32_pause();
    else sched_yield();
  }
}

static inline void mt_unlock(uint32_t *lock) { __atomic_store_n(lock, 0, __ATOMIC_RELEASE); }

/* -- Preload (memtable_preload.c, only in libmemtable-preload.so) -- */

/* The preload's index, found by libmemtable.so through dlsym. Exported by the preload only. */
#define MT_PRELOAD_STATE_SYMBOL "memtable_preload_state"

#endif
