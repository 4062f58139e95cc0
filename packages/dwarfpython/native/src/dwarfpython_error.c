/* dwarfpython: version and status-code messages. */
#include "dwarfpython.h"

const char *dwarfpython_version(void) { return "0.1.0"; }

const char *dwarfpython_strerror(int code) {
  switch (code) {
#define DWARFPYTHON_ERROR_CASE(name, value, msg) case value: return msg;
    DWARFPYTHON_ERRORS(DWARFPYTHON_ERROR_CASE)
#undef DWARFPYTHON_ERROR_CASE
  }
  return "unknown error";
}

const char *dwarfpython_error_name(int code) {
  switch (code) {
#define DWARFPYTHON_ERROR_NAME(name, value, msg) case value: return #name;
    DWARFPYTHON_ERRORS(DWARFPYTHON_ERROR_NAME)
#undef DWARFPYTHON_ERROR_NAME
  }
  return NULL;
}
