/* libmemtable tests: threads that end give their cached records back, so 2000 short threads that
   each allocate and free 300 typed blocks leave the index's own memory about where it was. */
#include <pthread.h>
#include "check.h"

static void *churn(void *arg) {
  void *p[300];
  (void)arg;
  for (int i = 0; i < 300; i++) CHECK((p[i] = memtable_alloc_typed(32, 1)) != NULL, "alloc");
  for (int i = 0; i < 300; i++) CHECK(memtable_free(p[i]) == 0, "free");
  return NULL;
}

int main(void) {
  struct memtable_stats before, after;
  pthread_t t;
  churn(NULL); /* the first leaf and slab */
  CHECK(memtable_stats(&before) == 0, "stats");
  for (int i = 0; i < 2000; i++) {
    CHECK(pthread_create(&t, NULL, churn, NULL) == 0, "pthread_create");
    pthread_join(t, NULL);
  }
  CHECK(memtable_stats(&after) == 0, "stats");
  /* Stranded caches would be 2000 x 300 records x 40 bytes = 24 MB; allow two 1 MiB slabs. */
  CHECK(after.index_bytes - before.index_bytes <= (2u << 20), "index grew from %" PRIu64 " to %" PRIu64 " bytes",
        before.index_bytes, after.index_bytes);
  CHECK(after.live_count == before.live_count, "live count");
  printf("ok %lu\n", checks);
  return 0;
}
