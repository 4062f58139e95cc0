/* A C client of libmemtable through its public header only. */
#include <stdio.h>
#include <string.h>
#include "libmemtable.h"

int main(void) {
  printf("%s\n", memtable_version());
  if (strcmp(memtable_strerror(MEMTABLE_E_INVAL), "invalid argument") != 0) return 1;
  if (strcmp(memtable_strerror(12345), "unknown error") != 0) return 1;
  return 0;
}
