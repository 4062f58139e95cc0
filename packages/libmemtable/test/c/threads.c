/* libmemtable tests: 8 threads allocate and free (argv[2], default 1M) blocks each while a ninth
   looks up, with no wrong answer; optionally forks meanwhile (argv[3] times). Mode "malloc" runs under
   the preload, "typed" uses the typed allocator (for ThreadSanitizer). */
#define _GNU_SOURCE
#include <pthread.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

#define WORKERS 8
#define SLOTS 64
#define OWN 256

static int typed, done;
static unsigned long ops = 1000000;
static uintptr_t recent[WORKERS]; /* each worker's latest block, for the reader's random probes */
static int static_var;

static inline uint64_t next_rand(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

static void *alloc(size_t n, uint64_t type) { return typed ? memtable_alloc_typed(n, type) : malloc(n); }

static void release(void *p) {
  if (typed) CHECK(memtable_free(p) == 0, "memtable_free(%p)", p);
  else free(p);
}

/* addr must map to exactly (p, n, type). */
static void expect_exact(const char *who, const void *p, size_t n, uint64_t type, size_t off) {
  struct memtable_info info;
  int rc = memtable_lookup((const char *)p + off, &info);
  if (rc != 0 || info.base != (uintptr_t)p || info.size != n || (typed && info.type != type))
    CHECK(0, "%s: lookup(%p + %zu) of a %zu-byte block: rc %d base 0x%" PRIx64 " size %" PRIu64, who, p, off, n,
          rc, info.base, info.size);
}

static void *worker(void *arg) {
  uintptr_t id = (uintptr_t)arg;
  uint64_t seed = 0x9e3779b97f4a7c15ull * (id + 1);
  void *slot[SLOTS] = {0};
  size_t size[SLOTS] = {0};
  for (unsigned long i = 0; i < ops; i++) {
    unsigned k = next_rand(&seed) % SLOTS;
    if (slot[k]) {
      expect_exact("worker", slot[k], size[k], id + 1, next_rand(&seed) % size[k]);
      release(slot[k]);
    }
    size[k] = 16 + next_rand(&seed) % 4081;
    slot[k] = alloc(size[k], id + 1);
    CHECK(slot[k] != NULL, "alloc");
    expect_exact("worker", slot[k], size[k], id + 1, size[k] - 1);
    __atomic_store_n(&recent[id], (uintptr_t)slot[k] + size[k] / 2, __ATOMIC_RELAXED);
  }
  for (unsigned k = 0; k < SLOTS; k++)
    if (slot[k]) release(slot[k]);
  return NULL;
}

/* The ninth thread: its own blocks must always be found exactly, everything else consistently. */
static void *reader(void *arg) {
  unsigned long *lookups = arg;
  uint64_t seed = 12345;
  void *own[OWN];
  size_t n[OWN];
  for (int i = 0; i < OWN; i++) CHECK((own[i] = alloc(n[i] = 1 + (size_t)i * 37, 999)) != NULL, "alloc");
  int stack_var = 0;
  while (!__atomic_load_n(&done, __ATOMIC_ACQUIRE)) {
    for (int j = 0; j < 1000; j++) {
      unsigned i = next_rand(&seed) % OWN;
      expect_exact("reader", own[i], n[i], 999, next_rand(&seed) % n[i]);
      struct memtable_info info;
      uintptr_t a = __atomic_load_n(&recent[next_rand(&seed) % WORKERS], __ATOMIC_RELAXED);
      if (a && memtable_lookup((void *)a, &info) == 0)
        CHECK(info.base <= a && a - info.base < (info.size ? info.size : 1), "inconsistent hit for 0x%" PRIxPTR, a);
      *lookups += 2;
    }
    check_miss(&stack_var, "stack");
    check_miss(&static_var, "static");
  }
  for (int i = 0; i < OWN; i++) release(own[i]);
  return NULL;
}

/* Fork while the workers run: the child's index must be usable (no lock left held). */
static void fork_once(void) {
  pid_t pid = fork();
  CHECK(pid >= 0, "fork");
  if (pid == 0) {
    alarm(10); /* a deadlocked child dies of SIGALRM instead of hanging the test */
    void *p = malloc(100);
    struct memtable_info info;
    int ok = p && memtable_lookup((char *)p + 50, &info) == 0 && info.base == (uintptr_t)p;
    free(p);
    _exit(ok ? 0 : 3);
  }
  int status = 0;
  CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child after fork: status 0x%x", status);
}

int main(int argc, char **argv) {
  typed = argc > 1 && !strcmp(argv[1], "typed");
  if (argc > 2) ops = strtoul(argv[2], NULL, 10);
  int forks = argc > 3 ? atoi(argv[3]) : 0;
  pthread_t w[WORKERS], r;
  unsigned long lookups = 0;
  CHECK(pthread_create(&r, NULL, reader, &lookups) == 0, "pthread_create");
  for (uintptr_t i = 0; i < WORKERS; i++) CHECK(pthread_create(&w[i], NULL, worker, (void *)i) == 0, "pthread_create");
  for (int i = 0; i < forks; i++) {
    fork_once();
    usleep(2000);
  }
  for (int i = 0; i < WORKERS; i++) pthread_join(w[i], NULL);
  __atomic_store_n(&done, 1, __ATOMIC_RELEASE);
  pthread_join(r, NULL);
  CHECK(lookups > 0, "the reader ran");
  printf("ok %lu (%lu reader lookups)\n", __atomic_load_n(&checks, __ATOMIC_RELAXED), lookups);
  return 0;
}
