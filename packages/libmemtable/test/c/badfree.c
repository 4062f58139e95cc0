/* libmemtable tests, under the preload: a bad free or realloc (argv[1]) must be reported on stderr
   with the pointer and the calling site, then abort. */
#include <string.h>
/* These bugs are the point of this program. */
#pragma GCC diagnostic ignored "-Wuse-after-free"
#pragma GCC diagnostic ignored "-Wfree-nonheap-object"
#include "check.h"

__attribute__((noinline)) void bad_caller(const char *what) {
  static int static_var;
  char *p = malloc(64);
  printf("%p\n", (void *)p);
  fflush(stdout);
  if (!strcmp(what, "double")) {
    free(p);
    free(p);
  } else if (!strcmp(what, "interior")) {
    free(p + 16);
  } else if (!strcmp(what, "static")) {
    free(&static_var);
  } else if (!strcmp(what, "realloc")) {
    p = realloc(p + 8, 100);
  }
  printf("survived %p\n", (void *)p);
}

int main(int argc, char **argv) {
  bad_caller(argc > 1 ? argv[1] : "double");
  return 0;
}
