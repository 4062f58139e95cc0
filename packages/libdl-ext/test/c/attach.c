/* A process that waits inside a C function called from a generated entry point, for gdb -p:
 * prints "ready <pid>", then blocks reading stdin until the test closes it. */
#include <stdio.h>
#include <unistd.h>
#include "libdl-ext.h"

__attribute__((noinline)) static long wait_target(long token) {
  char c;
  while (read(0, &c, 1) > 0) {}
  return token;
}

int main(void) {
  void *h = dlcreate("attach");
  const char *names[] = { "token" };
  struct dlext_entry_info info = { .file = "server.py", .line = 42, .language = DLEXT_DW_LANG_Python,
                                   .param_names = names, .nparam_names = 1 };
  void *e;
  if (!h || dlext_entry_point(h, "py_serve", "l(l)", (void *)wait_target, &info, &e) != 0) return 1;
  printf("ready %d\n", (int)getpid());
  fflush(stdout);
  long r = ((long (*)(long))e)(1234);
  dldestroy(h);
  return r == 1234 ? 0 : 1;
}
