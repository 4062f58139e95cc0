/* libmemtable: the index: radix table over 2 MiB leaves, per-line chains, per-page spans. */
#include <stddef.h>
#include <string.h>
#include "memtable_internal.h"
#include "memtable_atomic.h"
#include "memtable_fast.h"

#define MT_MAX_STEPS 4096 /* a reader that walks further saw recycled records: it starts again */

/* -- Creating leaves -- */

/* The leaf covering a, created on first use (NULL only when out of memory). */
static struct mt_leaf *leaf_get(struct mt_state *S, uint64_t a) {
  struct mt_leaf *leaf = leaf_find(S, a);
  if (leaf) return leaf;
  mt_lock(&S->grow_lock);
  struct mt_mid *mid = S->top[top_index(a)];
  if (!mid && (mid = mt_map(S, sizeof *mid))) STORE(&S->top[top_index(a)], mid);
  if (mid && !(leaf = mid->leaf[mid_index(a)]) && (leaf = mt_map(S, sizeof *leaf))) {
    leaf->first = a & ~((UINT64_C(1) << MT_LEAF_SHIFT) - 1);
    leaf->all_next = S->leaves;
    S->leaves = leaf;
    STORE(&mid->leaf[mid_index(a)], leaf);
  }
  mt_unlock(&S->grow_lock);
  return leaf;
}

/* Set (r) or clear (NULL) the spans of pages [page, last] that lie beyond the first leaf, each
   leaf under its own lock: only allocations that cross a 2 MiB boundary get here. */
static int set_far_spans(struct mt_state *S, uint64_t page, uint64_t last, struct mt_rec *r) {
  while (page <= last) {
    uint64_t a = page << MT_PAGE_SHIFT, stop = last < leaf_last_page(page) ? last : leaf_last_page(page);
    struct mt_leaf *leaf = r ? leaf_get(S, a) : leaf_find(S, a);
    if (leaf) {
      write_begin(leaf);
      fill_spans(leaf, page, stop, r);
      write_end(leaf);
    } else if (r) {
      return MEMTABLE_E_NOMEM;
    }
    page = stop + 1;
  }
  return 0;
}

/* -- Readers -- */

/* The record whose start is the highest at or below a within a's page, else the page's span;
   NULL when the walk met a recycled record (the caller's sequence check then fails). */
static inline struct mt_rec *candidate(struct mt_leaf *leaf, uint64_t a, int *torn) {
  unsigned line = line_index(a), first = line & ~(MT_LINES_PER_PAGE - 1), steps = 0;
  for (unsigned l = line + 1; l-- > first;) {
    for (struct mt_rec *r = LOAD(&leaf->head[l]); r; r = LOAD(&r->next)) {
      if (++steps > MT_MAX_STEPS) {
        *torn = 1;
        return NULL;
      }
      if (LOAD(&r->base) <= a) return r;
    }
  }
  return LOAD(&leaf->span[page_index(a)]);
}

int mt_lookup(struct mt_state *S, uint64_t a, struct memtable_info *info_ret) {
  if (a >= MT_ADDR_LIMIT) return 1;
  struct mt_leaf *leaf = leaf_find(S, a);
  if (!leaf) return 1;
  for (unsigned spins = 0;; spins++) {
    uint32_t seq = LOAD(&leaf->seq);
    if (seq & 1) { /* a writer is in this leaf: wait, yielding if it was descheduled */
      if (spins < 64) __builtin_ia32_pause();
      else sched_yield();
      continue;
    }
    int torn = 0;
    struct mt_rec *r = candidate(leaf, a, &torn);
    struct memtable_info info = {0, 0, 0, 0};
    if (r) {
      info.base = LOAD(&r->base);
      info.size = LOAD(&r->size);
      info.site = LOAD(&r->site);
      info.type = LOAD(&r->type);
    }
    if (torn || __atomic_load_n(&leaf->seq, __ATOMIC_RELAXED) != seq) continue;
    if (!r || a < info.base || a - info.base >= (info.size ? info.size : 1)) return 1;
    *info_ret = info;
    return 0;
  }
}

/* -- Insert and remove -- */

/* Whether any record starts in [lo, hi) (both in the user range). */
static int any_start_in(struct mt_state *S, uint64_t lo, uint64_t hi) {
  for (uint64_t a = lo; a < hi;) {
    uint64_t line_end = (a | ((UINT64_C(1) << MT_LINE_SHIFT) - 1)) + 1;
    struct mt_leaf *leaf = leaf_find(S, a);
    if (!leaf) {
      a = (a | ((UINT64_C(1) << MT_LEAF_SHIFT) - 1)) + 1;
      continue;
    }
    for (struct mt_rec *r = LOAD(&leaf->head[line_index(a)]); r; r = LOAD(&r->next)) {
      uint64_t b = LOAD(&r->base);
      if (b >= lo && b < hi) return 1;
    }
    a = line_end;
  }
  return 0;
}

/* Whether [base, end) overlaps a live allocation. */
static int overlaps(struct mt_state *S, uint64_t base, uint64_t end) {
  struct memtable_info info;
  if (mt_lookup(S, base, &info) == 0 || mt_lookup(S, end - 1, &info) == 0) return 1;
  return any_start_in(S, base, end);
}

int mt_insert(struct mt_state *S, uint64_t base, uint64_t size, uint64_t site, uint64_t type,
              int check_overlap) {
  uint64_t end = base + (size ? size : 1);
  if (base & 7) return MEMTABLE_E_ALIGN;
  if (base == 0 || end > MT_ADDR_LIMIT || end < base) return MEMTABLE_E_RANGE;
  if (check_overlap && overlaps(S, base, end)) return MEMTABLE_E_OVERLAP;
  struct mt_leaf *leaf = leaf_get(S, base);
  struct mt_rec *r = leaf ? mt_rec_get(S) : NULL;
  if (!r) return MEMTABLE_E_NOMEM;
  uint64_t page = base >> MT_PAGE_SHIFT, last = (end - 1) >> MT_PAGE_SHIFT;
  uint64_t near_last = last < leaf_last_page(page) ? last : leaf_last_page(page);
  write_begin(leaf);
  STORE(&r->base, base); /* filled under the lock, just before it is linked */
  STORE(&r->size, size);
  STORE(&r->site, site);
  STORE(&r->type, type);
  struct mt_rec **link = &leaf->head[line_index(base)], *next;
  while ((next = *link) && next->base > base) link = &next->next;
  if (next && next->base == base) {
    write_end(leaf);
    mt_rec_put(S, r);
    return MEMTABLE_E_EXISTS;
  }
  STORE(&r->next, next);
  STORE(link, r);
  fill_spans(leaf, page + 1, near_last, r); /* the common case: all in this leaf, one locked section */
  write_end(leaf);
  if (near_last == last || set_far_spans(S, near_last + 1, last, r) == 0) return 0;
  mt_remove(S, base, NULL);
  return MEMTABLE_E_NOMEM;
}

int mt_remove(struct mt_state *S, uint64_t base, struct memtable_info *info_ret) {
  struct mt_leaf *leaf = base < MT_ADDR_LIMIT ? leaf_find(S, base) : NULL;
  if (!leaf) return 1;
  write_begin(leaf);
  struct mt_rec **link = &leaf->head[line_index(base)], *r;
  while ((r = *link) && r->base > base) link = &r->next;
  if (!r || r->base != base) {
    write_end(leaf);
    return 1;
  }
  struct memtable_info info = {r->base, r->size, r->site, r->type};
  uint64_t page = base >> MT_PAGE_SHIFT, last = (base + (info.size ? info.size : 1) - 1) >> MT_PAGE_SHIFT;
  uint64_t near_last = last < leaf_last_page(page) ? last : leaf_last_page(page);
  STORE(link, r->next);
  fill_spans(leaf, page + 1, near_last, NULL);
  write_end(leaf);
  if (near_last != last) set_far_spans(S, near_last + 1, last, NULL);
  mt_rec_put(S, r);
  if (info_ret) *info_ret = info;
  return 0;
}

/* Store value into one field of the record that starts at base: 0, or 1 if none does. */
static int set_field(struct mt_state *S, uint64_t base, size_t offset, uint64_t value) {
  struct mt_leaf *leaf = base < MT_ADDR_LIMIT ? leaf_find(S, base) : NULL;
  if (!leaf) return 1;
  write_begin(leaf);
  struct mt_rec *r = leaf->head[line_index(base)];
  while (r && r->base > base) r = r->next;
  int found = r && r->base == base;
  if (found) STORE((uint64_t *)((char *)r + offset), value);
  write_end(leaf);
  return found ? 0 : 1;
}

int mt_set_type(struct mt_state *S, uint64_t base, uint64_t type) {
  return set_field(S, base, offsetof(struct mt_rec, type), type);
}

int mt_set_site(struct mt_state *S, uint64_t base, uint64_t site) {
  return set_field(S, base, offsetof(struct mt_rec, site), site);
}

/* -- Iteration and fork -- */

/* Copy the records starting in one page (under the leaf's lock, briefly); returns how many. */
static unsigned copy_page(struct mt_leaf *leaf, unsigned page, struct memtable_info *out) {
  unsigned n = 0;
  write_begin(leaf);
  for (unsigned l = page * MT_LINES_PER_PAGE; l < (page + 1) * MT_LINES_PER_PAGE; l++) {
    unsigned first = n;
    for (struct mt_rec *r = leaf->head[l]; r && n < MT_MAX_PER_PAGE; r = r->next)
      out[n++] = (struct memtable_info){r->base, r->size, r->site, r->type};
    for (unsigned i = first, j = n; i + 1 < j; i++, j--) { /* chains run high to low: reverse */
      struct memtable_info t = out[i];
      out[i] = out[j - 1];
      out[j - 1] = t;
    }
  }
  write_end(leaf);
  return n;
}

int mt_iterate(struct mt_state *S, memtable_visit_fn visit, void *arg) {
  struct memtable_info buf[MT_MAX_PER_PAGE];
  for (struct mt_leaf *leaf = LOAD(&S->leaves); leaf; leaf = LOAD(&leaf->all_next)) {
    for (unsigned page = 0; page < MT_PAGES; page++) {
      unsigned n = copy_page(leaf, page, buf);
      for (unsigned i = 0; i < n; i++) {
        int rc = visit(&buf[i], arg);
        if (rc) return rc;
      }
    }
  }
  return 0;
}

void mt_fork_prepare(struct mt_state *S) {
  mt_lock(&S->grow_lock);
  for (struct mt_leaf *leaf = S->leaves; leaf; leaf = leaf->all_next) write_begin(leaf);
  mt_lock(&S->pool_lock);
}

void mt_fork_release(struct mt_state *S) {
  mt_unlock(&S->pool_lock);
  for (struct mt_leaf *leaf = S->leaves; leaf; leaf = leaf->all_next) write_end(leaf);
  mt_unlock(&S->grow_lock);
}
