/* libpmirror: public C interface. */
#ifndef PMIRROR_H
#define PMIRROR_H

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PMIRROR_BUILDING)
#define PMIRROR_PUBLIC __attribute__((visibility("default")))
#else
#define PMIRROR_PUBLIC
#endif

/* -- Errors -- */

/* Every status code and its message, in one table: the TS enum is generated from it too. */
#define PMIRROR_ERRORS(X) \
  X(OK, 0, "success") \
  X(NOMEM, -1, "out of memory") \
  X(INVAL, -2, "invalid argument") \
  X(IO, -3, "input/output error")

enum pmirror_error {
#define PMIRROR_ERROR_ENUM(name, value, msg) PMIRROR_E_##name = value,
  PMIRROR_ERRORS(PMIRROR_ERROR_ENUM)
#undef PMIRROR_ERROR_ENUM
};

/* The version of this library, as "major.minor.patch"; a static string. */
PMIRROR_PUBLIC const char *pmirror_version(void);

/* The message for a status code; never NULL (unknown codes give "unknown error"). */
PMIRROR_PUBLIC const char *pmirror_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif
