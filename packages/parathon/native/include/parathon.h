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


/* -- Native modules --
 * The OS-facing parts of parathon's `math`, `time` and `os` modules. parathon binds these by reading
 * this library's own DWARF (through libpmirror): names, parameter and struct layouts come from the
 * debug information, never from hand-written declarations. */

#include <stddef.h>
#include <stdint.h>

/* math: libm results, as CPython's math module uses them. */
PARATHON_PUBLIC double parathon_math_erf(double x);
PARATHON_PUBLIC double parathon_math_erfc(double x);
PARATHON_PUBLIC double parathon_math_expm1(double x);
PARATHON_PUBLIC double parathon_math_log1p(double x);
PARATHON_PUBLIC double parathon_math_cbrt(double x);
PARATHON_PUBLIC double parathon_math_nextafter(double x, double y);
PARATHON_PUBLIC double parathon_math_fmod(double x, double y);

/* time: a broken-down time (struct tm plus offset and zone name). */
struct parathon_tm {
  int year;      /* full year, e.g. 2026 */
  int mon;       /* 1..12 */
  int mday;      /* 1..31 */
  int hour;      /* 0..23 */
  int min;       /* 0..59 */
  int sec;       /* 0..61 */
  int wday;      /* Monday = 0, as Python */
  int yday;      /* 1..366 */
  int isdst;     /* -1, 0 or 1 */
  long gmtoff;   /* seconds east of UTC */
  char zone[16]; /* abbreviation, NUL-terminated */
};

/* Local / UTC broken-down time of `t` seconds since the epoch into *tm_ret; 0 or -errno. */
PARATHON_PUBLIC int parathon_time_localtime(int64_t t, struct parathon_tm *tm_ret);
PARATHON_PUBLIC int parathon_time_gmtime(int64_t t, struct parathon_tm *tm_ret);
/* Seconds since the epoch of a local broken-down time (mktime); -1 with *ok_ret = 0 on error. */
PARATHON_PUBLIC int64_t parathon_time_mktime(const struct parathon_tm *tm, int *ok_ret);
/* strftime into buf (size n); the length written, 0 if it did not fit. */
PARATHON_PUBLIC size_t parathon_time_strftime(char *buf, size_t n, const char *fmt, const struct parathon_tm *tm);
/* clock_gettime in nanoseconds: clock 0 realtime, 1 monotonic, 2 process CPU, 3 thread CPU; -1 on error. */
PARATHON_PUBLIC int64_t parathon_time_clock_ns(int clock);

/* os */
struct parathon_uname {
  char sysname[65];
  char nodename[65];
  char release[65];
  char version[65];
  char machine[65];
};
PARATHON_PUBLIC int parathon_os_getppid(void);
PARATHON_PUBLIC int parathon_os_getuid(void);
PARATHON_PUBLIC int parathon_os_geteuid(void);
PARATHON_PUBLIC int parathon_os_getgid(void);
PARATHON_PUBLIC int parathon_os_getegid(void);
/* uname(2) into *u_ret; 0 or -errno. */
PARATHON_PUBLIC int parathon_os_uname(struct parathon_uname *u_ret);
/* The C library's message for an errno value; never NULL. */
PARATHON_PUBLIC const char *parathon_os_strerror(int errnum);
/* Online processors (sysconf), or -1. */
PARATHON_PUBLIC int parathon_os_cpu_count(void);

#ifdef __cplusplus
}
#endif

#endif
