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

static void emit_inlined(pmirror_debug *d, const pm_die *die, pm_sbuf *b, bool *first) {
  struct call_site cs = {0};
  pm_die_attrs(d, die, call_cb, &cs);
  pm_sb_printf(b, "%s{\"die\":%llu,\"name\":", *first ? "" : ",", (unsigned long long)die->offset);
  *first = false;
  pm_sb_json_str(b, pmirror_debug_die_name(d, die->offset));
  pm_sb_puts(b, ",\"callFile\":");
  pm_sb_json_str(b, pm_line_file(d, die->unit, cs.file));
  pm_sb_printf(b, ",\"callLine\":%llu,\"callColumn\":%llu}", (unsigned long long)cs.line, (unsigned long long)cs.column);
}

/* Descends into the blocks and inlined calls under `parent` that contain addr. */
static int walk(pmirror_debug *d, const pm_die *parent, uint64_t addr, pm_sbuf *b, bool *first, int depth) {
  if (depth > 64) return 0; /* real code nests far less; corrupt data must not exhaust the stack */
  pm_die c;
  int rc = pm_die_child(d, parent, &c);
  for (int n = 0; rc == 0 && n < 1000000; n++) {
    uint16_t tag = c.abbrev->tag;
    if (tag == DW_TAG_inlined_subroutine || tag == DW_TAG_lexical_block) {
      struct contains k = {addr, false, false};
      if ((rc = pm_die_ranges(d, &c, contains_cb, &k))) return rc;
      if (k.hit || (!k.any && tag == DW_TAG_lexical_block)) {
        if (tag == DW_TAG_inlined_subroutine) emit_inlined(d, &c, b, first);
        if ((rc = walk(d, &c, addr, b, first, depth + 1))) return rc;
        if (k.hit) return 0; /* sibling ranges do not overlap: this was the path */
      }
    }
    pm_die nx;
    rc = pm_die_sibling(d, &c, &nx);
    c = nx;
  }
  return rc == PMIRROR_E_NOTFOUND ? 0 : rc;
}

int pmirror_debug_scope_at(pmirror_debug *d, uint64_t addr, char **json_ret) {
  if (!d || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_scope_at: NULL argument");
  uint64_t off, low;
  int rc = pmirror_debug_function_at(d, addr, &off, &low);
  if (rc) return rc;
  pm_die fn;
  if ((rc = pm_die_at(d, off, &fn))) return rc;
  pm_sbuf b = {0};
  pm_sb_printf(&b, "{\"function\":{\"die\":%llu,\"name\":", (unsigned long long)off);
  pm_sb_json_str(&b, pmirror_debug_die_name(d, off));
  pm_sb_printf(&b, ",\"low\":%llu},\"inlined\":[", (unsigned long long)low);
  bool first = true;
  rc = walk(d, &fn, addr, &b, &first, 0);
  pm_sb_puts(&b, "]}");
  if (rc) {
    free(b.buf);
    return rc;
  }
  return pm_sb_finish(&b, json_ret);
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
