/* libmemtable bench: lookup latency (hit, miss inside the heap, miss elsewhere) and memory overhead
   per live allocation. Prints one "name value" line per figure. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "libmemtable.h"

#define NBLOCKS 200000
#define NADDRS (1u << 20)

static uint64_t s = 88172645463325252ull;
static inline uint64_t rnd(void) { return s ^= s << 13, s ^= s >> 7, s ^= s << 17; }

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); /* CPU time: steadier than wall time on a busy machine */
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Resident bytes of this process. */
static long rss(void) {
  long pages = 0, res = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  if (!f || fscanf(f, "%ld %ld", &pages, &res) != 2) abort();
  fclose(f);
  return res * sysconf(_SC_PAGESIZE);
}

/* ns per lookup over a precomputed address array: the fastest of ROUNDS rounds of NADDRS lookups
   (on a shared machine a round that another process interrupted, or whose caches it flushed, is
   slower, never faster); sums results so nothing is optimised away. */
#define ROUNDS 20
static double time_lookups(uintptr_t *addrs, int expect) {
  struct memtable_info info;
  double best = 1e30;
  for (int round = 0; round < ROUNDS; round++) {
    unsigned long found = 0;
    double t0 = now();
    for (unsigned long i = 0; i < NADDRS; i++) found += memtable_lookup((void *)addrs[i], &info) == 0;
    double t = now() - t0;
    if (found != (expect ? NADDRS : 0)) {
      fprintf(stderr, "expected %s, found %lu of %u\n", expect ? "hits" : "misses", found, NADDRS);
      exit(1);
    }
    if (t < best) best = t;
  }
  return best / NADDRS * 1e9;
}

int main(void) {
  static void *blocks[NBLOCKS];
  static size_t sizes[NBLOCKS];
  uintptr_t *addrs = malloc(NADDRS * sizeof *addrs);
  for (int i = 0; i < NBLOCKS; i++) sizes[i] = 16 + rnd() % 241; /* small objects: where overhead shows */

  /* Memory: the same sizes from plain glibc, then through the typed allocator. */
  long r0 = rss();
  void **plain = malloc(NBLOCKS * sizeof *plain);
  for (int i = 0; i < NBLOCKS; i++) memset(plain[i] = malloc(sizes[i]), 1, sizes[i]);
  long r1 = rss();
  for (int i = 0; i < NBLOCKS; i++) memset(blocks[i] = memtable_alloc_typed(sizes[i], 1), 1, sizes[i]);
  long r2 = rss();
  struct memtable_stats st;
  memtable_stats(&st);
  printf("glibc_bytes_per_block %.1f\n", (double)(r1 - r0) / NBLOCKS);
  printf("typed_bytes_per_block %.1f\n", (double)(r2 - r1) / NBLOCKS);
  printf("overhead_bytes_per_block %.1f\n", (double)(r2 - r1 - (r1 - r0)) / NBLOCKS);
  printf("index_mapped_per_block %.1f\n", (double)st.index_bytes / (double)st.live_count);
  for (int i = 0; i < NBLOCKS; i++) free(plain[i]);

  for (unsigned i = 0; i < NADDRS; i++) {
    unsigned k = (unsigned)(rnd() % NBLOCKS);
    addrs[i] = (uintptr_t)blocks[k] + rnd() % sizes[k];
  }
  printf("hit_cold_ns %.1f\n", time_lookups(addrs, 1));
  uintptr_t *hot = malloc(NADDRS * sizeof *hot); /* the same lookups over 1000 blocks: cache-resident */
  for (unsigned i = 0; i < NADDRS; i++) {
    unsigned k = (unsigned)(rnd() % 1000);
    hot[i] = (uintptr_t)blocks[k] + rnd() % sizes[k];
  }
  printf("hit_hot_ns %.1f\n", time_lookups(hot, 1));
  for (int i = 0; i < NBLOCKS; i += 2) memtable_free(blocks[i]); /* holes inside indexed pages */
  for (unsigned i = 0; i < NADDRS; i++) {
    unsigned k = (unsigned)(rnd() % (NBLOCKS / 2)) * 2;
    addrs[i] = (uintptr_t)blocks[k] + rnd() % sizes[k];
  }
  printf("miss_heap_ns %.1f\n", time_lookups(addrs, 0));
  static char data[1 << 16];
  for (unsigned i = 0; i < NADDRS; i++) addrs[i] = (uintptr_t)data + rnd() % sizeof data;
  printf("miss_static_ns %.1f\n", time_lookups(addrs, 0));
  return 0;
}
