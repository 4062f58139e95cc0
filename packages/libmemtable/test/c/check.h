/* libmemtable tests: shared checks (every test program prints "ok <checks>" or the first failure). */
#ifndef MT_TEST_CHECK_H
#define MT_TEST_CHECK_H
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include "libmemtable.h"

static unsigned long checks; /* counted atomically: threads.c checks from nine threads */

#define CHECK(cond, ...)                                   \
  do {                                                     \
    __atomic_fetch_add(&checks, 1, __ATOMIC_RELAXED);     \
    if (!(cond)) {                                         \
      fprintf(stderr, "%s:%d: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                        \
      fputc('\n', stderr);                                 \
      exit(1);                                             \
    }                                                      \
  } while (0)

/* Every offset of [p, p + size) maps to exactly this block; the bytes just outside do not. */
static inline void check_block(const void *p, size_t size, uint64_t type) {
  struct memtable_info info;
  size_t n = size ? size : 1;
  for (size_t off = 0; off < n; off++) {
    int rc = memtable_lookup((const char *)p + off, &info);
    if (rc != 0 || info.base != (uintptr_t)p || info.size != size || info.type != type) {
      CHECK(0, "lookup(%p + %zu) of a %zu-byte block: rc %d base 0x%" PRIx64 " size %" PRIu64 " type %" PRIu64,
            p, off, size, rc, info.base, info.size, info.type);
    }
  }
  __atomic_fetch_add(&checks, n, __ATOMIC_RELAXED);
  CHECK(memtable_lookup((const char *)p + n, &info) != 0 || info.base != (uintptr_t)p, "end of %p matched", p);
  CHECK(memtable_lookup((const char *)p - 1, &info) != 0 || info.base != (uintptr_t)p, "byte before %p matched", p);
}

/* addr lies in no live allocation. */
static inline void check_miss(const void *addr, const char *what) {
  struct memtable_info info;
  int rc = memtable_lookup(addr, &info);
  CHECK(rc == 1, "%s %p: rc %d base 0x%" PRIx64 " size %" PRIu64, what, addr, rc, info.base, info.size);
}
#endif
