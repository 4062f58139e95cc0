/* libpmirror: preprocessor macros from .debug_macro (DWARF 5 / GNU) and .debug_macinfo. */
#include <stdlib.h>

#include "pmirror_internal.h"

typedef struct {
  char *name;            /* the macro's name (owned) */
  uint64_t hash;
  const char *definition; /* NULL once #undef'd */
  const char *file;
  unsigned line;
} pm_macro;

struct pm_macros {
  pm_macro *v;
  size_t n, cap;
  uint32_t *table; /* open addressing: index + 1 */
  size_t table_cap;
  uint64_t *imported; /* .debug_macro offsets already applied */
  size_t nimported, imported_cap;
};

static pm_macro *find(struct pm_macros *m, const char *name, size_t len, uint64_t h) {
  if (!m->table_cap) return NULL;
  size_t mask = m->table_cap - 1;
  for (size_t i = h & mask; m->table[i]; i = (i + 1) & mask) {
    pm_macro *x = &m->v[m->table[i] - 1];
    if (x->hash == h && strncmp(x->name, name, len) == 0 && x->name[len] == 0) return x;
  }
  return NULL;
}

static bool rehash(struct pm_macros *m) {
  size_t nc = m->table_cap ? m->table_cap * 2 : 1024;
  uint32_t *nt = calloc(nc, sizeof *nt);
  if (!nt) return false;
  for (size_t i = 0; i < m->n; i++) {
    size_t j = m->v[i].hash & (nc - 1);
    while (nt[j]) j = (j + 1) & (nc - 1);
    nt[j] = (uint32_t)i + 1;
  }
  free(m->table);
  m->table = nt;
  m->table_cap = nc;
  return true;
}

static uint64_t hash_n(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 1099511628211ull;
  return h;
}

/* The length of the name at the start of a definition ("NAME(" or "NAME "). */
static size_t name_len(const char *def) {
  size_t n = 0;
  while (def[n] && def[n] != ' ' && def[n] != '(' && def[n] != '\t') n++;
  return n;
}

/* Records a #define (definition) or #undef (definition NULL, text is the name). */
static int apply(struct pm_macros *m, const char *text, bool define, const char *file, unsigned line) {
  if (!text) return 0;
  size_t len = name_len(text);
  if (len == 0) return 0;
  uint64_t h = hash_n(text, len);
  pm_macro *x = find(m, text, len, h);
  if (!x) {
    if (!define) return 0;
    if (m->n == m->cap) {
      size_t nc = m->cap ? m->cap * 2 : 1024;
      pm_macro *nv = realloc(m->v, nc * sizeof *nv);
      if (!nv) return pm_fail(PMIRROR_E_NOMEM, "macro index");
      m->v = nv;
      m->cap = nc;
    }
    char *name = strndup(text, len);
    if (!name) return pm_fail(PMIRROR_E_NOMEM, "macro index");
    m->v[m->n++] = (pm_macro){name, h, NULL, NULL, 0};
    if (m->n * 2 > m->table_cap && !rehash(m)) return pm_fail(PMIRROR_E_NOMEM, "macro index");
    if (m->table_cap && !find(m, text, len, h)) { /* not placed by rehash: insert */
      size_t j = h & (m->table_cap - 1);
      while (m->table[j]) j = (j + 1) & (m->table_cap - 1);
      m->table[j] = (uint32_t)m->n;
    }
    x = &m->v[m->n - 1];
  }
  x->definition = define ? text : NULL;
  x->file = file;
  x->line = line;
  return 0;
}

/* The include stack: file names by depth, for "defined at". */
typedef struct { const char *files[64]; int depth; } file_stack;

static const char *top(const file_stack *fs) { return fs->depth > 0 ? fs->files[fs->depth - 1] : NULL; }

/* Opcodes 1-4 mean the same in .debug_macro and .debug_macinfo: define and undef (line, string),
   start_file (line, file index) and end_file. */
static int file_or_define(pmirror_debug *d, struct pm_macros *m, pm_unit *u, pm_reader *r, file_stack *fs, uint8_t op) {
  if (op == 4) {
    if (fs->depth > 0) fs->depth--;
    return 0;
  }
  uint64_t line = pm_uleb(r);
  if (op <= 2) return apply(m, pm_cstr(r), op == 1, top(fs), (unsigned)line);
  uint64_t file = pm_uleb(r);
  if (fs->depth < 64) fs->files[fs->depth] = pm_line_file(d, u, file);
  fs->depth++;
  return 0;
}

static int macro_unit(pmirror_debug *d, struct pm_macros *m, pm_unit *u, uint64_t off, file_stack *fs, int nesting);

static bool seen_import(struct pm_macros *m, uint64_t off) {
  for (size_t i = 0; i < m->nimported; i++)
    if (m->imported[i] == off) return true;
  if (m->nimported == m->imported_cap) {
    size_t nc = m->imported_cap ? m->imported_cap * 2 : 64;
    uint64_t *ni = realloc(m->imported, nc * sizeof *ni);
    if (!ni) return true;
    m->imported = ni;
    m->imported_cap = nc;
  }
  m->imported[m->nimported++] = off;
  return false;
}

static const char *strx(pmirror_debug *d, const pm_unit *u, uint64_t idx) {
  uint64_t base = u->str_offsets_base ? u->str_offsets_base : 8;
  pm_reader r;
  pm_reader_init(&r, d->str_offsets, d->str_offsets_size);
  pm_seek(&r, base + idx * u->offset_size);
  uint64_t o = pm_uN(&r, u->offset_size);
  return r.err ? NULL : pm_str_at(d->str, d->str_size, o);
}

/* One .debug_macro unit (DWARF 5, or the GNU extension of DWARF 4) at `off`. */
static int macro_unit(pmirror_debug *d, struct pm_macros *m, pm_unit *u, uint64_t off, file_stack *fs, int nesting) {
  if (nesting > 16) return pm_fail(PMIRROR_E_CORRUPT, ".debug_macro imports nest too deep");
  pm_reader r;
  pm_reader_init(&r, d->macro, d->macro_size);
  pm_seek(&r, off);
  uint16_t version = pm_u16(&r);
  uint8_t flags = pm_u8(&r);
  if (r.err || version < 4 || version > 5) return pm_fail(PMIRROR_E_DWARF, ".debug_macro version %u at 0x%llx", version, (unsigned long long)off);
  uint8_t osz = flags & 1 ? 8 : 4;
  if (flags & 2) pm_uN(&r, osz); /* debug_line_offset */
  uint8_t operand_forms[256][8];
  uint8_t operand_count[256] = {0};
  if (flags & 4) {
    uint8_t n = pm_u8(&r);
    for (int i = 0; i < n && !r.err; i++) {
      uint8_t op = pm_u8(&r);
      uint64_t k = pm_uleb(&r);
      if (k > 8) return pm_fail(PMIRROR_E_DWARF, ".debug_macro opcode 0x%x with %llu operands", op, (unsigned long long)k);
      operand_count[op] = (uint8_t)k;
      for (uint64_t j = 0; j < k; j++) operand_forms[op][j] = pm_u8(&r);
    }
  }
  pm_unit fake = *u;
  fake.offset_size = osz;
  for (int steps = 0; steps < 50000000 && !r.err; steps++) {
    uint8_t op = pm_u8(&r);
    uint64_t line, a;
    const char *text;
    int rc = 0;
    switch (op) {
    case 0: return 0;
    case 1: case 2: case 3: case 4: rc = file_or_define(d, m, u, &r, fs, op); break;
    case 5: case 6: /* define_strp, undef_strp */
      line = pm_uleb(&r);
      text = pm_str_at(d->str, d->str_size, pm_uN(&r, osz));
      rc = apply(m, text, op == 5, top(fs), (unsigned)line);
      break;
    case 7: /* import */
      a = pm_uN(&r, osz);
      if (!r.err && !seen_import(m, a)) {
        file_stack inner = *fs;
        rc = macro_unit(d, m, u, a, &inner, nesting + 1);
      }
      break;
    case 8: case 9: pm_uleb(&r); pm_uN(&r, osz); break; /* _sup: strings in a supplementary file */
    case 10: pm_uN(&r, osz); break;
    case 11: case 12: /* define_strx, undef_strx */
      line = pm_uleb(&r);
      text = strx(d, u, pm_uleb(&r));
      rc = apply(m, text, op == 11, top(fs), (unsigned)line);
      break;
    default:
      if (!operand_count[op]) return pm_fail(PMIRROR_E_DWARF, "unknown .debug_macro opcode 0x%x", op);
      for (int j = 0; j < operand_count[op] && !rc; j++) rc = pm_skip_form(&r, &fake, operand_forms[op][j], 0);
    }
    if (rc) return rc;
  }
  return r.err ? pm_fail(PMIRROR_E_TRUNCATED, ".debug_macro at 0x%llx", (unsigned long long)off) : 0;
}

/* The older .debug_macinfo list of one unit. */
static int macinfo_unit(pmirror_debug *d, struct pm_macros *m, pm_unit *u, uint64_t off, file_stack *fs) {
  pm_reader r;
  pm_reader_init(&r, d->macinfo, d->macinfo_size);
  pm_seek(&r, off);
  for (int steps = 0; steps < 50000000 && !r.err; steps++) {
    uint8_t op = pm_u8(&r);
    int rc = 0;
    switch (op) {
    case 0: return 0;
    case 1: case 2: case 3: case 4: rc = file_or_define(d, m, u, &r, fs, op); break;
    case 0xff: pm_uleb(&r); pm_cstr(&r); break;
    default: return pm_fail(PMIRROR_E_DWARF, "unknown .debug_macinfo opcode 0x%x", op);
    }
    if (rc) return rc;
  }
  return r.err ? pm_fail(PMIRROR_E_TRUNCATED, ".debug_macinfo at 0x%llx", (unsigned long long)off) : 0;
}

int pm_macros_build(pmirror_debug *d) {
  int rc = pm_lazy_sections(d, PM_LAZY_MACRO | PM_LAZY_MACINFO | PM_LAZY_LINE);
  if (rc) return rc;
  struct pm_macros *m = calloc(1, sizeof *m);
  if (!m) return pm_fail(PMIRROR_E_NOMEM, "macro index");
  for (size_t i = 0; i < d->nunits && !rc; i++) {
    pm_unit *u = &d->units[i];
    file_stack fs = {{0}, 0};
    if (u->has_macros == 1 && d->macro) rc = macro_unit(d, m, u, u->macros, &fs, 0);
    else if (u->has_macros == 2 && d->macinfo) rc = macinfo_unit(d, m, u, u->macros, &fs);
    m->nimported = 0; /* imports are shared within a unit's list only */
  }
  if (rc) {
    pm_macros_free(m);
    return rc;
  }
  d->macros = m;
  return 0;
}

void pm_macros_free(struct pm_macros *m) {
  if (!m) return;
  for (size_t i = 0; i < m->n; i++) free(m->v[i].name);
  free(m->v);
  free(m->table);
  free(m->imported);
  free(m);
}

void pm_macros_list(pmirror_debug *d, pm_sbuf *b) {
  pm_sb_putc(b, '[');
  bool first = true;
  for (size_t i = 0; d->macros && i < d->macros->n; i++) {
    const pm_macro *x = &d->macros->v[i];
    if (!x->definition) continue;
    pm_sb_puts(b, first ? "{\"name\":" : ",{\"name\":");
    first = false;
    pm_sb_json_str(b, x->name);
    pm_sb_puts(b, ",\"definition\":");
    pm_sb_json_str(b, x->definition);
    pm_sb_puts(b, ",\"file\":");
    pm_sb_json_str(b, x->file);
    pm_sb_printf(b, ",\"line\":%u}", x->line);
  }
  pm_sb_putc(b, ']');
}

static __thread pmirror_debug *once_debug;
static void build_once(void) { once_debug->macro_err = pm_macros_build(once_debug); }

int pmirror_debug_macro(pmirror_debug *d, const char *name, const char **definition_ret, const char **file_ret,
                        unsigned *line_ret) {
  if (!d || !name || !definition_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_macro: NULL argument");
  once_debug = d;
  pthread_once(&d->macro_once, build_once);
  if (d->macro_err) return d->macro_err;
  size_t len = strlen(name);
  const pm_macro *x = find(d->macros, name, len, hash_n(name, len));
  if (!x || !x->definition) return PMIRROR_E_NOTFOUND;
  *definition_ret = x->definition;
  if (file_ret) *file_ret = x->file;
  if (line_ret) *line_ret = x->line;
  return 0;
}
