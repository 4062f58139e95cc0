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

/* The name of a status code ("INVAL" for DLEXT_E_INVAL), or NULL if unknown. */
DLEXT_PUBLIC const char *dlext_error_name(int code);

/* The message for a status code; never NULL (unknown codes give "unknown error"). */
DLEXT_PUBLIC const char *dlext_strerror(int code);

/* The detailed message of the last failure in this thread ("dlbind: 'f': name already bound in
 * this library"), or NULL if none; like dlerror(), reading it clears it. */
DLEXT_PUBLIC const char *dlext_dlerror(void);

/* -- Libraries of generated code (the talk's dlcreate family) --
 *
 * A library is one or more real ELF shared objects generated in $DLEXT_DIR if set, else
 * /dev/shm (or $TMPDIR when /dev/shm is unusable), mode 0600, with an unpredictable name
 * (dlext-<name>-<pid>-XXXXXX.so), loaded with dlopen and removed from the file system when
 * destroyed or at exit; files of processes that died without exiting are swept by the next
 * process's first dlcreate. Its handle IS the dlopen handle of its first object, so plain
 * dlsym(handle, name) works; symbols are also found by dlsym(RTLD_DEFAULT) when the library is
 * global (the default) and by dladdr, immediately after dlbind.
 *
 * Pinning: once dlsym(RTLD_DEFAULT) has resolved one of its symbols for the executable, glibc
 * never unloads an object; dldestroy then empties its symbol tables and frees its code pages, so
 * it answers no lookup, but it may stay listed by dl_iterate_phdr.
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
#define DLEXT_PERF 0x4u    /* describe bound functions to perf: a jitdump and /tmp/perf-<pid>.map
                            * (also on for every library with $DLEXT_PERF=1). Without it, perf map
                            * entries are still added when node's --perf-basic-prof map exists.
                            * These profiling files outlive the process, as perf needs. */

/* Sizes of each generated object; zero fields take the defaults shown. The files are sparse and
 * only touched pages cost memory (the hash buckets, at most 256 KiB, are touched at random). */
struct dlext_config {
  size_t symbols;  /* symbol slots per object (default 1M) */
  size_t strtab;   /* bytes of symbol names per object (default 32 MiB) */
  size_t text;     /* bytes of code per object (default 16 MiB) */
  size_t data;     /* bytes of data per object (default 16 MiB) */
  unsigned flags;  /* DLEXT_LOCAL, DLEXT_NOGDB, DLEXT_PERF */
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

/* The writable alias of address addr (inside a code allocation of the library), or NULL. Write
 * the code before dlbind: dlbind (and dlext_write) refresh pages a debugger's breakpoint made
 * private, so the executable view shows what was written. */
DLEXT_PUBLIC void *dlext_writable(void *handle, void *addr);

/* Copy len bytes to dst (in a code or data allocation of the library) through the writable
 * alias for code. 0 or a negative status. */
DLEXT_PUBLIC int dlext_write(void *handle, void *dst, const void *src, size_t len);

/* Name [address, address + size) symbol, of the given kind; address must lie inside one of the
 * library's live allocations. Functions are also registered with gdb's JIT interface (symbol and
 * a minimal unit naming the range; see dlext_bind_debug for file:line, parameters and CFI).
 * 0 or a negative status. */
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

/* The jitdump file this process writes for `perf inject --jit` (DLEXT_PERF or $DLEXT_PERF=1),
 * or NULL if none yet. */
DLEXT_PUBLIC const char *dlext_perf_dump_path(void);

/* Number of objects the library has chained so far (1 before any growth), or <0 on error. */
DLEXT_PUBLIC int dlext_object_count(void *handle);

/* The file name of object i of the library (valid until dldestroy), or NULL. */
DLEXT_PUBLIC const char *dlext_object_path(void *handle, int i);

/* -- Debug descriptions for gdb (DWARF, .eh_frame, through the GDB JIT interface) --
 *
 * A description says what a generated function is in source terms: its source file and line,
 * language, parameters (with DWARF types and locations), return type, line table and frame
 * shape. dlext_bind_debug binds the function and registers an in-memory ELF carrying its
 * symbol, .debug_info/.debug_abbrev/.debug_line/.debug_str and .eh_frame with gdb, and the
 * .eh_frame with the process unwinder (__register_frame), until dlunbind. */

struct dlext_debug;

/* Parameter locations: relative to the CFA (the caller's stack pointer before the call; DWARF
 * DW_OP_fbreg with frame base DW_OP_call_frame_cfa), or a DWARF register number. */
#define DLEXT_LOC_CFA 1
#define DLEXT_LOC_REG 2

/* A few DWARF constants, as in the spec, for callers without <dwarf.h>. */
#define DLEXT_DW_LANG_C99 0x0c
#define DLEXT_DW_LANG_Python 0x14
#define DLEXT_DW_ATE_boolean 0x02
#define DLEXT_DW_ATE_float 0x04
#define DLEXT_DW_ATE_signed 0x05
#define DLEXT_DW_ATE_signed_char 0x06
#define DLEXT_DW_ATE_unsigned 0x07
#define DLEXT_DW_ATE_unsigned_char 0x08

/* Create an empty description for a function of the given source file (relative to comp_dir,
 * which may be NULL), declaration line and DW_LANG language. *d_ret on success. */
DLEXT_PUBLIC int dlext_debug_create(const char *file, const char *comp_dir, unsigned line, unsigned language,
                                    struct dlext_debug **d_ret);
/* Free a description (accepts NULL). Bound functions keep their own copy. */
DLEXT_PUBLIC void dlext_debug_destroy(struct dlext_debug *d);

/* Types: each returns its type id in *type_ret (ids only refer to earlier ids). */
DLEXT_PUBLIC int dlext_debug_base_type(struct dlext_debug *d, const char *name, unsigned encoding,
                                       unsigned byte_size, int *type_ret);
/* A pointer to type target, or to void when target is -1. */
DLEXT_PUBLIC int dlext_debug_pointer_type(struct dlext_debug *d, int target, int *type_ret);
/* A struct (name may be NULL for an anonymous one) of byte_size bytes; add members in order. */
DLEXT_PUBLIC int dlext_debug_struct_type(struct dlext_debug *d, const char *name, unsigned byte_size, int *type_ret);
DLEXT_PUBLIC int dlext_debug_member(struct dlext_debug *d, int struct_type, const char *name, int type, unsigned offset);

/* The return type (-1, the default, is void). */
DLEXT_PUBLIC int dlext_debug_return_type(struct dlext_debug *d, int type);
/* Append a formal parameter with its location (DLEXT_LOC_CFA offset or DLEXT_LOC_REG number). */
DLEXT_PUBLIC int dlext_debug_param(struct dlext_debug *d, const char *name, int type, int loc_kind, long loc);
/* Append a line-table row: code at byte offset (from the function start, ascending) is line. */
DLEXT_PUBLIC int dlext_debug_line(struct dlext_debug *d, unsigned offset, unsigned line);
/* Describe a frame-pointer frame for .eh_frame: the byte offsets just after `push %rbp`, after
 * `mov %rsp,%rbp` and after `leave` (0 if the function has none). Without it, no .eh_frame. */
DLEXT_PUBLIC int dlext_debug_frame_rbp(struct dlext_debug *d, unsigned push_end, unsigned mov_end, unsigned leave_end);

/* dlbind(handle, symbol, address, size, DLEXT_KIND_FUNC) plus the full debug registration. */
DLEXT_PUBLIC int dlext_bind_debug(void *handle, const char *symbol, void *address, size_t size,
                                  const struct dlext_debug *d);

/* -- Entry points (native functions of a given C signature forwarding to a target) --
 *
 * Signature grammar: RET "(" PARAM* ")", each a code: c C (signed/unsigned char) s S (short)
 * i I (int) l L (long) p (void *) z (char *, a C string for gdb) f (float) d (double),
 * "{" CODE+ "}" a struct by value (C
 * layout), and v (void, return only); for example "d(ip{ff})". Classified per the System V
 * x86-64 ABI (registers, the stack past six integer / eight SSE arguments, memory-class structs
 * and returns). The generated function keeps a real rbp frame with CFI, stores its register
 * arguments in that frame (so gdb's `info args` shows them), copies stack arguments and calls
 * target with every register unchanged, returning whatever target returns. */

struct dlext_entry_info {
  const char *file;                /* source file for gdb (NULL: no DWARF; symbol and .eh_frame only) */
  const char *comp_dir;            /* may be NULL */
  unsigned line;                   /* declaration line */
  unsigned language;               /* DW_LANG_* (0: DW_LANG_C99) */
  const char *const *param_names;  /* nparams names, or NULL for a0, a1, ... */
  size_t nparam_names;
};

/* Generate, bind as symbol and register an entry point; *entry_ret is its address (callable
 * with the signature). info may be NULL. The code is freed by dlunbind + dlfree. */
DLEXT_PUBLIC int dlext_entry_point(void *handle, const char *symbol, const char *signature, void *target,
                                   const struct dlext_entry_info *info, void **entry_ret);

/* dlext_entry_point with the info fields flattened, for FFI callers: file NULL for no DWARF,
 * param_names a comma-separated list (or NULL). */
DLEXT_PUBLIC int dlext_entry_point_flat(void *handle, const char *symbol, const char *signature, void *target,
                                        const char *file, const char *comp_dir, unsigned line, unsigned language,
                                        const char *param_names, void **entry_ret);

#ifdef __cplusplus
}
#endif

#endif
