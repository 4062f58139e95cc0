/* libmemtable tests: a library that node loads through koffi; its mallocs must be found by lookup. */
#include <stdlib.h>
#include <string.h>

__attribute__((visibility("default"))) void *mallocker_make(size_t n) {
  char *p = malloc(n);
  if (p) memset(p, 'm', n);
  return p;
}

__attribute__((visibility("default"))) void mallocker_free(void *p) { free(p); }
