/* libdl-ext: the builder of debug descriptions (what gdb learns about a generated function). */
#include <stdlib.h>
#include <string.h>
#include "dlext_internal.h"

/* Grow a dynamic array by one element; false when out of memory. */
#define GROW(arr, n, cap) grow((void **)&(arr), &(n), &(cap), sizeof *(arr))

static bool grow(void **arr, size_t *n, size_t *cap, size_t elem) {
  if (*n == *cap) {
    size_t c = *cap ? *cap * 2 : 8;
    void *p = realloc(*arr, c * elem);
    if (!p) return false;
    *arr = p;
    *cap = c;
  }
  (*n)++;
  return true;
}

static char *dup_or_null(const char *s, bool *oom) {
  if (!s) return NULL;
  char *c = strdup(s);
  if (!c) *oom = true;
  return c;
}

int dlext_debug_create(const char *file, const char *comp_dir, unsigned line, unsigned language,
                       struct dlext_debug **d_ret) {
  if (!file || !*file || !d_ret) return dlext_fail(DLEXT_E_INVAL, "dlext_debug_create: NULL or empty file");
  struct dlext_debug *d = calloc(1, sizeof *d);
  bool oom = !d;
  if (d) {
    d->file = dup_or_null(file, &oom);
    d->comp_dir = dup_or_null(comp_dir, &oom);
    d->line = line;
    d->language = language ? language : DLEXT_DW_LANG_C99;
    d->ret_type = -1;
  }
  if (oom) {
    dlext_debug_destroy(d);
    return dlext_fail(DLEXT_E_NOMEM, "dlext_debug_create");
  }
  *d_ret = d;
  return 0;
}

void dlext_debug_destroy(struct dlext_debug *d) {
  if (!d) return;
  for (size_t i = 0; i < d->ntypes; i++) free(d->types[i].name);
  for (size_t i = 0; i < d->nmembers; i++) free(d->members[i].name);
  for (size_t i = 0; i < d->nparams; i++) free(d->params[i].name);
  free(d->types);
  free(d->members);
  free(d->params);
  free(d->lines);
  free(d->file);
  free(d->comp_dir);
  free(d);
}

/* -- Types -- */

static bool type_ok(const struct dlext_debug *d, int t) { return t >= 0 && (size_t)t < d->ntypes; }

static int add_type(struct dlext_debug *d, int kind, const char *name, unsigned encoding, unsigned size,
                    int target, int *type_ret) {
  if (!d || !type_ret) return dlext_fail(DLEXT_E_INVAL, "dlext_debug: NULL description");
  bool oom = false;
  char *n = dup_or_null(name, &oom);
  if (oom || !GROW(d->types, d->ntypes, d->types_cap)) {
    free(n);
    return dlext_fail(DLEXT_E_NOMEM, "dlext_debug");
  }
  d->types[d->ntypes - 1] = (struct dlext_dtype){ kind, n, encoding, size, target };
  *type_ret = (int)d->ntypes - 1;
  return 0;
}

int dlext_debug_base_type(struct dlext_debug *d, const char *name, unsigned encoding, unsigned byte_size, int *type_ret) {
  if (!name || !*name || byte_size == 0 || byte_size > 16 || encoding == 0 || encoding > 0x10)
    return dlext_fail(DLEXT_E_INVAL, "dlext_debug_base_type: '%s'", name ? name : "(null)");
  return add_type(d, DLEXT_T_BASE, name, encoding, byte_size, -1, type_ret);
}

int dlext_debug_pointer_type(struct dlext_debug *d, int target, int *type_ret) {
  if (d && target != -1 && !type_ok(d, target))
    return dlext_fail(DLEXT_E_INVAL, "dlext_debug_pointer_type: unknown type %d", target);
  return add_type(d, DLEXT_T_POINTER, NULL, 0, 8, target, type_ret);
}

int dlext_debug_struct_type(struct dlext_debug *d, const char *name, unsigned byte_size, int *type_ret) {
  return add_type(d, DLEXT_T_STRUCT, name, 0, byte_size, -1, type_ret);
}

int dlext_debug_member(struct dlext_debug *d, int struct_type, const char *name, int type, unsigned offset) {
  if (!d || !type_ok(d, struct_type) || d->types[struct_type].kind != DLEXT_T_STRUCT || !type_ok(d, type) ||
      type >= struct_type || !name || !*name || offset >= d->types[struct_type].size)
    return dlext_fail(DLEXT_E_INVAL, "dlext_debug_member: '%s'", name ? name : "(null)");
  for (size_t i = 0; i < d->nmembers; i++) /* members are emitted grouped: only the last struct grows */
    if (d->members[i].owner > struct_type) return dlext_fail(DLEXT_E_INVAL, "dlext_debug_member: add members in type order");
  bool oom = false;
  char *n = dup_or_null(name, &oom);
  if (oom || !GROW(d->members, d->nmembers, d->members_cap)) {
    free(n);
    return dlext_fail(DLEXT_E_NOMEM, "dlext_debug_member");
  }
  d->members[d->nmembers - 1] = (struct dlext_dmember){ struct_type, n, type, offset };
  return 0;
}

/* -- The function -- */

int dlext_debug_return_type(struct dlext_debug *d, int type) {
  if (!d || (type != -1 && !type_ok(d, type))) return dlext_fail(DLEXT_E_INVAL, "dlext_debug_return_type: %d", type);
  d->ret_type = type;
  return 0;
}

int dlext_debug_param(struct dlext_debug *d, const char *name, int type, int loc_kind, long loc) {
  if (!d || !name || !*name || !type_ok(d, type) || (loc_kind != DLEXT_LOC_CFA && loc_kind != DLEXT_LOC_REG) ||
      (loc_kind == DLEXT_LOC_REG && (loc < 0 || loc > 127)))
    return dlext_fail(DLEXT_E_INVAL, "dlext_debug_param: '%s'", name ? name : "(null)");
  bool oom = false;
  char *n = dup_or_null(name, &oom);
  if (oom || !GROW(d->params, d->nparams, d->params_cap)) {
    free(n);
    return dlext_fail(DLEXT_E_NOMEM, "dlext_debug_param");
  }
  d->params[d->nparams - 1] = (struct dlext_dparam){ n, type, loc_kind, loc };
  return 0;
}

int dlext_debug_line(struct dlext_debug *d, unsigned offset, unsigned line) {
  if (!d || line == 0 || (d->nlines && d->lines[d->nlines - 1].offset > offset))
    return dlext_fail(DLEXT_E_INVAL, "dlext_debug_line: offset %u line %u (rows must ascend)", offset, line);
  if (!GROW(d->lines, d->nlines, d->lines_cap)) return dlext_fail(DLEXT_E_NOMEM, "dlext_debug_line");
  d->lines[d->nlines - 1] = (struct dlext_dline){ offset, line };
  return 0;
}

int dlext_debug_frame_rbp(struct dlext_debug *d, unsigned push_end, unsigned mov_end, unsigned leave_end) {
  if (!d || push_end == 0 || mov_end <= push_end || (leave_end && leave_end <= mov_end))
    return dlext_fail(DLEXT_E_INVAL, "dlext_debug_frame_rbp: offsets %u %u %u", push_end, mov_end, leave_end);
  d->has_frame = true;
  d->push_end = push_end;
  d->mov_end = mov_end;
  d->leave_end = leave_end;
  return 0;
}
