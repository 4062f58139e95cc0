/* A generated entry point "py_scale" (demo.py:10) forwarding to a C target, for gdb -batch tests:
 * named frames with file:line, info args, pending breakpoints; and backtrace() through it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "libdl-ext.h"

struct pt { int x; float y; };

static int through_main; /* set when backtrace() from the target reached main through py_scale */

/* Called from the generated code: walk the stack with the process unwinder (libgcc). */
__attribute__((noinline)) double scale_target(int n, double factor, const char *label, struct pt p) {
  void *frames[16];
  int k = backtrace(frames, 16);
  int at_entry = -1;
  for (int i = 0; i < k; i++) {
    Dl_info info;
    if (!dladdr(frames[i], &info) || !info.dli_sname) continue;
    if (strcmp(info.dli_sname, "py_scale") == 0) at_entry = i;
    if (strcmp(info.dli_sname, "main") == 0 && at_entry >= 0 && i == at_entry + 1) through_main = 1;
  }
  return n * factor + (double)strlen(label) + p.x + p.y;
}

/* An integer-only signature: the entry point stores its arguments with pushes. */
__attribute__((noinline)) long sum_target(long x, long y, long z) { __asm__ volatile(""); return x + y + z; }

int main(int argc, char **argv) {
  void *h = dlcreate("gdbdemo");
  if (!h) return fprintf(stderr, "%s\n", dlext_dlerror()), 1;
  const char *names[] = { "n", "factor", "label", "p" };
  struct dlext_entry_info info = { .file = "demo.py", .comp_dir = "/srv/app", .line = 10,
                                   .language = DLEXT_DW_LANG_Python, .param_names = names, .nparam_names = 4 };
  void *entry;
  if (dlext_entry_point(h, "py_scale", "d(idp{if})", (void *)scale_target, &info, &entry) != 0)
    return fprintf(stderr, "%s\n", dlext_dlerror()), 1;
  double (*f)(int, double, const char *, struct pt) = (double (*)(int, double, const char *, struct pt))dlsym(h, "py_scale");
  if (f != entry) return fprintf(stderr, "dlsym mismatch\n"), 1;
  double r = f(3, 2.5, "hi", (struct pt){ 4, 0.5f });
  const char *sum_names[] = { "x", "y", "z" };
  struct dlext_entry_info sum_info = { .file = "demo.py", .line = 20, .language = DLEXT_DW_LANG_Python,
                                       .param_names = sum_names, .nparam_names = 3 };
  void *sum_entry;
  if (dlext_entry_point(h, "py_sum", "l(lll)", (void *)sum_target, &sum_info, &sum_entry) != 0)
    return fprintf(stderr, "%s\n", dlext_dlerror()), 1;
  long s = ((long (*)(long, long, long))sum_entry)(40, 2, -5);
  printf("sum %ld\n", s);
  /* A plain dlbind'ed function (gdb gets its symbol only): mov eax, 7; ret. */
  static const unsigned char seven[] = { 0xb8, 7, 0, 0, 0, 0xc3 };
  void *p7 = dlalloc(h, sizeof seven, DLEXT_ALLOC_CODE);
  if (!p7 || dlext_write(h, p7, seven, sizeof seven) != 0 || dlbind(h, "plain_seven", p7, sizeof seven, DLEXT_KIND_FUNC) != 0)
    return fprintf(stderr, "%s\n", dlext_dlerror()), 1;
  printf("seven %d\n", ((int (*)(void))p7)());
  printf("result %g backtrace %s\n", r, through_main ? "through" : "stopped");
  if (argc > 1 && strcmp(argv[1], "unbind") == 0) {
    if (dlunbind(h, "py_scale") != 0 || dlfree(h, entry) != 0) return 1;
    printf("unbound\n");
    fflush(stdout);
  }
  dldestroy(h);
  return r == 3 * 2.5 + 2 + 4 + 0.5 && through_main && s == 37 ? 0 : 1;
}
