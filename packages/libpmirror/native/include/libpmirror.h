/* libpmirror: public C interface. */
#ifndef PMIRROR_H
#define PMIRROR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PMIRROR_BUILDING)
#define PMIRROR_PUBLIC __attribute__((visibility("default")))
#else
#define PMIRROR_PUBLIC
#endif

/* -- Errors -- */

/* Every status code and its message, in one table: the TS enum is generated from it too.
 * 0 is success, 1 is "not found" for lookups, negative values are errors. */
#define PMIRROR_ERRORS(X) \
  X(OK, 0, "success") \
  X(NOTFOUND, 1, "not found") \
  X(NOMEM, -1, "out of memory") \
  X(INVAL, -2, "invalid argument") \
  X(IO, -3, "input/output error") \
  X(NOTELF, -4, "not an ELF file") \
  X(UNSUPPORTED, -5, "unsupported ELF class, byte order or machine") \
  X(TRUNCATED, -6, "truncated or out-of-bounds data") \
  X(CORRUPT, -7, "corrupt data") \
  X(ZLIB, -8, "decompression failed") \
  X(NODEBUG, -9, "no DWARF debug information") \
  X(DWARF, -10, "unsupported or invalid DWARF")

enum pmirror_error {
#define PMIRROR_ERROR_ENUM(name, value, msg) PMIRROR_E_##name = value,
  PMIRROR_ERRORS(PMIRROR_ERROR_ENUM)
#undef PMIRROR_ERROR_ENUM
};

/* The version of this library, as "major.minor.patch"; a static string. */
PMIRROR_PUBLIC const char *pmirror_version(void);

/* The message for a status code; never NULL (unknown codes give "unknown error"). */
PMIRROR_PUBLIC const char *pmirror_strerror(int code);

/* Entry i of the error table: 0 and its value/name on success, 1 past the end. */
PMIRROR_PUBLIC int pmirror_error_entry(int i, int *value_ret, const char **name_ret);

/* The detailed message of the last failure in this thread (what, where); never NULL. */
PMIRROR_PUBLIC const char *pmirror_last_error(void);

/* Frees a string this library returned through a `char **..._ret` out-parameter. */
PMIRROR_PUBLIC void pmirror_free(void *p);

/* -- ELF files -- */

/* An open ELF file (read-only mapping). Thread-safe once opened. */
typedef struct pmirror_elf pmirror_elf;

/* Opens an ELF64 little-endian file. On success *elf_ret owns the mapping. */
PMIRROR_PUBLIC int pmirror_elf_open(const char *path, pmirror_elf **elf_ret);

/* Opens an ELF image from memory; the bytes are copied. */
PMIRROR_PUBLIC int pmirror_elf_open_memory(const void *data, size_t size, pmirror_elf **elf_ret);

/* Closes an ELF file; NULL is accepted. */
PMIRROR_PUBLIC void pmirror_elf_destroy(pmirror_elf *elf);

/* A JSON description of the file: type, machine, sections, segments, build-id, debuglink.
 * *json_ret is freed with pmirror_free. */
PMIRROR_PUBLIC int pmirror_elf_describe(pmirror_elf *elf, char **json_ret);

/* The build-id as lowercase hex (static storage of elf), or "" when there is none. */
PMIRROR_PUBLIC const char *pmirror_elf_build_id(pmirror_elf *elf);

/* The contents of section `name`, decompressed if SHF_COMPRESSED or .zdebug_* (once, lazily).
 * Returns 0, 1 when there is no such section, or an error. The bytes live as long as elf. */
PMIRROR_PUBLIC int pmirror_elf_section(pmirror_elf *elf, const char *name, const uint8_t **data_ret,
                                       size_t *size_ret);

/* Looks a symbol up by name in .symtab, then .dynsym: 0 with its value and size, or 1. */
PMIRROR_PUBLIC int pmirror_elf_symbol(pmirror_elf *elf, const char *name, uint64_t *value_ret,
                                      uint64_t *size_ret);

/* Whether `name` is a defined function or object in .dynsym (callable through dlsym): 0 yes, 1 no. */
PMIRROR_PUBLIC int pmirror_elf_dynamic(pmirror_elf *elf, const char *name);

/* The symbol containing file address `addr` (function and object symbols, .symtab preferred):
 * 0 with its name (owned by elf) and the offset of addr in it, or 1. */
PMIRROR_PUBLIC int pmirror_elf_symbol_at(pmirror_elf *elf, uint64_t addr, const char **name_ret,
                                         uint64_t *offset_ret);

/* -- Debug information -- */

/* An object file with its DWARF, possibly from a separate debug file. Thread-safe once opened. */
typedef struct pmirror_debug pmirror_debug;

/* Opens `path` and its debug information: its own DWARF sections, else the separate debug file found
 * by build-id (/usr/lib/debug/.build-id/xx/rest.debug, and the same under `debug_dir` if not NULL),
 * else by .gnu_debuglink (same directory, .debug/, /usr/lib/debug/<dir>/, debug_dir/<dir>/).
 * Objects are cached by build-id: opening the same one twice shares its indexes.
 * Returns PMIRROR_E_NODEBUG when no DWARF is found. */
PMIRROR_PUBLIC int pmirror_debug_open(const char *path, const char *debug_dir, pmirror_debug **debug_ret);

/* Releases a debug object (reference counted); NULL is accepted. */
PMIRROR_PUBLIC void pmirror_debug_destroy(pmirror_debug *debug);

/* The ELF file that was opened, and the one holding the DWARF (the same, or the debug file). */
PMIRROR_PUBLIC pmirror_elf *pmirror_debug_elf(pmirror_debug *debug);
PMIRROR_PUBLIC pmirror_elf *pmirror_debug_dwarf_elf(pmirror_debug *debug);

/* Builds every name and address index now (they are otherwise built on first use). */
PMIRROR_PUBLIC int pmirror_debug_index(pmirror_debug *debug);

/* JSON: debug file used, DWARF versions, unit/DIE counts, index timings. */
PMIRROR_PUBLIC int pmirror_debug_info(pmirror_debug *debug, char **json_ret);

/* Kinds of names for pmirror_debug_lookup. */
enum pmirror_kind {
  PMIRROR_KIND_TYPE = 1,       /* "struct stat", "union u", "enum e", "size_t", "int" */
  PMIRROR_KIND_FUNCTION = 2,
  PMIRROR_KIND_VARIABLE = 3,
  PMIRROR_KIND_ENUMERATOR = 4,
  PMIRROR_KIND_MACRO = 5,      /* #define names (gcc -g3), for pmirror_debug_list */
};

/* Looks a name up: 0 with the offset of its DIE (a definition when one exists), 1 if absent.
 * Functions missing from DWARF under that name (aliases such as printf for __printf) are found
 * through the symbol table; types accept gdb's spellings ("unsigned long"). */
PMIRROR_PUBLIC int pmirror_debug_lookup(pmirror_debug *debug, int kind, const char *name, uint64_t *die_ret);

/* An enumerator by name: 0 with the DIE of its enumeration type (describe it for the enumerators'
 * values with the type's signedness) and its raw DW_AT_const_value, or 1. */
PMIRROR_PUBLIC int pmirror_debug_enumerator(pmirror_debug *debug, const char *name, uint64_t *enum_die_ret,
                                            int64_t *value_ret);

/* JSON describing the DIE at `die` and every type it reaches (a closure keyed by DIE offset):
 * {"root": off, "types": {off: {...}}, "entity": {...}} where entity is the function or variable
 * when die is one. Declarations resolve to definitions by name. */
PMIRROR_PUBLIC int pmirror_debug_describe(pmirror_debug *debug, uint64_t die, char **json_ret);

/* The same for many DIEs at once, sharing one closure of types: {"roots": [off...], "entities":
 * [entity or null...], "types": {...}}. Describing a whole library this way emits each type once. */
PMIRROR_PUBLIC int pmirror_debug_describe_many(pmirror_debug *debug, const uint64_t *dies, size_t n, char **json_ret);

/* JSON array of the names of one kind: PMIRROR_KIND_FUNCTION {name, die, decl, external, defined,
 * low, callable} (same-named static functions of different units each listed), _VARIABLE {name,
 * die, decl, external, defined}, _TYPE {name ("struct stat", "size_t"), die, decl}, _ENUMERATOR
 * {name, die, decl}, _MACRO {name, definition, file, line}. */
PMIRROR_PUBLIC int pmirror_debug_list(pmirror_debug *debug, int kind, char **json_ret);

/* The function containing file address `addr`: 0 with its DIE offset and low_pc, or 1. */
PMIRROR_PUBLIC int pmirror_debug_function_at(pmirror_debug *debug, uint64_t addr, uint64_t *die_ret,
                                             uint64_t *low_pc_ret);

/* The global or static variable whose storage holds file address `addr`: 0 with its DIE offset and
 * start address, or 1. */
PMIRROR_PUBLIC int pmirror_debug_variable_at(pmirror_debug *debug, uint64_t addr, uint64_t *die_ret,
                                             uint64_t *start_ret);

/* The DW_AT_name of a DIE (static storage of debug), or NULL. */
PMIRROR_PUBLIC const char *pmirror_debug_die_name(pmirror_debug *debug, uint64_t die);

/* The source position of file address `addr` from the line tables: 0 with the file (owned by
 * debug, valid until it is destroyed), line and column, or 1. */
PMIRROR_PUBLIC int pmirror_debug_line_at(pmirror_debug *debug, uint64_t addr, const char **file_ret,
                                         unsigned *line_ret, unsigned *column_ret);

/* The scopes at file address `addr`: JSON {"function": {die, name, low}, "inlined": [{die, name,
 * callFile, callLine, callColumn}, ...]} with the innermost inlined call last; 1 if no function
 * contains addr. */
PMIRROR_PUBLIC int pmirror_debug_scope_at(pmirror_debug *debug, uint64_t addr, char **json_ret);

/* Everything about file address `addr` in one call, written as JSON into the caller's buffer:
 * {"function": {die, name, low}, "inlined": [...], "file", "line", "column"} (fields absent when
 * unknown; "{}" for an address nothing covers). *len_ret is the JSON length; when cap is too small
 * nothing is written and PMIRROR_E_INVAL is returned with *len_ret set (retry with len + 1). */
PMIRROR_PUBLIC int pmirror_debug_address(pmirror_debug *debug, uint64_t addr, char *buf, size_t cap, size_t *len_ret);

/* Every place the function `die` was inlined (die may be its abstract instance, a declaration or an
 * out-of-line copy): JSON array of {die, entry, ranges, callFile, callLine, caller} sorted by entry
 * address, where caller is the out-of-line function containing the instance. The index of
 * inlined instances is built on the first call (a walk over every DIE). */
PMIRROR_PUBLIC int pmirror_debug_inlined_instances(pmirror_debug *debug, uint64_t die, char **json_ret);

/* Where source line `line` of `file` (a full path or its trailing components, e.g. "shapes.c")
 * starts: JSON array of {address, file}, the statement rows of every sequence, ascending. */
PMIRROR_PUBLIC int pmirror_debug_line_addresses(pmirror_debug *debug, const char *file, unsigned line,
                                                char **json_ret);

/* A preprocessor macro (gcc -g3: .debug_macro or .debug_macinfo), the last definition in unit
 * order: 0 with its definition text ("NAME body" or "NAME(args) body", owned by debug), the file
 * (owned by debug; NULL if unknown) and line where it is defined; 1 when there is none. The macro
 * index is built on the first call. */
PMIRROR_PUBLIC int pmirror_debug_macro(pmirror_debug *debug, const char *name, const char **definition_ret,
                                       const char **file_ret, unsigned *line_ret);

/* -- Locations -- */

/* Registers of one frame, by DWARF number (x86-64: 0 rax, 1 rdx, 2 rcx, 3 rbx, 4 rsi, 5 rdi,
 * 6 rbp, 7 rsp, 8-15 r8-r15, 16 rip), plus the frame's canonical frame address when known. */
typedef struct pmirror_regs {
  uint64_t r[17];
  uint32_t valid;   /* bit i set: r[i] is known */
  int32_t has_cfa;  /* nonzero: cfa is known */
  uint64_t cfa;
} pmirror_regs;

/* The location of variable or parameter DIE `die` at file address `pc` (location lists are read at
 * the offsets the DIE names), evaluated with `regs` (NULL: no registers known). JSON:
 * {"kind": "memory", "address"} | {"kind": "register", "register"} | {"kind": "value", "value"} |
 * {"kind": "implicit", "bytes": hex} | {"kind": "optimized-out"} | {"kind": "pieces", "pieces":
 * [{"size", ...one of the above}]} | {"kind": "unavailable", "reason"} (a register, the CFA or
 * memory the expression needs is not known), always with "expression": the operations as text. */
PMIRROR_PUBLIC int pmirror_debug_location(pmirror_debug *debug, uint64_t die, uint64_t pc, const pmirror_regs *regs,
                                          char **json_ret);

/* The parameters and local variables in scope at file address `pc`: JSON array of {die, name,
 * param, type, depth} from the innermost scope (largest depth) outwards; type is a DIE offset for
 * pmirror_debug_describe (or null). 1 when no function contains pc. */
PMIRROR_PUBLIC int pmirror_debug_locals(pmirror_debug *debug, uint64_t pc, char **json_ret);

/* -- The process mirror -- */

/* Every object loaded in this process, refreshed when objects are loaded or unloaded. */
typedef struct pmirror_mirror pmirror_mirror;

PMIRROR_PUBLIC int pmirror_mirror_create(pmirror_mirror **mirror_ret);
PMIRROR_PUBLIC void pmirror_mirror_destroy(pmirror_mirror *mirror);

/* Rereads the list of loaded objects if it changed; *changed_ret (if not NULL) tells whether it did. */
PMIRROR_PUBLIC int pmirror_mirror_refresh(pmirror_mirror *mirror, int *changed_ret);

/* Drops what the mirror has read of the loaded object at `path` (its symbols and DWARF), so the next
 * query reads the file again: for objects rewritten in place after loading (libdl-ext adds symbols
 * that way). 0, or 1 when no loaded object has that path. */
PMIRROR_PUBLIC int pmirror_mirror_forget(pmirror_mirror *mirror, const char *path);

/* JSON array of loaded objects: name, path, base (load bias), segments, build-id. */
PMIRROR_PUBLIC int pmirror_mirror_objects(pmirror_mirror *mirror, char **json_ret);

/* What address `addr` of this process is: JSON {object, path, bias, symbol, offset, function,
 * file, line} (fields absent when unknown). 1 when no loaded object contains it. */
PMIRROR_PUBLIC int pmirror_mirror_query(pmirror_mirror *mirror, uint64_t addr, char **json_ret);

#ifdef __cplusplus
}
#endif

#endif
