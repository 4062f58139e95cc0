/* dwarfpython_probe from C: readable ranges pass, NULL, unmapped and wrapping ranges are refused. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include "dwarfpython.h"

#define EXPECT(cond) do { if (!(cond)) { fprintf(stderr, "failed: %s (line %d)\n", #cond, __LINE__); return 1; } } while (0)

int main(void) {
  static char data[10000];
  EXPECT(dwarfpython_probe((uintptr_t)data, sizeof data) == 0);
  EXPECT(dwarfpython_probe(0, 8) == DWARFPYTHON_E_FAULT);
  EXPECT(dwarfpython_probe((uintptr_t)data, 0) == DWARFPYTHON_E_INVAL);
  EXPECT(dwarfpython_probe(UINT64_MAX - 4, 16) == DWARFPYTHON_E_INVAL);
  /* A guard page after a readable one: the range that crosses into it is refused. */
  char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  EXPECT(p != MAP_FAILED);
  EXPECT(mprotect(p + 4096, 4096, PROT_NONE) == 0);
  EXPECT(dwarfpython_probe((uintptr_t)p, 4096) == 0);
  EXPECT(dwarfpython_probe((uintptr_t)p + 4000, 200) == DWARFPYTHON_E_FAULT);
  EXPECT(munmap(p, 8192) == 0);
  EXPECT(dwarfpython_probe((uintptr_t)p, 1) == DWARFPYTHON_E_FAULT);
  EXPECT(strcmp(dwarfpython_error_name(DWARFPYTHON_E_FAULT), "FAULT") == 0);
  EXPECT(dwarfpython_error_name(-999) == NULL);
  puts("ok");
  return 0;
}
