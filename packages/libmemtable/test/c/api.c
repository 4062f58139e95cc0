/* libmemtable tests: the registration and typed API: status codes, set_type, iteration, statistics. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include "check.h"

struct tally {
  size_t count, bytes, ours;
  uint64_t lo, hi;
};

static int count_visit(const struct memtable_info *info, void *arg) {
  struct tally *t = arg;
  t->count++;
  t->bytes += info->size;
  if (info->base >= t->lo && info->base < t->hi) t->ours++;
  return 0;
}

static int stop_visit(const struct memtable_info *info, void *arg) {
  (void)info;
  return ++*(int *)arg == 3 ? 99 : 0;
}

/* A site that names this function, as the typed allocator records it. */
__attribute__((noinline)) static void *alloc_here(size_t size, uint64_t type) { return memtable_alloc_typed(size, type); }

int main(void) {
  static uint64_t arena[1024];
  char *a = (char *)arena;
  struct memtable_info info;

  /* Registration errors. */
  CHECK(memtable_register(a + 3, 8, 1, NULL) == MEMTABLE_E_ALIGN, "unaligned base");
  CHECK(memtable_register(NULL, 8, 1, NULL) == MEMTABLE_E_RANGE, "NULL base");
  CHECK(memtable_register((void *)(uintptr_t)(UINT64_C(1) << 47), 8, 1, NULL) == MEMTABLE_E_RANGE, "kernel half");
  CHECK(memtable_register(a + 64, 64, 5, (void *)main) == 0, "register");
  CHECK(memtable_register(a + 64, 8, 1, NULL) == MEMTABLE_E_OVERLAP, "same base");
  CHECK(memtable_register(a + 32, 64, 1, NULL) == MEMTABLE_E_OVERLAP, "overlapping the start");
  CHECK(memtable_register(a + 120, 64, 1, NULL) == MEMTABLE_E_OVERLAP, "overlapping the end");
  CHECK(memtable_register(a + 8, 4000, 1, NULL) == MEMTABLE_E_OVERLAP, "covering it");
  CHECK(memtable_register(a + 128, 64, 6, NULL) == 0, "adjacent after");
  CHECK(memtable_register(a + 56, 8, 7, NULL) == 0, "adjacent before");
  CHECK(memtable_lookup(a + 63, &info) == 0 && info.base == (uintptr_t)(a + 56) && info.type == 7, "a+63");
  CHECK(memtable_lookup(a + 64, &info) == 0 && info.base == (uintptr_t)(a + 64) && info.size == 64, "a+64");
  CHECK(info.site == (uintptr_t)main && info.type == 5, "site and type");
  CHECK(memtable_lookup(a + 191, &info) == 0 && info.type == 6, "a+191");
  CHECK(memtable_lookup(a + 192, &info) == 1, "a+192");
  CHECK(memtable_lookup(a + 64, NULL) == MEMTABLE_E_INVAL, "NULL out-parameter");

  /* set_type, unregister. */
  CHECK(memtable_set_type(a + 64, 0xfeedface12345678ull) == 0, "set_type");
  CHECK(memtable_lookup(a + 100, &info) == 0 && info.type == 0xfeedface12345678ull, "type after set_type");
  CHECK(memtable_set_type(a + 65, 1) == 1, "set_type on an interior pointer");
  CHECK(memtable_unregister(a + 64) == 0, "unregister");
  CHECK(memtable_unregister(a + 64) == 1, "unregister twice");
  CHECK(memtable_lookup(a + 64, &info) == 1, "gone");
  CHECK(memtable_unregister(a + 56) == 0 && memtable_unregister(a + 128) == 0, "unregister the rest");

  /* Typed allocation: site is the caller, type as given. */
  void *p = alloc_here(100, 42);
  CHECK(p != NULL, "alloc_typed");
  CHECK(memtable_lookup((char *)p + 99, &info) == 0 && info.type == 42 && info.size == 100, "typed lookup");
  CHECK(info.site - (uintptr_t)alloc_here < 64, "site 0x%" PRIx64 " not in alloc_here %p", info.site, (void *)alloc_here);
  char sym[256];
  CHECK(memtable_symbolize((void *)(uintptr_t)info.site, sym, sizeof sym) == 0, "symbolize");
  CHECK(memtable_symbolize(&info, sym, sizeof sym) == 1, "symbolize a stack address");
  CHECK(memtable_symbolize((void *)main, NULL, 10) == MEMTABLE_E_INVAL, "symbolize into NULL");
  /* main is named when exported (-rdynamic); otherwise the object and offset are still given. */
  CHECK(memtable_symbolize((void *)main, sym, sizeof sym) == 0 && strstr(sym, "/api") && strstr(sym, "+0x"),
        "main symbolized as %s", sym);
  errno = 0;
  CHECK(memtable_alloc_typed(SIZE_MAX - 4096, 1) == NULL && errno == ENOMEM, "huge typed allocation");
  CHECK(memtable_free(NULL) == 0, "free(NULL)");
  CHECK(memtable_free((char *)p + 8) == 1, "free of an interior pointer");
  CHECK(memtable_lookup(p, &info) == 0, "still live after a refused free");

  /* A caller-chosen site. */
  void *q = memtable_alloc_typed_at(24, 11, (void *)main);
  CHECK(q && memtable_lookup(q, &info) == 0 && info.site == (uintptr_t)main && info.type == 11, "alloc_typed_at");
  CHECK(memtable_free(q) == 0, "free q");

  /* Iteration and statistics agree with what we allocated. */
  void *many[500];
  for (int i = 0; i < 500; i++) CHECK((many[i] = memtable_alloc_typed((size_t)i * 3, 9)) != NULL, "alloc");
  struct memtable_stats st;
  CHECK(memtable_stats(&st) == 0, "stats");
  struct tally t = {0, 0, 0, 0, UINT64_MAX};
  CHECK(memtable_iterate(count_visit, &t) == 0, "iterate");
  CHECK(st.live_count == t.count && st.live_bytes == t.bytes, "stats %" PRIu64 " / %" PRIu64 " vs walk %zu / %zu",
        st.live_count, st.live_bytes, t.count, t.bytes);
  CHECK(st.live_count >= 501 && st.index_bytes > 0, "count %" PRIu64, st.live_count);
  int stops = 0;
  CHECK(memtable_iterate(stop_visit, &stops) == 99 && stops == 3, "early stop");
  struct memtable_site sites[4];
  size_t nsites = 0;
  CHECK(memtable_site_totals(sites, 4, &nsites) == 0 && nsites >= 2 && nsites == st.sites, "site totals");
  CHECK(sites[0].bytes >= sites[1].bytes, "sorted");
  int found = 0;
  for (size_t i = 0; i < 4 && i < nsites; i++)
    if (sites[i].count == 500 && sites[i].bytes == 3 * 499 * 500 / 2) found = 1;
  CHECK(found, "the loop's site totals");
  static struct memtable_info snap[2000];
  size_t nsnap = 0, mine = 0;
  CHECK(memtable_snapshot(snap, 2000, &nsnap) == 0 && nsnap == st.live_count, "snapshot of %zu", nsnap);
  for (size_t i = 0; i < nsnap; i++) mine += snap[i].type == 9;
  CHECK(mine == 500, "snapshot holds the 500 blocks of type 9 (%zu)", mine);
  CHECK(memtable_snapshot(snap, 10, &nsnap) == 0 && nsnap == 10, "snapshot capped");
  CHECK(memtable_snapshot(NULL, 10, &nsnap) == MEMTABLE_E_INVAL, "snapshot into NULL");
  for (int i = 0; i < 500; i++) CHECK(memtable_free(many[i]) == 0, "free");
  CHECK(memtable_free(p) == 0, "free p");
  CHECK(memtable_stats(&st) == 0 && st.live_count == 0, "empty at the end (%" PRIu64 ")", st.live_count);
  CHECK(strcmp(memtable_strerror(MEMTABLE_E_OVERLAP), "range overlaps a live allocation") == 0, "strerror");
  printf("ok %lu\n", checks);
  return 0;
}
