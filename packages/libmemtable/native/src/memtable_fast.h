/* libmemtable: the index's inline helpers and the malloc fast paths (insert and remove within one leaf). */
#ifndef MEMTABLE_FAST_H
#define MEMTABLE_FAST_H

#include "memtable_internal.h"
#include "memtable_atomic.h"

/* -- Locating leaves -- */

static inline unsigned top_index(uint64_t a) { return (unsigned)(a >> MT_TOP_SHIFT); }
static inline unsigned mid_index(uint64_t a) { return (unsigned)(a >> MT_LEAF_SHIFT) & (MT_MID_SLOTS - 1); }
static inline unsigned page_index(uint64_t a) { return (unsigned)(a >> MT_PAGE_SHIFT) & (MT_PAGES - 1); }
static inline unsigned line_index(uint64_t a) { return (unsigned)(a >> MT_LINE_SHIFT) & (MT_LINES - 1); }

/* The leaf covering a, or NULL when none was ever created. */
static inline struct mt_leaf *leaf_find(struct mt_state *S, uint64_t a) {
  struct mt_mid *mid = LOAD(&S->top[top_index(a)]);
  return mid ? LOAD(&mid->leaf[mid_index(a)]) : NULL;
}

/* -- Writers: a leaf's sequence is its lock: odd while one writer changes the leaf -- */

/* Take the leaf: move its sequence from even to odd; returns the odd value now held. */
static inline uint32_t write_begin(struct mt_leaf *leaf) {
  for (unsigned spins = 0;; spins++) {
    uint32_t seq = __atomic_load_n(&leaf->seq, __ATOMIC_RELAXED);
    if (__builtin_expect(!(seq & 1), 1) &&
        __builtin_expect(__atomic_compare_exchange_n(&leaf->seq, &seq, seq + 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED), 1))
      return seq + 1;
    if (spins < 64) __builtin_ia32_pause();
    else sched_yield();
  }
}

/* Release the leaf: its sequence becomes even again, and different from before. */
static inline void write_end(struct mt_leaf *leaf) { STORE(&leaf->seq, leaf->seq + 1); }

/* One attempt at taking the leaf: 1 with the odd sequence now held in *held, or 0 when another
   writer has it. For the fast paths, which must not call (nor spin) so that they need no frame. */
static inline int write_try(struct mt_leaf *leaf, uint32_t *held) {
  uint32_t seq = __atomic_load_n(&leaf->seq, __ATOMIC_RELAXED);
  *held = seq + 1;
  return __builtin_expect(!(seq & 1), 1) &&
         __builtin_expect(__atomic_compare_exchange_n(&leaf->seq, &seq, seq + 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED), 1);
}

/* Release a leaf taken by write_begin, which returned held (saves reloading the sequence). */
static inline void write_end_held(struct mt_leaf *leaf, uint32_t held) { STORE(&leaf->seq, held + 1); }

/* Point the spans of pages [first, last] (absolute page numbers, all in leaf) at r, or clear them. */
static inline void fill_spans(struct mt_leaf *leaf, uint64_t first, uint64_t last, struct mt_rec *r) {
  for (uint64_t page = first; page <= last; page++) STORE(&leaf->span[page & (MT_PAGES - 1)], r);
}

/* Point the spans of the pages after base's up to last's (both in leaf) at r, or clear them. */
static inline void fill_spans_after(struct mt_leaf *leaf, uint64_t base, uint64_t last, struct mt_rec *r) {
  if (!((base ^ last) >> MT_PAGE_SHIFT)) return; /* most small blocks: all on one page */
  for (struct mt_rec **s = &leaf->span[page_index(base)], **e = &leaf->span[page_index(last)]; s < e;) STORE(++s, r);
}

/* The last page of the leaf that holds page. */
static inline uint64_t leaf_last_page(uint64_t page) { return page | (MT_PAGES - 1); }

/* The last byte of a block (a 0-byte block owns its first byte). */
static inline uint64_t last_byte(uint64_t base, uint64_t size) { return base + size - (size != 0); }

/* -- Fast paths --
   The preload inlines these into malloc and free: the common case (an aligned block inside one
   existing leaf, a record in the thread's cache, the leaf's lock free) in a few dozen instructions,
   with no call. They return 0 when done, and 1 having changed nothing when the caller must take
   the general path (mt_insert, mt_remove), which handles every case, waits for the lock and
   reports every error. */

/* As mt_insert without the overlap check, for a block [base, base + size) of real memory (base
   nonzero, no wrap-around: what an allocator just returned). */
static inline __attribute__((always_inline)) int mt_insert_fast(struct mt_state *S, uint64_t base, uint64_t size,
                                                                uint64_t site, uint64_t type) {
  /* Within one leaf, 1 byte to 2 MiB (0-byte blocks take the general path), in range, aligned. */
  uint64_t last = base + size - 1;
  if (__builtin_expect(((((base ^ last) | (size - 1)) >> MT_LEAF_SHIFT) | (base >> MT_ADDR_BITS) | (base & 7)) != 0, 0))
    return 1;
  struct mt_leaf *leaf = leaf_find(S, base);
  struct mt_rec *r = mt_tl.free;
  if (__builtin_expect(!leaf || !r, 0)) return 1;
  /* Filled before the lock: the record is no longer on any chain, and a reader still holding it
     from its old place fails its sequence check (that leaf's sequence moved when it was unlinked). */
  STORE(&r->base, base);
  STORE(&r->size, size);
  STORE(&r->site, site);
  STORE(&r->type, type);
  struct mt_rec **link = &leaf->head[line_index(base)], *next;
  uint32_t held;
  if (__builtin_expect(!write_try(leaf, &held), 0)) return 1;
  while ((next = *link) && next->base > base) link = &next->next;
  if (__builtin_expect(next && next->base == base, 0)) {
    write_end_held(leaf, held);
    return 1;
  }
  mt_tl.free = LOAD(&r->next);
  mt_tl.count--;
  STORE(&r->next, next);
  STORE(link, r);
  fill_spans_after(leaf, base, last, r);
  write_end_held(leaf, held);
  return 0;
}

/* As mt_remove, for a block inside one leaf; 2 when done and the thread's record cache is over its
   limit (the caller then calls mt_rec_spill, outside the fast path). */
static inline __attribute__((always_inline)) int mt_remove_fast(struct mt_state *S, uint64_t base,
                                                                struct memtable_info *info_ret) {
  struct mt_leaf *leaf = __builtin_expect(base < MT_ADDR_LIMIT, 1) ? leaf_find(S, base) : NULL;
  if (__builtin_expect(!leaf, 0)) return 1;
  struct mt_rec **link = &leaf->head[line_index(base)], *r;
  uint32_t held;
  if (__builtin_expect(!write_try(leaf, &held), 0)) return 1;
  while ((r = *link) && r->base > base) link = &r->next;
  if (__builtin_expect(!r || r->base != base, 0)) {
    write_end_held(leaf, held);
    return 1;
  }
  uint64_t size = r->size, last = base + size - 1;
  if (__builtin_expect((((base ^ last) | (size - 1)) >> MT_LEAF_SHIFT) != 0, 0)) { /* 0 bytes, or crosses leaves */
    write_end_held(leaf, held);
    return 1;
  }
  STORE(link, r->next);
  fill_spans_after(leaf, base, last, NULL);
  write_end_held(leaf, held);
  if (info_ret) *info_ret = (struct memtable_info){base, size, r->site, r->type};
  STORE(&r->next, mt_tl.free); /* mt_rec_put, with the spill left to the caller */
  mt_tl.free = r;
  return __builtin_expect(++mt_tl.count > MT_CACHE_MAX, 0) ? 2 : 0;
}

#endif
