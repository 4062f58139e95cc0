/* libdl-ext benchmark core (built and run by bench/run.mjs): prints one JSON object.
 * argv[1]: a compiled shared library with N functions f_0..f_{N-1} (the dlopen peer), argv[2]: N,
 * argv[3]: a shared library defining long add3(long, long, long) (the call target, as koffi.node is). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "libdl-ext.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* mov eax, imm32; ret */
static void *gen(void *h, int v) {
  unsigned char code[6] = { 0xb8, 0, 0, 0, 0, 0xc3 };
  memcpy(code + 1, &v, 4);
  void *p = dlalloc(h, sizeof code, DLEXT_ALLOC_CODE);
  if (!p || dlext_write(h, p, code, sizeof code) != 0) abort();
  return p;
}

/* Seconds to dlbind n names (allocation and code writing excluded), best of reps. */
static double bind_time(int n, unsigned flags, char **names, int reps) {
  double best = 1e9;
  void **addr = malloc(n * sizeof *addr);
  for (int rep = 0; rep < reps; rep++) {
    struct dlext_config cfg = { .symbols = (size_t)n + 16, .strtab = (size_t)n * 24, .text = (size_t)n * 16 + 4096, .flags = flags };
    void *h;
    if (dlext_create("benchbind", &cfg, &h) != 0) abort();
    for (int i = 0; i < n; i++) addr[i] = gen(h, i);
    double t0 = now();
    for (int i = 0; i < n; i++)
      if (dlbind(h, names[i], addr[i], 6, DLEXT_KIND_FUNC) != 0) abort();
    double t = now() - t0;
    if (t < best) best = t;
    dldestroy(h);
  }
  free(addr);
  return best;
}

/* Seconds to dlopen the compiled peer (RTLD_NOW) and dlsym every name once, best of reps. */
static double dlopen_time(const char *path, int n, char **names, int reps) {
  double best = 1e9;
  for (int rep = 0; rep < reps; rep++) {
    double t0 = now();
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) abort();
    for (int i = 0; i < n; i++)
      if (!dlsym(h, names[i])) abort();
    double t = now() - t0;
    if (t < best) best = t;
    dlclose(h);
  }
  return best;
}

/* ns per dlsym(handle, name) over the given names. */
static double dlsym_ns(void *h, char **names, int n, int rounds) {
  volatile void *sink;
  double t0 = now();
  for (int r = 0; r < rounds; r++)
    for (int i = 0; i < n; i++) sink = dlsym(h, names[i]);
  (void)sink;
  return (now() - t0) * 1e9 / ((double)rounds * n);
}


/* ns per call of f(i, 1, 2) through a function pointer the compiler cannot see through. */
static double call_ns(long (*volatile fp)(long, long, long), long iters) {
  long (*f)(long, long, long) = fp, acc = 0;
  double t0 = now();
  for (long i = 0; i < iters; i++) acc += f(i, 1, 2);
  double t = now() - t0;
  if (acc == 42) puts("");
  return t * 1e9 / (double)iters;
}

int main(int argc, char **argv) {
  if (argc < 4) return 2;
  void *tl = dlopen(argv[3], RTLD_NOW);
  long (*add3)(long, long, long) = tl ? (long (*)(long, long, long))dlsym(tl, "add3") : NULL;
  long (*wrap3)(long, long, long) = tl ? (long (*)(long, long, long))dlsym(tl, "wrap3") : NULL;
  if (!add3 || !wrap3) return 3;
  int n = atoi(argv[2]);
  char **names = malloc(n * sizeof *names);
  for (int i = 0; i < n; i++) {
    names[i] = malloc(24);
    snprintf(names[i], 24, "f_%d", i);
  }
  /* Alternated, so that load changes on a shared machine hit all three alike; best of 5. */
  double bind_gdb = 1e9, bind_nogdb = 1e9, peer = 1e9;
  for (int rep = 0; rep < 5; rep++) {
    double a = bind_time(n, 0, names, 1), b = bind_time(n, DLEXT_NOGDB, names, 1), c = dlopen_time(argv[1], n, names, 1);
    if (a < bind_gdb) bind_gdb = a;
    if (b < bind_nogdb) bind_nogdb = b;
    if (c < peer) peer = c;
  }

  /* dlsym latency: a generated object with n symbols vs libc with common names. */
  void *h = dlcreate("benchsym");
  for (int i = 0; i < n; i++) dlbind(h, names[i], gen(h, i), 6, DLEXT_KIND_FUNC);
  static const char *libc_names[] = { "printf", "malloc", "free", "memcpy", "strlen", "qsort", "fopen", "fclose",
    "read", "write", "open", "close", "strcmp", "strncmp", "getenv", "atoi", "strtol", "snprintf", "memset", "calloc",
    "realloc", "puts", "fwrite", "fread", "mmap", "munmap", "pthread_create", "dlopen", "time", "exit", "abort", "sqrt" };
  int nl = (int)(sizeof libc_names / sizeof *libc_names);
  void *libc = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
  char **gen_names = malloc(nl * sizeof *gen_names);
  for (int i = 0; i < nl; i++) gen_names[i] = names[(i * 7919) % n];
  double sym_gen = 1e9, sym_libc = 1e9;
  for (int rep = 0; rep < 3; rep++) {
    double a = dlsym_ns(h, gen_names, nl, 20000), b = dlsym_ns(libc, (char **)libc_names, nl, 20000);
    if (a < sym_gen) sym_gen = a;
    if (b < sym_libc) sym_libc = b;
  }

  /* Entry point overhead: add3 directly vs through a generated entry point forwarding to it. */
  void *entry;
  if (dlext_entry_point(h, "bench_entry", "l(lll)", (void *)add3, NULL, &entry) != 0) abort();
  long iters = 50000000;
  double direct = 1e9, via = 1e9, wrap = 1e9;
  for (int rep = 0; rep < 9; rep++) {
    double a = call_ns(add3, iters), b = call_ns((long (*)(long, long, long))entry, iters), c = call_ns(wrap3, iters);
    if (a < direct) direct = a;
    if (b < via) via = b;
    if (c < wrap) wrap = c;
  }
  dldestroy(h);
  printf("{\"n\":%d,\"bind_gdb_s\":%g,\"bind_nogdb_s\":%g,\"dlopen_s\":%g,\"dlsym_gen_ns\":%g,\"dlsym_libc_ns\":%g,"
         "\"call_direct_ns\":%g,\"call_entry_ns\":%g,\"call_wrap_ns\":%g}\n",
         n, bind_gdb, bind_nogdb, peer, sym_gen, sym_libc, direct, via, wrap);
  return 0;
}
