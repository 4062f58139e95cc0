/* libdl-ext: perf map entries (/tmp/perf-<pid>.map) naming generated functions for perf report. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dlext_internal.h"

static int map_fd = -1;      /* our descriptor for the map, or -1 */
static bool map_shared;      /* it shares node's (V8's) open file description and offset */
static bool env_checked, env_on, map_failed;

/* If node runs with --perf-basic-prof, V8 holds the map open ("w+", buffered) and writes at its
 * own offset: appending through a separate descriptor would be overwritten. Find that descriptor
 * and share its offset instead. */
static int find_open_map(const char *path) {
  DIR *dir = opendir("/proc/self/fd");
  if (!dir) return -1;
  int found = -1;
  char link[300], target[256];
  for (struct dirent *e; found < 0 && (e = readdir(dir));) {
    snprintf(link, sizeof link, "/proc/self/fd/%s", e->d_name);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0) continue;
    target[n] = '\0';
    if (strcmp(target, path) == 0) found = fcntl(atoi(e->d_name), F_DUPFD_CLOEXEC, 0);
  }
  closedir(dir);
  return found;
}

static bool map_open(void) {
  if (map_fd >= 0) return true;
  if (map_failed) return false;
  char path[64];
  snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
  map_fd = find_open_map(path);
  map_shared = map_fd >= 0;
  if (map_fd < 0) map_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  map_failed = map_fd < 0;
  return !map_failed;
}

static bool enabled(const struct dlext_lib *lib) {
  if (!env_checked) {
    const char *e = getenv("DLEXT_PERF_MAP");
    env_on = e && *e && strcmp(e, "0") != 0;
    env_checked = true;
  }
  if ((lib->cfg.flags & DLEXT_PERF) || env_on) return true;
  if (map_fd >= 0) return true;
  char path[64];
  snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
  return access(path, F_OK) == 0; /* node (or someone) started a map for this process */
}

/* Append "start size name" in one write. Sharing V8's offset, a leading newline ends any line
 * V8 has half-flushed (perf skips the empty or broken line rather than losing ours). Perf maps
 * have no removal: perf reads the file after the process exits, so it is not deleted. */
void dlext_perf_add(const struct dlext_lib *lib, uintptr_t addr, size_t size, const char *name) {
  if (!enabled(lib) || !map_open()) return;
  char line[4200];
  int n = snprintf(line, sizeof line, "%s%lx %zx %s\n", map_shared ? "\n" : "", (unsigned long)addr,
                   size ? size : 1, name);
  if (n > 0 && (size_t)n < sizeof line && write(map_fd, line, (size_t)n) != n) map_failed = true;
}
