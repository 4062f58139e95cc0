/* parathon: clocks and broken-down time for the time module. */
#include "parathon.h"

#include <errno.h>
#include <string.h>
#include <time.h>

/* -- Conversions -- */

/* Fill a parathon_tm from a struct tm (Python's conventions: months 1..12, Monday = 0). */
static void from_tm(const struct tm *t, struct parathon_tm *out) {
  memset(out, 0, sizeof *out);
  out->year = t->tm_year + 1900;
  out->mon = t->tm_mon + 1;
  out->mday = t->tm_mday;
  out->hour = t->tm_hour;
  out->min = t->tm_min;
  out->sec = t->tm_sec;
  out->wday = (t->tm_wday + 6) % 7;
  out->yday = t->tm_yday + 1;
  out->isdst = t->tm_isdst;
  out->gmtoff = t->tm_gmtoff;
  if (t->tm_zone) {
    size_t n = strnlen(t->tm_zone, sizeof out->zone - 1);
    memcpy(out->zone, t->tm_zone, n);
  }
}

/* The struct tm for a parathon_tm. */
static void to_tm(const struct parathon_tm *in, struct tm *t) {
  memset(t, 0, sizeof *t);
  t->tm_year = in->year - 1900;
  t->tm_mon = in->mon - 1;
  t->tm_mday = in->mday;
  t->tm_hour = in->hour;
  t->tm_min = in->min;
  t->tm_sec = in->sec;
  t->tm_wday = (in->wday + 1) % 7;
  t->tm_yday = in->yday - 1;
  t->tm_isdst = in->isdst;
  t->tm_gmtoff = in->gmtoff;
}

/* -- Public -- */

int parathon_time_localtime(int64_t t, struct parathon_tm *tm_ret) {
  time_t tt = (time_t)t;
  struct tm buf;
  if (!tm_ret) return -EINVAL;
  if (!localtime_r(&tt, &buf)) return errno ? -errno : -EOVERFLOW;
  from_tm(&buf, tm_ret);
  return 0;
}

int parathon_time_gmtime(int64_t t, struct parathon_tm *tm_ret) {
  time_t tt = (time_t)t;
  struct tm buf;
  if (!tm_ret) return -EINVAL;
  if (!gmtime_r(&tt, &buf)) return errno ? -errno : -EOVERFLOW;
  from_tm(&buf, tm_ret);
  return 0;
}

int64_t parathon_time_mktime(const struct parathon_tm *tm, int *ok_ret) {
  struct tm t;
  time_t r;
  if (!tm || !ok_ret) return -1;
  to_tm(tm, &t);
  t.tm_wday = -1;
  r = mktime(&t);
  *ok_ret = !(r == (time_t)-1 && t.tm_wday == -1);
  return (int64_t)r;
}

size_t parathon_time_strftime(char *buf, size_t n, const char *fmt, const struct parathon_tm *tm) {
  struct tm t;
  if (!buf || !fmt || !tm || n == 0) return 0;
  to_tm(tm, &t);
  t.tm_zone = tm->zone;
  return strftime(buf, n, fmt, &t);
}

int64_t parathon_time_clock_ns(int clock) {
  static const clockid_t ids[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID};
  struct timespec ts;
  if (clock < 0 || clock > 3) return -1;
  if (clock_gettime(ids[clock], &ts) != 0) return -1;
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
