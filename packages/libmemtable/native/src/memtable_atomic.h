/* libmemtable: the atomic accessors for everything a lock-free reader may look at. */
#ifndef MEMTABLE_ATOMIC_H
#define MEMTABLE_ATOMIC_H

/* Readers load with acquire and writers store with release, so a reader's final sequence check is
   ordered after its reads without fences (which ThreadSanitizer does not model); on x86-64 both are
   plain moves. */
#define LOAD(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)

#endif
