/* A C client of libparathon through its public header only. */
#include <stdio.h>
#include <string.h>
#include "parathon.h"

int main(void) {
  printf("%s\n", parathon_version());
  if (strcmp(parathon_strerror(PARATHON_E_INVAL), "invalid argument") != 0) return 1;
  if (strcmp(parathon_strerror(12345), "unknown error") != 0) return 1;
  return 0;
}
