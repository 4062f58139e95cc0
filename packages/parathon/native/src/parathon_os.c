/* parathon: process and system queries for the os module. */
#include "parathon.h"

#include <errno.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

int parathon_os_getppid(void) { return (int)getppid(); }
int parathon_os_getuid(void) { return (int)getuid(); }
int parathon_os_geteuid(void) { return (int)geteuid(); }
int parathon_os_getgid(void) { return (int)getgid(); }
int parathon_os_getegid(void) { return (int)getegid(); }

/* Copy a NUL-terminated string into a fixed field, truncating, always terminated. */
static void copy_field(char *dst, size_t size, const char *src) {
  size_t n = strnlen(src, size - 1);
  memcpy(dst, src, n);
  dst[n] = '\0';
}

int parathon_os_uname(struct parathon_uname *u_ret) {
  struct utsname u;
  if (!u_ret) return -EINVAL;
  if (uname(&u) != 0) return -errno;
  memset(u_ret, 0, sizeof *u_ret);
  copy_field(u_ret->sysname, sizeof u_ret->sysname, u.sysname);
  copy_field(u_ret->nodename, sizeof u_ret->nodename, u.nodename);
  copy_field(u_ret->release, sizeof u_ret->release, u.release);
  copy_field(u_ret->version, sizeof u_ret->version, u.version);
  copy_field(u_ret->machine, sizeof u_ret->machine, u.machine);
  return 0;
}

const char *parathon_os_strerror(int errnum) {
  const char *s = strerror(errnum);
  return s ? s : "Unknown error";
}

int parathon_os_cpu_count(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int)n : -1;
}
