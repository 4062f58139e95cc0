/* libdl-ext: public C interface. */
#ifndef DLEXT_H
#define DLEXT_H

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
  X(IO, -3, "input/output error")

enum dlext_error {
#define DLEXT_ERROR_ENUM(name, value, msg) DLEXT_E_##name = value,
  DLEXT_ERRORS(DLEXT_ERROR_ENUM)
#undef DLEXT_ERROR_ENUM
};

/* The version of this library, as "major.minor.patch"; a static string. */
DLEXT_PUBLIC const char *dlext_version(void);

/* The message for a status code; never NULL (unknown codes give "unknown error"). */
DLEXT_PUBLIC const char *dlext_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif
