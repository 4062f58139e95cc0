/* Test helper: scan /proc/self/maps for W+X mappings and for the stack's permissions. */
#ifndef WX_H
#define WX_H
#include <stdio.h>
#include <string.h>

/* Number of mappings both writable and executable (printing each); -1 if maps is unreadable. */
static int wx_count(void) {
  FILE *f = fopen("/proc/self/maps", "r");
  if (!f) return -1;
  char line[4096], perms[8];
  int n = 0;
  while (fgets(line, sizeof line, f)) {
    if (sscanf(line, "%*s %7s", perms) != 1) continue;
    if (perms[1] == 'w' && perms[2] == 'x') {
      fprintf(stderr, "W+X mapping: %s", line);
      n++;
    }
  }
  fclose(f);
  return n;
}

/* Permissions of the mappings of a file path: sets *exec_w if an executable mapping is writable. */
static int wx_file(const char *path, int *mappings, int *exec_seen) {
  FILE *f = fopen("/proc/self/maps", "r");
  if (!f) return -1;
  char line[4096], perms[8];
  *mappings = *exec_seen = 0;
  while (fgets(line, sizeof line, f)) {
    if (!strstr(line, path) || sscanf(line, "%*s %7s", perms) != 1) continue;
    (*mappings)++;
    if (perms[2] == 'x') (*exec_seen)++;
  }
  fclose(f);
  return 0;
}

/* 1 if the main stack mapping is executable. */
static int stack_exec(void) {
  FILE *f = fopen("/proc/self/maps", "r");
  char line[4096], perms[8];
  int x = 0;
  while (f && fgets(line, sizeof line, f))
    if (strstr(line, "[stack]") && sscanf(line, "%*s %7s", perms) == 1) x = perms[2] == 'x';
  if (f) fclose(f);
  return x;
}
#endif
