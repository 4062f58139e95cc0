/* libdl-ext: perf map entries (/tmp/perf-<pid>.map) and a jitdump (jit-<pid>.dump for
 * `perf inject --jit`) naming generated functions for perf report. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include "dlext_internal.h"

static int map_fd = -1;      /* our descriptor for the map, or -1 */
static bool map_shared;      /* it shares node's (V8's) open file description and offset */
static bool env_checked, env_on, map_failed, node_checked, node_map;

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

/* Explicit profiling (DLEXT_PERF on the library, or $DLEXT_PERF=1): perf map and jitdump. */
static bool explicit_on(const struct dlext_lib *lib) {
  if (!env_checked) {
    const char *e = getenv("DLEXT_PERF");
    env_on = e && *e && strcmp(e, "0") != 0;
    env_checked = true;
  }
  return (lib->cfg.flags & DLEXT_PERF) || env_on;
}

/* Perf map entries: when profiling explicitly, or when node (or anyone) started a map for this
 * process (checked once): then ours join it, and nothing else is written. */
static bool map_on(const struct dlext_lib *lib) {
  if (explicit_on(lib) || map_fd >= 0) return true;
  if (!node_checked) {
    char path[64];
    snprintf(path, sizeof path, "/tmp/perf-%d.map", (int)getpid());
    node_map = access(path, F_OK) == 0;
    node_checked = true;
  }
  return node_map;
}

/* -- jitdump (tools/perf/Documentation/jitdump-specification.txt) --
 *
 * perf resolves samples in file-backed code through the file, and ours is deleted when the
 * process ends; the perf map is read for anonymous code only. A jitdump records each function
 * (address, size, name, bytes); `perf record -k mono` sees the dump's executable mapping and
 * `perf inject --jit` turns the records into per-function ELF files that perf report reads. */

#define JITDUMP_MAGIC 0x4A695444u
enum { JIT_CODE_LOAD = 0, JIT_CODE_DEBUG_INFO = 2 };

struct jitheader { uint32_t magic, version, total_size, elf_mach, pad1, pid; uint64_t timestamp, flags; };
struct jr_code_load {
  uint32_t id, total_size; uint64_t timestamp;   /* record prefix */
  uint32_t pid, tid; uint64_t vma, code_addr, code_size, code_index;
};

static int dump_fd = -1;
static bool dump_failed;
static uint64_t dump_index;
static char dump_path[4200];

static uint64_t monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Create <private dir>/jit-<pid>.dump, write its header and map it read+exec (never writable):
 * the mapping is how perf record learns where the dump is. */
static bool dump_open(void) {
  if (dump_fd >= 0) return true;
  if (dump_failed) return false;
  dump_failed = true;
  const char *t = getenv("TMPDIR");
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/dlext-jit-XXXXXX", t && *t ? t : "/tmp");
  if (!mkdtemp(dir)) return false;
  snprintf(dump_path, sizeof dump_path, "%s/jit-%d.dump", dir, (int)getpid());
  int fd = open(dump_path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  struct jitheader h = { JITDUMP_MAGIC, 1, sizeof h, EM_X86_64, 0, (uint32_t)getpid(), monotonic_ns(), 0 };
  void *marker = write(fd, &h, sizeof h) == (ssize_t)sizeof h
                   ? mmap(NULL, (size_t)sysconf(_SC_PAGESIZE), PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  if (marker == MAP_FAILED) {
    close(fd);
    return false;
  }
  dump_fd = fd;
  dump_failed = false;
  return true;
}

/* A line table for the next JIT_CODE_LOAD (perf inject turns it into .debug_line, so perf
 * report --sort srcline and perf annotate show the client's source lines). */
static void dump_lines(uintptr_t addr, const struct dlext_debug *d) {
  size_t n = d->nlines ? d->nlines : 1, flen = strlen(d->file) + 1, total = 32 + n * (16 + flen);
  struct { uint32_t id, total_size; uint64_t timestamp, code_addr, nr_entry; } h = {
    JIT_CODE_DEBUG_INFO, (uint32_t)total, monotonic_ns(), addr, n };
  struct dlext_buf b = { 0 };
  dlext_buf_bytes(&b, &h, sizeof h);
  for (size_t i = 0; i < n; i++) {
    uint64_t at = addr + (d->nlines ? d->lines[i].offset : 0);
    int32_t line = (int32_t)(d->nlines ? d->lines[i].line : (d->line ? d->line : 1)), discrim = 0;
    dlext_buf_bytes(&b, &at, 8);
    dlext_buf_bytes(&b, &line, 4);
    dlext_buf_bytes(&b, &discrim, 4);
    dlext_buf_bytes(&b, d->file, flen);
  }
  if (b.oom || b.n != total || write(dump_fd, b.p, b.n) != (ssize_t)b.n) dump_failed = true;
  dlext_buf_free(&b);
}

static void dump_add(uintptr_t addr, size_t size, const char *name, const struct dlext_debug *d) {
  if (!dump_open()) return;
  if (d && !d->frame_only) dump_lines(addr, d);
  size_t namelen = strlen(name) + 1;
  struct jr_code_load r = { JIT_CODE_LOAD, (uint32_t)(sizeof r + namelen + size), monotonic_ns(),
    (uint32_t)getpid(), (uint32_t)syscall(SYS_gettid), addr, addr, size, dump_index++ };
  struct iovec v[3] = { { &r, sizeof r }, { (void *)name, namelen }, { (void *)addr, size } };
  if (writev(dump_fd, v, 3) != (ssize_t)r.total_size) dump_failed = true;
}

/* The jitdump of this process, or NULL if none was written. */
const char *dlext_perf_dump_path(void) { return dump_fd >= 0 ? dump_path : NULL; }

/* Append "start size name" in one write. Sharing V8's offset, a leading newline ends any line
 * V8 has half-flushed (perf skips the empty or broken line rather than losing ours). Perf maps
 * have no removal: perf reads the file after the process exits, so it is not deleted. */
void dlext_perf_add(const struct dlext_lib *lib, uintptr_t addr, size_t size, const char *name,
                    const struct dlext_debug *d) {
  if (explicit_on(lib)) dump_add(addr, size, name, d);
  if (!map_on(lib) || !map_open()) return;
  char line[4200];
  int n = snprintf(line, sizeof line, "%s%lx %zx %s\n", map_shared ? "\n" : "", (unsigned long)addr,
                   size ? size : 1, name);
  if (n > 0 && (size_t)n < sizeof line && write(map_fd, line, (size_t)n) != n) map_failed = true;
}
