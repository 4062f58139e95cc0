/* libmemtable: version and status-code messages. */
#include "libmemtable.h"

const char *memtable_version(void) { return "0.1.0"; }

const char *memtable_strerror(int code) {
  switch (code) {
#define MEMTABLE_ERROR_CASE(name, value, msg) case value: return msg;
    MEMTABLE_ERRORS(MEMTABLE_ERROR_CASE)
#undef MEMTABLE_ERROR_CASE
  }
  return "unknown error";
}
