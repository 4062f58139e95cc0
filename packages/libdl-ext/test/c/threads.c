/* Threads binding, unbinding and looking up names in one library at the same time: every name a
 * thread has bound must be found by glibc's dlsym and dladdr at once, whatever the others do. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "libdl-ext.h"

#define THREADS 4
#define PER 1500

static void *lib;
static int failures[THREADS];

static void *worker(void *arg) {
  int t = (int)(long)arg;
  char name[32], other[32];
  for (int i = 0; i < PER; i++) {
    unsigned char code[6] = { 0xb8, 0, 0, 0, 0, 0xc3 };
    int value = t | i << 8;
    memcpy(code + 1, &value, 4);
    void *p = dlalloc(lib, sizeof code, DLEXT_ALLOC_CODE);
    snprintf(name, sizeof name, "t%d_f%d", t, i);
    if (!p || dlext_write(lib, p, code, sizeof code) != 0 || dlbind(lib, name, p, sizeof code, DLEXT_KIND_FUNC) != 0) {
      failures[t]++;
      continue;
    }
    Dl_info info;
    if (dlsym(RTLD_DEFAULT, name) != p || !dladdr(p, &info) || !info.dli_sname || strcmp(info.dli_sname, name) != 0) failures[t]++;
    if (((int (*)(void))p)() != (t | i << 8)) failures[t]++;
    snprintf(other, sizeof other, "t%d_f%d", (t + 1) % THREADS, i); /* racing with its binder: found or not, never wrong */
    void *q = dlsym(RTLD_DEFAULT, other);
    if (q && ((int (*)(void))q)() != (((t + 1) % THREADS) | i << 8)) failures[t]++;
    if (i % 3 == 0) {
      if (dlunbind(lib, name) != 0 || dlsym(RTLD_DEFAULT, name) != NULL || dlfree(lib, p) != 0) failures[t]++;
    }
  }
  return NULL;
}

int main(void) {
  struct dlext_config cfg = { .symbols = 2048 }; /* small: the threads also make it chain objects */
  if (dlext_create("threads", &cfg, &lib) != 0) return 1;
  pthread_t th[THREADS];
  for (long t = 0; t < THREADS; t++) pthread_create(&th[t], NULL, worker, (void *)t);
  int total = 0;
  for (int t = 0; t < THREADS; t++) {
    pthread_join(th[t], NULL);
    total += failures[t];
  }
  int objects = dlext_object_count(lib);
  dldestroy(lib);
  printf("failures %d objects %d\n", total, objects);
  return total != 0 || objects < 2;
}
