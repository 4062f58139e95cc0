/* libpmirror: debug objects: opening, the per-build-id cache, and the query entry points. */
#include <stdlib.h>

#include "pmirror_internal.h"

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pmirror_debug *cache; /* open objects, keyed by build-id (or path when there is none) */

static bool has_dwarf(pmirror_elf *elf) {
  return pm_elf_find_section(elf, ".debug_info") || pm_elf_find_section(elf, ".zdebug_info");
}

static void free_debug(pmirror_debug *d) {
  pm_index_free(d->index);
  pm_macros_free(d->macros);
  pm_scopes_free(d->scopes);
  pm_instances_free(d->instances);
  pm_dwarf_free(d);
  if (d->delf != d->elf) pmirror_elf_destroy(d->delf);
  pmirror_elf_destroy(d->elf);
  pthread_mutex_destroy(&d->lock);
  pthread_mutex_destroy(&d->lazy_lock);
  free(d->debug_path);
  free(d->key);
  free(d);
}

static int open_new(const char *path, const char *debug_dir, pmirror_elf *elf, pmirror_debug **ret) {
  pmirror_debug *d = calloc(1, sizeof *d);
  if (!d) return pm_fail(PMIRROR_E_NOMEM, "debug object");
  d->elf = d->delf = elf;
  d->refs = 1;
  pthread_mutex_init(&d->lock, NULL);
  pthread_mutex_init(&d->lazy_lock, NULL);
  d->index_once = (pthread_once_t)PTHREAD_ONCE_INIT;
  d->macro_once = (pthread_once_t)PTHREAD_ONCE_INIT;
  d->inst_once = (pthread_once_t)PTHREAD_ONCE_INIT;
  int rc = 0;
  if (!has_dwarf(elf)) {
    char *dpath = NULL;
    rc = pm_find_debug_file(elf, debug_dir, &dpath);
    if (rc == PMIRROR_E_NOTFOUND) rc = pm_fail(PMIRROR_E_NODEBUG, "%s has no DWARF and no separate debug file was found", path);
    if (!rc) {
      d->debug_path = dpath;
      rc = pmirror_elf_open(dpath, &d->delf);
      if (rc) d->delf = elf;
    }
  }
  if (!rc) rc = pm_dwarf_load(d);
  if (!rc) d->key = strdup(elf->build_id[0] ? elf->build_id : path);
  if (!rc && !d->key) rc = pm_fail(PMIRROR_E_NOMEM, "debug object");
  if (rc) {
    free_debug(d);
    return rc;
  }
  *ret = d;
  return 0;
}

int pmirror_debug_open(const char *path, const char *debug_dir, pmirror_debug **debug_ret) {
  if (!path || !debug_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_open: NULL argument");
  pmirror_elf *elf;
  int rc = pmirror_elf_open(path, &elf);
  if (rc) return rc;
  const char *key = elf->build_id[0] ? elf->build_id : path;
  pthread_mutex_lock(&cache_lock);
  for (pmirror_debug *d = cache; d; d = d->next_cached) {
    if (strcmp(d->key, key) == 0) {
      d->refs++;
      pthread_mutex_unlock(&cache_lock);
      pmirror_elf_destroy(elf);
      *debug_ret = d;
      return 0;
    }
  }
  pmirror_debug *d = NULL;
  rc = open_new(path, debug_dir, elf, &d);
  if (!rc) {
    d->next_cached = cache;
    cache = d;
    *debug_ret = d;
  }
  pthread_mutex_unlock(&cache_lock);
  return rc;
}

void pmirror_debug_destroy(pmirror_debug *d) {
  if (!d) return;
  pthread_mutex_lock(&cache_lock);
  bool last = --d->refs == 0;
  if (last)
    for (pmirror_debug **p = &cache; *p; p = &(*p)->next_cached)
      if (*p == d) {
        *p = d->next_cached;
        break;
      }
  pthread_mutex_unlock(&cache_lock);
  if (last) free_debug(d);
}

pmirror_elf *pmirror_debug_elf(pmirror_debug *d) { return d ? d->elf : NULL; }
pmirror_elf *pmirror_debug_dwarf_elf(pmirror_debug *d) { return d ? d->delf : NULL; }

static __thread pmirror_debug *once_debug;
static void build_once(void) { once_debug->index_err = pm_index_build(once_debug); }

int pmirror_debug_index(pmirror_debug *d) {
  if (!d) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_index: NULL argument");
  once_debug = d;
  pthread_once(&d->index_once, build_once);
  return d->index_err;
}

/* Every DIE of every unit, by a linear walk (null entries that close sibling lists excluded). */
static int count_dies(pmirror_debug *d, uint64_t *count, double *ms) {
  double t0 = pm_now_ms();
  uint64_t n = 0;
  for (size_t i = 0; i < d->nunits; i++) {
    for (uint64_t off = d->units[i].die_offset; off < d->units[i].end;) {
      pm_die die;
      int rc = pm_die_at(d, off, &die);
      if (rc) return rc;
      n += die.abbrev != NULL;
      off = die.next;
    }
  }
  *count = n;
  *ms = pm_now_ms() - t0;
  return 0;
}

int pmirror_debug_info(pmirror_debug *d, char **json_ret) {
  if (!d || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_info: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  pm_sbuf b = {0};
  pm_sb_puts(&b, "{\"path\":");
  pm_sb_json_str(&b, d->elf->path);
  pm_sb_printf(&b, ",\"buildId\":\"%s\",\"debugFile\":", d->elf->build_id);
  pm_sb_json_str(&b, d->delf->path);
  pm_sb_puts(&b, ",\"dwarfVersions\":[");
  bool first = true;
  for (unsigned v = 2; v <= 5; v++)
    if (d->versions & (1u << v)) {
      pm_sb_printf(&b, "%s%u", first ? "" : ",", v);
      first = false;
    }
  size_t tunits = 0;
  for (size_t i = 0; i < d->nunits; i++) tunits += d->units[i].unit_type == 2 || d->units[i].unit_type == 6;
  pm_sb_printf(&b, "],\"units\":%zu,\"typeUnits\":%zu,\"debugInfoBytes\":%zu,", d->nunits, tunits, d->info_size);
  uint64_t dies;
  double ms_count;
  if ((rc = count_dies(d, &dies, &ms_count))) {
    free(b.buf);
    return rc;
  }
  pm_sb_printf(&b, "\"dies\":%llu,", (unsigned long long)dies);
  pm_index_stats(d, &b);
  pm_sb_printf(&b, ",\"ms\":{\"sections\":%.3f,\"units\":%.3f,\"index\":%.3f,\"countDies\":%.3f}}", d->ms_open,
               d->ms_units, d->ms_index, ms_count);
  return pm_sb_finish(&b, json_ret);
}

int pmirror_debug_lookup(pmirror_debug *d, int kind, const char *name, uint64_t *die_ret) {
  if (!d || !name || !die_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_lookup: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  bool defined = false;
  rc = pm_index_lookup(d, kind, name, die_ret, &defined);
  if (rc < 0 || kind != PMIRROR_KIND_FUNCTION || (rc == 0 && defined)) return rc;
  /* An alias (printf for __printf) or a name only declared in DWARF: the symbol's address names the
   * defining DWARF function, as in gdb. */
  uint64_t value, low, die;
  if (pmirror_elf_symbol(d->elf, name, &value, NULL) != 0 && pmirror_elf_symbol(d->delf, name, &value, NULL) != 0)
    return rc;
  if (pm_index_function_at(d, value, &die, &low) == 0 && low == value) {
    *die_ret = die;
    return 0;
  }
  return rc;
}

int pmirror_debug_list(pmirror_debug *d, int kind, char **json_ret) {
  if (!d || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_list: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  pm_sbuf b = {0};
  if (kind == PMIRROR_KIND_MACRO) {
    const char *def;
    rc = pmirror_debug_macro(d, "", &def, NULL, NULL); /* builds the macro index */
    if (rc < 0) return rc;
    pm_macros_list(d, &b);
  } else {
    pm_index_list(d, kind, &b);
  }
  return pm_sb_finish(&b, json_ret);
}

int pmirror_debug_function_at(pmirror_debug *d, uint64_t addr, uint64_t *die_ret, uint64_t *low_ret) {
  if (!d) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_function_at: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  uint64_t die, low;
  rc = pm_index_function_at(d, addr, &die, &low);
  if (rc) return rc;
  if (die_ret) *die_ret = die;
  if (low_ret) *low_ret = low;
  return 0;
}

int pmirror_debug_enumerator(pmirror_debug *d, const char *name, uint64_t *enum_die_ret, int64_t *value_ret) {
  if (!d || !name) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_enumerator: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  uint64_t die, enum_die;
  if ((rc = pm_index_enumerator(d, name, &die, &enum_die))) return rc;
  pm_die e;
  pm_attr a;
  if ((rc = pm_die_at(d, die, &e))) return rc;
  if ((rc = pm_die_attr(d, &e, DW_AT_const_value, &a)) != 0)
    return rc < 0 ? rc : pm_fail(PMIRROR_E_DWARF, "enumerator %s has no value", name);
  if (enum_die_ret) *enum_die_ret = enum_die;
  if (value_ret) *value_ret = a.v.s; /* the enum's signedness is applied by describing enum_die */
  return 0;
}

int pmirror_debug_variable_at(pmirror_debug *d, uint64_t addr, uint64_t *die_ret, uint64_t *start_ret) {
  if (!d) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_variable_at: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  uint64_t die, start;
  rc = pm_index_variable_at(d, addr, &die, &start);
  if (rc) return rc;
  if (die_ret) *die_ret = die;
  if (start_ret) *start_ret = start;
  return 0;
}

const char *pmirror_debug_die_name(pmirror_debug *d, uint64_t off) {
  pm_die die;
  if (!d || pm_die_at(d, off, &die) || !die.abbrev) return NULL;
  for (int hop = 0; hop < 4; hop++) {
    const char *n = pm_die_name(d, &die);
    if (n) return n;
    pm_attr a;
    if (pm_die_attr(d, &die, DW_AT_abstract_origin, &a) != 0 && pm_die_attr(d, &die, DW_AT_specification, &a) != 0) return NULL;
    if (a.kind != PM_V_REF || pm_die_at(d, a.v.u, &die) || !die.abbrev) return NULL;
  }
  return NULL;
}

int pmirror_debug_line_at(pmirror_debug *d, uint64_t addr, const char **file_ret, unsigned *line_ret, unsigned *column_ret) {
  if (!d) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_line_at: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  pm_unit *u;
  if (pm_unit_at(d, addr, &u)) return PMIRROR_E_NOTFOUND;
  const char *file;
  unsigned line, col;
  rc = pm_line_at(d, u, addr, &file, &line, &col);
  if (rc) return rc;
  if (file_ret) *file_ret = file;
  if (line_ret) *line_ret = line;
  if (column_ret) *column_ret = col;
  return 0;
}
