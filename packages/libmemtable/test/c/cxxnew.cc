// libmemtable tests, under the preload: C++ operator new records its caller as the site, and
// std::bad_alloc still propagates through the wrapper. Links libmemtable.so for memtable_lookup.
#include <cstdio>
#include <cstdlib>
#include <new>
#include <dlfcn.h>
#include "libmemtable.h"

static int failures;
#define EXPECT(cond)                                              \
  do {                                                            \
    if (!(cond)) std::fprintf(stderr, "line %d: %s\n", __LINE__, #cond), failures++; \
  } while (0)

struct alignas(256) Wide { char bytes[300]; };

__attribute__((noinline)) int *make_ints() { return new int[25]; }
__attribute__((noinline)) Wide *make_wide() { return new Wide; }

// The recorded site of p lies in fn, by dladdr's account of both.
static bool site_in(const void *p, const void *fn) {
  memtable_info info;
  Dl_info a, b;
  if (memtable_lookup(p, &info) != 0) return false;
  return dladdr((void *)info.site, &a) && dladdr(fn, &b) && a.dli_saddr == b.dli_saddr;
}

int main() {
  volatile size_t huge = (size_t)1 << 62;
  int *ints = make_ints();
  Wide *wide = make_wide();
  memtable_info info;
  EXPECT(memtable_lookup(ints + 24, &info) == 0 && info.base == (uintptr_t)ints && info.size == 100);
  EXPECT(site_in(ints, (void *)make_ints));
  EXPECT((uintptr_t)wide % 256 == 0);
  EXPECT(memtable_lookup(&wide->bytes[299], &info) == 0 && info.size == sizeof(Wide));
  EXPECT(site_in(wide, (void *)make_wide));
  bool caught = false;
  try {
    char *never = new char[huge];
    std::printf("%p\n", (void *)never);
  } catch (const std::bad_alloc &) {
    caught = true;
  }
  EXPECT(caught);
  EXPECT(new (std::nothrow) char[huge] == nullptr);
  delete[] ints;
  delete wide;
  EXPECT(memtable_lookup(ints, &info) == 1);
  if (failures) return 1;
  std::printf("ok 9\n");
  return 0;
}
