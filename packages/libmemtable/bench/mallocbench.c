/* libmemtable bench: malloc-heavy churn, random sizes 16 B - 4 KiB; argv: total ops, threads.
   Prints "<wall seconds> <CPU seconds>" for all threads. Runs the same with or without the preload. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define SLOTS 4096

static unsigned long per_thread;

static void *churn(void *arg) {
  uint64_t s = 0x9e3779b97f4a7c15ull ^ (uintptr_t)arg;
  static __thread void *slot[SLOTS];
  for (unsigned long i = 0; i < per_thread; i += 2) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17;
    unsigned k = (unsigned)(s >> 32) % SLOTS;
    free(slot[k]);
    slot[k] = malloc(16 + (size_t)(s % 4081));
    if (!slot[k]) abort();
    *(volatile char *)slot[k] = 1;
  }
  for (unsigned k = 0; k < SLOTS; k++) free(slot[k]);
  return NULL;
}

int main(int argc, char **argv) {
  unsigned long ops = argc > 1 ? strtoul(argv[1], NULL, 10) : 10000000;
  int threads = argc > 2 ? atoi(argv[2]) : 1;
  pthread_t t[64];
  struct timespec a, b, ca, cb;
  per_thread = ops / (unsigned long)threads; /* one op is a malloc or a free */
  clock_gettime(CLOCK_MONOTONIC, &a);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
  for (int i = 0; i < threads; i++) pthread_create(&t[i], NULL, churn, (void *)(uintptr_t)(i + 1));
  for (int i = 0; i < threads; i++) pthread_join(t[i], NULL);
  clock_gettime(CLOCK_MONOTONIC, &b);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
  printf("%.6f %.6f\n", (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9,
         (double)(cb.tv_sec - ca.tv_sec) + (double)(cb.tv_nsec - ca.tv_nsec) / 1e9);
  return 0;
}
