/* libmemtable: public C interface. */
#ifndef MEMTABLE_H
#define MEMTABLE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(MEMTABLE_BUILDING)
#define MEMTABLE_PUBLIC __attribute__((visibility("default")))
#else
#define MEMTABLE_PUBLIC
#endif

/* -- Errors -- */

/* Every status code and its message, in one table: the TS enum is generated from it too. */
#define MEMTABLE_ERRORS(X) \
  X(OK, 0, "success") \
  X(NOMEM, -1, "out of memory") \
  X(INVAL, -2, "invalid argument") \
  X(IO, -3, "input/output error") \
  X(EXISTS, -4, "an allocation already starts at this address") \
  X(OVERLAP, -5, "range overlaps a live allocation") \
  X(RANGE, -6, "address outside the indexed user address space") \
  X(ALIGN, -7, "base address is not 8-byte aligned")

enum memtable_error {
#define MEMTABLE_ERROR_ENUM(name, value, msg) MEMTABLE_E_##name = value,
  MEMTABLE_ERRORS(MEMTABLE_ERROR_ENUM)
#undef MEMTABLE_ERROR_ENUM
};

/* The version of this library, as "major.minor.patch"; a static string. */
MEMTABLE_PUBLIC const char *memtable_version(void);

/* The message for a status code; never NULL (unknown codes give "unknown error"). */
MEMTABLE_PUBLIC const char *memtable_strerror(int code);

/* -- Records -- */

/* One live allocation, as the index holds it. */
struct memtable_info {
  uint64_t base; /* address of the first byte */
  uint64_t size; /* bytes requested (0 for malloc(0): the base alone then matches) */
  uint64_t site; /* return address of the allocating call; 0 when unknown */
  uint64_t type; /* the client's opaque type reference; 0 when unknown */
};

/* Statistics over the live allocations (a walk of the index, consistent per page). */
struct memtable_stats {
  uint64_t live_count;    /* live allocations */
  uint64_t live_bytes;    /* sum of their sizes */
  uint64_t sites;         /* distinct allocation sites among them */
  uint64_t index_bytes;   /* bytes the index has mapped for itself (tables, leaves, records) */
};

/* Live allocations of one site. */
struct memtable_site {
  uint64_t site;  /* return address of the allocating call */
  uint64_t count; /* live allocations from it */
  uint64_t bytes; /* their total size */
};

/* -- Queries -- */

/* Find the live allocation containing addr (interior pointers included).
   Returns 0 and fills *info_ret when found, 1 when addr lies in no live allocation
   (*info_ret untouched). Never takes a lock; safe against concurrent allocation and free. */
MEMTABLE_PUBLIC int memtable_lookup(const void *addr, struct memtable_info *info_ret);

/* Visitor for memtable_iterate: return 0 to continue, anything else to stop. */
typedef int (*memtable_visit_fn)(const struct memtable_info *info, void *arg);

/* Call visit for every live allocation, in address order per page (records are copied out first,
   so visit may allocate and free). Returns 0, or the visitor's nonzero value if it stopped early. */
MEMTABLE_PUBLIC int memtable_iterate(memtable_visit_fn visit, void *arg);

/* Fill *stats_ret. Returns 0, or MEMTABLE_E_NOMEM. */
MEMTABLE_PUBLIC int memtable_stats(struct memtable_stats *stats_ret);

/* Per-site totals, largest byte total first: fills up to cap entries of sites_ret and sets *n_ret to
   the number of distinct sites (which may exceed cap). Returns 0, or MEMTABLE_E_NOMEM. */
MEMTABLE_PUBLIC int memtable_site_totals(struct memtable_site *sites_ret, size_t cap, size_t *n_ret);

/* Copy up to cap live allocations (in leaf and address order) into infos_ret and set *n_ret to how
   many were copied. Returns 0, or MEMTABLE_E_INVAL. A snapshot: allocations may come and go meanwhile. */
MEMTABLE_PUBLIC int memtable_snapshot(struct memtable_info *infos_ret, size_t cap, size_t *n_ret);

/* -- Registration (for allocators that know their types) -- */

/* Record [base, base + size) as a live allocation with a type and site. base must be 8-byte
   aligned and the range must overlap no live allocation. Returns 0 or MEMTABLE_E_ALIGN, _RANGE,
   _EXISTS, _OVERLAP, _NOMEM. */
MEMTABLE_PUBLIC int memtable_register(const void *base, size_t size, uint64_t type, const void *site);

/* Forget the allocation that starts at base. Returns 0, or 1 when none starts there. */
MEMTABLE_PUBLIC int memtable_unregister(const void *base);

/* Set the type of the allocation that starts at base. Returns 0, or 1 when none starts there. */
MEMTABLE_PUBLIC int memtable_set_type(const void *base, uint64_t type);

/* -- Typed allocation -- */

/* Allocate size bytes (16-byte aligned, from glibc) recorded with type and the caller as site.
   Returns NULL with errno ENOMEM on failure. Free with memtable_free (or free() under the preload). */
MEMTABLE_PUBLIC void *memtable_alloc_typed(size_t size, uint64_t type);

/* As memtable_alloc_typed, with the site given by the caller: a language runtime can name the code
   (a generated function's address, say) that the allocation belongs to. */
MEMTABLE_PUBLIC void *memtable_alloc_typed_at(size_t size, uint64_t type, const void *site);

/* Free a block from memtable_alloc_typed. NULL is fine. Returns 0, or 1 (and frees nothing) when
   ptr is not the base of a live allocation. */
MEMTABLE_PUBLIC int memtable_free(void *ptr);

/* -- Process -- */

/* 1 when libmemtable-preload.so interposes malloc in this process (its index is then shared with
   this library), else 0. */
MEMTABLE_PUBLIC int memtable_preload_active(void);

/* Describe a code address the way dladdr sees it: "object!symbol+0xoff" or "object+0xoff" into buf
   (always NUL-terminated when len > 0). Returns 0, 1 when no loaded object contains addr, or
   MEMTABLE_E_INVAL when buf is NULL and len is not 0. */
MEMTABLE_PUBLIC int memtable_symbolize(const void *addr, char *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif
