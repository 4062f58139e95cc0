/* libpmirror: DIEs as JSON: a type and every type it reaches, functions and variables. */
#include <stdio.h>
#include <stdlib.h>

#include "pmirror_internal.h"

/* Everything a type, member, parameter, function or variable DIE may say about itself. */
typedef struct {
  const char *name, *linkage;
  uint64_t type, origin, low, high, byte_size, bit_size, bit_offset, data_bit_offset, member_loc;
  int64_t lower, upper, count, cval;
  const uint8_t *location;
  uint64_t location_len;
  uint16_t encoding;
  unsigned decl_line;
  bool has_type, has_size, has_bit_size, has_bit_offset, has_data_bit_offset, has_member_loc, has_upper,
      has_count, has_cval, cval_signed, decl, external, prototyped, has_low, has_high, high_is_addr, vector,
      upper_is_expr;
} facts;

static uint64_t sig_or_ref(pmirror_debug *d, const pm_attr *a) {
  if (a->kind == PM_V_SIG) return pm_resolve_type_sig(d, a->v.u);
  return a->kind == PM_V_REF ? a->v.u : 0;
}

/* A constant from DW_FORM_data*, udata, sdata or implicit_const. */
static bool as_const(const pm_attr *a, int64_t *v) {
  if (a->kind == PM_V_UDATA || a->kind == PM_V_SDATA) {
    *v = a->v.s;
    return true;
  }
  return false;
}

static int facts_cb(void *ctx, const pm_attr *a) {
  facts *f = ((void **)ctx)[0];
  pmirror_debug *d = ((void **)ctx)[1];
  int64_t v;
  switch (a->name) {
  case DW_AT_name: if (a->kind == PM_V_STR && !f->name) f->name = a->v.str; break;
  case DW_AT_linkage_name: case DW_AT_MIPS_linkage_name: if (a->kind == PM_V_STR) f->linkage = a->v.str; break;
  case DW_AT_type: f->type = sig_or_ref(d, a); f->has_type = f->type != 0; break;
  case DW_AT_specification: case DW_AT_abstract_origin: if (a->kind == PM_V_REF) f->origin = a->v.u; break;
  case DW_AT_byte_size: if (as_const(a, &v)) { f->byte_size = (uint64_t)v; f->has_size = true; } break;
  case DW_AT_bit_size: if (as_const(a, &v)) { f->bit_size = (uint64_t)v; f->has_bit_size = true; } break;
  case DW_AT_bit_offset: if (as_const(a, &v)) { f->bit_offset = (uint64_t)v; f->has_bit_offset = true; } break;
  case DW_AT_data_bit_offset: if (as_const(a, &v)) { f->data_bit_offset = (uint64_t)v; f->has_data_bit_offset = true; } break;
  case DW_AT_data_member_location:
    if (as_const(a, &v)) {
      f->member_loc = (uint64_t)v;
      f->has_member_loc = true;
    } else if (a->kind == PM_V_BLOCK && a->v.block.len >= 2 && a->v.block.data[0] == 0x23 /* DW_OP_plus_uconst */) {
      pm_reader r;
      pm_reader_init(&r, a->v.block.data + 1, a->v.block.len - 1);
      f->member_loc = pm_uleb(&r);
      f->has_member_loc = !r.err;
    }
    break;
  case DW_AT_encoding: f->encoding = (uint16_t)a->v.u; break;
  case DW_AT_lower_bound: if (as_const(a, &v)) f->lower = v; break;
  case DW_AT_upper_bound:
    if (as_const(a, &v)) { f->upper = v; f->has_upper = true; }
    else f->upper_is_expr = true;
    break;
  case DW_AT_count: if (as_const(a, &v)) { f->count = v; f->has_count = true; } else f->upper_is_expr = true; break;
  case DW_AT_const_value:
    if (as_const(a, &v)) { f->cval = v; f->has_cval = true; f->cval_signed = a->kind == PM_V_SDATA; }
    break;
  case DW_AT_declaration: f->decl = a->v.u != 0; break;
  case DW_AT_external: f->external = a->v.u != 0; break;
  case DW_AT_prototyped: f->prototyped = a->v.u != 0; break;
  case DW_AT_low_pc: if (a->kind == PM_V_ADDR) { f->low = a->v.u; f->has_low = true; } break;
  case DW_AT_high_pc: f->high = a->v.u; f->has_high = true; f->high_is_addr = a->kind == PM_V_ADDR; break;
  case DW_AT_location: if (a->kind == PM_V_BLOCK) { f->location = a->v.block.data; f->location_len = a->v.block.len; } break;
  case DW_AT_GNU_vector: f->vector = true; break;
  case DW_AT_decl_line: f->decl_line = (unsigned)a->v.u; break;
  }
  return 0;
}

static int get_facts(pmirror_debug *d, const pm_die *die, facts *f) {
  memset(f, 0, sizeof *f);
  void *ctx[2] = {f, d};
  return pm_die_attrs(d, die, facts_cb, ctx);
}

/* Fills what a DIE leaves out from its specification / abstract origin. */
static void merge_origin(pmirror_debug *d, facts *f) {
  uint64_t off = f->origin;
  for (int hop = 0; hop < 4 && off; hop++) {
    pm_die o;
    facts g;
    if (pm_die_at(d, off, &o) || !o.abbrev || get_facts(d, &o, &g)) return;
    if (!f->name) f->name = g.name;
    if (!f->linkage) f->linkage = g.linkage;
    if (!f->has_type) { f->type = g.type; f->has_type = g.has_type; }
    f->external |= g.external;
    f->prototyped |= g.prototyped;
    if (!f->decl_line) f->decl_line = g.decl_line;
    off = g.origin;
  }
}

/* -- A closure of types -- */

typedef struct {
  pmirror_debug *d;
  pm_sbuf *b;
  uint64_t *queue;
  size_t nq, capq, head;
  uint64_t *seen; /* open addressing set of offsets + 1 */
  size_t seen_cap, nseen;
  bool oom;
} closure;

static bool seen_add(closure *c, uint64_t off) {
  if ((c->nseen + 1) * 2 > c->seen_cap) {
    size_t nc = c->seen_cap ? c->seen_cap * 2 : 64;
    uint64_t *ns = calloc(nc, sizeof *ns);
    if (!ns) { c->oom = true; return false; }
    for (size_t i = 0; i < c->seen_cap; i++) {
      if (!c->seen[i]) continue;
      size_t j = (c->seen[i] * 0x9e3779b97f4a7c15ull >> 20) & (nc - 1);
      while (ns[j]) j = (j + 1) & (nc - 1);
      ns[j] = c->seen[i];
    }
    free(c->seen);
    c->seen = ns;
    c->seen_cap = nc;
  }
  size_t mask = c->seen_cap - 1;
  size_t j = ((off + 1) * 0x9e3779b97f4a7c15ull >> 20) & mask;
  for (; c->seen[j]; j = (j + 1) & mask)
    if (c->seen[j] == off + 1) return false;
  c->seen[j] = off + 1;
  c->nseen++;
  return true;
}

/* Whether functions of this unit's language always have prototypes (everything but C and ObjC). */
static bool always_prototyped(const pm_unit *u) {
  switch (u->language) {
  case 0x1: case 0x2: case 0xc: case 0x10: case 0x1d: case 0x2c: return false; /* C89, C, C99, ObjC, C11, C17 */
  default: return u->language != 0;
  }
}

/* The definition for a declared struct/union/enum (a type unit's type for a DW_AT_signature
 * skeleton, else one found by name in other units), or off itself. */
static uint64_t definition_of(pmirror_debug *d, uint64_t off) {
  pm_die die;
  facts f;
  if (pm_die_at(d, off, &die) || !die.abbrev) return off;
  pm_attr sig;
  if (pm_die_attr(d, &die, DW_AT_signature, &sig) == 0 && sig.kind == PM_V_SIG) {
    uint64_t t = pm_resolve_type_sig(d, sig.v.u);
    if (t) return t;
  }
  if (get_facts(d, &die, &f) || !f.decl || !f.name) return off;
  const char *prefix = die.abbrev->tag == DW_TAG_union_type ? "union " : die.abbrev->tag == DW_TAG_enumeration_type ? "enum "
                     : die.abbrev->tag == DW_TAG_structure_type || die.abbrev->tag == DW_TAG_class_type ? "struct " : NULL;
  if (!prefix) return off;
  char key[512];
  if ((size_t)snprintf(key, sizeof key, "%s%s", prefix, f.name) >= sizeof key) return off;
  uint64_t def;
  return pm_index_lookup(d, PMIRROR_KIND_TYPE, key, &def, NULL) == 0 ? def : off;
}

/* -- Sizes -- */

/* The byte size of the type at `off` (following typedefs and qualifiers; arrays multiply out). */
int pm_type_size(pmirror_debug *d, uint64_t off, uint64_t *size) {
  uint64_t mult = 1;
  for (int hop = 0; hop < 32; hop++) {
    pm_die die;
    facts f;
    if (pm_die_at(d, off, &die) || !die.abbrev || get_facts(d, &die, &f)) return PMIRROR_E_NOTFOUND;
    if (die.abbrev->tag == DW_TAG_pointer_type && !f.has_size) f.byte_size = die.unit->addr_size, f.has_size = true;
    if (f.has_size) {
      *size = f.byte_size * mult;
      return 0;
    }
    if (die.abbrev->tag == DW_TAG_array_type) {
      pm_die c;
      int rc = pm_die_child(d, &die, &c);
      for (int n = 0; rc == 0 && n < 64; n++) {
        facts sf;
        if (c.abbrev->tag == DW_TAG_subrange_type && get_facts(d, &c, &sf) == 0) {
          if (sf.has_count) mult *= (uint64_t)sf.count;
          else if (sf.has_upper) mult *= (uint64_t)(sf.upper - sf.lower + 1);
          else return PMIRROR_E_NOTFOUND;
        }
        pm_die nx;
        rc = pm_die_sibling(d, &c, &nx);
        c = nx;
      }
    }
    if (!f.has_type) return PMIRROR_E_NOTFOUND;
    off = definition_of(d, f.type);
  }
  return PMIRROR_E_NOTFOUND;
}

/* Queues a type DIE for the closure. */
static void enqueue(closure *c, uint64_t off) {
  if (c->nq == c->capq) {
    size_t nc = c->capq ? c->capq * 2 : 64;
    uint64_t *nqueue = realloc(c->queue, nc * sizeof *nqueue);
    if (!nqueue) { c->oom = true; return; }
    c->queue = nqueue;
    c->capq = nc;
  }
  c->queue[c->nq++] = off;
}

/* Emits `"key":off` for a type reference (queued), or `"key":null` for void. */
static void type_ref(closure *c, const char *key, bool has, uint64_t off) {
  if (!has) {
    pm_sb_printf(c->b, "\"%s\":null", key);
    return;
  }
  off = definition_of(c->d, off);
  pm_sb_printf(c->b, "\"%s\":%llu", key, (unsigned long long)off);
  enqueue(c, off);
}

static const char *kind_of(uint16_t tag) {
  switch (tag) {
  case DW_TAG_base_type: return "base";
  case DW_TAG_pointer_type: return "pointer";
  case DW_TAG_reference_type: return "reference";
  case DW_TAG_rvalue_reference_type: return "rvalue_reference";
  case DW_TAG_const_type: return "const";
  case DW_TAG_volatile_type: return "volatile";
  case DW_TAG_restrict_type: return "restrict";
  case DW_TAG_atomic_type: return "atomic";
  case DW_TAG_typedef: return "typedef";
  case DW_TAG_structure_type: return "struct";
  case DW_TAG_class_type: return "class";
  case DW_TAG_union_type: return "union";
  case DW_TAG_enumeration_type: return "enum";
  case DW_TAG_array_type: return "array";
  case DW_TAG_subroutine_type: return "function";
  case DW_TAG_subprogram: return "function";
  case DW_TAG_unspecified_type: return "unspecified";
  default: return NULL;
  }
}

/* Iterates the children of a DIE; fn returns < 0 to stop with an error. */
static int each_child(pmirror_debug *d, const pm_die *die, int (*fn)(closure *, const pm_die *, void *), closure *c, void *arg) {
  pm_die ch;
  int rc = pm_die_child(d, die, &ch);
  for (int n = 0; rc == 0; n++) {
    if (n > 1000000) return pm_fail(PMIRROR_E_CORRUPT, "too many children under DIE 0x%llx", (unsigned long long)die->offset);
    rc = fn(c, &ch, arg);
    if (rc < 0) return rc;
    pm_die nx;
    rc = pm_die_sibling(d, &ch, &nx);
    ch = nx;
  }
  return rc == PMIRROR_E_NOTFOUND ? 0 : rc;
}

struct list_state {
  bool first;
  uint64_t parent_size; /* enums: byte size */
  bool variadic;        /* parameter lists: saw DW_TAG_unspecified_parameters */
  bool is_signed;       /* enums: the underlying type is signed */
};

static int member_cb(closure *c, const pm_die *m, void *arg) {
  struct list_state *s = arg;
  if (m->abbrev->tag != DW_TAG_member) return 0;
  facts f;
  int rc = get_facts(c->d, m, &f);
  if (rc) return rc;
  pm_sb_puts(c->b, s->first ? "{" : ",{");
  s->first = false;
  pm_sb_puts(c->b, "\"name\":");
  pm_sb_json_str(c->b, f.name);
  pm_sb_putc(c->b, ',');
  type_ref(c, "type", f.has_type, f.type);
  uint64_t bit_pos = f.has_member_loc ? f.member_loc * 8 : 0;
  if (f.has_data_bit_offset) {
    bit_pos = f.data_bit_offset;
  } else if (f.has_bit_offset && f.has_bit_size) {
    /* DWARF 2/3 form: bit_offset counts from the storage unit's most significant bit (little-endian). */
    uint64_t storage = f.has_size ? f.byte_size : 0;
    if (!storage) {
      pm_die t;
      facts tf;
      if (f.has_type && pm_die_at(c->d, f.type, &t) == 0 && t.abbrev && get_facts(c->d, &t, &tf) == 0) storage = tf.byte_size;
    }
    bit_pos += storage * 8 - f.bit_offset - f.bit_size;
  }
  pm_sb_printf(c->b, ",\"offset\":%llu", (unsigned long long)(bit_pos / 8));
  if (f.has_bit_size) pm_sb_printf(c->b, ",\"bitSize\":%llu,\"bitOffset\":%llu", (unsigned long long)f.bit_size, (unsigned long long)bit_pos);
  pm_sb_putc(c->b, '}');
  return 0;
}

static int enumerator_cb(closure *c, const pm_die *e, void *arg) {
  struct list_state *s = arg;
  if (e->abbrev->tag != DW_TAG_enumerator) return 0;
  facts f;
  int rc = get_facts(c->d, e, &f);
  if (rc) return rc;
  int64_t v = f.cval;
  /* Unsigned forms narrower than 8 bytes sign-extend when the enum is signed and the top bit is set. */
  if (!f.cval_signed && s->is_signed && s->parent_size > 0 && s->parent_size < 8) {
    uint64_t bits = s->parent_size * 8;
    if ((uint64_t)v >> (bits - 1) & 1) v = (int64_t)((uint64_t)v | (~0ull << bits));
  }
  pm_sb_puts(c->b, s->first ? "[" : ",[");
  s->first = false;
  pm_sb_json_str(c->b, f.name);
  if (!f.cval_signed && !s->is_signed && (uint64_t)v > (1ull << 53)) pm_sb_printf(c->b, ",\"%llu\"]", (unsigned long long)v);
  else if ((v > (1ll << 53) || v < -(1ll << 53))) pm_sb_printf(c->b, ",\"%lld\"]", (long long)v);
  else pm_sb_printf(c->b, ",%lld]", (long long)v);
  return 0;
}

static int subrange_cb(closure *c, const pm_die *r, void *arg) {
  struct list_state *s = arg;
  (void)s;
  if (r->abbrev->tag != DW_TAG_subrange_type) return 0;
  facts f;
  int rc = get_facts(c->d, r, &f);
  if (rc) return rc;
  pm_sb_puts(c->b, s->first ? "" : ",");
  s->first = false;
  if (f.has_count) pm_sb_printf(c->b, "%lld", (long long)f.count);
  else if (f.has_upper) pm_sb_printf(c->b, "%lld", (long long)(f.upper - f.lower + 1));
  else pm_sb_puts(c->b, f.upper_is_expr ? "\"variable\"" : "null");
  return 0;
}

static int param_cb(closure *c, const pm_die *p, void *arg) {
  struct list_state *s = arg;
  if (p->abbrev->tag == DW_TAG_unspecified_parameters) {
    s->variadic = true;
    return 0;
  }
  if (p->abbrev->tag != DW_TAG_formal_parameter) return 0;
  facts f;
  int rc = get_facts(c->d, p, &f);
  if (rc) return rc;
  merge_origin(c->d, &f);
  pm_sb_puts(c->b, s->first ? "{" : ",{");
  s->first = false;
  pm_sb_puts(c->b, "\"name\":");
  pm_sb_json_str(c->b, f.name);
  pm_sb_putc(c->b, ',');
  type_ref(c, "type", f.has_type, f.type);
  pm_sb_putc(c->b, '}');
  return 0;
}

/* Parameters of a function DIE; a concrete instance without them uses its abstract origin's. */
static int emit_params(closure *c, const pm_die *die, const facts *f) {
  pm_sb_puts(c->b, ",\"params\":[");
  struct list_state s = {true, 0, false, false};
  int rc = each_child(c->d, die, param_cb, c, &s);
  if (rc) return rc;
  pm_die o;
  if (s.first && f->origin && pm_die_at(c->d, f->origin, &o) == 0 && o.abbrev) {
    rc = each_child(c->d, &o, param_cb, c, &s);
    if (rc) return rc;
  }
  pm_sb_printf(c->b, "],\"variadic\":%s", s.variadic ? "true" : "false");
  return 0;
}

static int emit_type(closure *c, uint64_t off) {
  pm_die die;
  facts f;
  int rc = pm_die_at(c->d, off, &die);
  if (rc) return rc;
  if (!die.abbrev) return pm_fail(PMIRROR_E_CORRUPT, "type reference 0x%llx is a null entry", (unsigned long long)off);
  if ((rc = get_facts(c->d, &die, &f))) return rc;
  uint16_t tag = die.abbrev->tag;
  const char *kind = kind_of(tag);
  pm_sb_printf(c->b, "\"%llu\":{\"kind\":\"%s\",\"name\":", (unsigned long long)off, kind ? kind : "unknown");
  pm_sb_json_str(c->b, f.name);
  if (f.has_size) pm_sb_printf(c->b, ",\"size\":%llu", (unsigned long long)f.byte_size);
  if (f.decl) pm_sb_puts(c->b, ",\"decl\":true");
  if (!kind) pm_sb_printf(c->b, ",\"tag\":%u", tag);
  struct list_state s = {true, f.byte_size, false, false};
  switch (tag) {
  case DW_TAG_base_type:
    pm_sb_printf(c->b, ",\"encoding\":%u", f.encoding);
    break;
  case DW_TAG_structure_type: case DW_TAG_class_type: case DW_TAG_union_type:
    pm_sb_puts(c->b, ",\"members\":[");
    if ((rc = each_child(c->d, &die, member_cb, c, &s))) return rc;
    pm_sb_putc(c->b, ']');
    break;
  case DW_TAG_enumeration_type: {
    pm_sb_putc(c->b, ',');
    type_ref(c, "type", f.has_type, f.type);
    pm_die t;
    facts tf;
    /* Signedness from the underlying type (DW_ATE_signed 5, signed_char 6). */
    if (f.has_type && pm_die_at(c->d, f.type, &t) == 0 && t.abbrev && get_facts(c->d, &t, &tf) == 0)
      s.is_signed = tf.encoding == 5 || tf.encoding == 6;
    pm_sb_puts(c->b, ",\"enumerators\":[");
    if ((rc = each_child(c->d, &die, enumerator_cb, c, &s))) return rc;
    pm_sb_putc(c->b, ']');
    break;
  }
  case DW_TAG_array_type:
    pm_sb_putc(c->b, ',');
    type_ref(c, "type", f.has_type, f.type);
    pm_sb_puts(c->b, ",\"dims\":[");
    if ((rc = each_child(c->d, &die, subrange_cb, c, &s))) return rc;
    pm_sb_printf(c->b, "],\"vector\":%s", f.vector ? "true" : "false");
    break;
  case DW_TAG_subroutine_type: case DW_TAG_subprogram:
    pm_sb_putc(c->b, ',');
    type_ref(c, "type", f.has_type, f.type);
    pm_sb_printf(c->b, ",\"prototyped\":%s", f.prototyped || always_prototyped(die.unit) ? "true" : "false");
    if ((rc = emit_params(c, &die, &f))) return rc;
    break;
  default:
    pm_sb_putc(c->b, ',');
    type_ref(c, "type", f.has_type, f.type);
  }
  pm_sb_putc(c->b, '}');
  return c->oom ? pm_fail(PMIRROR_E_NOMEM, "describing 0x%llx", (unsigned long long)off) : 0;
}

/* The address of a variable whose location is DW_OP_addr / DW_OP_addrx. */
static bool static_address(pmirror_debug *d, const pm_unit *u, const facts *f, uint64_t *addr) {
  return pm_static_address(d, u, f->location, f->location_len, addr);
}

bool pm_static_address(pmirror_debug *d, const pm_unit *u, const uint8_t *loc, uint64_t len, uint64_t *addr) {
  if (!loc || len < 2) return false;
  pm_reader r;
  pm_reader_init(&r, loc, len);
  uint8_t op = pm_u8(&r);
  if (op == 0x03 /* DW_OP_addr */ && len == 1u + u->addr_size) {
    *addr = pm_uN(&r, u->addr_size);
    return !r.err;
  }
  if (op == 0xa1 /* DW_OP_addrx */ || op == 0xfb /* DW_OP_GNU_addr_index */) {
    uint64_t idx = pm_uleb(&r);
    pm_reader a;
    pm_reader_init(&a, d->addr, d->addr_size);
    pm_seek(&a, (u->addr_base ? u->addr_base : 8) + idx * u->addr_size);
    *addr = pm_uN(&a, u->addr_size);
    return !a.err && !r.err && pm_left(&r) == 0;
  }
  return false;
}

struct entity_ranges { pm_sbuf *b; bool first; };
static void entity_range(void *ctx, uint64_t lo, uint64_t hi) {
  struct entity_ranges *e = ctx;
  pm_sb_printf(e->b, "%s[%llu,%llu]", e->first ? "" : ",", (unsigned long long)lo, (unsigned long long)hi);
  e->first = false;
}

static int emit_entity(closure *c, const pm_die *die) {
  facts f;
  int rc = get_facts(c->d, die, &f);
  if (rc) return rc;
  merge_origin(c->d, &f);
  uint16_t tag = die->abbrev->tag;
  pm_sb_printf(c->b, "{\"kind\":\"%s\",\"die\":%llu,\"name\":", tag == DW_TAG_subprogram ? "function" : "variable",
               (unsigned long long)die->offset);
  pm_sb_json_str(c->b, f.name);
  pm_sb_puts(c->b, ",\"linkage\":");
  pm_sb_json_str(c->b, f.linkage);
  pm_sb_printf(c->b, ",\"external\":%s,\"decl\":%s,\"line\":%u,", f.external ? "true" : "false", f.decl ? "true" : "false",
               f.decl_line);
  type_ref(c, "type", f.has_type, f.type);
  const char *sym = f.linkage ? f.linkage : f.name;
  uint64_t value;
  if (sym && pmirror_elf_symbol(c->d->elf, sym, &value, NULL) == 0) pm_sb_printf(c->b, ",\"symbol\":%llu", (unsigned long long)value);
  else if (sym && pmirror_elf_symbol(c->d->delf, sym, &value, NULL) == 0) pm_sb_printf(c->b, ",\"symbol\":%llu", (unsigned long long)value);
  pm_sb_printf(c->b, ",\"callable\":%s", sym && pmirror_elf_dynamic(c->d->elf, sym) == 0 ? "true" : "false");
  if (tag == DW_TAG_subprogram) {
    pm_sb_printf(c->b, ",\"prototyped\":%s,\"ranges\":[", f.prototyped || always_prototyped(die->unit) ? "true" : "false");
    struct entity_ranges er = {c->b, true};
    if ((rc = pm_die_ranges(c->d, die, entity_range, &er))) return rc;
    pm_sb_putc(c->b, ']');
    if ((rc = emit_params(c, die, &f))) return rc;
  } else {
    uint64_t addr;
    if (static_address(c->d, die->unit, &f, &addr)) pm_sb_printf(c->b, ",\"address\":%llu", (unsigned long long)addr);
    if (f.has_cval) pm_sb_printf(c->b, ",\"constValue\":%lld", (long long)f.cval);
  }
  pm_sb_putc(c->b, '}');
  return 0;
}

/* Emits the closure of every queued type as `"types":{...}`. */
static int emit_closure(closure *c) {
  int rc = 0;
  bool first = true;
  pm_sb_puts(c->b, ",\"types\":{");
  while (!rc && !c->oom && c->head < c->nq) {
    uint64_t t = c->queue[c->head++];
    if (!seen_add(c, t)) continue;
    if (!first) pm_sb_putc(c->b, ',');
    first = false;
    if (c->nseen > 2000000) rc = pm_fail(PMIRROR_E_CORRUPT, "type closure is unbounded");
    else rc = emit_type(c, t);
  }
  pm_sb_puts(c->b, "}}");
  if (!rc && c->oom) rc = pm_fail(PMIRROR_E_NOMEM, "describing types");
  return rc;
}

static bool is_entity(uint16_t tag) {
  return tag == DW_TAG_subprogram || tag == DW_TAG_variable || tag == DW_TAG_formal_parameter;
}

static int finish(closure *c, int rc, char **json_ret) {
  free(c->queue);
  free(c->seen);
  if (rc) {
    free(c->b->buf);
    return rc;
  }
  return pm_sb_finish(c->b, json_ret);
}

int pmirror_debug_describe(pmirror_debug *d, uint64_t off, char **json_ret) {
  if (!d || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_describe: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  pm_die die;
  if ((rc = pm_die_at(d, off, &die))) return rc;
  if (!die.abbrev) return pm_fail(PMIRROR_E_INVAL, "0x%llx is a null entry", (unsigned long long)off);
  pm_sbuf b = {0};
  closure c = {.d = d, .b = &b};
  bool entity = is_entity(die.abbrev->tag);
  uint64_t root = entity ? off : definition_of(d, off);
  pm_sb_printf(&b, "{\"root\":%llu", (unsigned long long)root);
  if (entity) {
    pm_sb_puts(&b, ",\"entity\":");
    rc = emit_entity(&c, &die);
  } else {
    enqueue(&c, root);
  }
  if (!rc) rc = emit_closure(&c);
  return finish(&c, rc, json_ret);
}

int pmirror_debug_describe_many(pmirror_debug *d, const uint64_t *dies, size_t n, char **json_ret) {
  if (!d || (!dies && n) || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_describe_many: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  pm_sbuf b = {0};
  closure c = {.d = d, .b = &b};
  pm_sb_puts(&b, "{\"roots\":[");
  for (size_t i = 0; !rc && i < n; i++) { /* roots first: entities reference types, types are shared */
    pm_die die;
    if ((rc = pm_die_at(d, dies[i], &die))) break;
    if (!die.abbrev) {
      rc = pm_fail(PMIRROR_E_INVAL, "0x%llx is a null entry", (unsigned long long)dies[i]);
      break;
    }
    uint64_t root = is_entity(die.abbrev->tag) ? dies[i] : definition_of(d, dies[i]);
    pm_sb_printf(&b, "%s%llu", i ? "," : "", (unsigned long long)root);
    if (!is_entity(die.abbrev->tag)) enqueue(&c, root);
  }
  pm_sb_puts(&b, "],\"entities\":[");
  for (size_t i = 0; !rc && i < n; i++) {
    pm_die die;
    if ((rc = pm_die_at(d, dies[i], &die))) break;
    if (i) pm_sb_putc(&b, ',');
    if (is_entity(die.abbrev->tag)) rc = emit_entity(&c, &die);
    else pm_sb_puts(&b, "null");
  }
  pm_sb_putc(&b, ']');
  if (!rc) rc = emit_closure(&c);
  else pm_sb_puts(&b, "}");
  return finish(&c, rc, json_ret);
}
