/* libpmirror: version and status-code messages. */
#include "libpmirror.h"

const char *pmirror_version(void) { return "0.1.0"; }

const char *pmirror_strerror(int code) {
  switch (code) {
#define PMIRROR_ERROR_CASE(name, value, msg) case value: return msg;
    PMIRROR_ERRORS(PMIRROR_ERROR_CASE)
#undef PMIRROR_ERROR_CASE
  }
  return "unknown error";
}
