/* libpmirror: DWARF 2-5 line programs: address -> file:line:column. */
#include <stdio.h>
#include <stdlib.h>

#include "pmirror_internal.h"

typedef struct {
  uint64_t addr;
  uint32_t file, line, col, seq; /* seq: original order, to keep sorting stable */
  bool end, stmt;
} pm_row;

typedef struct {
  pm_row *rows;
  size_t n, cap;
  char **files; /* full paths by file index */
  size_t nfiles;
  int err;
} pm_line_table;

void pm_line_free(void *p) {
  pm_line_table *t = p;
  if (!t) return;
  for (size_t i = 0; i < t->nfiles; i++) free(t->files[i]);
  free(t->files);
  free(t->rows);
  free(t);
}

static char *join_path(const char *a, const char *b) {
  if (!b) b = "";
  if (b[0] == '/' || !a || !a[0]) return strdup(b);
  size_t la = strlen(a), lb = strlen(b);
  char *s = malloc(la + lb + 2);
  if (!s) return NULL;
  memcpy(s, a, la);
  s[la] = '/';
  memcpy(s + la + 1, b, lb + 1);
  return s;
}

/* A string-valued entry of a v5 directory/file table. */
static const char *v5_string(pmirror_debug *d, pm_reader *r, uint16_t form, uint8_t offset_size) {
  switch (form) {
  case DW_FORM_string: return pm_cstr(r);
  case DW_FORM_line_strp: return pm_str_at(d->line_str, d->line_str_size, pm_uN(r, offset_size));
  case DW_FORM_strp: return pm_str_at(d->str, d->str_size, pm_uN(r, offset_size));
  default: return NULL;
  }
}

static int add_file(pm_line_table *t, char *path) {
  if (!path) return pm_fail(PMIRROR_E_NOMEM, "line table");
  char **nf = realloc(t->files, (t->nfiles + 1) * sizeof *nf);
  if (!nf) {
    free(path);
    return pm_fail(PMIRROR_E_NOMEM, "line table");
  }
  t->files = nf;
  t->files[t->nfiles++] = path;
  return 0;
}

/* Reads a v5 entry-format list then its entries; dirs (when not NULL) resolves directory indexes. */
static int v5_table(pmirror_debug *d, pm_reader *r, uint8_t osz, const char *comp_dir, char **dirs, size_t ndirs,
                    char ***out, size_t *nout) {
  uint8_t nfmt = pm_u8(r);
  uint64_t fmt[32][2];
  if (nfmt > 32) return pm_fail(PMIRROR_E_DWARF, "line table with %u entry formats", nfmt);
  for (uint8_t i = 0; i < nfmt; i++) {
    fmt[i][0] = pm_uleb(r);
    fmt[i][1] = pm_uleb(r);
  }
  uint64_t count = pm_uleb(r);
  if (r->err || count > pm_left(r)) return pm_fail(PMIRROR_E_TRUNCATED, "line table entries");
  char **v = calloc(count ? count : 1, sizeof *v);
  if (!v) return pm_fail(PMIRROR_E_NOMEM, "line table");
  for (uint64_t e = 0; e < count; e++) {
    const char *name = NULL;
    uint64_t dir = 0;
    for (uint8_t i = 0; i < nfmt; i++) {
      uint16_t form = (uint16_t)fmt[i][1];
      if (fmt[i][0] == 1 /* DW_LNCT_path */) {
        name = v5_string(d, r, form, osz);
      } else if (fmt[i][0] == 2 /* DW_LNCT_directory_index */) {
        dir = form == DW_FORM_data1 ? pm_u8(r) : form == DW_FORM_data2 ? pm_u16(r) : pm_uleb(r);
      } else {
        pm_unit fake = {.addr_size = 8, .offset_size = osz, .version = 5};
        pm_skip_form(r, &fake, form, 0);
      }
    }
    const char *base = dirs ? (dir < ndirs ? dirs[dir] : NULL) : comp_dir;
    v[e] = dirs || !name || name[0] == '/' ? join_path(base, name) : join_path(comp_dir, name);
    if (!v[e] || r->err) {
      for (uint64_t k = 0; k <= e; k++) free(v[k]);
      free(v);
      return r->err ? pm_fail(PMIRROR_E_TRUNCATED, "line table entry") : pm_fail(PMIRROR_E_NOMEM, "line table");
    }
  }
  *out = v;
  *nout = count;
  return 0;
}

static int read_header_files(pmirror_debug *d, pm_reader *r, uint16_t version, uint8_t osz, const char *comp_dir,
                             pm_line_table *t) {
  if (version >= 5) {
    char **dirs = NULL, **files = NULL;
    size_t ndirs = 0, nfiles = 0;
    int rc = v5_table(d, r, osz, comp_dir, NULL, 0, &dirs, &ndirs);
    if (!rc) rc = v5_table(d, r, osz, comp_dir, dirs, ndirs, &files, &nfiles);
    for (size_t i = 0; i < ndirs; i++) free(dirs[i]);
    free(dirs);
    if (rc) return rc;
    t->files = files;
    t->nfiles = nfiles;
    return 0;
  }
  /* v2-4: directories then files, each list ending with an empty string; file 0 is unused. */
  char *dirs[4096];
  size_t ndirs = 0;
  dirs[ndirs++] = strdup(comp_dir ? comp_dir : "");
  int rc = add_file(t, strdup(""));
  for (;;) {
    const char *s = pm_cstr(r);
    if (!s || !*s) break;
    if (ndirs < 4096) dirs[ndirs++] = join_path(comp_dir, s);
  }
  while (!rc) {
    const char *s = pm_cstr(r);
    if (!s || !*s) break;
    uint64_t dir = pm_uleb(r);
    pm_uleb(r);
    pm_uleb(r);
    rc = add_file(t, join_path(dir < ndirs ? dirs[dir] : NULL, s));
  }
  for (size_t i = 0; i < ndirs; i++) free(dirs[i]);
  if (!rc && r->err) rc = pm_fail(PMIRROR_E_TRUNCATED, "line table file names");
  return rc;
}

static bool push_row(pm_line_table *t, pm_row row) {
  if (t->n == t->cap) {
    size_t nc = t->cap ? t->cap * 2 : 256;
    pm_row *nr = realloc(t->rows, nc * sizeof *nr);
    if (!nr) return false;
    t->rows = nr;
    t->cap = nc;
  }
  row.seq = (uint32_t)t->n;
  t->rows[t->n++] = row;
  return true;
}

static int run_program(pm_reader *r, pm_line_table *t, uint16_t version, uint8_t addr_size, uint8_t min_inst,
                       bool default_stmt, int8_t line_base, uint8_t line_range, uint8_t opcode_base,
                       const uint8_t *std_lengths) {
  const pm_row initial = {0, version >= 5 ? 0 : 1, 1, 0, 0, false, default_stmt};
  pm_row reg = initial;
  while (pm_left(r) > 0 && !r->err) {
    uint8_t op = pm_u8(r);
    if (op >= opcode_base) {
      uint8_t adj = (uint8_t)(op - opcode_base);
      reg.addr += (uint64_t)(adj / line_range) * min_inst;
      reg.line += (uint32_t)(line_base + adj % line_range);
      if (!push_row(t, reg)) return pm_fail(PMIRROR_E_NOMEM, "line rows");
      continue;
    }
    switch (op) {
    case 0: {
      uint64_t len = pm_uleb(r);
      if (len == 0 || len > pm_left(r)) return pm_fail(PMIRROR_E_TRUNCATED, "extended line opcode");
      const uint8_t *next = r->p + len;
      uint8_t ext = pm_u8(r);
      if (ext == 1) { /* DW_LNE_end_sequence */
        reg.end = true;
        if (!push_row(t, reg)) return pm_fail(PMIRROR_E_NOMEM, "line rows");
        reg = initial;
      } else if (ext == 2) { /* DW_LNE_set_address */
        reg.addr = pm_uN(r, len - 1 == 4 ? 4 : addr_size);
      }
      r->p = next;
      break;
    }
    case 1: if (!push_row(t, reg)) return pm_fail(PMIRROR_E_NOMEM, "line rows"); break;
    case 2: reg.addr += pm_uleb(r) * min_inst; break;
    case 3: reg.line = (uint32_t)((int64_t)reg.line + pm_sleb(r)); break;
    case 4: reg.file = (uint32_t)pm_uleb(r); break;
    case 5: reg.col = (uint32_t)pm_uleb(r); break;
    case 8: reg.addr += (uint64_t)((255 - opcode_base) / line_range) * min_inst; break;
    case 9: reg.addr += pm_u16(r); break;
    case 6: reg.stmt = !reg.stmt; break;
    case 7: case 10: case 11: break;
    default: /* unknown standard opcode: skip its uleb operands */
      for (uint8_t i = 0; i < std_lengths[op - 1]; i++) pm_uleb(r);
    }
  }
  return r->err ? pm_fail(PMIRROR_E_TRUNCATED, "line program") : 0;
}

static int cmp_row(const void *a, const void *b) {
  const pm_row *x = a, *y = b;
  if (x->addr != y->addr) return x->addr < y->addr ? -1 : 1;
  if (x->end != y->end) return x->end ? -1 : 1; /* a sequence ending here yields to one starting here */
  return (x->seq > y->seq) - (x->seq < y->seq);
}

static int build_table(pmirror_debug *d, pm_unit *u, pm_line_table *t) {
  if (!u->has_stmt || !d->line) return 0;
  pm_reader r;
  pm_reader_init(&r, d->line, d->line_size);
  pm_seek(&r, u->stmt_list);
  uint64_t len = pm_u32(&r);
  uint8_t osz = 4;
  if (len == 0xffffffff) {
    len = pm_u64(&r);
    osz = 8;
  }
  if (r.err || len > pm_left(&r)) return pm_fail(PMIRROR_E_TRUNCATED, "line table at 0x%llx", (unsigned long long)u->stmt_list);
  pm_reader prog = r;
  prog.end = r.p + len;
  uint16_t version = pm_u16(&prog);
  if (version < 2 || version > 5) return pm_fail(PMIRROR_E_DWARF, "line table version %u", version);
  uint8_t addr_size = u->addr_size;
  if (version >= 5) {
    addr_size = pm_u8(&prog);
    pm_u8(&prog);
  }
  uint64_t hlen = pm_uN(&prog, osz);
  if (prog.err || hlen > pm_left(&prog)) return pm_fail(PMIRROR_E_TRUNCATED, "line table header");
  const uint8_t *program = prog.p + hlen;
  uint8_t min_inst = pm_u8(&prog);
  if (version >= 4) pm_u8(&prog);
  bool default_stmt = pm_u8(&prog) != 0;
  int8_t line_base = (int8_t)pm_u8(&prog);
  uint8_t line_range = pm_u8(&prog), opcode_base = pm_u8(&prog);
  const uint8_t *std_lengths = prog.p;
  pm_skip(&prog, opcode_base ? opcode_base - 1u : 0);
  if (prog.err || line_range == 0 || opcode_base == 0) return pm_fail(PMIRROR_E_DWARF, "line table header fields");
  pm_reader files = prog;
  files.end = program;
  int rc = read_header_files(d, &files, version, osz, u->comp_dir, t);
  if (rc) return rc;
  prog.p = program;
  rc = run_program(&prog, t, version, addr_size, min_inst, default_stmt, line_base, line_range, opcode_base, std_lengths);
  if (rc) return rc;
  if (t->n > 1) qsort(t->rows, t->n, sizeof *t->rows, cmp_row);
  return 0;
}

static pm_line_table *table_of(pmirror_debug *d, pm_unit *u, int *err) {
  if ((*err = pm_lazy_sections(d, PM_LAZY_LINE))) return NULL;
  pthread_mutex_lock(&d->lock);
  if (!u->lines) {
    pm_line_table *t = calloc(1, sizeof *t);
    if (t) t->err = build_table(d, u, t);
    u->lines = t;
  }
  pm_line_table *t = u->lines;
  pthread_mutex_unlock(&d->lock);
  *err = !t ? pm_fail(PMIRROR_E_NOMEM, "line table") : t->err;
  return t;
}

int pm_line_at(pmirror_debug *d, pm_unit *u, uint64_t addr, const char **file, unsigned *line, unsigned *col) {
  int err;
  pm_line_table *t = table_of(d, u, &err);
  if (err) return err;
  size_t lo = 0, hi = t->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t->rows[mid].addr <= addr) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0 || lo == t->n) return PMIRROR_E_NOTFOUND; /* before the first row or past the last end */
  const pm_row *row = &t->rows[lo - 1];
  if (row->end) return PMIRROR_E_NOTFOUND;
  *file = row->file < t->nfiles ? t->files[row->file] : "??";
  *line = row->line;
  *col = row->col;
  return 0;
}

const char *pm_line_file(pmirror_debug *d, pm_unit *u, uint64_t idx) {
  int err;
  pm_line_table *t = table_of(d, u, &err);
  return !err && idx < t->nfiles ? t->files[idx] : NULL;
}

/* Whether `path` is `file` or ends with "/" + file. */
static bool same_file(const char *path, const char *file) {
  size_t lp = strlen(path), lf = strlen(file);
  if (lp < lf || strcmp(path + lp - lf, file) != 0) return false;
  return lp == lf || file[0] == '/' || path[lp - lf - 1] == '/';
}

int pm_line_rows(pmirror_debug *d, pm_unit *u, const char *file, unsigned line,
                 void (*fn)(void *ctx, uint64_t addr, const char *path, bool stmt), void *ctx) {
  int err;
  pm_line_table *t = table_of(d, u, &err);
  if (err) return err;
  /* Which of this unit's files match, computed once. */
  bool *match = calloc(t->nfiles ? t->nfiles : 1, sizeof *match);
  if (!match) return pm_fail(PMIRROR_E_NOMEM, "line query");
  bool any = false;
  for (size_t i = 0; i < t->nfiles; i++) any |= match[i] = same_file(t->files[i], file);
  for (size_t i = 0; any && i < t->n; i++) {
    const pm_row *r = &t->rows[i];
    if (!r->end && r->line == line && r->file < t->nfiles && match[r->file]) fn(ctx, r->addr, t->files[r->file], r->stmt);
  }
  free(match);
  return 0;
}
