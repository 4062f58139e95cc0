/* libdl-ext: libraries as chains of generated, dlopen'ed objects; create, grow, destroy. */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "dlext_internal.h"

pthread_mutex_t dlext_lock = PTHREAD_MUTEX_INITIALIZER;

static struct dlext_lib *libs; /* every live library */

/* -- Configuration -- */

static const struct dlext_config defaults = {
  .symbols = 1u << 20, .strtab = 32u << 20, .text = 16u << 20, .data = 16u << 20, .flags = 0,
};

#define MAX_SYMBOLS ((size_t)1 << 24)
#define MAX_BYTES ((size_t)1 << 32)

static int config_fill(const struct dlext_config *in, struct dlext_config *out) {
  *out = defaults;
  if (!in) return 0;
  if (in->flags & ~(unsigned)(DLEXT_LOCAL | DLEXT_NOGDB | DLEXT_PERF))
    return dlext_fail(DLEXT_E_INVAL, "dlext_create: unknown flags 0x%x", in->flags);
  if (in->symbols > MAX_SYMBOLS || in->strtab > MAX_BYTES || in->text > MAX_BYTES || in->data > MAX_BYTES)
    return dlext_fail(DLEXT_E_INVAL, "dlext_create: configured size too large");
  if (in->symbols) out->symbols = in->symbols;
  if (in->strtab) out->strtab = in->strtab;
  if (in->text) out->text = in->text;
  if (in->data) out->data = in->data;
  out->flags = in->flags;
  return 0;
}

static bool name_ok(const char *name) {
  size_t n = 0;
  for (; name[n]; n++) {
    char c = name[n];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '+' || c == '-';
    if (!ok || n >= 64) return false;
  }
  return n > 0;
}

/* -- Objects -- */

/* The pid in a file name of ours, "dlext-<name>-<pid>-XXXXXX.so", or 0. */
static pid_t file_pid(const char *f) {
  size_t n = strlen(f);
  if (strncmp(f, "dlext-", 6) != 0 || n < 6 + 11 || strcmp(f + n - 3, ".so") != 0 || f[n - 10] != '-') return 0;
  size_t end = n - 10, start = end;
  while (start > 6 && f[start - 1] >= '0' && f[start - 1] <= '9') start--;
  if (start == end || f[start - 1] != '-') return 0;
  return (pid_t)strtol(f + start, NULL, 10);
}

/* Delete files our library left behind in dir when their process died without running its exit
 * handlers (killed by a signal): only our own name pattern, our uid, mode 0600, dead pid. */
static void sweep_stale(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  for (struct dirent *e; (e = readdir(d));) {
    pid_t pid = file_pid(e->d_name);
    if (pid <= 0 || pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH) continue;
    struct stat st;
    if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
        st.st_uid == getuid() && (st.st_mode & 0777) == 0600)
      unlinkat(dirfd(d), e->d_name, 0);
  }
  closedir(d);
}

/* $DLEXT_DIR if set; else /dev/shm when writable (memory-backed, what gdb and perf can open by
 * path); else $TMPDIR. */
static const char *file_dir(void) {
  const char *dir = getenv("DLEXT_DIR");
  if (dir && *dir) return dir;
  if (access("/dev/shm", W_OK | X_OK) == 0) return "/dev/shm";
  const char *t = getenv("TMPDIR");
  return t && *t ? t : "/tmp";
}

/* Create the private file and its shared read-write alias; the image is written through it. */
static int object_file(struct dlext_object *o, const char *name) {
  size_t len = strlen(file_dir()) + strlen(name) + 48;
  if (!(o->path = malloc(len))) return dlext_fail(DLEXT_E_NOMEM, "dlcreate");
  snprintf(o->path, len, "%s/dlext-%s-%d-XXXXXX.so", file_dir(), name, (int)getpid());
  int fd = mkostemps(o->path, 3, O_CLOEXEC); /* mode 0600, unpredictable name */
  if (fd < 0) {
    int e = errno;
    free(o->path);
    o->path = NULL;
    return dlext_fail(DLEXT_E_IO, "dlcreate: cannot create a file in %s (%s)", file_dir(), strerror(e));
  }
  int rc = 0;
  o->fd = open(o->path, O_RDONLY | O_CLOEXEC);
  if (o->fd < 0) rc = dlext_fail(DLEXT_E_IO, "dlcreate: cannot reopen %s (%s)", o->path, strerror(errno));
  else if (ftruncate(fd, (off_t)o->lay.file_size) != 0) {
    rc = dlext_fail(DLEXT_E_IO, "dlcreate: cannot size %s (%s)", o->path, strerror(errno));
  } else {
    o->alias = mmap(NULL, o->lay.file_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (o->alias == MAP_FAILED) {
      o->alias = NULL;
      rc = dlext_fail(DLEXT_E_NOMEM, "dlcreate: cannot map %s (%s)", o->path, strerror(errno));
    }
  }
  close(fd);
  return rc;
}

/* Empty the symbol tables and drop the code pages. glibc pins an object for good once
 * dlsym(RTLD_DEFAULT) from the executable resolved a symbol in it, and then dlclose leaves it
 * mapped: it must at least answer no lookups and hold no memory. */
static void object_empty(struct dlext_object *o) {
  memset(o->alias + o->lay.hash_off, 0, 4096 - o->lay.hash_off); /* nbucket, nchain, buckets... */
  size_t end = o->lay.text_off + o->lay.text_size;
  madvise(o->alias + 4096, end - 4096, MADV_REMOVE); /* zero pages from here on, memory freed */
}

static void object_free(struct dlext_object *o) {
  if (!o) return;
  if (o->jit)
    for (size_t i = 1; i < o->sym_high; i++)
      if (o->jit[i]) dlext_jit_unregister(o->jit[i]);
  if (o->dl && o->alias) object_empty(o);
  if (o->dl) dlclose(o->dl);
  if (o->alias) munmap(o->alias, o->lay.file_size);
  if (o->path) unlink(o->path);
  if (o->fd >= 0) close(o->fd);
  dlext_region_deinit(&o->text);
  dlext_region_deinit(&o->data);
  free(o->path);
  free(o->free_slots);
  free(o->jit);
  free(o->allocs);
  free(o);
}

/* Generate, write and dlopen one object sized by cfg. */
static int object_create(struct dlext_lib *lib, const struct dlext_config *cfg, struct dlext_object **obj_ret) {
  struct dlext_object *o = calloc(1, sizeof *o);
  if (!o) return dlext_fail(DLEXT_E_NOMEM, "dlcreate");
  o->lib = lib;
  o->fd = -1;
  dlext_layout_compute(cfg, &o->lay);
  int rc = object_file(o, lib->name);
  if (rc == 0 && !(o->jit = calloc(o->lay.nsym, sizeof *o->jit)))
    rc = dlext_fail(DLEXT_E_NOMEM, "dlcreate");
  if (rc == 0) {
    dlext_elf_write(&o->lay, o->alias);
    o->dl = dlopen(o->path, RTLD_NOW | ((cfg->flags & DLEXT_LOCAL) ? RTLD_LOCAL : RTLD_GLOBAL));
    if (!o->dl) rc = dlext_fail(DLEXT_E_DLOPEN, "dlcreate: %s", dlerror());
  }
  struct link_map *lm = NULL;
  if (rc == 0 && dlinfo(o->dl, RTLD_DI_LINKMAP, &lm) != 0)
    rc = dlext_fail(DLEXT_E_DLOPEN, "dlcreate: %s", dlerror());
  if (rc != 0) {
    object_free(o);
    return rc;
  }
  o->base = lm->l_addr;
  o->hash = (Elf64_Word *)(o->alias + o->lay.hash_off);
  o->syms = (Elf64_Sym *)(o->alias + o->lay.dynsym_off);
  o->strs = (char *)(o->alias + o->lay.dynstr_off);
  o->str_used = 1;
  o->sym_high = 1;
  dlext_region_init(&o->text, o->lay.text_off, o->lay.text_size);
  dlext_region_init(&o->data, o->lay.data_off + 4096, o->lay.data_size - 4096);
  *obj_ret = o;
  return 0;
}

/* -- Libraries -- */

struct dlext_lib *dlext_lib_find(void *handle) {
  if (!handle) return NULL;
  for (struct dlext_lib *l = libs; l; l = l->next)
    if (l->objects->dl == handle) return l;
  return NULL;
}

/* Chain a new object with room for at least the given text and data. */
int dlext_lib_grow(struct dlext_lib *lib, size_t text_need, size_t data_need, struct dlext_object **obj_ret) {
  struct dlext_config cfg = lib->cfg;
  if (text_need > cfg.text) cfg.text = text_need;
  if (data_need > cfg.data) cfg.data = data_need;
  struct dlext_object *o;
  int rc = object_create(lib, &cfg, &o);
  if (rc != 0) return rc;
  o->index = lib->nobjects++;
  lib->last->next = o;
  lib->last = o;
  *obj_ret = o;
  return 0;
}

/* The object whose mapping contains addr, or NULL. */
struct dlext_object *dlext_object_at(struct dlext_lib *lib, uintptr_t addr) {
  for (struct dlext_object *o = lib->objects; o; o = o->next)
    if (addr >= o->base && addr - o->base < o->lay.shstr_off) return o;
  return NULL;
}

int dlext_create(const char *name, const struct dlext_config *cfg, void **handle_ret) {
  if (!name || !name_ok(name))
    return dlext_fail(DLEXT_E_INVAL, "dlcreate: name must be 1-64 of [A-Za-z0-9_.+-]");
  if (!handle_ret) return dlext_fail(DLEXT_E_INVAL, "dlcreate: NULL handle_ret");
  struct dlext_lib *lib = calloc(1, sizeof *lib);
  if (!lib) return dlext_fail(DLEXT_E_NOMEM, "dlcreate");
  int rc = config_fill(cfg, &lib->cfg);
  strcpy(lib->name, name);
  pthread_mutex_lock(&dlext_lock);
  static bool swept;
  if (!swept) {
    sweep_stale(file_dir());
    swept = true;
  }
  if (rc == 0) rc = object_create(lib, &lib->cfg, &lib->objects);
  if (rc == 0) {
    lib->last = lib->objects;
    lib->nobjects = 1;
    lib->next = libs;
    libs = lib;
    *handle_ret = lib->objects->dl;
  }
  pthread_mutex_unlock(&dlext_lock);
  if (rc != 0) free(lib);
  return rc;
}

void *dlcreate(const char *name) {
  void *h;
  return dlext_create(name, NULL, &h) == 0 ? h : NULL;
}

int dldestroy(void *handle) {
  if (!handle) return 0;
  pthread_mutex_lock(&dlext_lock);
  struct dlext_lib **pp = &libs;
  while (*pp && (*pp)->objects->dl != handle) pp = &(*pp)->next;
  struct dlext_lib *lib = *pp;
  if (lib) *pp = lib->next;
  pthread_mutex_unlock(&dlext_lock);
  if (!lib) return dlext_fail(DLEXT_E_HANDLE, "dldestroy: %p", handle);
  /* Later objects first, so nothing still loaded refers to an earlier one. */
  while (lib->objects) {
    struct dlext_object *o = lib->objects, *prev = NULL;
    while (o->next) prev = o, o = o->next;
    if (prev) prev->next = NULL; else lib->objects = NULL;
    object_free(o);
  }
  free(lib);
  return 0;
}

int dlext_lookup(void *handle, const char *symbol, void **addr_ret) {
  if (!symbol || !*symbol || !addr_ret) return dlext_fail(DLEXT_E_INVAL, "dlext_lookup: NULL or empty argument");
  pthread_mutex_lock(&dlext_lock);
  struct dlext_lib *lib = dlext_lib_find(handle);
  int rc = lib ? 1 : dlext_fail(DLEXT_E_HANDLE, "dlext_lookup: %p", handle);
  Elf64_Word h = dlext_elf_hash(symbol);
  for (struct dlext_object *o = lib ? lib->objects : NULL; o && rc == 1; o = o->next) {
    size_t slot;
    if (dlext_sym_find(o, symbol, h, &slot) == 0) {
      *addr_ret = (void *)(o->base + o->syms[slot].st_value);
      rc = 0;
    }
  }
  pthread_mutex_unlock(&dlext_lock);
  return rc;
}

int dlext_object_count(void *handle) {
  pthread_mutex_lock(&dlext_lock);
  struct dlext_lib *lib = dlext_lib_find(handle);
  int n = lib ? lib->nobjects : dlext_fail(DLEXT_E_HANDLE, "dlext_object_count: %p", handle);
  pthread_mutex_unlock(&dlext_lock);
  return n;
}

const char *dlext_object_path(void *handle, int i) {
  pthread_mutex_lock(&dlext_lock);
  struct dlext_lib *lib = dlext_lib_find(handle);
  struct dlext_object *o = lib ? lib->objects : NULL;
  while (o && o->index != i) o = o->next;
  pthread_mutex_unlock(&dlext_lock);
  if (!o) dlext_fail(lib ? DLEXT_E_INVAL : DLEXT_E_HANDLE, "dlext_object_path: %p #%d", handle, i);
  return o ? o->path : NULL;
}

/* At exit (or when this core is unloaded) delete every generated file. */
__attribute__((destructor)) static void remove_files(void) {
  for (struct dlext_lib *l = libs; l; l = l->next)
    for (struct dlext_object *o = l->objects; o; o = o->next)
      if (o->path) unlink(o->path);
}
