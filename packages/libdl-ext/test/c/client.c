/* A C client of libdl-ext through its public header only. */
#include <stdio.h>
#include <string.h>
#include "libdl-ext.h"

int main(void) {
  printf("%s\n", dlext_version());
  if (strcmp(dlext_strerror(DLEXT_E_INVAL), "invalid argument") != 0) return 1;
  if (strcmp(dlext_strerror(12345), "unknown error") != 0) return 1;
  return 0;
}
