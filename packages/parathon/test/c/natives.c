/* The C core's native-module functions called from C (also run under ASan + UBSan). */
#include "parathon.h"

#include <stdio.h>
#include <string.h>

int main(void) {
  struct parathon_tm tm;
  struct parathon_uname u;
  char buf[64];
  int ok = 0;
  int64_t back;
  if (parathon_time_gmtime(1234567890, &tm) != 0) return 1;
  if (tm.year != 2009 || tm.mon != 2 || tm.mday != 13 || tm.wday != 4 || tm.yday != 44) return 2;
  if (parathon_time_strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm) != 19) return 3;
  if (strcmp(buf, "2009-02-13 23:31:30") != 0) return 4;
  if (parathon_time_strftime(buf, 4, "%Y-%m-%d", &tm) != 0) return 5; /* does not fit */
  if (parathon_time_localtime(1000000, &tm) != 0) return 6;
  back = parathon_time_mktime(&tm, &ok);
  if (!ok || back != 1000000) return 7;
  if (parathon_time_clock_ns(1) <= 0 || parathon_time_clock_ns(9) != -1) return 8;
  if (parathon_os_uname(&u) != 0 || strcmp(u.sysname, "Linux") != 0) return 9;
  if (parathon_os_uname(NULL) >= 0 || parathon_time_gmtime(0, NULL) >= 0) return 10;
  if (parathon_math_cbrt(8.0) != 2.0 || parathon_math_fmod(-7.0, 3.0) != -1.0) return 11;
  printf("%s|%s\n", buf, parathon_os_strerror(2));
  return 0;
}
