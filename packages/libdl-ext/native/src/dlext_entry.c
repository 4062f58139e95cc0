/* libdl-ext: entry points: generated native functions of a C signature forwarding to a target. */
#include <stdlib.h>
#include <string.h>
#include "dlext_internal.h"
#include "arch/x86_64.h"

int dlext_entry_point(void *handle, const char *symbol, const char *signature, void *target,
                      const struct dlext_entry_info *info, void **entry_ret) {
  if (!symbol || !*symbol || !signature || !target || !entry_ret)
    return dlext_fail(DLEXT_E_INVAL, "dlext_entry_point: NULL or empty argument");
  struct dlext_debug *d = NULL;
  int rc = 0;
  /* Always describe the frame: without a source file the unwinder and gdb still get .eh_frame. */
  bool dwarf = info && info->file;
  rc = dlext_debug_create(dwarf ? info->file : symbol, dwarf ? info->comp_dir : NULL, dwarf ? info->line : 0,
                          dwarf ? info->language : 0, &d);
  if (rc == 0) d->frame_only = !dwarf;
  struct dlext_buf code = { 0 };
  unsigned call_site = 0;
  if (rc == 0) rc = dlext_arch_entry(signature, (uintptr_t)target, info, &code, d, &call_site);
  void *addr = NULL;
  if (rc == 0) rc = dlext_alloc(handle, code.n, DLEXT_ALLOC_CODE, &addr);
  if (rc == 0) dlext_arch_near_call(code.p, call_site, (uintptr_t)addr, (uintptr_t)target);
  if (rc == 0) rc = dlext_write(handle, addr, code.p, code.n);
  if (rc == 0) rc = dlext_bind_debug(handle, symbol, addr, code.n, d);
  if (rc != 0 && addr) dlfree(handle, addr);
  if (rc == 0) *entry_ret = addr;
  dlext_buf_free(&code);
  dlext_debug_destroy(d);
  return rc;
}

int dlext_entry_point_flat(void *handle, const char *symbol, const char *signature, void *target,
                           const char *file, const char *comp_dir, unsigned line, unsigned language,
                           const char *param_names, void **entry_ret) {
  char *names = param_names ? strdup(param_names) : NULL;
  const char *list[64];
  size_t n = 0;
  if (param_names && !names) return dlext_fail(DLEXT_E_NOMEM, "dlext_entry_point");
  for (char *save = NULL, *t = names ? strtok_r(names, ",", &save) : NULL; t && n < 64; t = strtok_r(NULL, ",", &save))
    list[n++] = t;
  struct dlext_entry_info info = { file, comp_dir, line, language, list, n };
  int rc = dlext_entry_point(handle, symbol, signature, target, &info, entry_ret);
  free(names);
  return rc;
}
