/* libdl-ext: entry points: generated native functions of a C signature forwarding to a target. */
#include <stdlib.h>
#include "dlext_internal.h"
#include "arch/x86_64.h"

int dlext_entry_point(void *handle, const char *symbol, const char *signature, void *target,
                      const struct dlext_entry_info *info, void **entry_ret) {
  if (!symbol || !*symbol || !signature || !target || !entry_ret)
    return dlext_fail(DLEXT_E_INVAL, "dlext_entry_point: NULL or empty argument");
  struct dlext_debug *d = NULL;
  int rc = 0;
  if (info && info->file) rc = dlext_debug_create(info->file, info->comp_dir, info->line, info->language, &d);
  struct dlext_buf code = { 0 };
  if (rc == 0) rc = dlext_arch_entry(signature, (uintptr_t)target, info, &code, d);
  void *addr = NULL;
  if (rc == 0) rc = dlext_alloc(handle, code.n, DLEXT_ALLOC_CODE, &addr);
  if (rc == 0) rc = dlext_write(handle, addr, code.p, code.n);
  if (rc == 0) rc = d ? dlext_bind_debug(handle, symbol, addr, code.n, d) : dlbind(handle, symbol, addr, code.n, DLEXT_KIND_FUNC);
  if (rc != 0 && addr) dlfree(handle, addr);
  if (rc == 0) *entry_ret = addr;
  dlext_buf_free(&code);
  dlext_debug_destroy(d);
  return rc;
}
