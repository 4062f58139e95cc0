/* dwarfpython: public C interface. */
#ifndef DWARFPYTHON_H
#define DWARFPYTHON_H

#ifdef __cplusplus
extern "C" {
#endif

#if defined(DWARFPYTHON_BUILDING)
#define DWARFPYTHON_PUBLIC __attribute__((visibility("default")))
#else
#define DWARFPYTHON_PUBLIC
#endif

/* -- Errors -- */

/* Every status code and its message, in one table: the TS enum is generated from it too. */
#define DWARFPYTHON_ERRORS(X) \
  X(OK, 0, "success") \
  X(NOMEM, -1, "out of memory") \
  X(INVAL, -2, "invalid argument") \
  X(IO, -3, "input/output error") \
  X(FAULT, -4, "address range not readable")

enum dwarfpython_error {
#define DWARFPYTHON_ERROR_ENUM(name, value, msg) DWARFPYTHON_E_##name = value,
  DWARFPYTHON_ERRORS(DWARFPYTHON_ERROR_ENUM)
#undef DWARFPYTHON_ERROR_ENUM
};

#include <stddef.h>
#include <stdint.h>

/* The version of this library, as "major.minor.patch"; a static string. */
DWARFPYTHON_PUBLIC const char *dwarfpython_version(void);

/* The message for a status code; never NULL (unknown codes give "unknown error"). */
DWARFPYTHON_PUBLIC const char *dwarfpython_strerror(int code);

/* The table name of a status code ("INVAL"), or NULL for an unknown code. */
DWARFPYTHON_PUBLIC const char *dwarfpython_error_name(int code);

/* -- Memory probing -- */

/* Whether [addr, addr + len) can be read in this process without a fault: 0 when it can,
   DWARFPYTHON_E_FAULT when some byte is unmapped or unreadable, DWARFPYTHON_E_INVAL for len 0 or
   a wrapping range. Uses process_vm_readv on the own process, so it never raises SIGSEGV. */
DWARFPYTHON_PUBLIC int dwarfpython_probe(uint64_t addr, size_t len);

/* -- C stdio next to the interpreter's own output -- */

/* Make C's stdout line-buffered (so printf output interleaves with Python's print by line). */
DWARFPYTHON_PUBLIC void dwarfpython_stdio_line_buffered(void);

/* fflush(NULL): write out every C stdio buffer. Returns 0 or DWARFPYTHON_E_IO. */
DWARFPYTHON_PUBLIC int dwarfpython_stdio_flush(void);

#ifdef __cplusplus
}
#endif

#endif
