/* Write the in-memory ELF objects given to gdb (walking __jit_debug_descriptor as gdb does) to
 * files, for readelf to check: argv[1] is the output prefix. Also feeds the builder bad input. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "libdl-ext.h"

struct jit_code_entry { struct jit_code_entry *next_entry, *prev_entry; const char *symfile_addr; uint64_t symfile_size; };
struct jit_descriptor { uint32_t version, action_flag; struct jit_code_entry *relevant_entry, *first_entry; };
extern struct jit_descriptor __jit_debug_descriptor;

static double target(int n, double f, void *p, long a, long b, long c, long d, long e) {
  return n + f + (p != 0) + a + b + c + d + e;
}

static int bad_input(void) {
  struct dlext_debug *d;
  int t, failures = 0;
  failures += dlext_debug_create(NULL, NULL, 1, 0, &d) != DLEXT_E_INVAL;
  failures += dlext_debug_create("", NULL, 1, 0, &d) != DLEXT_E_INVAL;
  if (dlext_debug_create("x.py", NULL, 1, DLEXT_DW_LANG_Python, &d) != 0) return 1;
  failures += dlext_debug_base_type(d, "int", DLEXT_DW_ATE_signed, 0, &t) != DLEXT_E_INVAL;
  failures += dlext_debug_base_type(d, NULL, DLEXT_DW_ATE_signed, 4, &t) != DLEXT_E_INVAL;
  failures += dlext_debug_pointer_type(d, 7, &t) != DLEXT_E_INVAL;
  failures += dlext_debug_param(d, "x", 0, DLEXT_LOC_CFA, -8) != DLEXT_E_INVAL; /* no type 0 yet */
  failures += dlext_debug_base_type(d, "int", DLEXT_DW_ATE_signed, 4, &t) != 0;
  failures += dlext_debug_member(d, t, "m", t, 0) != DLEXT_E_INVAL;            /* not a struct */
  failures += dlext_debug_param(d, "x", t, 9, 0) != DLEXT_E_INVAL;
  failures += dlext_debug_line(d, 8, 3) != 0;
  failures += dlext_debug_line(d, 4, 3) != DLEXT_E_INVAL;                      /* rows must ascend */
  failures += dlext_debug_frame_rbp(d, 4, 1, 0) != DLEXT_E_INVAL;
  failures += dlext_bind_debug(NULL, "f", NULL, 1, d) != DLEXT_E_HANDLE;
  dlext_debug_destroy(d);
  dlext_debug_destroy(NULL);
  return failures;
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  void *h = dlcreate("jitimage");
  const char *names[] = { "n", "factor", "data", "a", "b", "c", "d", "e" };
  struct dlext_entry_info info = { .file = "demo.py", .comp_dir = "/srv/app", .line = 10,
                                   .language = DLEXT_DW_LANG_Python, .param_names = names, .nparam_names = 8 };
  void *e;
  if (dlext_entry_point(h, "py_many", "d(idplllll)", (void *)target, &info, &e) != 0) return 1;
  if (dlext_entry_point(h, "plain_entry", "v()", (void *)target, NULL, &e) != 0) return 1;
  void *code = dlalloc(h, 32, DLEXT_ALLOC_CODE);
  if (!code || dlbind(h, "plain_sym", code, 32, DLEXT_KIND_FUNC) != 0) return 1;
  int i = 0;
  for (struct jit_code_entry *c = __jit_debug_descriptor.first_entry; c; c = c->next_entry, i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s%d.o", argv[1], i);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(c->symfile_addr, 1, c->symfile_size, f) != c->symfile_size) return 1;
    fclose(f);
    printf("%s\n", path);
  }
  int bad = bad_input();
  dldestroy(h);
  printf("bad input failures %d\n", bad);
  return bad;
}
