/* libmemtable tests: interior lookups at every offset over many sizes and alignments; misses for
   stack, static, code and freed memory. Mode "malloc" runs under the preload, "typed" uses the
   typed allocator, "register" registers ranges of a private mapping. */
#define _GNU_SOURCE
#include <malloc.h>
#include <string.h>
#include <sys/mman.h>
#include "check.h"

static int static_var = 42;
static const size_t sizes[] = {0, 1, 7, 8, 15, 16, 17, 24, 31, 32, 33, 63, 64, 100, 255, 256, 257, 1000,
                               4095, 4096, 4097, 8191, 12288, 65536, 131071, 200000, (3u << 20) + 5};
#define NSIZES (sizeof sizes / sizeof sizes[0])
#define REPS 3

/* Allocate in the mode under test; align 0 means the mode's default. */
static void *alloc(const char *mode, size_t size, size_t align, uint64_t type) {
  if (!strcmp(mode, "typed")) return memtable_alloc_typed(size, type);
  if (align == 0) return malloc(size);
  switch (align % 3) {
  case 0: return memalign(align, size);
  case 1: return aligned_alloc(align, size);
  default: {
    void *p = NULL;
    return posix_memalign(&p, align, size) == 0 ? p : NULL;
  }
  }
}

static void release(const char *mode, void *p) {
  if (!strcmp(mode, "typed")) CHECK(memtable_free(p) == 0, "memtable_free(%p)", p);
  else free(p);
}

static void run_alloc(const char *mode) {
  static void *blocks[NSIZES][REPS];
  int typed = !strcmp(mode, "typed");
  size_t aligns[] = {0, 32, 64, 256, 4096, 65536};
  for (size_t ai = 0; ai < (typed ? 1 : sizeof aligns / sizeof aligns[0]); ai++) {
    for (size_t i = 0; i < NSIZES; i++)
      for (int r = 0; r < REPS; r++) {
        blocks[i][r] = alloc(mode, sizes[i], aligns[ai], typed ? 1000 + i : 0);
        CHECK(blocks[i][r] != NULL, "alloc %zu", sizes[i]);
        if (aligns[ai]) CHECK((uintptr_t)blocks[i][r] % aligns[ai] == 0, "%p not %zu-aligned", blocks[i][r], aligns[ai]);
      }
    for (size_t i = 0; i < NSIZES; i++)
      for (int r = 0; r < REPS; r++) check_block(blocks[i][r], sizes[i], typed ? 1000 + i : 0);
    for (size_t i = 0; i < NSIZES; i++)
      for (int r = 0; r < REPS; r++) {
        release(mode, blocks[i][r]);
        check_miss(blocks[i][r], "freed block");
        if (sizes[i] > 1) check_miss((char *)blocks[i][r] + sizes[i] - 1, "end of freed block");
      }
  }
}

/* Registered ranges at every 8-byte alignment inside one private mapping, with gaps between. */
static void run_register(void) {
  size_t len = 16u << 20;
  char *arena = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(arena != MAP_FAILED, "mmap");
  char *p = arena + 8, *bases[NSIZES * REPS];
  size_t n = 0;
  for (int r = 0; r < REPS; r++)
    for (size_t i = 0; i < NSIZES; i++) {
      CHECK(memtable_register(p, sizes[i], 77 + i, (void *)run_register) == 0, "register %zu", sizes[i]);
      bases[n++] = p;
      p += ((sizes[i] ? sizes[i] : 1) + 8 * (r + 1) + 7) & ~(size_t)7; /* a gap of r + 1 words */
    }
  n = 0;
  for (int r = 0; r < REPS; r++)
    for (size_t i = 0; i < NSIZES; i++) {
      char *b = bases[n++];
      check_block(b, sizes[i], 77 + i);
      check_miss(b + (sizes[i] ? sizes[i] : 1), "gap after a registered range");
    }
  for (size_t i = 0; i < n; i++) {
    CHECK(memtable_unregister(bases[i]) == 0, "unregister");
    check_miss(bases[i], "unregistered range");
  }
  munmap(arena, len);
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "typed";
  int stack_var = 1;
  if (!strcmp(mode, "register")) run_register();
  else run_alloc(mode);
  check_miss(&stack_var, "stack");
  check_miss(&static_var, "static");
  check_miss((const void *)main, "code");
  check_miss("a string literal", "rodata");
  check_miss(NULL, "NULL");
  check_miss((const void *)(uintptr_t)(UINT64_C(1) << 47), "beyond user space");
  check_miss((const void *)~(uintptr_t)0, "top of address space");
  printf("ok %lu\n", checks);
  return 0;
}
