/* A hot generated function for perf: a counted loop in generated code, bound as "hot_loop" and
 * listed in /tmp/perf-<pid>.map (DLEXT_PERF). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "libdl-ext.h"

int main(void) {
  struct dlext_config cfg = { .flags = DLEXT_PERF };
  void *h;
  if (dlext_create("perfdemo", &cfg, &h) != 0) return fprintf(stderr, "%s\n", dlext_dlerror()), 1;
  /* mov ecx, 200000000; 1: dec ecx; jnz 1b; ret */
  static const unsigned char code[] = { 0xb9, 0x00, 0xc2, 0xeb, 0x0b, 0xff, 0xc9, 0x75, 0xfc, 0xc3 };
  void *p = dlalloc(h, sizeof code, DLEXT_ALLOC_CODE);
  if (!p || dlext_write(h, p, code, sizeof code) != 0 || dlbind(h, "hot_loop", p, sizeof code, DLEXT_KIND_FUNC) != 0)
    return fprintf(stderr, "%s\n", dlext_dlerror()), 1;
  /* The same loop with a source description: its samples should land on hot.py:7 (the loop). */
  struct dlext_debug *d;
  void *q = dlalloc(h, sizeof code, DLEXT_ALLOC_CODE);
  if (!q || dlext_write(h, q, code, sizeof code) != 0 || dlext_debug_create("hot.py", "/srv", 5, DLEXT_DW_LANG_Python, &d) != 0 ||
      dlext_debug_line(d, 0, 6) != 0 || dlext_debug_line(d, 5, 7) != 0 || dlext_debug_line(d, 9, 8) != 0 ||
      dlext_bind_debug(h, "hot_py", q, sizeof code, d) != 0)
    return fprintf(stderr, "%s\n", dlext_dlerror()), 1;
  dlext_debug_destroy(d);
  for (int i = 0; i < 2; i++) ((void (*)(void))q)();
  void (*f)(void) = (void (*)(void))p;
  for (int i = 0; i < 3; i++) f();
  printf("pid %d dump %s\n", (int)getpid(), dlext_perf_dump_path());
  dldestroy(h);
  return 0;
}
