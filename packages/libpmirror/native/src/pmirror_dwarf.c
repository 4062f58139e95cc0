/* libpmirror: DWARF 2-5 units, abbreviations, attribute forms and DIEs. */
#include <stdlib.h>

#include "pmirror_internal.h"

/* -- Sections -- */

static int get_section(pmirror_debug *d, const char *name, const uint8_t **data, size_t *size) {
  int rc = pmirror_elf_section(d->delf, name, data, size);
  if (rc == PMIRROR_E_NOTFOUND) {
    *data = NULL;
    *size = 0;
    return 0;
  }
  return rc;
}

static int load_sections(pmirror_debug *d) {
  struct { const char *name; const uint8_t **data; size_t *size; } want[] = {
      {".debug_info", &d->info, &d->info_size},
      {".debug_types", &d->types, &d->types_size},
      {".debug_abbrev", &d->abbrev, &d->abbrev_size},
      {".debug_str", &d->str, &d->str_size},
      {".debug_line_str", &d->line_str, &d->line_str_size},
      {".debug_str_offsets", &d->str_offsets, &d->str_offsets_size},
      {".debug_addr", &d->addr, &d->addr_size},
      {".debug_ranges", &d->ranges, &d->ranges_size},
      {".debug_rnglists", &d->rnglists, &d->rnglists_size},
      {".debug_aranges", &d->aranges, &d->aranges_size},
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    int rc = get_section(d, want[i].name, want[i].data, want[i].size);
    if (rc) return rc;
  }
  if (!d->info_size && !d->types_size) return pm_fail(PMIRROR_E_NODEBUG, "%s has no .debug_info", d->delf->path);
  return 0;
}

/* Sections that only some queries need are inflated on their first use. */
int pm_lazy_sections(pmirror_debug *d, unsigned which) {
  static const char *names[PM_LAZY_COUNT] = {".debug_line", ".debug_loc", ".debug_loclists", ".debug_macro", ".debug_macinfo"};
  pthread_mutex_lock(&d->lazy_lock);
  int rc = 0;
  for (unsigned i = 0; i < PM_LAZY_COUNT && !rc; i++) {
    if (!(which & (1u << i)) || (d->lazy_loaded & (1u << i))) continue;
    const uint8_t **data[PM_LAZY_COUNT] = {&d->line, &d->loc, &d->loclists, &d->macro, &d->macinfo};
    size_t *size[PM_LAZY_COUNT] = {&d->line_size, &d->loc_size, &d->loclists_size, &d->macro_size, &d->macinfo_size};
    rc = get_section(d, names[i], data[i], size[i]);
    if (!rc) d->lazy_loaded |= 1u << i;
  }
  pthread_mutex_unlock(&d->lazy_lock);
  return rc;
}

/* The section bytes of a global DIE offset and the offset inside that section. */
static const uint8_t *section_of(pmirror_debug *d, uint64_t off, size_t *size, uint64_t *local) {
  if (off & PM_TYPES_BIT) {
    *size = d->types_size;
    *local = off & ~PM_TYPES_BIT;
    return d->types;
  }
  *size = d->info_size;
  *local = off;
  return d->info;
}

/* -- Abbreviations -- */

static int form_fixed_size(uint16_t form) { /* assuming 8-byte addresses, 4-byte offsets, v3+ */
  switch (form) {
  case DW_FORM_flag_present: case DW_FORM_implicit_const: return 0;
  case DW_FORM_data1: case DW_FORM_ref1: case DW_FORM_flag: case DW_FORM_strx1: case DW_FORM_addrx1: return 1;
  case DW_FORM_data2: case DW_FORM_ref2: case DW_FORM_strx2: case DW_FORM_addrx2: return 2;
  case DW_FORM_strx3: case DW_FORM_addrx3: return 3;
  case DW_FORM_data4: case DW_FORM_ref4: case DW_FORM_strx4: case DW_FORM_addrx4: case DW_FORM_ref_sup4:
  case DW_FORM_strp: case DW_FORM_line_strp: case DW_FORM_sec_offset: case DW_FORM_strp_sup:
  case DW_FORM_GNU_ref_alt: case DW_FORM_GNU_strp_alt: case DW_FORM_ref_addr: return 4;
  case DW_FORM_data8: case DW_FORM_ref8: case DW_FORM_ref_sig8: case DW_FORM_ref_sup8: case DW_FORM_addr: return 8;
  case DW_FORM_data16: return 16;
  default: return -1;
  }
}

static int parse_abbrev_table(pmirror_debug *d, pm_abbrev_table *t) {
  pm_reader r;
  pm_reader_init(&r, d->abbrev, d->abbrev_size);
  pm_seek(&r, t->offset);
  size_t cap = 0;
  for (;;) {
    uint64_t code = pm_uleb(&r);
    if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, ".debug_abbrev at 0x%llx", (unsigned long long)t->offset);
    if (code == 0) break;
    if (t->n == cap) {
      cap = cap ? cap * 2 : 64;
      pm_abbrev *na = realloc(t->abbrevs, cap * sizeof *na);
      if (!na) return pm_fail(PMIRROR_E_NOMEM, "abbreviations");
      t->abbrevs = na;
    }
    pm_abbrev *a = &t->abbrevs[t->n++];
    memset(a, 0, sizeof *a);
    a->code = code;
    a->tag = (uint16_t)pm_uleb(&r);
    a->children = pm_u8(&r) != 0;
    a->sibling_idx = -1;
    const uint8_t *specs = r.p;
    size_t n = 0;
    for (;;) { /* count first */
      uint64_t name = pm_uleb(&r), form = pm_uleb(&r);
      if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, ".debug_abbrev code %llu", (unsigned long long)code);
      if (name == 0 && form == 0) break;
      if (form == DW_FORM_implicit_const) pm_sleb(&r);
      n++;
    }
    if (n > 0xffff) return pm_fail(PMIRROR_E_CORRUPT, "abbreviation with %zu attributes", n);
    a->attrs = calloc(n ? n : 1, sizeof(pm_attrspec));
    if (!a->attrs) return pm_fail(PMIRROR_E_NOMEM, "abbreviations");
    a->nattrs = (uint16_t)n;
    pm_reader s = r;
    s.p = specs;
    int fixed = 0;
    for (size_t i = 0; i < n; i++) {
      pm_attrspec *sp = &a->attrs[i];
      sp->name = (uint16_t)pm_uleb(&s);
      sp->form = (uint16_t)pm_uleb(&s);
      if (sp->form == DW_FORM_implicit_const) sp->implicit_const = pm_sleb(&s);
      if (sp->name == DW_AT_sibling && a->sibling_idx < 0) a->sibling_idx = (int16_t)i;
      int fs = form_fixed_size(sp->form);
      fixed = (fixed < 0 || fs < 0) ? -1 : fixed + fs;
    }
    a->fixed_size = fixed;
  }
  t->dense = true;
  for (size_t i = 0; i < t->n; i++)
    if (t->abbrevs[i].code != i + 1) t->dense = false;
  return 0;
}

static const pm_abbrev *find_abbrev(const pm_abbrev_table *t, uint64_t code) {
  if (t->dense) return code >= 1 && code <= t->n ? &t->abbrevs[code - 1] : NULL;
  for (size_t i = 0; i < t->n; i++)
    if (t->abbrevs[i].code == code) return &t->abbrevs[i];
  return NULL;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* -- Attribute forms -- */

int pm_skip_form(pm_reader *r, const pm_unit *u, uint16_t form, int depth) {
  switch (form) {
  case DW_FORM_addr: pm_skip(r, u->addr_size); break;
  case DW_FORM_ref_addr: pm_skip(r, u->version <= 2 ? u->addr_size : u->offset_size); break;
  case DW_FORM_strp: case DW_FORM_line_strp: case DW_FORM_sec_offset: case DW_FORM_strp_sup:
  case DW_FORM_GNU_ref_alt: case DW_FORM_GNU_strp_alt: pm_skip(r, u->offset_size); break;
  case DW_FORM_string: pm_cstr(r); break;
  case DW_FORM_block1: pm_skip(r, pm_u8(r)); break;
  case DW_FORM_block2: pm_skip(r, pm_u16(r)); break;
  case DW_FORM_block4: pm_skip(r, pm_u32(r)); break;
  case DW_FORM_block: case DW_FORM_exprloc: pm_skip(r, pm_uleb(r)); break;
  case DW_FORM_sdata: case DW_FORM_udata: case DW_FORM_ref_udata: case DW_FORM_strx: case DW_FORM_addrx:
  case DW_FORM_loclistx: case DW_FORM_rnglistx: case DW_FORM_GNU_addr_index: case DW_FORM_GNU_str_index:
    pm_uleb(r);
    break;
  case DW_FORM_indirect:
    if (depth > 4) return pm_fail(PMIRROR_E_DWARF, "DW_FORM_indirect loop");
    return pm_skip_form(r, u, (uint16_t)pm_uleb(r), depth + 1);
  default: {
    int n = form_fixed_size(form);
    if (n < 0) return pm_fail(PMIRROR_E_DWARF, "unknown attribute form 0x%x", form);
    pm_skip(r, (uint64_t)n);
  }
  }
  return r->err ? pm_fail(PMIRROR_E_TRUNCATED, "attribute value (form 0x%x)", form) : 0;
}

static const char *str_offset(pmirror_debug *d, const pm_unit *u, uint64_t idx) {
  uint64_t base = u->str_offsets_base ? u->str_offsets_base : (u->version >= 5 ? 8 : 0);
  pm_reader r;
  pm_reader_init(&r, d->str_offsets, d->str_offsets_size);
  pm_seek(&r, base + idx * u->offset_size);
  uint64_t off = pm_uN(&r, u->offset_size);
  return r.err ? NULL : pm_str_at(d->str, d->str_size, off);
}

uint64_t pm_addr_index(pmirror_debug *d, const pm_unit *u, uint64_t idx, bool *ok) {
  uint64_t base = u->addr_base ? u->addr_base : 8;
  pm_reader r;
  pm_reader_init(&r, d->addr, d->addr_size);
  pm_seek(&r, base + idx * u->addr_size);
  uint64_t a = pm_uN(&r, u->addr_size);
  *ok = !r.err;
  return a;
}

int pm_read_form(pmirror_debug *d, pm_reader *r, const pm_unit *u, const pm_attrspec *spec, pm_attr *a) {
  uint16_t form = spec->form;
  int depth = 0;
  while (form == DW_FORM_indirect && depth++ < 4) form = (uint16_t)pm_uleb(r);
  a->name = spec->name;
  a->form = form;
  a->kind = PM_V_UDATA;
  a->v.u = 0;
  uint64_t unit_base = u->offset;
  bool ok = true;
  switch (form) {
  case DW_FORM_addr: a->kind = PM_V_ADDR; a->v.u = pm_uN(r, u->addr_size); break;
  case DW_FORM_addrx: case DW_FORM_GNU_addr_index: a->kind = PM_V_ADDR; a->v.u = pm_addr_index(d, u, pm_uleb(r), &ok); break;
  case DW_FORM_addrx1: a->kind = PM_V_ADDR; a->v.u = pm_addr_index(d, u, pm_u8(r), &ok); break;
  case DW_FORM_addrx2: a->kind = PM_V_ADDR; a->v.u = pm_addr_index(d, u, pm_u16(r), &ok); break;
  case DW_FORM_addrx3: a->kind = PM_V_ADDR; a->v.u = pm_addr_index(d, u, pm_u24(r), &ok); break;
  case DW_FORM_addrx4: a->kind = PM_V_ADDR; a->v.u = pm_addr_index(d, u, pm_u32(r), &ok); break;
  case DW_FORM_data1: a->v.u = pm_u8(r); break;
  case DW_FORM_data2: a->v.u = pm_u16(r); break;
  case DW_FORM_data4: a->v.u = pm_u32(r); break;
  case DW_FORM_data8: a->v.u = pm_u64(r); break;
  case DW_FORM_data16: a->kind = PM_V_BLOCK; a->v.block.data = r->p; a->v.block.len = 16; pm_skip(r, 16); break;
  case DW_FORM_udata: a->v.u = pm_uleb(r); break;
  case DW_FORM_sdata: a->kind = PM_V_SDATA; a->v.s = pm_sleb(r); break;
  case DW_FORM_implicit_const: a->kind = PM_V_SDATA; a->v.s = spec->implicit_const; break;
  case DW_FORM_flag: a->kind = PM_V_FLAG; a->v.u = pm_u8(r) != 0; break;
  case DW_FORM_flag_present: a->kind = PM_V_FLAG; a->v.u = 1; break;
  case DW_FORM_string: a->kind = PM_V_STR; a->v.str = pm_cstr(r); break;
  case DW_FORM_strp: a->kind = PM_V_STR; a->v.str = pm_str_at(d->str, d->str_size, pm_uN(r, u->offset_size)); ok = a->v.str != NULL; break;
  case DW_FORM_line_strp: a->kind = PM_V_STR; a->v.str = pm_str_at(d->line_str, d->line_str_size, pm_uN(r, u->offset_size)); ok = a->v.str != NULL; break;
  case DW_FORM_strx: case DW_FORM_GNU_str_index: a->kind = PM_V_STR; a->v.str = str_offset(d, u, pm_uleb(r)); ok = a->v.str != NULL; break;
  case DW_FORM_strx1: a->kind = PM_V_STR; a->v.str = str_offset(d, u, pm_u8(r)); ok = a->v.str != NULL; break;
  case DW_FORM_strx2: a->kind = PM_V_STR; a->v.str = str_offset(d, u, pm_u16(r)); ok = a->v.str != NULL; break;
  case DW_FORM_strx3: a->kind = PM_V_STR; a->v.str = str_offset(d, u, pm_u24(r)); ok = a->v.str != NULL; break;
  case DW_FORM_strx4: a->kind = PM_V_STR; a->v.str = str_offset(d, u, pm_u32(r)); ok = a->v.str != NULL; break;
  case DW_FORM_strp_sup: case DW_FORM_GNU_strp_alt: a->kind = PM_V_STR; a->v.str = NULL; pm_skip(r, u->offset_size); break;
  case DW_FORM_ref1: a->kind = PM_V_REF; a->v.u = unit_base + pm_u8(r); break;
  case DW_FORM_ref2: a->kind = PM_V_REF; a->v.u = unit_base + pm_u16(r); break;
  case DW_FORM_ref4: a->kind = PM_V_REF; a->v.u = unit_base + pm_u32(r); break;
  case DW_FORM_ref8: a->kind = PM_V_REF; a->v.u = unit_base + pm_u64(r); break;
  case DW_FORM_ref_udata: a->kind = PM_V_REF; a->v.u = unit_base + pm_uleb(r); break;
  case DW_FORM_ref_addr: a->kind = PM_V_REF; a->v.u = pm_uN(r, u->version <= 2 ? u->addr_size : u->offset_size); break;
  case DW_FORM_ref_sig8: a->kind = PM_V_SIG; a->v.u = pm_u64(r); break;
  case DW_FORM_ref_sup4: case DW_FORM_GNU_ref_alt: a->kind = PM_V_NONE; pm_skip(r, form == DW_FORM_ref_sup4 ? 4 : u->offset_size); break;
  case DW_FORM_ref_sup8: a->kind = PM_V_NONE; pm_skip(r, 8); break;
  case DW_FORM_sec_offset: a->kind = PM_V_SEC; a->v.u = pm_uN(r, u->offset_size); break;
  case DW_FORM_rnglistx: a->kind = PM_V_RNGX; a->v.u = pm_uleb(r); break;
  case DW_FORM_loclistx: a->kind = PM_V_LOCX; a->v.u = pm_uleb(r); break;
  case DW_FORM_block1: case DW_FORM_block2: case DW_FORM_block4: case DW_FORM_block: case DW_FORM_exprloc: {
    uint64_t len = form == DW_FORM_block1 ? pm_u8(r) : form == DW_FORM_block2 ? pm_u16(r)
                 : form == DW_FORM_block4 ? pm_u32(r) : pm_uleb(r);
    a->kind = PM_V_BLOCK;
    a->v.block.data = r->p;
    a->v.block.len = len;
    pm_skip(r, len);
    break;
  }
  default: return pm_fail(PMIRROR_E_DWARF, "unknown attribute form 0x%x", form);
  }
  if (r->err) return pm_fail(PMIRROR_E_TRUNCATED, "attribute 0x%x (form 0x%x)", spec->name, form);
  if (!ok) return pm_fail(PMIRROR_E_CORRUPT, "attribute 0x%x (form 0x%x) points outside its section", spec->name, form);
  if (a->kind == PM_V_REF && (u->in_types && form != DW_FORM_ref_addr)) a->v.u |= PM_TYPES_BIT;
  return 0;
}

/* -- Units -- */

static int unit_attr_cb(void *ctx, const pm_attr *a) {
  pm_unit *u = ctx;
  switch (a->name) {
  case DW_AT_name: if (a->kind == PM_V_STR) u->name = a->v.str; break;
  case DW_AT_comp_dir: if (a->kind == PM_V_STR) u->comp_dir = a->v.str; break;
  case DW_AT_low_pc: if (a->kind == PM_V_ADDR) u->low_pc = a->v.u; break;
  case DW_AT_stmt_list: u->stmt_list = a->v.u; u->has_stmt = true; break;
  case DW_AT_language: u->language = (uint16_t)a->v.u; break;
  case DW_AT_macros: case DW_AT_GNU_macros: u->macros = a->v.u; u->has_macros = 1; break;
  case DW_AT_macro_info: u->macros = a->v.u; u->has_macros = 2; break;
  }
  return 0;
}

/* The bases come first: strx and addrx forms in the unit DIE need them. */
static void unit_bases(pmirror_debug *d, pm_unit *u, const pm_die *die) {
  pm_reader r;
  size_t size;
  uint64_t local;
  const uint8_t *sec = section_of(d, die->offset, &size, &local);
  pm_reader_init(&r, sec, size);
  r.p = die->attrs;
  for (uint16_t i = 0; i < die->abbrev->nattrs; i++) {
    const pm_attrspec *sp = &die->abbrev->attrs[i];
    if (sp->form == DW_FORM_sec_offset || sp->form == DW_FORM_data4 || sp->form == DW_FORM_data8) {
      uint64_t v = sp->form == DW_FORM_data4 ? pm_u32(&r) : sp->form == DW_FORM_data8 ? pm_u64(&r)
                                                                                      : pm_uN(&r, u->offset_size);
      switch (sp->name) {
      case DW_AT_str_offsets_base: u->str_offsets_base = v; break;
      case DW_AT_addr_base: case DW_AT_GNU_addr_base: u->addr_base = v; break;
      case DW_AT_rnglists_base: case DW_AT_GNU_ranges_base: u->rnglists_base = v; break;
      case DW_AT_loclists_base: u->loclists_base = v; break;
      }
    } else if (pm_skip_form(&r, u, sp->form, 0)) {
      return;
    }
  }
}

static int parse_unit_header(pm_reader *r, bool in_types, pm_unit *u, uint64_t *abbrev_off) {
  uint64_t start = pm_pos(r);
  uint64_t len = pm_u32(r);
  u->offset_size = 4;
  if (len == 0xffffffff) {
    len = pm_u64(r);
    u->offset_size = 8;
  } else if (len >= 0xfffffff0) {
    return pm_fail(PMIRROR_E_DWARF, "reserved unit length 0x%llx at 0x%llx", (unsigned long long)len,
                   (unsigned long long)start);
  }
  uint64_t after_len = pm_pos(r);
  if (r->err || len > pm_left(r) || len < 2)
    return pm_fail(PMIRROR_E_TRUNCATED, "unit at 0x%llx (length 0x%llx)", (unsigned long long)start, (unsigned long long)len);
  u->version = pm_u16(r);
  if (u->version < 2 || u->version > 5)
    return pm_fail(PMIRROR_E_DWARF, "DWARF version %u at 0x%llx", u->version, (unsigned long long)start);
  if (u->version >= 5) {
    u->unit_type = pm_u8(r);
    u->addr_size = pm_u8(r);
    *abbrev_off = pm_uN(r, u->offset_size);
    if (u->unit_type == 2 /* DW_UT_type */ || u->unit_type == 6 /* DW_UT_split_type */) {
      u->type_signature = pm_u64(r);
      u->type_offset = pm_uN(r, u->offset_size);
    } else if (u->unit_type == 4 || u->unit_type == 5) {
      pm_u64(r); /* dwo_id */
    }
  } else {
    *abbrev_off = pm_uN(r, u->offset_size);
    u->addr_size = pm_u8(r);
    u->unit_type = in_types ? 2 : 1;
    if (in_types) {
      u->type_signature = pm_u64(r);
      u->type_offset = pm_uN(r, u->offset_size);
    }
  }
  if (r->err) return pm_fail(PMIRROR_E_TRUNCATED, "unit header at 0x%llx", (unsigned long long)start);
  if (u->addr_size != 4 && u->addr_size != 8)
    return pm_fail(PMIRROR_E_DWARF, "address size %u at 0x%llx", u->addr_size, (unsigned long long)start);
  uint64_t tag = in_types ? PM_TYPES_BIT : 0;
  u->in_types = in_types;
  u->offset = start | tag;
  u->die_offset = pm_pos(r) | tag;
  u->end = (after_len + len) | tag;
  if (u->type_offset) u->type_offset = (start + u->type_offset) | tag;
  pm_seek(r, after_len + len);
  return 0;
}

static int scan_units(pmirror_debug *d, const uint8_t *sec, size_t size, bool in_types, uint64_t **aoffs, size_t *cap) {
  pm_reader r;
  pm_reader_init(&r, sec, size);
  while (pm_left(&r) > 0) {
    if (d->nunits == *cap) {
      *cap = *cap ? *cap * 2 : 64;
      pm_unit *nu = realloc(d->units, *cap * sizeof *nu);
      uint64_t *na = realloc(*aoffs, *cap * sizeof *na);
      if (nu) d->units = nu;
      if (na) *aoffs = na;
      if (!nu || !na) return pm_fail(PMIRROR_E_NOMEM, "units");
    }
    pm_unit *u = &d->units[d->nunits];
    memset(u, 0, sizeof *u);
    int rc = parse_unit_header(&r, in_types, u, &(*aoffs)[d->nunits]);
    if (rc) return rc;
    d->versions |= 1u << u->version;
    d->nunits++;
  }
  return 0;
}

static const pm_abbrev_table *table_at(pmirror_debug *d, uint64_t off) {
  size_t lo = 0, hi = d->nabbrevs;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (d->abbrevs[mid].offset < off) lo = mid + 1;
    else hi = mid;
  }
  return lo < d->nabbrevs && d->abbrevs[lo].offset == off ? &d->abbrevs[lo] : NULL;
}

int pm_dwarf_load(pmirror_debug *d) {
  double t0 = pm_now_ms();
  int rc = load_sections(d);
  if (rc) return rc;
  d->ms_open = pm_now_ms() - t0;
  uint64_t *aoffs = NULL;
  size_t cap = 0;
  rc = scan_units(d, d->info, d->info_size, false, &aoffs, &cap);
  if (!rc) rc = scan_units(d, d->types, d->types_size, true, &aoffs, &cap);
  if (rc) {
    free(aoffs);
    return rc;
  }
  /* One table per distinct abbreviation offset, shared by the units that use it. */
  uint64_t *sorted = malloc((d->nunits ? d->nunits : 1) * sizeof *sorted);
  if (!sorted) {
    free(aoffs);
    return pm_fail(PMIRROR_E_NOMEM, "abbreviations");
  }
  if (d->nunits) memcpy(sorted, aoffs, d->nunits * sizeof *sorted);
  if (d->nunits > 1) qsort(sorted, d->nunits, sizeof *sorted, cmp_u64);
  d->abbrevs = calloc(d->nunits ? d->nunits : 1, sizeof(pm_abbrev_table));
  if (!d->abbrevs) rc = pm_fail(PMIRROR_E_NOMEM, "abbreviations");
  for (size_t i = 0; !rc && i < d->nunits; i++) {
    if (i && sorted[i] == sorted[i - 1]) continue;
    if (sorted[i] >= d->abbrev_size) {
      rc = pm_fail(PMIRROR_E_CORRUPT, "abbreviation offset 0x%llx beyond .debug_abbrev", (unsigned long long)sorted[i]);
      break;
    }
    pm_abbrev_table *t = &d->abbrevs[d->nabbrevs++];
    t->offset = sorted[i];
    rc = parse_abbrev_table(d, t);
  }
  for (size_t i = 0; !rc && i < d->nunits; i++) {
    pm_unit *u = &d->units[i];
    u->abbrev = (pm_abbrev_table *)table_at(d, aoffs[i]);
    pm_die die;
    if (u->die_offset >= u->end) continue;
    rc = pm_die_at(d, u->die_offset, &die);
    if (rc == 0 && die.abbrev) {
      unit_bases(d, u, &die);
      rc = pm_die_attrs(d, &die, unit_attr_cb, u);
    }
  }
  free(sorted);
  free(aoffs);
  d->ms_units = pm_now_ms() - t0 - d->ms_open;
  return rc;
}

void pm_dwarf_free(pmirror_debug *d) {
  for (size_t i = 0; i < d->nabbrevs; i++) {
    for (size_t j = 0; j < d->abbrevs[i].n; j++) free(d->abbrevs[i].abbrevs[j].attrs);
    free(d->abbrevs[i].abbrevs);
  }
  free(d->abbrevs);
  for (size_t i = 0; i < d->nunits; i++) pm_line_free(d->units[i].lines);
  free(d->units);
}

/* -- DIEs -- */

pm_unit *pm_unit_of(pmirror_debug *d, uint64_t off) {
  size_t lo = 0, hi = d->nunits; /* units are sorted: .debug_info then .debug_types (bit 48) */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (d->units[mid].end <= off) lo = mid + 1;
    else hi = mid;
  }
  if (lo < d->nunits && d->units[lo].offset <= off && off < d->units[lo].end) return &d->units[lo];
  return NULL;
}

int pm_die_at(pmirror_debug *d, uint64_t off, pm_die *die) {
  pm_unit *u = pm_unit_of(d, off);
  if (!u || off < u->die_offset) return pm_fail(PMIRROR_E_CORRUPT, "DIE offset 0x%llx is in no unit", (unsigned long long)off);
  if (!u->abbrev) return pm_fail(PMIRROR_E_CORRUPT, "unit at 0x%llx has no abbreviations", (unsigned long long)u->offset);
  size_t size;
  uint64_t local, end_local = u->end & ~PM_TYPES_BIT;
  const uint8_t *sec = section_of(d, off, &size, &local);
  pm_reader r;
  pm_reader_init(&r, sec, end_local);
  pm_seek(&r, local);
  uint64_t code = pm_uleb(&r);
  if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, "DIE at 0x%llx", (unsigned long long)off);
  die->offset = off;
  die->unit = u;
  die->attrs = r.p;
  if (code == 0) {
    die->abbrev = NULL;
    die->next = off + pm_pos(&r) - local;
    return 0;
  }
  die->abbrev = find_abbrev(u->abbrev, code);
  if (!die->abbrev)
    return pm_fail(PMIRROR_E_CORRUPT, "DIE at 0x%llx uses unknown abbreviation %llu", (unsigned long long)off,
                   (unsigned long long)code);
  const pm_abbrev *a = die->abbrev;
  if (a->fixed_size >= 0 && u->offset_size == 4 && u->addr_size == 8 && u->version >= 3) {
    pm_skip(&r, (uint64_t)a->fixed_size);
  } else {
    for (uint16_t i = 0; i < a->nattrs; i++) {
      int rc = pm_skip_form(&r, u, a->attrs[i].form, 0);
      if (rc) return rc;
    }
  }
  if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, "attributes of DIE 0x%llx", (unsigned long long)off);
  die->next = (pm_pos(&r) | (off & PM_TYPES_BIT));
  return 0;
}

int pm_die_attrs(pmirror_debug *d, const pm_die *die, int (*fn)(void *ctx, const pm_attr *a), void *ctx) {
  if (!die->abbrev) return 0;
  size_t size;
  uint64_t local;
  const uint8_t *sec = section_of(d, die->offset, &size, &local);
  pm_reader r;
  pm_reader_init(&r, sec, die->unit->end & ~PM_TYPES_BIT);
  r.p = die->attrs;
  for (uint16_t i = 0; i < die->abbrev->nattrs; i++) {
    pm_attr a;
    int rc = pm_read_form(d, &r, die->unit, &die->abbrev->attrs[i], &a);
    if (rc) return rc;
    if (fn(ctx, &a)) return 0;
  }
  return 0;
}

struct find_ctx { uint16_t name; pm_attr *out; bool found; };
static int find_cb(void *ctx, const pm_attr *a) {
  struct find_ctx *f = ctx;
  if (a->name != f->name) return 0;
  *f->out = *a;
  f->found = true;
  return 1;
}

int pm_die_attr(pmirror_debug *d, const pm_die *die, uint16_t name, pm_attr *out) {
  if (!die->abbrev) return PMIRROR_E_NOTFOUND;
  bool has = false;
  for (uint16_t i = 0; i < die->abbrev->nattrs && !has; i++) has = die->abbrev->attrs[i].name == name;
  if (!has) return PMIRROR_E_NOTFOUND;
  struct find_ctx f = {name, out, false};
  int rc = pm_die_attrs(d, die, find_cb, &f);
  if (rc) return rc;
  return f.found ? 0 : PMIRROR_E_NOTFOUND;
}

int pm_die_child(pmirror_debug *d, const pm_die *die, pm_die *child) {
  if (!die->abbrev || !die->abbrev->children) return PMIRROR_E_NOTFOUND;
  if (die->next >= die->unit->end) return pm_fail(PMIRROR_E_TRUNCATED, "children of DIE 0x%llx", (unsigned long long)die->offset);
  int rc = pm_die_at(d, die->next, child);
  if (rc) return rc;
  return child->abbrev ? 0 : PMIRROR_E_NOTFOUND;
}

/* The offset just past die and all its descendants. */
static int die_end(pmirror_debug *d, const pm_die *die, uint64_t *end) {
  if (!die->abbrev || !die->abbrev->children) {
    *end = die->next;
    return 0;
  }
  if (die->abbrev->sibling_idx >= 0) {
    pm_attr a;
    if (pm_die_attr(d, die, DW_AT_sibling, &a) == 0 && a.kind == PM_V_REF && a.v.u > die->offset &&
        a.v.u <= die->unit->end) {
      *end = a.v.u;
      return 0;
    }
  }
  uint64_t off = die->next;
  int depth = 1;
  while (depth > 0) { /* iterative: deep nesting cannot overflow the stack */
    if (off >= die->unit->end) return pm_fail(PMIRROR_E_TRUNCATED, "children of DIE 0x%llx", (unsigned long long)die->offset);
    pm_die c;
    int rc = pm_die_at(d, off, &c);
    if (rc) return rc;
    if (!c.abbrev) depth--;
    else if (c.abbrev->children) depth++;
    off = c.next;
  }
  *end = off;
  return 0;
}

int pm_die_sibling(pmirror_debug *d, const pm_die *die, pm_die *sib) {
  uint64_t end = 0;
  int rc = die_end(d, die, &end);
  if (rc) return rc;
  if (end >= die->unit->end) return PMIRROR_E_NOTFOUND;
  rc = pm_die_at(d, end, sib);
  if (rc) return rc;
  return sib->abbrev ? 0 : PMIRROR_E_NOTFOUND;
}

const char *pm_die_name(pmirror_debug *d, const pm_die *die) {
  pm_attr a;
  if (pm_die_attr(d, die, DW_AT_name, &a) == 0 && a.kind == PM_V_STR) return a.v.str;
  return NULL;
}

uint64_t pm_resolve_type_sig(pmirror_debug *d, uint64_t sig) {
  for (size_t i = 0; i < d->nunits; i++) /* type units are few; a linear scan is fine */
    if ((d->units[i].unit_type == 2 || d->units[i].unit_type == 6) && d->units[i].type_signature == sig)
      return d->units[i].type_offset;
  return 0;
}

/* -- Address ranges -- */

static int ranges_v4(pmirror_debug *d, const pm_unit *u, uint64_t off, void (*fn)(void *, uint64_t, uint64_t), void *ctx) {
  pm_reader r;
  pm_reader_init(&r, d->ranges, d->ranges_size);
  pm_seek(&r, off);
  uint64_t base = u->low_pc, maxa = u->addr_size == 8 ? ~0ull : 0xffffffffull;
  for (int n = 0; n < 1 << 20; n++) {
    uint64_t b = pm_uN(&r, u->addr_size), e = pm_uN(&r, u->addr_size);
    if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, ".debug_ranges at 0x%llx", (unsigned long long)off);
    if (b == 0 && e == 0) return 0;
    if (b == maxa) base = e;
    else if (e > b) fn(ctx, base + b, base + e);
  }
  return pm_fail(PMIRROR_E_CORRUPT, ".debug_ranges list at 0x%llx never ends", (unsigned long long)off);
}

static int rnglist(pmirror_debug *d, const pm_unit *u, uint64_t off, void (*fn)(void *, uint64_t, uint64_t), void *ctx) {
  pm_reader r;
  pm_reader_init(&r, d->rnglists, d->rnglists_size);
  pm_seek(&r, off);
  uint64_t base = u->low_pc;
  bool ok = true;
  for (int n = 0; n < 1 << 20; n++) {
    uint8_t kind = pm_u8(&r);
    uint64_t a, b;
    switch (kind) {
    case 0: return r.err ? pm_fail(PMIRROR_E_TRUNCATED, ".debug_rnglists at 0x%llx", (unsigned long long)off) : 0;
    case 1: base = pm_addr_index(d, u, pm_uleb(&r), &ok); break;
    case 2: a = pm_addr_index(d, u, pm_uleb(&r), &ok); b = pm_addr_index(d, u, pm_uleb(&r), &ok); if (b > a) fn(ctx, a, b); break;
    case 3: a = pm_addr_index(d, u, pm_uleb(&r), &ok); b = pm_uleb(&r); if (b) fn(ctx, a, a + b); break;
    case 4: a = pm_uleb(&r); b = pm_uleb(&r); if (b > a) fn(ctx, base + a, base + b); break;
    case 5: base = pm_uN(&r, u->addr_size); break;
    case 6: a = pm_uN(&r, u->addr_size); b = pm_uN(&r, u->addr_size); if (b > a) fn(ctx, a, b); break;
    case 7: a = pm_uN(&r, u->addr_size); b = pm_uleb(&r); if (b) fn(ctx, a, a + b); break;
    default: return pm_fail(PMIRROR_E_DWARF, "range list entry kind %u at 0x%llx", kind, (unsigned long long)off);
    }
    if (r.err || !ok) return pm_fail(PMIRROR_E_TRUNCATED, ".debug_rnglists at 0x%llx", (unsigned long long)off);
  }
  return pm_fail(PMIRROR_E_CORRUPT, "range list at 0x%llx never ends", (unsigned long long)off);
}

struct range_ctx { uint64_t low, high, ranges; bool has_low, has_high, high_is_addr, has_ranges, ranges_x; };
static int range_cb(void *ctx, const pm_attr *a) {
  struct range_ctx *c = ctx;
  if (a->name == DW_AT_low_pc && a->kind == PM_V_ADDR) { c->low = a->v.u; c->has_low = true; }
  if (a->name == DW_AT_high_pc) { c->high = a->v.u; c->has_high = true; c->high_is_addr = a->kind == PM_V_ADDR; }
  if (a->name == DW_AT_ranges) { c->ranges = a->v.u; c->has_ranges = true; c->ranges_x = a->kind == PM_V_RNGX; }
  return 0;
}

int pm_die_ranges(pmirror_debug *d, const pm_die *die, void (*fn)(void *ctx, uint64_t lo, uint64_t hi), void *ctx) {
  struct range_ctx c = {0};
  int rc = pm_die_attrs(d, die, range_cb, &c);
  if (rc) return rc;
  const pm_unit *u = die->unit;
  if (c.has_low && c.has_high) {
    uint64_t hi = c.high_is_addr ? c.high : c.low + c.high;
    if (hi > c.low) fn(ctx, c.low, hi);
    return 0;
  }
  if (!c.has_ranges) return 0;
  if (u->version < 5) return ranges_v4(d, u, c.ranges, fn, ctx);
  uint64_t off = c.ranges;
  if (c.ranges_x) { /* an index into the unit's offset array */
    pm_reader r;
    pm_reader_init(&r, d->rnglists, d->rnglists_size);
    pm_seek(&r, u->rnglists_base + c.ranges * u->offset_size);
    off = u->rnglists_base + pm_uN(&r, u->offset_size);
    if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, "range list index %llu", (unsigned long long)c.ranges);
  }
  return rnglist(d, u, off, fn, ctx);
}
