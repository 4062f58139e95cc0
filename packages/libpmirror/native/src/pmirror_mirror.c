/* libpmirror: the process mirror: loaded objects (dl_iterate_phdr) and address queries. */
#define _GNU_SOURCE
#include <elf.h>
#include <link.h>
#include <stdlib.h>
#include <unistd.h>

#include "pmirror_internal.h"

typedef struct {
  char *name, *path;
  uint64_t bias;
  uint64_t lo[16], hi[16]; /* PT_LOAD ranges in memory */
  int nload;
  pmirror_elf *elf;     /* opened on first query; NULL if it cannot be */
  pmirror_debug *debug; /* likewise, when it has DWARF */
  bool tried;
} pm_object;

struct pmirror_mirror {
  pthread_mutex_t lock;
  pm_object *objs;
  size_t n;
  unsigned long long adds, subs;
};

static void free_object(pm_object *o) {
  pmirror_debug_destroy(o->debug);
  pmirror_elf_destroy(o->elf);
  free(o->name);
  free(o->path);
}

struct collect { pm_object *objs; size_t n, cap; bool oom; unsigned long long adds, subs; };

static int collect_cb(struct dl_phdr_info *info, size_t size, void *ctx) {
  struct collect *c = ctx;
  (void)size;
  c->adds = info->dlpi_adds;
  c->subs = info->dlpi_subs;
  if (c->n == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 32;
    pm_object *no = realloc(c->objs, nc * sizeof *no);
    if (!no) { c->oom = true; return 1; }
    c->objs = no;
    c->cap = nc;
  }
  pm_object *o = &c->objs[c->n];
  memset(o, 0, sizeof *o);
  const char *name = info->dlpi_name ? info->dlpi_name : "";
  o->name = strdup(name);
  if (!name[0]) {
    char exe[4096];
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[k > 0 ? k : 0] = 0;
    o->path = strdup(exe);
  } else {
    o->path = strdup(name);
  }
  if (!o->name || !o->path) { free(o->name); free(o->path); c->oom = true; return 1; }
  o->bias = info->dlpi_addr;
  for (int i = 0; i < info->dlpi_phnum && o->nload < 16; i++) {
    const ElfW(Phdr) *p = &info->dlpi_phdr[i];
    if (p->p_type != PT_LOAD) continue;
    o->lo[o->nload] = info->dlpi_addr + p->p_vaddr;
    o->hi[o->nload] = info->dlpi_addr + p->p_vaddr + p->p_memsz;
    o->nload++;
  }
  c->n++;
  return 0;
}

static int reload(pmirror_mirror *m) {
  struct collect c = {0};
  dl_iterate_phdr(collect_cb, &c);
  if (c.oom) {
    for (size_t i = 0; i < c.n; i++) free_object(&c.objs[i]);
    free(c.objs);
    return pm_fail(PMIRROR_E_NOMEM, "loaded objects");
  }
  /* Keep opened files of objects that stay loaded at the same place. */
  for (size_t i = 0; i < c.n; i++)
    for (size_t j = 0; j < m->n; j++)
      if (m->objs[j].tried && m->objs[j].bias == c.objs[i].bias && strcmp(m->objs[j].path, c.objs[i].path) == 0) {
        c.objs[i].elf = m->objs[j].elf;
        c.objs[i].debug = m->objs[j].debug;
        c.objs[i].tried = true;
        m->objs[j].elf = NULL;
        m->objs[j].debug = NULL;
        m->objs[j].tried = false;
      }
  for (size_t j = 0; j < m->n; j++) free_object(&m->objs[j]);
  free(m->objs);
  m->objs = c.objs;
  m->n = c.n;
  m->adds = c.adds;
  m->subs = c.subs;
  return 0;
}

static int counters_cb(struct dl_phdr_info *info, size_t size, void *ctx) {
  (void)size;
  unsigned long long *ad = ctx;
  ad[0] = info->dlpi_adds;
  ad[1] = info->dlpi_subs;
  return 1; /* the counters are the same in every entry */
}

static int refresh_locked(pmirror_mirror *m, int *changed) {
  unsigned long long ad[2] = {0, 0};
  dl_iterate_phdr(counters_cb, ad);
  bool ch = ad[0] != m->adds || ad[1] != m->subs || !m->objs;
  if (changed) *changed = ch;
  return ch ? reload(m) : 0;
}

int pmirror_mirror_create(pmirror_mirror **mirror_ret) {
  if (!mirror_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_mirror_create: NULL argument");
  pmirror_mirror *m = calloc(1, sizeof *m);
  if (!m) return pm_fail(PMIRROR_E_NOMEM, "mirror");
  pthread_mutex_init(&m->lock, NULL);
  int rc = reload(m);
  if (rc) {
    pmirror_mirror_destroy(m);
    return rc;
  }
  *mirror_ret = m;
  return 0;
}

void pmirror_mirror_destroy(pmirror_mirror *m) {
  if (!m) return;
  for (size_t i = 0; i < m->n; i++) free_object(&m->objs[i]);
  free(m->objs);
  pthread_mutex_destroy(&m->lock);
  free(m);
}

int pmirror_mirror_refresh(pmirror_mirror *m, int *changed_ret) {
  if (!m) return pm_fail(PMIRROR_E_INVAL, "pmirror_mirror_refresh: NULL argument");
  pthread_mutex_lock(&m->lock);
  int rc = refresh_locked(m, changed_ret);
  pthread_mutex_unlock(&m->lock);
  return rc;
}

int pmirror_mirror_objects(pmirror_mirror *m, char **json_ret) {
  if (!m || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_mirror_objects: NULL argument");
  pthread_mutex_lock(&m->lock);
  int rc = refresh_locked(m, NULL);
  pm_sbuf b = {0};
  pm_sb_putc(&b, '[');
  for (size_t i = 0; !rc && i < m->n; i++) {
    const pm_object *o = &m->objs[i];
    pm_sb_puts(&b, i ? ",{\"name\":" : "{\"name\":");
    pm_sb_json_str(&b, o->name);
    pm_sb_puts(&b, ",\"path\":");
    pm_sb_json_str(&b, o->path);
    pm_sb_printf(&b, ",\"bias\":%llu,\"segments\":[", (unsigned long long)o->bias);
    for (int k = 0; k < o->nload; k++)
      pm_sb_printf(&b, "%s[%llu,%llu]", k ? "," : "", (unsigned long long)o->lo[k], (unsigned long long)o->hi[k]);
    pm_sb_puts(&b, "]}");
  }
  pm_sb_putc(&b, ']');
  pthread_mutex_unlock(&m->lock);
  if (rc) {
    free(b.buf);
    return rc;
  }
  return pm_sb_finish(&b, json_ret);
}

int pmirror_mirror_forget(pmirror_mirror *m, const char *path) {
  if (!m || !path) return pm_fail(PMIRROR_E_INVAL, "pmirror_mirror_forget: NULL argument");
  pthread_mutex_lock(&m->lock);
  int rc = PMIRROR_E_NOTFOUND;
  for (size_t i = 0; i < m->n; i++) {
    pm_object *o = &m->objs[i];
    if (strcmp(o->path, path) != 0) continue;
    pmirror_debug_destroy(o->debug);
    pmirror_elf_destroy(o->elf);
    o->debug = NULL;
    o->elf = NULL;
    o->tried = false;
    rc = 0;
  }
  pthread_mutex_unlock(&m->lock);
  return rc;
}

static pm_object *object_at(pmirror_mirror *m, uint64_t addr) {
  for (size_t i = 0; i < m->n; i++)
    for (int k = 0; k < m->objs[i].nload; k++)
      if (addr >= m->objs[i].lo[k] && addr < m->objs[i].hi[k]) return &m->objs[i];
  return NULL;
}

static void open_object(pm_object *o) {
  if (o->tried) return;
  o->tried = true;
  if (o->path[0] != '/' && access(o->path, R_OK) != 0) return; /* e.g. linux-vdso.so.1 */
  if (pmirror_elf_open(o->path, &o->elf)) o->elf = NULL;
  if (pmirror_debug_open(o->path, NULL, &o->debug)) o->debug = NULL;
}

int pmirror_mirror_query(pmirror_mirror *m, uint64_t addr, char **json_ret) {
  if (!m || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_mirror_query: NULL argument");
  pthread_mutex_lock(&m->lock);
  int rc = refresh_locked(m, NULL);
  pm_object *o = rc ? NULL : object_at(m, addr);
  if (!o) {
    pthread_mutex_unlock(&m->lock);
    return rc ? rc : PMIRROR_E_NOTFOUND;
  }
  open_object(o);
  uint64_t faddr = addr - o->bias; /* the address as the file sees it */
  pm_sbuf b = {0};
  pm_sb_puts(&b, "{\"object\":");
  pm_sb_json_str(&b, o->name);
  pm_sb_puts(&b, ",\"path\":");
  pm_sb_json_str(&b, o->path);
  pm_sb_printf(&b, ",\"bias\":%llu,\"fileAddress\":%llu", (unsigned long long)o->bias, (unsigned long long)faddr);
  const char *sym;
  uint64_t off;
  if ((o->elf && pmirror_elf_symbol_at(o->elf, faddr, &sym, &off) == 0) ||
      (o->debug && pmirror_elf_symbol_at(o->debug->delf, faddr, &sym, &off) == 0)) {
    pm_sb_puts(&b, ",\"symbol\":");
    pm_sb_json_str(&b, sym);
    pm_sb_printf(&b, ",\"offset\":%llu", (unsigned long long)off);
  }
  uint64_t die, low;
  if (o->debug && pmirror_debug_function_at(o->debug, faddr, &die, &low) == 0) {
    pm_sb_puts(&b, ",\"function\":");
    pm_sb_json_str(&b, pmirror_debug_die_name(o->debug, die));
    pm_sb_printf(&b, ",\"functionDie\":%llu", (unsigned long long)die);
    char *scope;
    if (pmirror_debug_scope_at(o->debug, faddr, &scope) == 0) { /* {"function":...,"inlined":[...]} */
      pm_sb_puts(&b, ",\"scope\":");
      pm_sb_puts(&b, scope);
      free(scope);
    }
  }
  if (o->debug && pmirror_debug_variable_at(o->debug, faddr, &die, &low) == 0) {
    pm_sb_puts(&b, ",\"variable\":");
    pm_sb_json_str(&b, pmirror_debug_die_name(o->debug, die));
    pm_sb_printf(&b, ",\"variableOffset\":%llu", (unsigned long long)(faddr - low));
  }
  const char *file;
  unsigned line, col;
  if (o->debug && pmirror_debug_line_at(o->debug, faddr, &file, &line, &col) == 0) {
    pm_sb_puts(&b, ",\"file\":");
    pm_sb_json_str(&b, file);
    pm_sb_printf(&b, ",\"line\":%u,\"column\":%u", line, col);
  }
  pm_sb_putc(&b, '}');
  pthread_mutex_unlock(&m->lock);
  return pm_sb_finish(&b, json_ret);
}
