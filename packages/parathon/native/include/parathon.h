/* parathon: public C interface. */
#ifndef PARATHON_H
#define PARATHON_H

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PARATHON_BUILDING)
#define PARATHON_PUBLIC __attribute__((visibility("default")))
#else
#define PARATHON_PUBLIC
#endif

/* -- Errors -- */

/* Every status code and its message, in one table: the TS enum is generated from it too. */
#define PARATHON_ERRORS(X) \
  X(OK, 0, "success") \
  X(NOMEM, -1, "out of memory") \
  X(INVAL, -2, "invalid argument") \
  X(IO, -3, "input/output error")

enum parathon_error {
#define PARATHON_ERROR_ENUM(name, value, msg) PARATHON_E_##name = value,
  PARATHON_ERRORS(PARATHON_ERROR_ENUM)
#undef PARATHON_ERROR_ENUM
};

/* The version of this library, as "major.minor.patch"; a static string. */
PARATHON_PUBLIC const char *parathon_version(void);

/* The message for a status code; never NULL (unknown codes give "unknown error"). */
PARATHON_PUBLIC const char *parathon_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif
