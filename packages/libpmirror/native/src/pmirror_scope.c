/* libpmirror: scopes at an address (inlined calls) and source line -> addresses. */
#include <stdlib.h>

#include "pmirror_internal.h"

/* -- Inlined calls -- */

struct contains { uint64_t addr; bool hit, any; };
static void contains_cb(void *ctx, uint64_t lo, uint64_t hi) {
  struct contains *c = ctx;
  c->any = true;
  if (c->addr >= lo && c->addr < hi) c->hit = true;
}

struct call_site { uint64_t file, line, column; };
static int call_cb(void *ctx, const pm_attr *a) {
  struct call_site *c = ctx;
  if (a->kind != PM_V_UDATA && a->kind != PM_V_SDATA) return 0;
  if (a->name == DW_AT_call_file) c->file = a->v.u;
  else if (a->name == DW_AT_call_line) c->line = a->v.u;
  else if (a->name == DW_AT_call_column) c->column = a->v.u;
  return 0;
}

/* -- Per-function cache of inlined-call ranges -- */

typedef struct {
  uint64_t lo, hi, die;
  const char *name, *call_file;
  uint64_t call_line, call_column;
  uint32_t depth;
} pm_inl_range;

typedef struct pm_inl_fn {
  uint64_t fn;             /* function DIE */
  const char *name;        /* its name (through abstract origins) */
  pm_inl_range *v;
  size_t n, cap;
  int err;
  struct pm_inl_fn *next;  /* hash chain */
} pm_inl_fn;

struct pm_scopes {
  pm_inl_fn **buckets;
  size_t nbuckets, n;
};

struct inl_collect { pm_inl_fn *f; pmirror_debug *d; const pm_die *die; uint32_t depth; const char *name, *file;
                     struct call_site cs; bool oom; };
static void inl_range_cb(void *ctx, uint64_t lo, uint64_t hi) {
  struct inl_collect *c = ctx;
  if (c->f->n == c->f->cap) {
    size_t nc = c->f->cap ? c->f->cap * 2 : 16;
    pm_inl_range *nv = realloc(c->f->v, nc * sizeof *nv);
    if (!nv) { c->oom = true; return; }
    c->f->v = nv;
    c->f->cap = nc;
  }
  c->f->v[c->f->n++] = (pm_inl_range){lo, hi, c->die->offset, c->name, c->file, c->cs.line, c->cs.column, c->depth};
}

/* Records every inlined call under `parent` (through lexical blocks), with its nesting depth. */
static int collect_inlined(pmirror_debug *d, const pm_die *parent, pm_inl_fn *f, uint32_t depth) {
  if (depth > 64) return 0; /* real code nests far less; corrupt data must not exhaust the stack */
  pm_die c;
  int rc = pm_die_child(d, parent, &c);
  for (int n = 0; rc == 0 && n < 1000000; n++) {
    uint16_t tag = c.abbrev->tag;
    if (tag == DW_TAG_inlined_subroutine) {
      struct inl_collect k = {f, d, &c, depth, pmirror_debug_die_name(d, c.offset), NULL, {0}, false};
      pm_die_attrs(d, &c, call_cb, &k.cs);
      k.file = pm_line_file(d, c.unit, k.cs.file);
      if ((rc = pm_die_ranges(d, &c, inl_range_cb, &k))) return rc;
      if (k.oom) return pm_fail(PMIRROR_E_NOMEM, "inlined calls");
      if ((rc = collect_inlined(d, &c, f, depth + 1))) return rc;
    } else if (tag == DW_TAG_lexical_block) {
      if ((rc = collect_inlined(d, &c, f, depth))) return rc;
    }
    pm_die nx;
    rc = pm_die_sibling(d, &c, &nx);
    c = nx;
  }
  return rc == PMIRROR_E_NOTFOUND ? 0 : rc;
}

/* The bucket of fn, or NULL when the table is empty. Called under the object's lock. */
static pm_inl_fn *find_scope(struct pm_scopes *s, uint64_t fn) {
  if (!s || !s->nbuckets) return NULL;
  pm_inl_fn *f = s->buckets[(fn * 0x9e3779b97f4a7c15ull >> 32) & (s->nbuckets - 1)];
  while (f && f->fn != fn) f = f->next;
  return f;
}

/* Adds f to the cache (growing it); false when out of memory. Called under the object's lock. */
static bool insert_scope(pmirror_debug *d, pm_inl_fn *f) {
  struct pm_scopes *s = d->scopes;
  if (!s && (s = d->scopes = calloc(1, sizeof *s)) == NULL) return false;
  if (s->n >= s->nbuckets) { /* grow: rehash the chains */
    size_t nb = s->nbuckets ? s->nbuckets * 2 : 256;
    pm_inl_fn **nbk = calloc(nb, sizeof *nbk);
    if (!nbk) return false;
    for (size_t i = 0; i < s->nbuckets; i++)
      for (pm_inl_fn *g = s->buckets[i], *nx; g; g = nx) {
        nx = g->next;
        size_t h = (g->fn * 0x9e3779b97f4a7c15ull >> 32) & (nb - 1);
        g->next = nbk[h];
        nbk[h] = g;
      }
    free(s->buckets);
    s->buckets = nbk;
    s->nbuckets = nb;
  }
  size_t h = (f->fn * 0x9e3779b97f4a7c15ull >> 32) & (s->nbuckets - 1);
  f->next = s->buckets[h];
  s->buckets[h] = f;
  s->n++;
  return true;
}

/* The cached inlined-call table of a function. It is built outside the lock (building reads line
 * tables, which take the lock themselves); a racing builder's copy is dropped. */
static pm_inl_fn *inlined_of(pmirror_debug *d, uint64_t fn, int *err) {
  pthread_mutex_lock(&d->lock);
  pm_inl_fn *f = find_scope(d->scopes, fn);
  pthread_mutex_unlock(&d->lock);
  if (f) {
    *err = f->err;
    return f;
  }
  pm_inl_fn *mine = calloc(1, sizeof *mine);
  if (!mine) {
    *err = pm_fail(PMIRROR_E_NOMEM, "scope cache");
    return NULL;
  }
  mine->fn = fn;
  mine->name = pmirror_debug_die_name(d, fn);
  pm_die die;
  mine->err = pm_die_at(d, fn, &die);
  if (!mine->err) mine->err = collect_inlined(d, &die, mine, 0);
  pthread_mutex_lock(&d->lock);
  f = find_scope(d->scopes, fn);
  bool inserted = !f && insert_scope(d, mine);
  pthread_mutex_unlock(&d->lock);
  if (!inserted) { /* someone else's copy won, or no memory to keep ours */
    free(mine->v);
    free(mine);
    *err = f ? f->err : pm_fail(PMIRROR_E_NOMEM, "scope cache");
    return f;
  }
  *err = mine->err;
  return mine;
}

void pm_scopes_free(struct pm_scopes *s) {
  if (!s) return;
  for (size_t i = 0; i < s->nbuckets; i++)
    for (pm_inl_fn *f = s->buckets[i], *nx; f; f = nx) {
      nx = f->next;
      free(f->v);
      free(f);
    }
  free(s->buckets);
  free(s);
}

/* Appends `"function":{...},"inlined":[...]` for addr; PMIRROR_E_NOTFOUND when no function has it. */
static int emit_scope(pmirror_debug *d, uint64_t addr, pm_sbuf *b) {
  uint64_t off, low;
  int rc = pmirror_debug_function_at(d, addr, &off, &low);
  if (rc) return rc;
  pm_inl_fn *f = inlined_of(d, off, &rc);
  if (rc) return rc;
  pm_sb_printf(b, "\"function\":{\"die\":%llu,\"name\":", (unsigned long long)off);
  pm_sb_json_str(b, f->name);
  pm_sb_printf(b, ",\"low\":%llu},\"inlined\":[", (unsigned long long)low);
  /* The calls containing addr, one per depth (ranges of one depth do not overlap), outermost first. */
  const pm_inl_range *hits[66] = {0};
  for (size_t i = 0; i < f->n; i++)
    if (addr >= f->v[i].lo && addr < f->v[i].hi && f->v[i].depth <= 65 && !hits[f->v[i].depth]) hits[f->v[i].depth] = &f->v[i];
  bool first = true;
  for (uint32_t depth = 0; depth <= 65 && hits[depth]; depth++) {
    const pm_inl_range *hit = hits[depth];
    pm_sb_printf(b, "%s{\"die\":%llu,\"name\":", first ? "" : ",", (unsigned long long)hit->die);
    first = false;
    pm_sb_json_str(b, hit->name);
    pm_sb_puts(b, ",\"callFile\":");
    pm_sb_json_str(b, hit->call_file);
    pm_sb_printf(b, ",\"callLine\":%llu,\"callColumn\":%llu}", (unsigned long long)hit->call_line,
                 (unsigned long long)hit->call_column);
  }
  pm_sb_putc(b, ']');
  return 0;
}

int pmirror_debug_scope_at(pmirror_debug *d, uint64_t addr, char **json_ret) {
  if (!d || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_scope_at: NULL argument");
  pm_sbuf b = {0};
  pm_sb_putc(&b, '{');
  int rc = emit_scope(d, addr, &b);
  if (rc) {
    free(b.buf);
    return rc;
  }
  pm_sb_putc(&b, '}');
  return pm_sb_finish(&b, json_ret);
}

int pmirror_debug_address(pmirror_debug *d, uint64_t addr, char *buf, size_t cap, size_t *len_ret) {
  if (!d || (!buf && cap) || !len_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_address: NULL argument");
  pm_sbuf b = {0};
  pm_sb_putc(&b, '{');
  int rc = emit_scope(d, addr, &b);
  if (rc < 0) {
    free(b.buf);
    return rc;
  }
  const char *file;
  unsigned line, col;
  int lrc = pmirror_debug_line_at(d, addr, &file, &line, &col);
  if (lrc < 0) {
    free(b.buf);
    return lrc;
  }
  if (lrc == 0) {
    pm_sb_puts(&b, rc == 0 ? ",\"file\":" : "\"file\":");
    pm_sb_json_str(&b, file);
    pm_sb_printf(&b, ",\"line\":%u,\"column\":%u", line, col);
  }
  pm_sb_putc(&b, '}');
  if (b.oom) {
    free(b.buf);
    return pm_fail(PMIRROR_E_NOMEM, "address query");
  }
  *len_ret = b.len;
  if (b.len + 1 > cap) { /* tell the caller the size it needs */
    free(b.buf);
    return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_address: the buffer needs %zu bytes", b.len + 1);
  }
  memcpy(buf, b.buf, b.len + 1);
  free(b.buf);
  return 0;
}

/* -- Source line -> addresses -- */

struct line_hit { uint64_t addr; const char *file; };
struct line_hits { struct line_hit *v; size_t n, cap; bool oom; };
static void hit_cb(void *ctx, uint64_t addr, const char *path, bool stmt) {
  struct line_hits *h = ctx;
  if (!stmt || h->oom) return;
  if (h->n == h->cap) {
    size_t nc = h->cap ? h->cap * 2 : 16;
    struct line_hit *nv = realloc(h->v, nc * sizeof *nv);
    if (!nv) { h->oom = true; return; }
    h->v = nv;
    h->cap = nc;
  }
  h->v[h->n++] = (struct line_hit){addr, path};
}

static int cmp_hit(const void *a, const void *b) {
  const struct line_hit *x = a, *y = b;
  return (x->addr > y->addr) - (x->addr < y->addr);
}

int pmirror_debug_line_addresses(pmirror_debug *d, const char *file, unsigned line, char **json_ret) {
  if (!d || !file || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_line_addresses: NULL argument");
  struct line_hits h = {0};
  int rc = 0;
  for (size_t i = 0; i < d->nunits && !rc; i++)
    if (!d->units[i].in_types && d->units[i].has_stmt) rc = pm_line_rows(d, &d->units[i], file, line, hit_cb, &h);
  if (!rc && h.oom) rc = pm_fail(PMIRROR_E_NOMEM, "line query");
  if (!rc && h.n > 1) qsort(h.v, h.n, sizeof *h.v, cmp_hit);
  pm_sbuf b = {0};
  pm_sb_putc(&b, '[');
  for (size_t i = 0; !rc && i < h.n; i++) {
    if (i && h.v[i].addr == h.v[i - 1].addr) continue;
    pm_sb_printf(&b, "%s{\"address\":%llu,\"file\":", b.len > 1 ? "," : "", (unsigned long long)h.v[i].addr);
    pm_sb_json_str(&b, h.v[i].file);
    pm_sb_putc(&b, '}');
  }
  pm_sb_putc(&b, ']');
  free(h.v);
  if (rc) {
    free(b.buf);
    return rc;
  }
  return pm_sb_finish(&b, json_ret);
}

/* -- Variables in scope -- */

struct local_facts { const char *name; uint64_t type, origin; bool has_type; };
static int local_cb(void *ctx, const pm_attr *a) {
  struct local_facts *f = ctx;
  if (a->name == DW_AT_name && a->kind == PM_V_STR) f->name = a->v.str;
  else if (a->name == DW_AT_type && (a->kind == PM_V_REF || a->kind == PM_V_SIG)) {
    f->type = a->kind == PM_V_REF ? a->v.u : 0;
    f->has_type = true;
  } else if (a->name == DW_AT_abstract_origin && a->kind == PM_V_REF) f->origin = a->v.u;
  return 0;
}

static void emit_local(pmirror_debug *d, const pm_die *v, int depth, pm_sbuf *b, bool *first) {
  struct local_facts f = {0};
  if (pm_die_attrs(d, v, local_cb, &f)) return;
  for (int hop = 0; hop < 4 && f.origin && (!f.name || !f.has_type); hop++) { /* concrete -> abstract */
    pm_die o;
    struct local_facts g = {0};
    if (pm_die_at(d, f.origin, &o) || !o.abbrev || pm_die_attrs(d, &o, local_cb, &g)) break;
    if (!f.name) f.name = g.name;
    if (!f.has_type) { f.type = g.type; f.has_type = g.has_type; }
    f.origin = g.origin;
  }
  if (!f.name) return;
  pm_sb_printf(b, "%s{\"die\":%llu,\"name\":", *first ? "" : ",", (unsigned long long)v->offset);
  *first = false;
  pm_sb_json_str(b, f.name);
  pm_sb_printf(b, ",\"param\":%s,\"depth\":%d,\"type\":", v->abbrev->tag == DW_TAG_formal_parameter ? "true" : "false", depth);
  if (f.has_type && f.type) pm_sb_printf(b, "%llu}", (unsigned long long)f.type);
  else pm_sb_puts(b, "null}");
}

/* Collects scopes containing pc, outermost first, so they can be printed innermost first. */
static int collect_scopes(pmirror_debug *d, const pm_die *parent, uint64_t pc, pm_die *chain, int *n, int depth) {
  if (depth > 64 || *n >= 64) return 0;
  chain[(*n)++] = *parent;
  pm_die c;
  int rc = pm_die_child(d, parent, &c);
  for (int k = 0; rc == 0 && k < 1000000; k++) {
    uint16_t tag = c.abbrev->tag;
    if (tag == DW_TAG_inlined_subroutine || tag == DW_TAG_lexical_block) {
      struct contains h = {pc, false, false};
      if ((rc = pm_die_ranges(d, &c, contains_cb, &h))) return rc;
      if (h.hit) return collect_scopes(d, &c, pc, chain, n, depth + 1);
    }
    pm_die nx;
    rc = pm_die_sibling(d, &c, &nx);
    c = nx;
  }
  return rc == PMIRROR_E_NOTFOUND ? 0 : rc;
}

int pmirror_debug_locals(pmirror_debug *d, uint64_t pc, char **json_ret) {
  if (!d || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_locals: NULL argument");
  uint64_t off, low;
  int rc = pmirror_debug_function_at(d, pc, &off, &low);
  if (rc) return rc;
  pm_die fn;
  if ((rc = pm_die_at(d, off, &fn))) return rc;
  pm_die chain[64];
  int n = 0;
  if ((rc = collect_scopes(d, &fn, pc, chain, &n, 0))) return rc;
  pm_sbuf b = {0};
  pm_sb_putc(&b, '[');
  bool first = true;
  for (int i = n - 1; i >= 0 && !rc; i--) {
    pm_die c;
    rc = pm_die_child(d, &chain[i], &c);
    for (int k = 0; rc == 0 && k < 1000000; k++) {
      if (c.abbrev->tag == DW_TAG_formal_parameter || c.abbrev->tag == DW_TAG_variable) emit_local(d, &c, i, &b, &first);
      pm_die nx;
      rc = pm_die_sibling(d, &c, &nx);
      c = nx;
    }
    if (rc == PMIRROR_E_NOTFOUND) rc = 0;
  }
  pm_sb_putc(&b, ']');
  if (rc) {
    free(b.buf);
    return rc;
  }
  return pm_sb_finish(&b, json_ret);
}

/* -- Inlined instances of a function -- */

typedef struct { uint64_t origin, die, entry; } pm_instance;

struct pm_instances {
  pm_instance *v;
  size_t n, cap;
};

void pm_instances_free(struct pm_instances *s) {
  if (!s) return;
  free(s->v);
  free(s);
}

struct entry_ctx { uint64_t lo; bool any; };
static void entry_cb(void *ctx, uint64_t lo, uint64_t hi) {
  struct entry_ctx *c = ctx;
  (void)hi;
  if (!c->any || lo < c->lo) c->lo = lo;
  c->any = true;
}

/* The entry address of an inlined instance: DW_AT_entry_pc, else its lowest address. */
static uint64_t instance_entry(pmirror_debug *d, const pm_die *die) {
  pm_attr a;
  if (pm_die_attr(d, die, DW_AT_entry_pc, &a) == 0) {
    if (a.kind == PM_V_ADDR) return a.v.u;
    struct entry_ctx c = {0, false};
    pm_die_ranges(d, die, entry_cb, &c); /* DWARF 5 allows entry_pc as an offset from the base */
    return c.lo + a.v.u;
  }
  struct entry_ctx c = {0, false};
  pm_die_ranges(d, die, entry_cb, &c);
  return c.lo;
}

struct inl_ranges { pm_sbuf *b; bool first; };
static void inst_range_cb(void *ctx, uint64_t lo, uint64_t hi) {
  struct inl_ranges *r = ctx;
  pm_sb_printf(r->b, "%s[%llu,%llu]", r->first ? "" : ",", (unsigned long long)lo, (unsigned long long)hi);
  r->first = false;
}

static int cmp_instance(const void *a, const void *b) {
  const pm_instance *x = a, *y = b;
  if (x->origin != y->origin) return x->origin < y->origin ? -1 : 1;
  return (x->entry > y->entry) - (x->entry < y->entry);
}

static int build_instances(pmirror_debug *d) {
  struct pm_instances *s = calloc(1, sizeof *s);
  if (!s) return pm_fail(PMIRROR_E_NOMEM, "inlined instances");
  int rc = 0;
  for (size_t i = 0; i < d->nunits && !rc; i++) {
    if (d->units[i].in_types) continue;
    for (uint64_t off = d->units[i].die_offset; off < d->units[i].end && !rc;) {
      pm_die die;
      if ((rc = pm_die_at(d, off, &die))) break;
      off = die.next;
      if (!die.abbrev || die.abbrev->tag != DW_TAG_inlined_subroutine) continue;
      pm_attr a;
      if (pm_die_attr(d, &die, DW_AT_abstract_origin, &a) != 0 || a.kind != PM_V_REF) continue;
      if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 1024;
        pm_instance *nv = realloc(s->v, nc * sizeof *nv);
        if (!nv) { rc = pm_fail(PMIRROR_E_NOMEM, "inlined instances"); break; }
        s->v = nv;
        s->cap = nc;
      }
      s->v[s->n++] = (pm_instance){a.v.u, die.offset, instance_entry(d, &die)};
    }
  }
  if (rc) {
    pm_instances_free(s);
    return rc;
  }
  if (s->n > 1) qsort(s->v, s->n, sizeof *s->v, cmp_instance);
  d->instances = s;
  return 0;
}

static __thread pmirror_debug *once_debug;
static void build_instances_once(void) { once_debug->inst_err = build_instances(once_debug); }

/* The abstract instance a function DIE stands for: follow abstract_origin / specification links,
 * then find the DIE that inlined instances name (the one with DW_AT_inline, or the declaration). */
static void origins_of(pmirror_debug *d, uint64_t die, uint64_t *out, int *n) {
  *n = 0;
  for (int hop = 0; hop < 4 && *n < 4; hop++) {
    out[(*n)++] = die;
    pm_die x;
    pm_attr a;
    if (pm_die_at(d, die, &x) || !x.abbrev) return;
    if (pm_die_attr(d, &x, DW_AT_abstract_origin, &a) != 0 && pm_die_attr(d, &x, DW_AT_specification, &a) != 0) return;
    if (a.kind != PM_V_REF) return;
    die = a.v.u;
  }
}

int pmirror_debug_inlined_instances(pmirror_debug *d, uint64_t die, char **json_ret) {
  if (!d || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_inlined_instances: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  once_debug = d;
  pthread_once(&d->inst_once, build_instances_once);
  if (d->inst_err) return d->inst_err;
  uint64_t origins[4];
  int norigins;
  origins_of(d, die, origins, &norigins);
  const struct pm_instances *s = d->instances;
  pm_sbuf b = {0};
  pm_sb_putc(&b, '[');
  bool first = true;
  for (int k = 0; k < norigins; k++) {
    size_t lo = 0, hi = s->n; /* first instance of this origin */
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (s->v[mid].origin < origins[k]) lo = mid + 1;
      else hi = mid;
    }
    for (size_t i = lo; i < s->n && s->v[i].origin == origins[k]; i++) {
      pm_die inst;
      if ((rc = pm_die_at(d, s->v[i].die, &inst))) break;
      struct call_site cs = {0};
      pm_die_attrs(d, &inst, call_cb, &cs);
      pm_sb_printf(&b, "%s{\"die\":%llu,\"entry\":%llu,\"ranges\":[", first ? "" : ",", (unsigned long long)s->v[i].die,
                   (unsigned long long)s->v[i].entry);
      first = false;
      struct inl_ranges r = {&b, true};
      rc = pm_die_ranges(d, &inst, inst_range_cb, &r);
      if (rc) break;
      pm_sb_puts(&b, "],\"callFile\":");
      pm_sb_json_str(&b, pm_line_file(d, inst.unit, cs.file));
      pm_sb_printf(&b, ",\"callLine\":%llu,\"caller\":", (unsigned long long)cs.line);
      uint64_t fn, fnlow;
      pm_sb_json_str(&b, pmirror_debug_function_at(d, s->v[i].entry, &fn, &fnlow) == 0 ? pmirror_debug_die_name(d, fn) : NULL);
      pm_sb_putc(&b, '}');
    }
    if (rc) break;
  }
  pm_sb_putc(&b, ']');
  if (rc) {
    free(b.buf);
    return rc;
  }
  return pm_sb_finish(&b, json_ret);
}
