/* Corrupt-input driver: mutates an ELF file many ways and runs every query on each; must never crash.
 * usage: fuzz <elf> <iterations> <seed> [lo hi]...   (lo/hi: byte ranges to aim mutations at)
 *        fuzz --threads <elf>                        (concurrent queries on one object)
 *        fuzz --once <elf>                           (every query once over an intact object) */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libpmirror.h"

static __thread uint64_t rng = 88172645463325252ull;
static uint64_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

/* Runs every query the library offers over one opened object. */
static void exercise(pmirror_debug *d) {
  char *json = NULL;
  uint64_t lows[512];
  size_t nlows = 0;
  if (pmirror_debug_info(d, &json) == 0) pmirror_free(json);
  static const int kinds[] = {PMIRROR_KIND_TYPE, PMIRROR_KIND_FUNCTION, PMIRROR_KIND_VARIABLE, PMIRROR_KIND_ENUMERATOR,
                              PMIRROR_KIND_MACRO};
  for (int k = 0; k < 5; k++) {
    if (pmirror_debug_list(d, kinds[k], &json) != 0) continue;
    for (char *p = json; kinds[k] == PMIRROR_KIND_FUNCTION && nlows < 512 && (p = strstr(p, "\"low\":")) != NULL; p += 6)
      if ((lows[nlows] = strtoull(p + 6, NULL, 10)) != 0) nlows++; /* addresses inside real functions */
    /* Each listed name: look it up and describe it. */
    for (char *p = json; (p = strstr(p, "\"name\":\"")) != NULL;) {
      p += 8;
      char *end = strchr(p, '"');
      if (!end) break;
      char name[256];
      size_t n = (size_t)(end - p) < sizeof name - 1 ? (size_t)(end - p) : sizeof name - 1;
      memcpy(name, p, n);
      name[n] = 0;
      uint64_t die;
      char *desc;
      const char *def, *file;
      unsigned line;
      uint64_t enum_die;
      int64_t value;
      if (kinds[k] == PMIRROR_KIND_MACRO) pmirror_debug_macro(d, name, &def, &file, &line);
      else if (kinds[k] == PMIRROR_KIND_ENUMERATOR && pmirror_debug_enumerator(d, name, &enum_die, &value) == 0 &&
               pmirror_debug_describe(d, enum_die, &desc) == 0) pmirror_free(desc);
      else if (pmirror_debug_lookup(d, kinds[k], name, &die) == 0 && pmirror_debug_describe(d, die, &desc) == 0) {
        pmirror_free(desc);
        if (kinds[k] == PMIRROR_KIND_FUNCTION && pmirror_debug_inlined_instances(d, die, &desc) == 0) pmirror_free(desc);
      }
      p = end;
    }
    pmirror_free(json);
  }
  for (int i = 0; i < 256; i++) {
    uint64_t addr = nlows && (i & 1) ? lows[next_rand() % nlows] + next_rand() % 64 : 0x1000 + next_rand() % 0x1000, die, low;
    const char *file;
    unsigned line, col;
    pmirror_debug_line_at(d, addr, &file, &line, &col);
    if (pmirror_debug_function_at(d, addr, &die, &low) == 0) pmirror_debug_die_name(d, die);
    char *scope;
    if (pmirror_debug_scope_at(d, addr, &scope) == 0) pmirror_free(scope);
    char small[16], big[4096];
    size_t len;
    pmirror_debug_address(d, addr, small, sizeof small, &len); /* usually too small: must not overflow */
    pmirror_debug_address(d, addr, big, sizeof big, &len);
    if (i < 8 && pmirror_debug_line_addresses(d, "shapes.c", 30 + (unsigned)i * 4, &scope) == 0) pmirror_free(scope);
    char *locals;
    if (pmirror_debug_locals(d, addr, &locals) == 0) { /* evaluate every local's location */
      pmirror_regs regs = {.valid = 0x1ffff, .has_cfa = 1, .cfa = 0x7ffff000};
      for (int r = 0; r < 17; r++) regs.r[r] = next_rand();
      for (char *p = locals; (p = strstr(p, "\"die\":")) != NULL; p += 6) {
        char *loc;
        if (pmirror_debug_location(d, strtoull(p + 6, NULL, 10), addr, (i & 1) ? &regs : NULL, &loc) == 0) pmirror_free(loc);
      }
      pmirror_free(locals);
    }
    const char *sym;
    uint64_t off;
    pmirror_elf_symbol_at(pmirror_debug_elf(d), addr, &sym, &off);
  }
}

static void *thread_main(void *arg) {
  exercise(arg);
  return NULL;
}

static int threads(const char *path) {
  pmirror_debug *d;
  if (pmirror_debug_open(path, NULL, &d) != 0) return 1;
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, thread_main, d);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  pmirror_debug_destroy(d);
  puts("threads ok");
  return 0;
}

static uint8_t *slurp(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *b = malloc((size_t)n);
  if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
    free(b);
    b = NULL;
  }
  fclose(f);
  *size = (size_t)n;
  return b;
}

/* Runs every query once over an intact object (the "parse everything" smoke run). */
static int once(const char *path) {
  pmirror_debug *d;
  if (pmirror_debug_open(path, NULL, &d) != 0) return fprintf(stderr, "%s\n", pmirror_last_error()), 1;
  exercise(d);
  pmirror_debug_destroy(d);
  puts("once ok");
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 3 && strcmp(argv[1], "--threads") == 0) return threads(argv[2]);
  if (argc >= 3 && strcmp(argv[1], "--once") == 0) return once(argv[2]);
  if (argc < 4) return 2;
  size_t size;
  uint8_t *orig = slurp(argv[1], &size);
  if (!orig || size < 64) return 2;
  int iterations = atoi(argv[2]);
  rng = strtoull(argv[3], NULL, 10) | 1;
  size_t nranges = (size_t)(argc - 4) / 2;
  uint8_t *buf = malloc(size);
  int opened = 0, errors = 0;
  for (int it = 0; it < iterations; it++) {
    memcpy(buf, orig, size);
    size_t len = size, lo = 0, hi = size;
    if (nranges) { /* aim at one of the given ranges (the DWARF sections) */
      size_t r = next_rand() % nranges;
      lo = strtoull(argv[4 + 2 * r], NULL, 10);
      hi = strtoull(argv[5 + 2 * r], NULL, 10);
      if (hi > size || lo >= hi) { lo = 0; hi = size; }
    }
    switch (it % 4) {
    case 0: len = lo + next_rand() % (hi - lo); break;                /* truncated */
    case 1: for (int k = 0; k < 1 + (int)(next_rand() % 8); k++) {  /* bit flips */
        size_t at = lo + next_rand() % (hi - lo);
        buf[at] ^= (uint8_t)(1u << (next_rand() % 8));
      }
      break;
    case 2: { /* a run of garbage */
      size_t at = lo + next_rand() % (hi - lo), n = 1 + next_rand() % 64;
      for (size_t k = 0; k < n && at + k < size; k++) buf[at + k] = (uint8_t)next_rand();
      break;
    }
    case 3: /* a byte set to an extreme value */
      buf[lo + next_rand() % (hi - lo)] = (next_rand() & 1) ? 0xff : 0x80;
      break;
    }
    char path[] = "/tmp/pmirror-fuzz-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 3;
    if (write(fd, buf, len) != (ssize_t)len) return 3;
    close(fd);
    pmirror_debug *d;
    int rc = pmirror_debug_open(path, NULL, &d);
    unlink(path);
    if (rc == 0) {
      opened++;
      exercise(d);
      pmirror_debug_destroy(d);
    } else {
      errors++;
      if (rc >= 0 || strlen(pmirror_last_error()) == 0) return 4; /* every failure has a code and a message */
    }
  }
  printf("%d opened %d refused\n", opened, errors);
  free(buf);
  free(orig);
  return 0;
}
