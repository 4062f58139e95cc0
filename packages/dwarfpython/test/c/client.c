/* A C client of libdwarfpython through its public header only. */
#include <stdio.h>
#include <string.h>
#include "dwarfpython.h"

int main(void) {
  printf("%s\n", dwarfpython_version());
  if (strcmp(dwarfpython_strerror(DWARFPYTHON_E_INVAL), "invalid argument") != 0) return 1;
  if (strcmp(dwarfpython_strerror(12345), "unknown error") != 0) return 1;
  return 0;
}
