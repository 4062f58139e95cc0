/* A C client of libpmirror through its public header only: reads its own debug information. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "libpmirror.h"

int main(int argc, char **argv) {
  printf("%s\n", pmirror_version());
  if (strcmp(pmirror_strerror(PMIRROR_E_INVAL), "invalid argument") != 0) return 1;
  if (strcmp(pmirror_strerror(12345), "unknown error") != 0) return 1;
  if (argc < 2) return 0;
  /* With an argument: describe our own main and where it starts, as a C user of the core would. */
  pmirror_debug *d;
  uint64_t die, value;
  if (pmirror_debug_open(argv[1], NULL, &d) != 0) return fprintf(stderr, "%s\n", pmirror_last_error()), 2;
  if (pmirror_debug_lookup(d, PMIRROR_KIND_FUNCTION, "main", &die) != 0) return 3;
  if (pmirror_elf_symbol(pmirror_debug_elf(d), "main", &value, NULL) != 0) return 4;
  const char *file;
  unsigned line, col;
  if (pmirror_debug_line_at(d, value, &file, &line, &col) != 0) return 5;
  printf("main 0x%" PRIx64 " %s:%u\n", value, file, line);
  char *json;
  if (pmirror_debug_describe(d, die, &json) != 0) return 6;
  printf("%s\n", json);
  pmirror_free(json);
  pmirror_debug_destroy(d);
  return 0;
}
