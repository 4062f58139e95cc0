/* libpmirror: name and address indexes, built in one pass over the units on first use. */
#include <stdlib.h>

#include "pmirror_internal.h"

/* Name spaces: C keeps struct/union/enum tags apart from ordinary identifiers. */
enum { NS_PLAIN = 0, NS_STRUCT, NS_UNION, NS_ENUM, NS_FUNC, NS_VAR, NS_ENUMERATOR };

typedef struct {
  const char *name;
  uint64_t hash, die, low;
  uint8_t ns;
  bool decl, has_code, external;
  bool extra; /* listed, but not in the lookup table (another definition holds the name) */
} pm_entry;

typedef struct { uint64_t lo, hi, die; } pm_range;

struct pm_index {
  pm_entry *entries;
  size_t n, cap;
  uint32_t *table; /* open addressing: entry index + 1 */
  size_t table_cap;
  pm_range *funcs;  /* function ranges sorted by lo */
  size_t nfuncs, funcs_cap;
  pm_range *units;  /* unit ranges (die = unit index) sorted by lo */
  size_t nunits, units_cap;
  pm_range *vars;   /* static variable extents sorted by lo */
  size_t nvars, vars_cap;
  bool from_aranges; /* unit ranges came from .debug_aranges */
  size_t dies;
};

static bool push_range(pm_range **a, size_t *n, size_t *cap, uint64_t lo, uint64_t hi, uint64_t die) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 1024;
    pm_range *na = realloc(*a, nc * sizeof *na);
    if (!na) return false;
    *a = na;
    *cap = nc;
  }
  (*a)[(*n)++] = (pm_range){lo, hi, die};
  return true;
}

static uint64_t key_hash(uint8_t ns, const char *name) { return pm_hash(name) * 31 + ns; }

static pm_entry *table_find(pm_index *ix, uint8_t ns, const char *name, uint64_t h) {
  if (!ix->table_cap) return NULL;
  size_t mask = ix->table_cap - 1;
  for (size_t i = h & mask; ix->table[i]; i = (i + 1) & mask) {
    pm_entry *e = &ix->entries[ix->table[i] - 1];
    if (e->hash == h && e->ns == ns && strcmp(e->name, name) == 0) return e;
  }
  return NULL;
}

static bool table_grow(pm_index *ix) {
  size_t nc = ix->table_cap ? ix->table_cap * 2 : 4096;
  uint32_t *nt = calloc(nc, sizeof *nt);
  if (!nt) return false;
  for (size_t i = 0; i < ix->table_cap; i++) {
    if (!ix->table[i]) continue; /* extras are never in the table */
    size_t j = ix->entries[ix->table[i] - 1].hash & (nc - 1);
    while (nt[j]) j = (j + 1) & (nc - 1);
    nt[j] = ix->table[i];
  }
  free(ix->table);
  ix->table = nt;
  ix->table_cap = nc;
  return true;
}

/* Whether a new entry should replace an existing one for the same name. */
static bool better(const pm_entry *old, const pm_entry *nw) {
  if (old->decl != nw->decl) return old->decl;
  if (old->has_code != nw->has_code) return nw->has_code;
  if (old->external != nw->external) return nw->external;
  return false;
}

static bool append(pm_index *ix, pm_entry e) {
  if (ix->n == ix->cap) {
    size_t nc = ix->cap ? ix->cap * 2 : 4096;
    pm_entry *ne = realloc(ix->entries, nc * sizeof *ne);
    if (!ne) return false;
    ix->entries = ne;
    ix->cap = nc;
  }
  ix->entries[ix->n++] = e;
  return true;
}

static bool add_entry(pm_index *ix, pm_entry e) {
  e.hash = key_hash(e.ns, e.name);
  pm_entry *old = table_find(ix, e.ns, e.name, e.hash);
  if (old) {
    /* Two definitions with code under one name (static functions of different units): the lookup
     * keeps the better one, listings keep both. */
    bool distinct = e.ns == NS_FUNC && old->has_code && e.has_code && old->low != e.low;
    if (distinct) {
      pm_entry keep = better(old, &e) ? e : *old, other = better(old, &e) ? *old : e;
      *old = keep;
      other.extra = true;
      return append(ix, other);
    }
    if (better(old, &e)) *old = e;
    return true;
  }
  if (ix->n == ix->cap) {
    size_t nc = ix->cap ? ix->cap * 2 : 4096;
    pm_entry *ne = realloc(ix->entries, nc * sizeof *ne);
    if (!ne) return false;
    ix->entries = ne;
    ix->cap = nc;
  }
  if ((ix->n + 1) * 2 > ix->table_cap && !table_grow(ix)) return false;
  ix->entries[ix->n++] = e;
  size_t mask = ix->table_cap - 1, j = e.hash & mask;
  while (ix->table[j]) j = (j + 1) & mask;
  ix->table[j] = (uint32_t)ix->n;
  return true;
}

/* -- The walk -- */

typedef struct {
  const char *name;
  uint64_t origin; /* DW_AT_specification or DW_AT_abstract_origin */
  uint64_t type;
  const uint8_t *location;
  uint64_t location_len;
  bool decl, external, has_low, has_ranges, has_location, has_const;
} die_facts;

static int facts_cb(void *ctx, const pm_attr *a) {
  die_facts *f = ctx;
  switch (a->name) {
  case DW_AT_name: if (a->kind == PM_V_STR) f->name = a->v.str; break;
  case DW_AT_declaration: f->decl = a->v.u != 0; break;
  case DW_AT_external: f->external = a->v.u != 0; break;
  case DW_AT_low_pc: f->has_low = true; break;
  case DW_AT_ranges: f->has_ranges = true; break;
  case DW_AT_location:
    f->has_location = true;
    if (a->kind == PM_V_BLOCK) {
      f->location = a->v.block.data;
      f->location_len = a->v.block.len;
    }
    break;
  case DW_AT_type: if (a->kind == PM_V_REF) f->type = a->v.u; break;
  case DW_AT_const_value: f->has_const = true; break;
  case DW_AT_specification: case DW_AT_abstract_origin: if (a->kind == PM_V_REF) f->origin = a->v.u; break;
  }
  return 0;
}

/* The name (and externality) of a DIE, following specification/abstract_origin links. */
static void origin_facts(pmirror_debug *d, die_facts *f) {
  uint64_t off = f->origin;
  for (int hop = 0; hop < 4 && off && !f->name; hop++) {
    pm_die o;
    die_facts g = {0};
    if (pm_die_at(d, off, &o) || !o.abbrev || pm_die_attrs(d, &o, facts_cb, &g)) return;
    f->name = g.name;
    f->external |= g.external;
    off = g.origin;
  }
}

struct fn_ctx { pm_index *ix; uint64_t die; bool oom; uint64_t first_lo; bool any; };
static void add_func_range(void *ctx, uint64_t lo, uint64_t hi) {
  struct fn_ctx *c = ctx;
  if (!c->any || lo < c->first_lo) c->first_lo = lo;
  c->any = true;
  if (!push_range(&c->ix->funcs, &c->ix->nfuncs, &c->ix->funcs_cap, lo, hi, c->die)) c->oom = true;
}
static void add_unit_range(void *ctx, uint64_t lo, uint64_t hi) {
  struct fn_ctx *c = ctx;
  if (!push_range(&c->ix->units, &c->ix->nunits, &c->ix->units_cap, lo, hi, c->die)) c->oom = true;
}

static int type_ns(uint16_t tag) {
  switch (tag) {
  case DW_TAG_structure_type: case DW_TAG_class_type: return NS_STRUCT;
  case DW_TAG_union_type: return NS_UNION;
  case DW_TAG_enumeration_type: return NS_ENUM;
  case DW_TAG_base_type: case DW_TAG_typedef: case DW_TAG_unspecified_type: return NS_PLAIN;
  default: return -1;
  }
}

static int index_enumerators(pmirror_debug *d, pm_index *ix, const pm_die *en) {
  pm_die c;
  int rc = pm_die_child(d, en, &c);
  while (rc == 0) {
    ix->dies++;
    if (c.abbrev->tag == DW_TAG_enumerator) {
      const char *nm = pm_die_name(d, &c);
      /* low holds the enumeration type's DIE: the enumerator's value needs its type. */
      if (nm && !add_entry(ix, (pm_entry){.name = nm, .die = c.offset, .low = en->offset, .ns = NS_ENUMERATOR}))
        return pm_fail(PMIRROR_E_NOMEM, "index");
    }
    pm_die n;
    rc = pm_die_sibling(d, &c, &n);
    c = n;
  }
  return rc == PMIRROR_E_NOTFOUND ? 0 : rc;
}

static int index_die(pmirror_debug *d, pm_index *ix, const pm_die *die) {
  uint16_t tag = die->abbrev->tag;
  int ns = type_ns(tag);
  if (ns < 0 && tag != DW_TAG_subprogram && tag != DW_TAG_variable) return 0;
  die_facts f = {0};
  int rc = pm_die_attrs(d, die, facts_cb, &f);
  if (rc) return rc;
  if (!f.name && f.origin) origin_facts(d, &f);
  if (tag == DW_TAG_enumeration_type && !f.decl && (rc = index_enumerators(d, ix, die))) return rc;
  if (tag == DW_TAG_subprogram && (f.has_low || f.has_ranges)) {
    struct fn_ctx c = {ix, die->offset, false, 0, false};
    rc = pm_die_ranges(d, die, add_func_range, &c);
    if (rc) return rc;
    if (c.oom) return pm_fail(PMIRROR_E_NOMEM, "index");
    if (f.name && !add_entry(ix, (pm_entry){.name = f.name, .die = die->offset, .low = c.first_lo, .ns = NS_FUNC,
                                              .has_code = c.any, .external = f.external}))
      return pm_fail(PMIRROR_E_NOMEM, "index");
    return 0;
  }
  uint64_t addr, size;
  if (tag == DW_TAG_variable && f.location && pm_static_address(d, die->unit, f.location, f.location_len, &addr)) {
    uint64_t type = f.type;
    if (!type && f.origin) { /* a definition pointing at its declaration carries the type there */
      pm_die o;
      die_facts g = {0};
      if (pm_die_at(d, f.origin, &o) == 0 && o.abbrev && pm_die_attrs(d, &o, facts_cb, &g) == 0) type = g.type;
    }
    if (!type || pm_type_size(d, type, &size) != 0 || size == 0) size = 1;
    if (!push_range(&ix->vars, &ix->nvars, &ix->vars_cap, addr, addr + size, die->offset))
      return pm_fail(PMIRROR_E_NOMEM, "index");
  }
  if (!f.name) return 0;
  pm_entry e = {.name = f.name, .die = die->offset, .decl = f.decl, .external = f.external};
  if (tag == DW_TAG_subprogram) e.ns = NS_FUNC;
  else if (tag == DW_TAG_variable) {
    e.ns = NS_VAR;
    e.has_code = f.has_location || f.has_const;
  } else {
    e.ns = (uint8_t)ns;
  }
  return add_entry(ix, e) ? 0 : pm_fail(PMIRROR_E_NOMEM, "index");
}

static int index_unit(pmirror_debug *d, pm_index *ix, size_t ui) {
  pm_unit *u = &d->units[ui];
  if (u->die_offset >= u->end) return 0;
  pm_die cu, c;
  int rc = pm_die_at(d, u->die_offset, &cu);
  if (rc || !cu.abbrev) return rc;
  ix->dies++;
  if (!u->in_types && !ix->from_aranges) {
    struct fn_ctx uc = {ix, ui, false, 0, false};
    rc = pm_die_ranges(d, &cu, add_unit_range, &uc);
    if (rc) return rc;
    if (uc.oom) return pm_fail(PMIRROR_E_NOMEM, "index");
  }
  rc = pm_die_child(d, &cu, &c);
  while (rc == 0) {
    ix->dies++;
    rc = index_die(d, ix, &c);
    if (rc) return rc;
    pm_die n;
    rc = pm_die_sibling(d, &c, &n);
    c = n;
  }
  return rc == PMIRROR_E_NOTFOUND ? 0 : rc;
}

static int cmp_range(const void *a, const void *b) {
  const pm_range *x = a, *y = b;
  if (x->lo != y->lo) return x->lo < y->lo ? -1 : 1;
  return (x->hi < y->hi) - (x->hi > y->hi);
}

/* Unit ranges from .debug_aranges; false (and nothing added) when absent or unreadable. */
static bool read_aranges(pmirror_debug *d, pm_index *ix) {
  if (!d->aranges_size) return false;
  pm_reader r;
  pm_reader_init(&r, d->aranges, d->aranges_size);
  size_t start = ix->nunits;
  while (pm_left(&r) > 0 && !r.err) {
    uint64_t set = pm_pos(&r), len = pm_u32(&r);
    unsigned osz = 4;
    if (len == 0xffffffff) { len = pm_u64(&r); osz = 8; }
    uint64_t end = pm_pos(&r) + len;
    uint16_t version = pm_u16(&r);
    uint64_t info_off = pm_uN(&r, osz);
    uint8_t asz = pm_u8(&r), seg = pm_u8(&r);
    pm_unit *u = pm_unit_of(d, info_off);
    if (r.err || len > pm_left(&r) + 11 || version != 2 || (asz != 4 && asz != 8) || seg != 0 || !u) break;
    uint64_t tuple = 2u * asz;
    pm_seek(&r, set + (pm_pos(&r) - set + tuple - 1) / tuple * tuple); /* tuples are aligned to their size */
    while (pm_pos(&r) + tuple <= end && !r.err) {
      uint64_t lo = pm_uN(&r, asz), n = pm_uN(&r, asz);
      if (lo == 0 && n == 0) break;
      if (n && !push_range(&ix->units, &ix->nunits, &ix->units_cap, lo, lo + n, (uint64_t)(u - d->units))) r.err = true;
    }
    pm_seek(&r, end);
  }
  if (r.err) {
    ix->nunits = start; /* fall back to the units' own ranges */
    return false;
  }
  return ix->nunits > start;
}

int pm_index_build(pmirror_debug *d) {
  double t0 = pm_now_ms();
  pm_index *ix = calloc(1, sizeof *ix);
  if (!ix) return pm_fail(PMIRROR_E_NOMEM, "index");
  ix->from_aranges = read_aranges(d, ix);
  int rc = 0;
  for (size_t i = 0; i < d->nunits && !rc; i++) rc = index_unit(d, ix, i);
  if (rc) {
    pm_index_free(ix);
    return rc;
  }
  if (ix->nfuncs > 1) qsort(ix->funcs, ix->nfuncs, sizeof *ix->funcs, cmp_range);
  /* Units without ranges of their own are covered by their functions. */
  size_t nf = ix->nfuncs;
  for (size_t i = 0; i < nf; i++) {
    pm_unit *u = pm_unit_of(d, ix->funcs[i].die);
    if (u && !push_range(&ix->units, &ix->nunits, &ix->units_cap, ix->funcs[i].lo, ix->funcs[i].hi,
                         (uint64_t)(u - d->units))) {
      pm_index_free(ix);
      return pm_fail(PMIRROR_E_NOMEM, "index");
    }
  }
  if (ix->nunits > 1) qsort(ix->units, ix->nunits, sizeof *ix->units, cmp_range);
  if (ix->nvars > 1) qsort(ix->vars, ix->nvars, sizeof *ix->vars, cmp_range);
  d->index = ix;
  d->ms_index = pm_now_ms() - t0;
  return 0;
}

void pm_index_free(pm_index *ix) {
  if (!ix) return;
  free(ix->entries);
  free(ix->table);
  free(ix->funcs);
  free(ix->units);
  free(ix->vars);
  free(ix);
}

/* -- Queries -- */

int pm_index_lookup(pmirror_debug *d, int kind, const char *name, uint64_t *die, bool *defined) {
  uint8_t ns;
  switch (kind) {
  case PMIRROR_KIND_TYPE:
    ns = NS_PLAIN;
    if (strncmp(name, "struct ", 7) == 0) { ns = NS_STRUCT; name += 7; }
    else if (strncmp(name, "union ", 6) == 0) { ns = NS_UNION; name += 6; }
    else if (strncmp(name, "enum ", 5) == 0) { ns = NS_ENUM; name += 5; }
    break;
  case PMIRROR_KIND_FUNCTION: ns = NS_FUNC; break;
  case PMIRROR_KIND_VARIABLE: ns = NS_VAR; break;
  case PMIRROR_KIND_ENUMERATOR: ns = NS_ENUMERATOR; break;
  default: return pm_fail(PMIRROR_E_INVAL, "lookup kind %d", kind);
  }
  const pm_entry *e = table_find(d->index, ns, name, key_hash(ns, name));
  if (!e && kind == PMIRROR_KIND_TYPE && ns == NS_PLAIN) { /* gdb's spellings of DWARF base type names */
    static const char *alias[][2] = {
        {"long", "long int"}, {"unsigned long", "long unsigned int"}, {"short", "short int"},
        {"unsigned short", "short unsigned int"}, {"long long", "long long int"},
        {"unsigned long long", "long long unsigned int"}, {"unsigned", "unsigned int"},
        {"signed char", "signed char"}, {"unsigned __int128", "__int128 unsigned"},
    };
    for (size_t i = 0; !e && i < sizeof alias / sizeof alias[0]; i++)
      if (strcmp(name, alias[i][0]) == 0) e = table_find(d->index, ns, alias[i][1], key_hash(ns, alias[i][1]));
  }
  if (!e) return PMIRROR_E_NOTFOUND;
  *die = e->die;
  if (defined) *defined = !e->decl && (e->ns != NS_FUNC || e->has_code);
  return 0;
}

/* The last range starting at or below addr that contains it. */
static const pm_range *range_at(const pm_range *a, size_t n, uint64_t addr) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (a[mid].lo <= addr) lo = mid + 1;
    else hi = mid;
  }
  for (size_t i = lo; i-- > 0 && lo - i <= 16;)
    if (addr < a[i].hi) return &a[i];
  return NULL;
}

int pm_index_function_at(pmirror_debug *d, uint64_t addr, uint64_t *die, uint64_t *low) {
  const pm_range *r = range_at(d->index->funcs, d->index->nfuncs, addr);
  if (!r) return PMIRROR_E_NOTFOUND;
  *die = r->die;
  *low = r->lo;
  return 0;
}

int pm_index_enumerator(pmirror_debug *d, const char *name, uint64_t *die, uint64_t *enum_die) {
  const pm_entry *e = table_find(d->index, NS_ENUMERATOR, name, key_hash(NS_ENUMERATOR, name));
  if (!e) return PMIRROR_E_NOTFOUND;
  *die = e->die;
  *enum_die = e->low;
  return 0;
}

int pm_index_variable_at(pmirror_debug *d, uint64_t addr, uint64_t *die, uint64_t *low) {
  const pm_range *r = range_at(d->index->vars, d->index->nvars, addr);
  if (!r) return PMIRROR_E_NOTFOUND;
  *die = r->die;
  *low = r->lo;
  return 0;
}

int pm_unit_at(pmirror_debug *d, uint64_t addr, pm_unit **unit) {
  const pm_range *r = range_at(d->index->units, d->index->nunits, addr);
  if (!r) return PMIRROR_E_NOTFOUND;
  *unit = &d->units[r->die];
  return 0;
}

static const char *ns_prefix(uint8_t ns) {
  return ns == NS_STRUCT ? "struct " : ns == NS_UNION ? "union " : ns == NS_ENUM ? "enum " : "";
}

int pm_index_list(pmirror_debug *d, int kind, pm_sbuf *b) {
  pm_index *ix = d->index;
  bool first = true;
  pm_sb_putc(b, '[');
  for (size_t i = 0; i < ix->n; i++) {
    const pm_entry *e = &ix->entries[i];
    bool want = kind == PMIRROR_KIND_FUNCTION ? e->ns == NS_FUNC
              : kind == PMIRROR_KIND_VARIABLE ? e->ns == NS_VAR
              : kind == PMIRROR_KIND_ENUMERATOR ? e->ns == NS_ENUMERATOR
              : e->ns <= NS_ENUM;
    if (!want) continue;
    if (!first) pm_sb_putc(b, ',');
    first = false;
    pm_sb_puts(b, "{\"name\":");
    pm_sb_json_str2(b, ns_prefix(e->ns), e->name);
    pm_sb_printf(b, ",\"die\":%llu,\"decl\":%s", (unsigned long long)e->die, e->decl ? "true" : "false");
    if (e->ns == NS_FUNC || e->ns == NS_VAR) {
      pm_sb_printf(b, ",\"external\":%s,\"defined\":%s", e->external ? "true" : "false", e->has_code ? "true" : "false");
      if (e->ns == NS_FUNC) {
        pm_sb_printf(b, ",\"low\":%llu,\"callable\":%s", (unsigned long long)e->low,
                     pmirror_elf_dynamic(d->elf, e->name) == 0 ? "true" : "false");
      }
    }
    pm_sb_putc(b, '}');
  }
  pm_sb_putc(b, ']');
  return 0;
}

void pm_index_stats(pmirror_debug *d, pm_sbuf *b) {
  pm_index *ix = d->index;
  size_t counts[NS_ENUMERATOR + 1] = {0};
  for (size_t i = 0; i < ix->n; i++) counts[ix->entries[i].ns]++;
  pm_sb_printf(b, "\"visitedDies\":%zu,\"names\":{\"types\":%zu,\"functions\":%zu,\"variables\":%zu,\"enumerators\":%zu},"
                  "\"functionRanges\":%zu,\"variableRanges\":%zu,\"unitRangesFrom\":\"%s\"",
               ix->dies, counts[NS_PLAIN] + counts[NS_STRUCT] + counts[NS_UNION] + counts[NS_ENUM], counts[NS_FUNC],
               counts[NS_VAR], counts[NS_ENUMERATOR], ix->nfuncs, ix->nvars, ix->from_aranges ? ".debug_aranges" : "units");
}
