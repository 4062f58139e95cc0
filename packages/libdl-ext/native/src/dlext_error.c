/* libdl-ext: version and status-code messages. */
#include "libdl-ext.h"

const char *dlext_version(void) { return "0.1.0"; }

const char *dlext_strerror(int code) {
  switch (code) {
#define DLEXT_ERROR_CASE(name, value, msg) case value: return msg;
    DLEXT_ERRORS(DLEXT_ERROR_CASE)
#undef DLEXT_ERROR_CASE
  }
  return "unknown error";
}
