/* parathon: version and status-code messages. */
#include "parathon.h"

const char *parathon_version(void) { return "0.1.0"; }

const char *parathon_strerror(int code) {
  switch (code) {
#define PARATHON_ERROR_CASE(name, value, msg) case value: return msg;
    PARATHON_ERRORS(PARATHON_ERROR_CASE)
#undef PARATHON_ERROR_CASE
  }
  return "unknown error";
}
