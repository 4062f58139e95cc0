/* Entry points for System V signatures of every kind: each forwards its arguments unchanged to a
 * C target, and the result (and every argument the target saw) must equal a direct call's. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include "libdl-ext.h"

static int failures;
static double seen; /* a checksum of the arguments as the target received them */
#define CHECK(cond, ...) do { if (!(cond)) { failures++; fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
  fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

struct sf { int i; float f; };          /* one INTEGER eightbyte */
struct dd { double a, b; };             /* two SSE eightbytes */
struct big { long a, b, c; };           /* MEMORY class */
struct dl { double d; long l; };        /* SSE + INTEGER */
struct ff { float a, b; };              /* one SSE eightbyte */
struct nest { char c; struct { short s; int i; } in; double d; }; /* nested, 24 bytes: MEMORY */
struct fff { float a; struct { float b, c; } in; };              /* nested, 12 bytes: SSE + SSE */

__attribute__((noinline)) static int t_ii(int a, int b) { seen = a * 3 + b; return a - b; }
__attribute__((noinline)) static long t_l8(long a, long b, long c, long d, long e, long f, long g, long h) {
  seen = a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h; return a * h - g; }
__attribute__((noinline)) static double t_d10(double a, double b, double c, double d, double e, double f,
  double g, double h, double i, double j) { seen = a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j; return j / a; }
__attribute__((noinline)) static float t_mixed(float a, int b, double c, float d, int e) { seen = a + b * 10 + c * 100 + d * 1000 + e; return a * d; }
__attribute__((noinline)) static struct sf t_structs(struct sf a, struct dd b, int c) {
  seen = a.i + a.f * 10 + b.a * 100 + b.b * 1000 + c; return (struct sf){ a.i + c, a.f * 2 }; }
__attribute__((noinline)) static struct big t_big(struct big a, int k) { seen = a.a + a.b * 2 + a.c * 3 + k; return (struct big){ a.c, a.b, a.a + k }; }
__attribute__((noinline)) static void t_void(int *p) { *p += 5; seen = *p; }
__attribute__((noinline)) static struct dl t_exhaust(long a, long b, long c, long d, long e, long f, struct dl s) {
  seen = a + b + c + d + e + f + s.d * 100 + s.l * 1000; return (struct dl){ s.d + 1, s.l + a }; }
__attribute__((noinline)) static char t_small(signed char a, unsigned char b, short c, unsigned short d) {
  seen = a + b * 1000.0 + c * 1e6 + d * 1e9; return (char)(a + b); }
__attribute__((noinline)) static struct ff t_floats(float a, float b, float c, float d, float e, float f, float g,
  float h, struct ff s) { seen = a + b + c + d + e + f + g + h + s.a * 100 + s.b * 1000; return (struct ff){ s.b, s.a + h }; }
__attribute__((noinline)) static double t_nest(struct nest n, unsigned long u) { seen = n.c + n.in.s * 10 + n.in.i * 100 + n.d * 1000 + (double)u; return n.d * n.in.i; }

__attribute__((noinline)) static double t_fff(struct fff s, int k) { seen = s.a + s.in.b * 10 + s.in.c * 100 + k; return s.in.c - s.a; }

/* Make an entry point named after the signature's test, or fail. */
static void *entry(void *h, const char *name, const char *sig, void *target) {
  void *e = NULL;
  static unsigned line;
  struct dlext_entry_info info = { .file = "abi.py", .line = ++line }; /* parameters a0, a1, ... for gdb */
  CHECK(dlext_entry_point(h, name, sig, target, &info, &e) == 0, "%s %s: %s", name, sig, dlext_dlerror());
  CHECK(dlsym(h, name) == e, "dlsym %s", name);
  return e;
}

#define SAME(direct, via, eq) do { seen = -1; __typeof__(direct) r1 = direct; double s1 = seen; seen = -2; \
  __typeof__(direct) r2 = via; CHECK(s1 == seen && (eq), "%s: seen %g vs %g", #via, s1, seen); (void)r1; (void)r2; } while (0)

int main(void) {
  void *h = dlcreate("abi");
  int (*e_ii)(int, int) = entry(h, "e_ii", "i(ii)", (void *)t_ii);
  SAME(t_ii(7, -3), e_ii(7, -3), r1 == r2);
  long (*e_l8)(long, long, long, long, long, long, long, long) = entry(h, "e_l8", "l(llllllll)", (void *)t_l8);
  SAME(t_l8(1, 2, 3, 4, 5, 6, 7, 1L << 40), e_l8(1, 2, 3, 4, 5, 6, 7, 1L << 40), r1 == r2);
  double (*e_d10)(double, double, double, double, double, double, double, double, double, double) =
    entry(h, "e_d10", "d(dddddddddd)", (void *)t_d10);
  SAME(t_d10(1.5, 2, 3, 4, 5, 6, 7, 8, 9.25, 10.5), e_d10(1.5, 2, 3, 4, 5, 6, 7, 8, 9.25, 10.5), r1 == r2);
  float (*e_mixed)(float, int, double, float, int) = entry(h, "e_mixed", "f(fidfi)", (void *)t_mixed);
  SAME(t_mixed(1.5f, 2, 3.25, 4.5f, 5), e_mixed(1.5f, 2, 3.25, 4.5f, 5), r1 == r2);
  struct sf (*e_structs)(struct sf, struct dd, int) = entry(h, "e_structs", "{if}({if}{dd}i)", (void *)t_structs);
  SAME(t_structs((struct sf){ 3, 1.5f }, (struct dd){ 2.5, 7.75 }, 9), e_structs((struct sf){ 3, 1.5f }, (struct dd){ 2.5, 7.75 }, 9),
       r1.i == r2.i && r1.f == r2.f);
  struct big (*e_big)(struct big, int) = entry(h, "e_big", "{lll}({lll}i)", (void *)t_big);
  SAME(t_big((struct big){ 1, 2, 3 }, 4), e_big((struct big){ 1, 2, 3 }, 4), r1.a == r2.a && r1.b == r2.b && r1.c == r2.c);
  void (*e_void)(int *) = entry(h, "e_void", "v(p)", (void *)t_void);
  int x = 1, y = 1;
  t_void(&x);
  double sx = seen;
  e_void(&y);
  CHECK(x == y && sx == seen, "void");
  struct dl (*e_exhaust)(long, long, long, long, long, long, struct dl) = entry(h, "e_exhaust", "{dl}(llllll{dl})", (void *)t_exhaust);
  SAME(t_exhaust(1, 2, 3, 4, 5, 6, (struct dl){ 0.5, 9 }), e_exhaust(1, 2, 3, 4, 5, 6, (struct dl){ 0.5, 9 }), r1.d == r2.d && r1.l == r2.l);
  char (*e_small)(signed char, unsigned char, short, unsigned short) = entry(h, "e_small", "c(cCsS)", (void *)t_small);
  SAME(t_small(-5, 200, -30000, 60000), e_small(-5, 200, -30000, 60000), r1 == r2);
  struct ff (*e_floats)(float, float, float, float, float, float, float, float, struct ff) =
    entry(h, "e_floats", "{ff}(ffffffff{ff})", (void *)t_floats);
  SAME(t_floats(1, 2, 3, 4, 5, 6, 7, 8, (struct ff){ 0.25f, 0.5f }), e_floats(1, 2, 3, 4, 5, 6, 7, 8, (struct ff){ 0.25f, 0.5f }),
       r1.a == r2.a && r1.b == r2.b);
  double (*e_nest)(struct nest, unsigned long) = entry(h, "e_nest", "d({c{si}d}L)", (void *)t_nest);
  struct nest n = { 'a', { -7, 11 }, 2.5 };
  SAME(t_nest(n, 123456789012UL), e_nest(n, 123456789012UL), r1 == r2);
  double (*e_fff)(struct fff, int) = entry(h, "e_fff", "d({f{ff}}i)", (void *)t_fff);
  struct fff v = { 1.5f, { 2.25f, 3.125f } };
  SAME(t_fff(v, 7), e_fff(v, 7), r1 == r2);
  /* Bad signatures. */
  const char *bad[] = { "", "i", "i(", "i(x)", "i(ii", "i(i)x", "(i)", "i({})", "v(v)", "i({i)" };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    void *e;
    CHECK(dlext_entry_point(h, "bad", bad[i], (void *)t_ii, NULL, &e) == DLEXT_E_UNSUPPORTED, "accepted \"%s\"", bad[i]);
  }
  void *e;
  CHECK(dlext_entry_point(h, "bad", "i()", NULL, NULL, &e) == DLEXT_E_INVAL, "NULL target");
  CHECK(dlext_entry_point(h, "e_ii", "i()", (void *)t_ii, NULL, &e) == DLEXT_E_EXISTS, "duplicate entry name");
  dldestroy(h);
  if (failures) return 1;
  printf("ok\n");
  return 0;
}
