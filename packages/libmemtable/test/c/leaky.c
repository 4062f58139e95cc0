/* libmemtable tests: leaks 3 x 100 bytes from leak_here() and exits with status 7, for memtable-run. */
#include <stdlib.h>

__attribute__((noinline)) void *leak_here(void) { return malloc(100); }

int main(void) {
  static void *keep[3];
  for (int i = 0; i < 3; i++) keep[i] = leak_here();
  return keep[2] ? 7 : 1;
}
