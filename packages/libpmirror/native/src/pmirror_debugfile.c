/* libpmirror: finding the separate debug file (by build-id, then by .gnu_debuglink). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "pmirror_internal.h"

static bool readable(const char *p) { return access(p, R_OK) == 0; }

/* The CRC-32 of a file, as .gnu_debuglink records it; false when it cannot be read. */
static bool file_crc(const char *path, uint32_t *crc) {
  FILE *f = fopen(path, "rb");
  if (!f) return false;
  uLong c = crc32(0, NULL, 0);
  unsigned char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) c = crc32(c, buf, (uInt)n);
  fclose(f);
  *crc = (uint32_t)c;
  return true;
}

static int found(const char *p, char **path_ret) {
  *path_ret = strdup(p);
  return *path_ret ? 0 : pm_fail(PMIRROR_E_NOMEM, "debug file path");
}

int pm_find_debug_file(pmirror_elf *elf, const char *debug_dir, char **path_ret) {
  char p[4096];
  const char *bid = elf->build_id;
  const char *roots[2] = {debug_dir, "/usr/lib/debug"};
  if (strlen(bid) > 2) {
    for (int i = 0; i < 2; i++) {
      if (!roots[i]) continue;
      int n = snprintf(p, sizeof p, "%s/.build-id/%.2s/%s.debug", roots[i], bid, bid + 2);
      if (n > 0 && (size_t)n < sizeof p && readable(p)) return found(p, path_ret);
    }
  }
  if (!elf->debuglink || strchr(elf->debuglink, '/')) return PMIRROR_E_NOTFOUND;
  char dir[4096];
  char *real = realpath(elf->path, NULL);
  if ((size_t)snprintf(dir, sizeof dir, "%s", real ? real : elf->path) >= sizeof dir) dir[0] = 0;
  free(real);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = 0;
  else snprintf(dir, sizeof dir, ".");
  for (int i = 0; i < 4; i++) {
    int n;
    if (i == 0) n = snprintf(p, sizeof p, "%s/%s", dir, elf->debuglink);
    else if (i == 1) n = snprintf(p, sizeof p, "%s/.debug/%s", dir, elf->debuglink);
    else if (!roots[i - 2]) continue;
    else n = snprintf(p, sizeof p, "%s%s/%s", roots[i - 2], dir, elf->debuglink);
    uint32_t crc;
    if (n < 0 || (size_t)n >= sizeof p || strcmp(p, elf->path) == 0 || !readable(p)) continue;
    if (file_crc(p, &crc) && crc == elf->debuglink_crc) return found(p, path_ret);
  }
  return PMIRROR_E_NOTFOUND;
}
