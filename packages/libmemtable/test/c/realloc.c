/* libmemtable tests, under the preload: realloc grow/shrink/move, the aligned allocators, calloc and
   reallocarray overflow, malloc(0), malloc_usable_size, and the site of each block (checked against
   the calling function's own address). */
#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

/* Sizes the compiler cannot see, so it does not reject the overflowing calls at compile time. */
static volatile size_t huge = SIZE_MAX - 8192, half = SIZE_MAX / 2, sixteenth = SIZE_MAX / 16, two33 = (size_t)1 << 33;

/* The recorded site must lie inside fn (a return address just after the call). */
#define CHECK_SITE(p, fn)                                                                    \
  do {                                                                                     \
    struct memtable_info i_;                                                               \
    CHECK(memtable_lookup(p, &i_) == 0, "lookup %p", (void *)(p));                        \
    CHECK(i_.site - (uintptr_t)(fn) < 256, "site 0x%" PRIx64 " not in " #fn " %p", i_.site, (void *)(fn)); \
  } while (0)

__attribute__((noinline)) static void *grow(void *p, size_t n) {
  void *q = realloc(p, n);
  __asm__ volatile("" ::: "memory");
  return q;
}

static void test_realloc(void) {
  char *p = malloc(24);
  memset(p, 'a', 24);
  check_block(p, 24, 0);
  CHECK(memtable_set_type(p, 31337) == 0, "set_type");
  char *q = grow(p, 20); /* shrink in place */
  CHECK(q == p, "glibc shrinks 24 -> 20 in place");
  check_block(q, 20, 31337);
  CHECK_SITE(q, grow);
  char *block = malloc(64); /* pins q so the next growth must move */
  char *r = grow(q, 100000);
  CHECK(r != NULL && r != q, "moved");
  CHECK(memcmp(r, "aaaaaaaaaaaaaaaaaaaa", 20) == 0, "contents kept");
  check_block(r, 100000, 31337);
  check_miss(q, "old block after a move");
  volatile uintptr_t old = (uintptr_t)r; /* kept as a number: the pointer is dead after realloc */
  char *s = realloc(r, 50);     /* a large block shrinks */
  check_block(s, 50, 31337);
  if ((uintptr_t)s != old) check_miss((void *)old, "old block after shrink-move");
  else check_miss((void *)(old + 50), "tail given back by shrink");
  CHECK(realloc(s, 0) == NULL, "realloc(p, 0) frees");
  check_miss(s, "block after realloc(p, 0)");
  char *t = realloc(NULL, 33);
  check_block(t, 33, 0);
  errno = 0;
  CHECK(realloc(t, huge) == NULL && errno == ENOMEM, "failed realloc");
  check_block(t, 33, 0); /* still live and still recorded */
  errno = 0;
  CHECK(reallocarray(t, half, 3) == NULL && errno == ENOMEM, "reallocarray overflow");
  check_block(t, 33, 0);
  char *u = reallocarray(t, 10, 10);
  check_block(u, 100, 0);
  free(u);
  free(block);
}

__attribute__((noinline)) static void *get_calloc(size_t n, size_t s) { return calloc(n, s); }

static void test_calloc(void) {
  errno = 0;
  CHECK(calloc(sixteenth, 32) == NULL && errno == ENOMEM, "calloc overflow");
  errno = 0;
  CHECK(calloc(two33, two33) == NULL && errno == ENOMEM, "calloc 2^33 * 2^33");
  unsigned char *p = get_calloc(7, 13);
  check_block(p, 91, 0);
  CHECK_SITE(p, get_calloc);
  for (int i = 0; i < 91; i++) CHECK(p[i] == 0, "zeroed");
  free(p);
  void *z = malloc(0);
  CHECK(z != NULL, "malloc(0)");
  check_block(z, 0, 0);
  free(z);
  free(NULL);
}

static void test_aligned(void) {
  long page = sysconf(_SC_PAGESIZE);
  for (size_t align = 16; align <= (1u << 16); align <<= 1) {
    for (size_t size = 1; size < 70000; size = size * 5 + 3) {
      void *a = memalign(align, size), *b = aligned_alloc(align, size), *c = NULL;
      CHECK(posix_memalign(&c, align, size) == 0, "posix_memalign");
      void *all[3] = {a, b, c};
      for (int k = 0; k < 3; k++) {
        CHECK(all[k] && (uintptr_t)all[k] % align == 0, "%p not aligned to %zu", all[k], align);
        check_block(all[k], size, 0);
        CHECK(malloc_usable_size(all[k]) >= size, "usable size");
      }
      for (int k = 0; k < 3; k++) free(all[k]);
    }
  }
  void *p = (void *)1;
  CHECK(posix_memalign(&p, 24, 8) == EINVAL && p == (void *)1, "posix_memalign(24)");
  CHECK(posix_memalign(&p, 4, 8) == EINVAL, "posix_memalign(4)");
  void *v = valloc(100);
  CHECK((uintptr_t)v % (uintptr_t)page == 0, "valloc aligned");
  check_block(v, 100, 0);
  free(v);
  void *pv = pvalloc(100);
  CHECK((uintptr_t)pv % (uintptr_t)page == 0, "pvalloc aligned");
  check_block(pv, (size_t)page, 0); /* pvalloc's whole page is usable */
  free(pv);
  int x;
  CHECK(malloc_usable_size(&x) == 0, "usable size of a stack address");
}

int main(void) {
  CHECK(memtable_preload_active() == 1, "run this under LD_PRELOAD=libmemtable-preload.so");
  test_realloc();
  test_calloc();
  test_aligned();
  printf("ok %lu\n", checks);
  return 0;
}
