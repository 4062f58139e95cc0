/* libmemtable: public C interface. */
#ifndef MEMTABLE_H
#define MEMTABLE_H

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
  X(IO, -3, "input/output error")

enum memtable_error {
#define MEMTABLE_ERROR_ENUM(name, value, msg) MEMTABLE_E_##name = value,
  MEMTABLE_ERRORS(MEMTABLE_ERROR_ENUM)
#undef MEMTABLE_ERROR_ENUM
};

/* The version of this library, as "major.minor.patch"; a static string. */
MEMTABLE_PUBLIC const char *memtable_version(void);

/* The message for a status code; never NULL (unknown codes give "unknown error"). */
MEMTABLE_PUBLIC const char *memtable_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif
