/* Bind 10k generated functions and check them with the system's own dlsym, dladdr and
 * dl_iterate_phdr; then unbind, chain, destroy, and feed bad input. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "libdl-ext.h"
#include "wx.h"

#define N 10000

static int failures;
#define CHECK(cond, ...) do { if (!(cond)) { failures++; fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
  fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); if (failures > 20) exit(1); } } while (0)

static int seen_path(struct dl_phdr_info *info, size_t size, void *path) {
  (void)size;
  return info->dlpi_name && strcmp(info->dlpi_name, path) == 0;
}

/* Generate `mov eax, value; ret` at a fresh code allocation, through the writable alias. */
static void *gen_const(void *h, int value) {
  unsigned char *p = dlalloc(h, 16, DLEXT_ALLOC_CODE);
  if (!p) return NULL;
  unsigned char *w = dlext_writable(h, p);
  if (!w || w == p) return NULL;
  w[0] = 0xb8;
  memcpy(w + 1, &value, 4);
  w[5] = 0xc3;
  return p;
}

static void test_10k(void) {
  void *h = dlcreate("t10k");
  CHECK(h, "dlcreate: %s", dlext_dlerror());
  const char *path = dlext_object_path(h, 0);
  struct stat st;
  CHECK(path && stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "file mode %o", st.st_mode & 0777);
  char prefix[64];
  snprintf(prefix, sizeof prefix, "/dev/shm/dlext-t10k-%d-", (int)getpid());
  CHECK(strncmp(path, prefix, strlen(prefix)) == 0, "path %s", path);
  CHECK(dl_iterate_phdr(seen_path, (void *)path) == 1, "object not in dl_iterate_phdr");
  CHECK(wx_count() == 0 && !stack_exec(), "W^X after create");
  static void *addr[N];
  char name[32];
  for (int i = 0; i < N; i++) {
    addr[i] = gen_const(h, i * 7 + 1);
    snprintf(name, sizeof name, "fn_%d", i);
    CHECK(addr[i] && dlbind(h, name, addr[i], 6, DLEXT_KIND_FUNC) == 0, "bind %s: %s", name, dlext_dlerror());
    if (i == N / 2) CHECK(wx_count() == 0, "W^X during generation");
  }
  int maps = 0, execs = 0;
  CHECK(wx_file(path, &maps, &execs) == 0 && maps >= 3 && execs == 1, "maps %d exec %d", maps, execs);
  CHECK(wx_count() == 0, "W^X after generation");
  for (int i = 0; i < N; i++) {
    snprintf(name, sizeof name, "fn_%d", i);
    int (*f)(void) = (int (*)(void))dlsym(h, name);
    CHECK(f == addr[i], "dlsym(handle, %s) = %p, want %p", name, (void *)f, addr[i]);
    CHECK(dlsym(RTLD_DEFAULT, name) == addr[i], "dlsym(RTLD_DEFAULT, %s)", name);
    CHECK(f && f() == i * 7 + 1, "call %s", name);
    Dl_info info;
    CHECK(dladdr((char *)addr[i] + 3, &info) && info.dli_sname && strcmp(info.dli_sname, name) == 0 &&
          info.dli_saddr == addr[i] && strcmp(info.dli_fname, path) == 0, "dladdr %s -> %s", name, info.dli_sname);
  }
  /* Duplicates and bad input. */
  CHECK(dlbind(h, "fn_1", addr[2], 6, DLEXT_KIND_FUNC) == DLEXT_E_EXISTS, "duplicate accepted");
  const char *msg = dlext_dlerror();
  CHECK(msg && strstr(msg, "'fn_1'") && strstr(msg, "already bound"), "message %s", msg);
  CHECK(dlext_dlerror() == NULL, "dlerror not cleared");
  CHECK(dlbind(h, NULL, addr[0], 6, DLEXT_KIND_FUNC) == DLEXT_E_INVAL, "NULL name");
  CHECK(dlbind(h, "", addr[0], 6, DLEXT_KIND_FUNC) == DLEXT_E_INVAL, "empty name");
  CHECK(dlbind(h, "x", addr[0], 6, 7) == DLEXT_E_INVAL, "bad kind");
  CHECK(dlbind(h, "x", (void *)&failures, 4, DLEXT_KIND_OBJECT) == DLEXT_E_RANGE, "foreign address");
  CHECK(dlbind(h, "x", addr[0], 17, DLEXT_KIND_FUNC) == DLEXT_E_RANGE, "size past allocation");
  CHECK(dlbind((void *)&failures, "x", addr[0], 6, 2) == DLEXT_E_HANDLE, "unknown handle");
  CHECK(dlbind(NULL, "x", addr[0], 6, 2) == DLEXT_E_HANDLE, "NULL handle");
  CHECK(dlalloc(h, 0, DLEXT_ALLOC_CODE) == NULL, "zero size");
  CHECK(dlalloc(h, 16, 3) == NULL, "bad flags");
  CHECK(dlunbind(h, "no_such") == DLEXT_E_NOENT, "unbind unknown");
  CHECK(dlunbind(h, NULL) == DLEXT_E_INVAL, "unbind NULL");
  CHECK(dlfree(h, addr[3]) == DLEXT_E_BUSY, "free bound block");
  CHECK(dlfree(h, (char *)addr[3] + 1) == DLEXT_E_RANGE, "free interior");
  CHECK(dlcreate("") == NULL && dlcreate(NULL) == NULL && dlcreate("a/b") == NULL, "bad library names");
  CHECK(dldestroy((void *)&failures) == DLEXT_E_HANDLE, "destroy unknown");
  CHECK(dlext_writable(h, (void *)&failures) == NULL, "alias of foreign address");
  /* Data. */
  int *counter = dlalloc(h, sizeof(int), DLEXT_ALLOC_DATA);
  CHECK(counter && dlbind(h, "counter", counter, sizeof(int), DLEXT_KIND_OBJECT) == 0, "bind data");
  *counter = 41;
  int *seen = dlsym(RTLD_DEFAULT, "counter");
  CHECK(seen == counter && ++*seen == 42 && *counter == 42, "data symbol");
  /* Unbind the even ones: gone from dlsym and dladdr; freeing then works. */
  for (int i = 0; i < N; i += 2) {
    snprintf(name, sizeof name, "fn_%d", i);
    CHECK(dlunbind(h, name) == 0, "unbind %s", name);
  }
  for (int i = 0; i < N; i++) {
    snprintf(name, sizeof name, "fn_%d", i);
    void *p = dlsym(h, name);
    Dl_info info;
    int named = dladdr(addr[i], &info) && info.dli_sname && strcmp(info.dli_sname, name) == 0;
    if (i % 2 == 0) CHECK(!p && !dlsym(RTLD_DEFAULT, name) && !named, "%s still visible", name);
    else CHECK(p == addr[i] && named, "%s lost", name);
  }
  CHECK(dlfree(h, addr[0]) == 0, "free after unbind: %s", dlext_dlerror());
  void *again = gen_const(h, 99); /* reuses the freed block and a freed slot */
  CHECK(again == addr[0] && dlbind(h, "fn_0", again, 6, DLEXT_KIND_FUNC) == 0, "rebind");
  CHECK(((int (*)(void))dlsym(h, "fn_0"))() == 99, "rebound call");
  CHECK(wx_count() == 0, "W^X before destroy");
  char saved[256];
  snprintf(saved, sizeof saved, "%s", path);
  CHECK(dldestroy(h) == 0, "destroy");
  /* dlsym(RTLD_DEFAULT) from the executable made glibc pin this object (see README), so it may
   * stay in the link map: emptied, file deleted. */
  CHECK(access(saved, F_OK) != 0 && errno == ENOENT, "file not removed");
  CHECK(dlsym(RTLD_DEFAULT, "fn_1") == NULL, "symbol outlived destroy");
  Dl_info info;
  CHECK(!dladdr(addr[1], &info) || !info.dli_sname || strcmp(info.dli_sname, "fn_1") != 0, "dladdr after destroy");
  CHECK(wx_count() == 0, "W^X after destroy");
}

/* A library with room for 64 symbols must chain objects, invisibly to dlsym(RTLD_DEFAULT), dladdr
 * and dlext_lookup. */
static void test_chain(void) {
  struct dlext_config cfg = { .symbols = 64, .strtab = 1024, .text = 4096, .data = 4096 };
  void *h;
  CHECK(dlext_create("chain", &cfg, &h) == 0, "create: %s", dlext_dlerror());
  enum { M = 600 };
  static void *addr[M];
  char name[32];
  for (int i = 0; i < M; i++) {
    addr[i] = gen_const(h, i);
    snprintf(name, sizeof name, "chained_%d", i);
    CHECK(addr[i] && dlbind(h, name, addr[i], 6, DLEXT_KIND_FUNC) == 0, "bind %s: %s", name, dlext_dlerror());
  }
  int n = dlext_object_count(h);
  CHECK(n > 8, "only %d objects", n);
  CHECK(wx_count() == 0, "W^X with chained objects");
  for (int i = 0; i < M; i++) {
    snprintf(name, sizeof name, "chained_%d", i);
    void *p = NULL;
    CHECK(dlext_lookup(h, name, &p) == 0 && p == addr[i], "lookup %s", name);
    CHECK(dlsym(RTLD_DEFAULT, name) == addr[i], "dlsym %s", name);
    Dl_info info;
    CHECK(dladdr(addr[i], &info) && info.dli_sname && strcmp(info.dli_sname, name) == 0, "dladdr %s", name);
    CHECK(((int (*)(void))addr[i])() == i, "call %s", name);
  }
  CHECK(dlsym(h, "chained_0") == addr[0], "dlsym(handle) on the first object");
  CHECK(dlext_lookup(h, "nothing", &addr[0]) == 1, "lookup miss");
  char paths[64][256];
  for (int i = 0; i < n && i < 64; i++) snprintf(paths[i], sizeof paths[i], "%s", dlext_object_path(h, i));
  CHECK(dldestroy(h) == 0, "destroy");
  for (int i = 0; i < n && i < 64; i++) CHECK(access(paths[i], F_OK) != 0, "object %d left", i);
  CHECK(dlsym(RTLD_DEFAULT, "chained_599") == NULL, "chained symbol outlived destroy");
}

/* Without dlsym(RTLD_DEFAULT) from the executable nothing pins the objects: destroy unloads them
 * all (gone from dl_iterate_phdr), chained ones included. */
static void test_unload(void) {
  struct dlext_config cfg = { .symbols = 8, .strtab = 256, .text = 4096, .data = 4096 };
  void *h;
  CHECK(dlext_create("unload", &cfg, &h) == 0, "create");
  char name[32];
  for (int i = 0; i < 40; i++) {
    snprintf(name, sizeof name, "u_%d", i);
    void *p = gen_const(h, i);
    CHECK(p && dlbind(h, name, p, 6, DLEXT_KIND_FUNC) == 0, "bind %s", name);
    void *q = NULL;
    Dl_info info;
    CHECK(dlext_lookup(h, name, &q) == 0 && q == p && dladdr(p, &info) && strcmp(info.dli_sname, name) == 0, "%s", name);
  }
  CHECK(dlsym(h, "u_0") != NULL, "dlsym(handle)");
  int n = dlext_object_count(h);
  CHECK(n > 2, "chained %d", n);
  char paths[64][256];
  for (int i = 0; i < n && i < 64; i++) {
    snprintf(paths[i], sizeof paths[i], "%s", dlext_object_path(h, i));
    CHECK(dl_iterate_phdr(seen_path, paths[i]) == 1, "object %d not loaded", i);
  }
  CHECK(dldestroy(h) == 0, "destroy");
  for (int i = 0; i < n && i < 64; i++)
    CHECK(dl_iterate_phdr(seen_path, paths[i]) == 0 && access(paths[i], F_OK) != 0, "object %d left", i);
}

/* A local library is invisible to dlsym(RTLD_DEFAULT) but not to dlsym(handle). */
static void test_local(void) {
  struct dlext_config cfg = { .flags = DLEXT_LOCAL, .symbols = 16 };
  void *h;
  CHECK(dlext_create("local", &cfg, &h) == 0, "create");
  void *p = gen_const(h, 5);
  CHECK(dlbind(h, "local_fn", p, 6, DLEXT_KIND_FUNC) == 0, "bind");
  CHECK(dlsym(h, "local_fn") == p && dlsym(RTLD_DEFAULT, "local_fn") == NULL, "local visibility");
  CHECK(dldestroy(h) == 0 && dldestroy(NULL) == 0, "destroy");
}

int main(void) {
  test_10k();
  test_chain();
  test_local();
  test_unload();
  if (failures) return 1;
  printf("ok\n");
  return 0;
}
