/* libmemtable: the LD_PRELOAD interposer over glibc's malloc family (libmemtable-preload.so only). */
#ifdef MEMTABLE_PRELOAD
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "memtable_internal.h"
#include "memtable_fast.h"

/* glibc's own entry points: forwarding to these needs no dlsym at start-up. */
extern void *__libc_malloc(size_t size);
extern void __libc_free(void *ptr);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void *__libc_memalign(size_t align, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

#define EXPORT __attribute__((visibility("default")))
#define CALLER() ((uint64_t)(uintptr_t)__builtin_return_address(0))

/* The preload's thread-locals, in one structure so each wrapper finds them from one offset. */
#define MT_FREED 256
static __thread struct {
  /* Set while this thread calls out of the index into code that may allocate (dladdr, dlsym, stdio
     while reporting): those allocations go straight to glibc, unrecorded, so the index is never
     re-entered from inside itself. The index proper allocates nothing (it maps its own pages). */
  int guard;
  /* The last blocks this thread freed, with where from: a later free of one of them is a double
     free we can name (a free of memory never allocated, or freed long ago or by another thread,
     gets the plainer message). 4 KiB; two stores per free. */
  unsigned char freed_next; /* wraps at MT_FREED */
  struct freed {
    uint64_t base, site;
  } freed[MT_FREED];
} tl;
#define tl_guard tl.guard
_Static_assert(MT_FREED == 1 << (8 * sizeof tl.freed_next), "freed_next wraps at MT_FREED");

static inline void remember_free(const void *p, uint64_t site) {
  struct freed *f = &tl.freed[tl.freed_next++];
  f->base = (uint64_t)(uintptr_t)p;
  f->site = site;
}

/* Where this thread last freed base, or 0. */
static uint64_t freed_from(uint64_t base) {
  for (unsigned i = 1; i <= MT_FREED; i++) {
    const struct freed *f = &tl.freed[(unsigned char)(tl.freed_next - i)];
    if (f->base == base) return f->site;
  }
  return 0;
}

/* -- Recording -- */

/* The rest of track: the general insert, a stale record, or failure (then the block is released
   and the call fails like glibc would). */
__attribute__((noinline, cold)) static void *track_slow(void *p, size_t size, uint64_t site, uint64_t type) {
  struct mt_state *S = mt_state();
  int rc = mt_insert(S, (uint64_t)(uintptr_t)p, size, site, type, 0);
  if (rc == MEMTABLE_E_EXISTS) { /* stale: glibc just handed this memory out, so it is free */
    mt_remove(S, (uint64_t)(uintptr_t)p, NULL);
    rc = mt_insert(S, (uint64_t)(uintptr_t)p, size, site, type, 0);
  }
  if (rc == 0 || rc == MEMTABLE_E_RANGE) return p; /* addresses beyond 2^47 are simply not indexed */
  __libc_free(p);
  errno = ENOMEM;
  return NULL;
}

/* Record a fresh block (p may be NULL: glibc failed). Not inlined, so that malloc saves only its
   size and site across glibc's call and jumps here, and the fast path needs no saved register. */
__attribute__((noinline)) static void *track(void *p, size_t size, uint64_t site, uint64_t type) {
  if (__builtin_expect(!p, 0)) return NULL;
  if (__builtin_expect(mt_insert_fast(mt_state(), (uint64_t)(uintptr_t)p, size, site, type) == 0, 1)) return p;
  return track_slow(p, size, site, type);
}

/* track for a block of type 0 (all but realloc's): one register fewer on the fast path. */
__attribute__((noinline)) static void *track0(void *p, size_t size, uint64_t site) {
  if (__builtin_expect(!p, 0)) return NULL;
  if (__builtin_expect(mt_insert_fast(mt_state(), (uint64_t)(uintptr_t)p, size, site, 0) == 0, 1)) return p;
  return track_slow(p, size, site, 0);
}

/* Print a bad free or realloc on stderr with the pointer and both sites, then abort like glibc. */
__attribute__((noreturn, noinline)) static void bad_pointer(const char *fn, const void *p, uint64_t site) {
  char here[512], msg[1400];
  struct memtable_info info;
  uint64_t before;
  tl_guard = 1;
  memtable_symbolize((const void *)(uintptr_t)site, here, sizeof here);
  int n;
  if (mt_lookup(mt_state(), (uint64_t)(uintptr_t)p, &info) == 0) {
    char there[512];
    memtable_symbolize((const void *)(uintptr_t)info.site, there, sizeof there);
    n = snprintf(msg, sizeof msg,
                 "memtable: %s(%p): invalid pointer: it points %llu bytes into the live %llu-byte allocation at "
                 "0x%llx (allocated at %s)\n  called from %s\n",
                 fn, p, (unsigned long long)((uint64_t)(uintptr_t)p - info.base), (unsigned long long)info.size,
                 (unsigned long long)info.base, there, here);
  } else if ((before = freed_from((uint64_t)(uintptr_t)p)) != 0) {
    char there[512];
    memtable_symbolize((const void *)(uintptr_t)before, there, sizeof there);
    n = snprintf(msg, sizeof msg,
                 "memtable: %s(%p): double free: this thread already freed it, from %s\n  called from %s\n", fn, p,
                 there, here);
  } else {
    n = snprintf(msg, sizeof msg,
                 "memtable: %s(%p): invalid pointer: not a live allocation (double free, or never allocated)\n"
                 "  called from %s\n",
                 fn, p, here);
  }
  if (n > 0) {
    ssize_t w = write(2, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
    (void)w;
  }
  abort();
}

/* The rest of untrack: the general remove; a pointer we never handed out aborts. */
__attribute__((noinline, cold)) static void untrack_slow(const char *fn, void *p, uint64_t site,
                                                         struct memtable_info *info_ret) {
  if (mt_remove(mt_state(), (uint64_t)(uintptr_t)p, info_ret) == 0) return;
  if ((uint64_t)(uintptr_t)p < MT_ADDR_LIMIT) bad_pointer(fn, p, site);
  if (info_ret) *info_ret = (struct memtable_info){(uint64_t)(uintptr_t)p, 0, site, 0}; /* beyond 2^47: never indexed */
}

/* Forget a block about to go back to glibc. */
static inline __attribute__((always_inline)) void untrack(const char *fn, void *p, uint64_t site,
                                                          struct memtable_info *info_ret) {
  int rc = mt_remove_fast(mt_state(), (uint64_t)(uintptr_t)p, info_ret);
  if (__builtin_expect(rc == 2, 0)) mt_rec_spill(mt_state());
  else if (__builtin_expect(rc != 0, 0)) untrack_slow(fn, p, site, info_ret);
}

/* -- The malloc family -- */

EXPORT void *malloc(size_t size) {
  if (__builtin_expect(tl_guard, 0)) return __libc_malloc(size);
  return track0(__libc_malloc(size), size, CALLER());
}

/* The rest of free after the fast path's status rc: a spill of the record cache, or the general
   remove (or the abort); then glibc. */
__attribute__((noinline, cold)) static void free_slow(void *ptr, uint64_t site, int rc) {
  if (rc == 2) mt_rec_spill(mt_state());
  else untrack_slow("free", ptr, site, NULL);
  remember_free(ptr, site);
  __libc_free(ptr);
}

/* Forget a block and give it back to glibc (the body of free, as a function without a frame). */
__attribute__((noinline)) static void forget_and_free(void *ptr, uint64_t site) {
  int rc = mt_remove_fast(mt_state(), (uint64_t)(uintptr_t)ptr, NULL);
  if (__builtin_expect(rc != 0, 0)) return free_slow(ptr, site, rc);
  remember_free(ptr, site);
  __libc_free(ptr);
}

EXPORT void free(void *ptr) {
  if (!ptr) return;
  if (__builtin_expect(tl_guard, 0)) return __libc_free(ptr);
  forget_and_free(ptr, CALLER());
}

EXPORT void *calloc(size_t n, size_t size) {
  size_t total;
  if (__builtin_mul_overflow(n, size, &total)) {
    errno = ENOMEM;
    return NULL;
  }
  if (tl_guard) return __libc_calloc(n, size);
  return track0(__libc_calloc(n, size), total, CALLER());
}

/* realloc: forget the old block first (so no other thread can see it twice), put it back if glibc fails. */
static void *realloc_at(void *ptr, size_t size, uint64_t site) {
  struct memtable_info old;
  if (tl_guard) return __libc_realloc(ptr, size);
  if (!ptr) return track0(__libc_malloc(size), size, site);
  untrack("realloc", ptr, site, &old);
  if (size == 0) { /* glibc frees and returns NULL */
    remember_free(ptr, site);
    __libc_free(ptr);
    return NULL;
  }
  void *q = __libc_realloc(ptr, size);
  if (!q) {
    mt_insert(mt_state(), old.base, old.size, old.site, old.type, 0);
    return NULL;
  }
  if (q != ptr) remember_free(ptr, site);
  return track(q, size, site, old.type);
}

EXPORT void *realloc(void *ptr, size_t size) { return realloc_at(ptr, size, CALLER()); }

EXPORT void *reallocarray(void *ptr, size_t n, size_t size) {
  size_t total;
  if (__builtin_mul_overflow(n, size, &total)) {
    errno = ENOMEM;
    return NULL;
  }
  return realloc_at(ptr, total, CALLER());
}

EXPORT void *memalign(size_t align, size_t size) {
  if (tl_guard) return __libc_memalign(align, size);
  return track0(__libc_memalign(align, size), size, CALLER());
}

EXPORT void *aligned_alloc(size_t align, size_t size) {
  if (tl_guard) return __libc_memalign(align, size);
  return track0(__libc_memalign(align, size), size, CALLER());
}

EXPORT int posix_memalign(void **ptr_ret, size_t align, size_t size) {
  if (align % sizeof(void *) || (align & (align - 1)) || !align) return EINVAL;
  int saved = errno;
  void *p = tl_guard ? __libc_memalign(align, size) : track0(__libc_memalign(align, size), size, CALLER());
  errno = saved;
  if (!p) return ENOMEM;
  *ptr_ret = p;
  return 0;
}

EXPORT void *valloc(size_t size) {
  if (tl_guard) return __libc_valloc(size);
  return track0(__libc_valloc(size), size, CALLER());
}

/* pvalloc hands out whole pages, all of them usable: record the rounded size. */
EXPORT void *pvalloc(size_t size) {
  if (tl_guard) return __libc_pvalloc(size);
  size_t page = (size_t)sysconf(_SC_PAGESIZE), rounded = size ? (size + page - 1) & ~(page - 1) : page;
  if (rounded < size) {
    errno = ENOMEM;
    return NULL;
  }
  return track0(__libc_pvalloc(size), rounded, CALLER());
}

/* glibc's malloc_usable_size for live blocks (found once through RTLD_NEXT, outside start-up); 0 for
   pointers that are not the base of a live allocation. */
EXPORT size_t malloc_usable_size(void *ptr) {
  static size_t (*real)(void *);
  struct memtable_info info;
  if (!ptr) return 0;
  int guarded = tl_guard;
  tl_guard = 1;
  if (!real) real = (size_t(*)(void *))dlsym(RTLD_NEXT, "malloc_usable_size");
  int live = mt_lookup(mt_state(), (uint64_t)(uintptr_t)ptr, &info) == 0 && info.base == (uint64_t)(uintptr_t)ptr;
  tl_guard = guarded;
  if (!live && !guarded) return 0;
  return real ? real(ptr) : info.size;
}

/* -- C++ operator new --
   libstdc++'s operator new calls malloc, so every C++ allocation would be recorded at one site
   inside libstdc++. These wrappers call the real operator new (found through RTLD_NEXT on first use;
   it throws std::bad_alloc through this frame, which has unwind tables like all x86-64 code), then
   record their own caller as the site. operator delete needs nothing: it calls free. */

typedef void *(*new_fn)(size_t);
typedef void *(*new_nothrow_fn)(size_t, const void *);
typedef void *(*new_aligned_fn)(size_t, size_t);
typedef void *(*new_aligned_nothrow_fn)(size_t, size_t, const void *);

/* The next definition of a C++ symbol, looked up once (under the guard: dlsym may allocate). */
static void *next_symbol(void **cache, const char *name) {
  void *fn = __atomic_load_n(cache, __ATOMIC_ACQUIRE);
  if (fn) return fn;
  int guarded = tl_guard;
  tl_guard = 1;
  fn = dlsym(RTLD_NEXT, name);
  tl_guard = guarded;
  if (!fn) {
    static const char msg[] = "memtable: operator new called, but no later object defines it\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    abort();
  }
  __atomic_store_n(cache, fn, __ATOMIC_RELEASE);
  return fn;
}

/* Name the caller of operator new as the block's site. */
static inline void *resite(void *p, uint64_t site) {
  if (p && !tl_guard) mt_set_site(mt_state(), (uint64_t)(uintptr_t)p, site);
  return p;
}

#define NEW_WRAPPER(sym, type, params, args)                                       \
  EXPORT void *sym params {                                                      \
    static void *real;                                                           \
    return resite(((type)next_symbol(&real, #sym))args, CALLER());              \
  }

NEW_WRAPPER(_Znwm, new_fn, (size_t n), (n))                                  /* new(size_t) */
NEW_WRAPPER(_Znam, new_fn, (size_t n), (n))                                  /* new[](size_t) */
NEW_WRAPPER(_ZnwmRKSt9nothrow_t, new_nothrow_fn, (size_t n, const void *t), (n, t))
NEW_WRAPPER(_ZnamRKSt9nothrow_t, new_nothrow_fn, (size_t n, const void *t), (n, t))
NEW_WRAPPER(_ZnwmSt11align_val_t, new_aligned_fn, (size_t n, size_t a), (n, a))
NEW_WRAPPER(_ZnamSt11align_val_t, new_aligned_fn, (size_t n, size_t a), (n, a))
NEW_WRAPPER(_ZnwmSt11align_val_tRKSt9nothrow_t, new_aligned_nothrow_fn, (size_t n, size_t a, const void *t), (n, a, t))
NEW_WRAPPER(_ZnamSt11align_val_tRKSt9nothrow_t, new_aligned_nothrow_fn, (size_t n, size_t a, const void *t), (n, a, t))

/* -- Exit report -- */

/* With $MEMTABLE_REPORT_DIR set (by memtable-run), write the live allocations per site into a
   private file <dir>/<pid>.tsv: a "# pid exe count bytes" line, then "count bytes site symbol object
   offset" lines, where offset is the site relative to the object's load bias (its ELF virtual address,
   which memtable-run maps to file:line through the object's DWARF). */
__attribute__((destructor)) static void report_at_exit(void) {
  const char *dir = getenv("MEMTABLE_REPORT_DIR");
  if (!dir || !*dir) return;
  tl_guard = 1;
  char path[4096], exe[2048], sym[1024];
  snprintf(path, sizeof path, "%s/%d.tsv", dir, (int)getpid());
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    tl_guard = 0;
    return;
  }
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = 0;
  enum { MAX_SITES = 4096 };
  static struct memtable_site sites[MAX_SITES];
  size_t count = 0;
  struct memtable_stats st;
  if (memtable_stats(&st) == 0 && memtable_site_totals(sites, MAX_SITES, &count) == 0) {
    dprintf(fd, "# %d\t%s\t%llu\t%llu\n", (int)getpid(), exe, (unsigned long long)st.live_count,
            (unsigned long long)st.live_bytes);
    for (size_t i = 0; i < count && i < MAX_SITES; i++) {
      const void *site = (const void *)(uintptr_t)sites[i].site;
      if (memtable_symbolize(site, sym, sizeof sym)) strcpy(sym, "?");
      Dl_info info;
      struct link_map *lm = NULL;
      const char *obj = "?";
      unsigned long long off = 0;
      if (dladdr1(site, &info, (void **)&lm, RTLD_DL_LINKMAP) && lm) {
        obj = info.dli_fname && info.dli_fname[0] ? info.dli_fname : exe; /* the main program's name is empty */
        off = (unsigned long long)((uintptr_t)site - (uintptr_t)lm->l_addr);
      }
      dprintf(fd, "%llu\t%llu\t0x%llx\t%s\t%s\t0x%llx\n", (unsigned long long)sites[i].count,
              (unsigned long long)sites[i].bytes, (unsigned long long)sites[i].site, sym, obj, off);
    }
  }
  close(fd);
  tl_guard = 0;
}
#endif
