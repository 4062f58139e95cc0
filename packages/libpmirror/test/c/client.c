/* A C client of libpmirror through its public header only. */
#include <stdio.h>
#include <string.h>
#include "libpmirror.h"

int main(void) {
  printf("%s\n", pmirror_version());
  if (strcmp(pmirror_strerror(PMIRROR_E_INVAL), "invalid argument") != 0) return 1;
  if (strcmp(pmirror_strerror(12345), "unknown error") != 0) return 1;
  return 0;
}
