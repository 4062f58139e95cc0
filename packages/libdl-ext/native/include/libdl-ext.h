/* libdl-ext: public C interface. */
#ifndef DLEXT_H
#define DLEXT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(DLEXT_BUILDING)
#define DLEXT_PUBLIC __attribute__((visibility("default")))
#else
#define DLEXT_PUBLIC
#endif

/* -- Errors -- */

/* Every status code and its message, in one table: the TS enum is generated from it too. */
#define DLEXT_ERRORS(X) \
  X(OK, 0, "success") \
  X(NOMEM, -1, "out of memory") \
  X(INVAL, -2, "invalid argument") \
  X(IO, -3, "input/output error") \
  X(HANDLE, -4, "unknown library handle") \
  X(EXISTS, -5, "name already bound in this library") \
  X(NOENT, -6, "name not bound in this library") \
  X(RANGE, -7, "address outside the allocations of this library") \
  X(FULL, -8, "no room left for this symbol") \
  X(DLOPEN, -9, "the dynamic loader refused the generated object") \
  X(BUSY, -10, "symbols are still bound inside this allocation") \
  X(UNSUPPORTED, -11, "unsupported signature")

enum dlext_error {
#define DLEXT_ERROR_ENUM(name, value, msg) DLEXT_E_##name = value,
  DLEXT_ERRORS(DLEXT_ERROR_ENUM)
#undef DLEXT_ERROR_ENUM
};

/* The version of this library, as "major.minor.patch"; a static string. */
DLEXT_PUBLIC const char *dlext_version(void);

/* The message for a status code; never NULL (unknown codes give "unknown error"). */
DLEXT_PUBLIC const char *dlext_strerror(int code);

/* The detailed message of the last failure in this thread ("dlbind: 'f': name already bound in
 * this library"), or NULL if none; like dlerror(), reading it clears it. */
DLEXT_PUBLIC const char *dlext_dlerror(void);

/* -- Libraries of generated code (the talk's dlcreate family) --
 *
 * A library is one or more real ELF shared objects generated in /dev/shm (or $TMPDIR when
 * /dev/shm is unusable), mode 0600 with an unpredictable name, loaded with dlopen and removed
 * from the file system when destroyed or at exit. Its handle IS the dlopen handle of its first
 * object, so plain dlsym(handle, name) works; symbols are also found by dlsym(RTLD_DEFAULT) when
 * the library is global (the default) and by dladdr, immediately after dlbind.
 *
 * Growth: when an object runs out of room, the library chains a new object. dladdr, dlsym
 * (RTLD_DEFAULT) and dlext_lookup see every object; plain dlsym(handle) sees the first object's
 * symbols only (glibc fixes a handle's search list at dlopen), so the first object is sized to
 * make chaining rare (see struct dlext_config).
 *
 * Names: a name is bound at most once per library (dlbind of a bound name fails with
 * DLEXT_E_EXISTS; dlunbind it first). Different libraries may bind the same name: as for any
 * shared objects, dlsym(RTLD_DEFAULT) then returns the one loaded first.
 *
 * Memory: code is written through a separate writable alias (dlext_writable, dlext_write) of
 * the same file pages; the executable view is never writable. Data allocations are ordinary
 * read-write memory.
 *
 * Every function is thread-safe (one lock). Failures set the message read by dlext_dlerror. */

/* dlalloc flags. */
#define DLEXT_ALLOC_CODE 0x1u /* executable memory (write it through dlext_writable) */
#define DLEXT_ALLOC_DATA 0x2u /* read-write data */

/* dlbind kinds: the ELF symbol types STT_NOTYPE, STT_OBJECT, STT_FUNC. */
#define DLEXT_KIND_NOTYPE 0u
#define DLEXT_KIND_OBJECT 1u
#define DLEXT_KIND_FUNC 2u

/* dlext_config flags. */
#define DLEXT_LOCAL 0x1u   /* dlopen with RTLD_LOCAL: dlsym(RTLD_DEFAULT) does not see it */
#define DLEXT_NOGDB 0x2u   /* do not register plain dlbind'ed functions with gdb's JIT interface */

/* Sizes of each generated object; zero fields take the defaults shown. */
struct dlext_config {
  size_t symbols;  /* symbol slots per object (default 65536) */
  size_t strtab;   /* bytes of symbol names per object (default 4 MiB) */
  size_t text;     /* bytes of code per object (default 16 MiB) */
  size_t data;     /* bytes of data per object (default 16 MiB) */
  unsigned flags;  /* DLEXT_LOCAL, DLEXT_NOGDB */
};

/* Create a global library named name ([A-Za-z0-9_.+-], 1..64 bytes) with default sizes.
 * Returns its handle (a dlopen handle), or NULL (see dlext_dlerror). */
DLEXT_PUBLIC void *dlcreate(const char *name);

/* Create a library with the given sizes and flags (cfg may be NULL); *handle_ret on success. */
DLEXT_PUBLIC int dlext_create(const char *name, const struct dlext_config *cfg, void **handle_ret);

/* Allocate size bytes (16-byte aligned) of code or data inside the library; the address is
 * the executable (or data) view. Returns NULL on failure. */
DLEXT_PUBLIC void *dlalloc(void *handle, size_t size, unsigned flags);

/* As dlalloc, returning a status; *addr_ret on success. */
DLEXT_PUBLIC int dlext_alloc(void *handle, size_t size, unsigned flags, void **addr_ret);

/* The writable alias of address addr (inside a code allocation of the library), or NULL. */
DLEXT_PUBLIC void *dlext_writable(void *handle, void *addr);

/* Copy len bytes to dst (in a code or data allocation of the library) through the writable
 * alias for code. 0 or a negative status. */
DLEXT_PUBLIC int dlext_write(void *handle, void *dst, const void *src, size_t len);

/* Name [address, address + size) symbol, of the given kind; address must lie inside one of the
 * library's live allocations. Functions are also registered with gdb's JIT interface (symbol
 * only; see dlext_bind_debug for file:line and parameters). 0 or a negative status. */
DLEXT_PUBLIC int dlbind(void *handle, const char *symbol, void *address, size_t size, unsigned kind);

/* Remove a bound name from the symbol tables and from gdb. 0 or a negative status. */
DLEXT_PUBLIC int dlunbind(void *handle, const char *symbol);

/* Free an allocation (no name may still be bound inside it: DLEXT_E_BUSY). 0 or negative. */
DLEXT_PUBLIC int dlfree(void *handle, void *address);

/* Unregister everything, dlclose every object of the library and delete its files.
 * Accepts NULL (returns 0). 0 or a negative status. */
DLEXT_PUBLIC int dldestroy(void *handle);

/* Find symbol in every object of the library: 0 found (*addr_ret), 1 not found, <0 error. */
DLEXT_PUBLIC int dlext_lookup(void *handle, const char *symbol, void **addr_ret);

/* Number of objects the library has chained so far (1 before any growth), or <0 on error. */
DLEXT_PUBLIC int dlext_object_count(void *handle);

/* The file name of object i of the library (valid until dldestroy), or NULL. */
DLEXT_PUBLIC const char *dlext_object_path(void *handle, int i);

#ifdef __cplusplus
}
#endif

#endif
