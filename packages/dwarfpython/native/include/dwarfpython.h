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
  X(IO, -3, "input/output error")

enum dwarfpython_error {
#define DWARFPYTHON_ERROR_ENUM(name, value, msg) DWARFPYTHON_E_##name = value,
  DWARFPYTHON_ERRORS(DWARFPYTHON_ERROR_ENUM)
#undef DWARFPYTHON_ERROR_ENUM
};

/* The version of this library, as "major.minor.patch"; a static string. */
DWARFPYTHON_PUBLIC const char *dwarfpython_version(void);

/* The message for a status code; never NULL (unknown codes give "unknown error"). */
DWARFPYTHON_PUBLIC const char *dwarfpython_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif
