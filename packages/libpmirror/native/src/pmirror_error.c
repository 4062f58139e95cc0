/* libpmirror: version, status-code messages, the per-thread detail of the last failure. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pmirror_internal.h"

static __thread char last_error[512];

const char *pmirror_version(void) { return "0.1.0"; }

const char *pmirror_strerror(int code) {
  switch (code) {
#define PMIRROR_ERROR_CASE(name, value, msg) case value: return msg;
    PMIRROR_ERRORS(PMIRROR_ERROR_CASE)
#undef PMIRROR_ERROR_CASE
  }
  return "unknown error";
}

static const struct { int value; const char *name; } error_table[] = {
#define PMIRROR_ERROR_ROW(name, value, msg) {value, #name},
    PMIRROR_ERRORS(PMIRROR_ERROR_ROW)
#undef PMIRROR_ERROR_ROW
};

int pmirror_error_entry(int i, int *value_ret, const char **name_ret) {
  if (i < 0 || (size_t)i >= sizeof error_table / sizeof error_table[0]) return PMIRROR_E_NOTFOUND;
  if (value_ret) *value_ret = error_table[i].value;
  if (name_ret) *name_ret = error_table[i].name;
  return 0;
}

const char *pmirror_last_error(void) { return last_error; }

void pmirror_free(void *p) { free(p); }

int pm_fail(int code, const char *fmt, ...) {
  int n = snprintf(last_error, sizeof last_error, "%s: ", pmirror_strerror(code));
  if (n < 0 || (size_t)n >= sizeof last_error) return code;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(last_error + n, sizeof last_error - (size_t)n, fmt, ap);
  va_end(ap);
  return code;
}

double pm_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* -- Text buffer -- */

static bool sb_grow(pm_sbuf *b, size_t extra) {
  if (b->oom) return false;
  if (b->len + extra + 1 <= b->cap) return true;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + extra + 1) cap *= 2;
  char *nb = realloc(b->buf, cap);
  if (!nb) {
    b->oom = true;
    return false;
  }
  b->buf = nb;
  b->cap = cap;
  return true;
}

void pm_sb_putc(pm_sbuf *b, char c) {
  if (!sb_grow(b, 1)) return;
  b->buf[b->len++] = c;
  b->buf[b->len] = 0;
}

void pm_sb_puts(pm_sbuf *b, const char *s) {
  size_t n = strlen(s);
  if (!sb_grow(b, n)) return;
  memcpy(b->buf + b->len, s, n + 1);
  b->len += n;
}

void pm_sb_printf(pm_sbuf *b, const char *fmt, ...) {
  char tmp[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof tmp) {
    pm_sb_puts(b, tmp);
    return;
  }
  if (!sb_grow(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

void pm_sb_json_str(pm_sbuf *b, const char *s) { pm_sb_json_str2(b, "", s); }

void pm_sb_json_str2(pm_sbuf *b, const char *prefix, const char *s) {
  if (!s) {
    pm_sb_puts(b, "null");
    return;
  }
  pm_sb_putc(b, '"');
  pm_sb_puts(b, prefix);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') {
      pm_sb_putc(b, '\\');
      pm_sb_putc(b, (char)*p);
    } else if (*p < 0x20 || *p >= 0x7f) {
      pm_sb_printf(b, "\\u%04x", *p); /* bytes, not UTF-8: names are ASCII in practice */
    } else {
      pm_sb_putc(b, (char)*p);
    }
  }
  pm_sb_putc(b, '"');
}

int pm_sb_finish(pm_sbuf *b, char **out) {
  if (b->oom || !b->buf) {
    free(b->buf);
    return pm_fail(PMIRROR_E_NOMEM, "building a result");
  }
  *out = b->buf;
  return 0;
}

uint64_t pm_hash(const char *s) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (; *s; s++) h = (h ^ (uint8_t)*s) * 1099511628211ull;
  return h;
}
