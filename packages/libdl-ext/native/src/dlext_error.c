/* libdl-ext: version, status-code messages and the dlerror-style last message. */
#include <stdarg.h>
#include <stdio.h>
#include "dlext_internal.h"

/* The last failure of this thread: message and whether it has been read. */
static __thread char last_msg[512];
static __thread bool last_set;

const char *dlext_version(void) { return "0.1.0"; }

const char *dlext_strerror(int code) {
  switch (code) {
#define DLEXT_ERROR_CASE(name, value, msg) case value: return msg;
    DLEXT_ERRORS(DLEXT_ERROR_CASE)
#undef DLEXT_ERROR_CASE
  }
  return "unknown error";
}

const char *dlext_error_name(int code) {
  switch (code) {
#define DLEXT_ERROR_NAME(name, value, msg) case value: return #name;
    DLEXT_ERRORS(DLEXT_ERROR_NAME)
#undef DLEXT_ERROR_NAME
  }
  return NULL;
}

/* Record a failure as "<detail>: <code message>" and return the code. */
int dlext_fail(int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(last_msg, sizeof last_msg, fmt, ap);
  va_end(ap);
  if (n >= 0 && (size_t)n < sizeof last_msg)
    snprintf(last_msg + n, sizeof last_msg - (size_t)n, ": %s", dlext_strerror(code));
  last_set = true;
  return code;
}

const char *dlext_dlerror(void) {
  if (!last_set) return NULL;
  last_set = false;
  return last_msg;
}
