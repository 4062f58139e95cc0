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

/* Take the leaf: move its sequence from even to odd. */
static inline void write_begin(struct mt_leaf *leaf) {
  for (unsigned spins = 0;; spins++) {
    uint32_t seq = __atomic_load_n(&leaf->seq, __ATOMIC_RELAXED);
    if (!(seq & 1) && __atomic_compare_exchange_n(&leaf->seq, &seq, seq + 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
      return;
    if (spins < 64) __builtin_ia32_pause();
    else sched_yield();
  }
}

/* Release the leaf: its sequence becomes even again, and different from before. */
static inline void write_end(struct mt_leaf *leaf) { STORE(&leaf->seq, leaf->seq + 1); }

/* Point the spans of pages [first, last] (absolute page numbers, all in leaf) at r, or clear them. */
static inline void fill_spans(struct mt_leaf *leaf, uint64_t first, uint64_t last, struct mt_rec *r) {
  for (uint64_t page = first; page <= last; page++) STORE(&leaf->span[page & (MT_PAGES - 1)], r);
}

/* The last page of the leaf that holds page. */
static inline uint64_t leaf_last_page(uint64_t page) { return page | (MT_PAGES - 1); }

/* -- Fast paths --
   The preload inlines these into malloc and free: the common case (an aligned block inside one
   existing leaf) with no call and no spilled registers; everything else goes to mt_insert and
   mt_remove, which handle every case and report every error. */

/* As mt_insert without the overlap check. */
static inline int mt_insert_fast(struct mt_state *S, uint64_t base, uint64_t size, uint64_t site, uint64_t type) {
  uint64_t end = base + (size ? size : 1), page = base >> MT_PAGE_SHIFT, last = (end - 1) >> MT_PAGE_SHIFT;
  struct mt_leaf *leaf = end <= MT_ADDR_LIMIT && end > base && base && !(base & 7) ? leaf_find(S, base) : NULL;
  struct mt_rec *r;
  if (__builtin_expect(!leaf || last > leaf_last_page(page) || !mt_tl_free, 0))
    return mt_insert(S, base, size, site, type, 0);
  r = mt_rec_get(S);
  write_begin(leaf);
  STORE(&r->base, base);
  STORE(&r->size, size);
  STORE(&r->site, site);
  STORE(&r->type, type);
  struct mt_rec **link = &leaf->head[line_index(base)], *next;
  while ((next = *link) && next->base > base) link = &next->next;
  if (__builtin_expect(next && next->base == base, 0)) {
    write_end(leaf);
    mt_rec_put(S, r);
    return MEMTABLE_E_EXISTS;
  }
  STORE(&r->next, next);
  STORE(link, r);
  fill_spans(leaf, page + 1, last, r);
  write_end(leaf);
  return 0;
}

/* As mt_remove. */
static inline int mt_remove_fast(struct mt_state *S, uint64_t base, struct memtable_info *info_ret) {
  struct mt_leaf *leaf = base < MT_ADDR_LIMIT ? leaf_find(S, base) : NULL;
  if (__builtin_expect(!leaf, 0)) return 1;
  write_begin(leaf);
  struct mt_rec **link = &leaf->head[line_index(base)], *r;
  while ((r = *link) && r->base > base) link = &r->next;
  if (__builtin_expect(!r || r->base != base, 0)) {
    write_end(leaf);
    return 1;
  }
  uint64_t size = r->size, page = base >> MT_PAGE_SHIFT, last = (base + (size ? size : 1) - 1) >> MT_PAGE_SHIFT;
  if (__builtin_expect(last > leaf_last_page(page), 0)) { /* crosses leaves: the general path */
    write_end(leaf);
    return mt_remove(S, base, info_ret);
  }
  STORE(link, r->next);
  fill_spans(leaf, page + 1, last, NULL);
  write_end(leaf);
  if (info_ret) *info_ret = (struct memtable_info){base, size, r->site, r->type};
  mt_rec_put(S, r);
  return 0;
}

#endif
