/* libdl-ext: the x86-64 (System V) entry-point generator: signature classification and code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "x86_64.h"

/* -- Signatures -- */

#define MAX_PARAMS 64
#define MAX_FIELDS 64

struct scalar { char code; unsigned offset; };

/* One parameter or return value: a scalar, or a struct flattened to its scalar fields. */
struct ctype {
  char code;                    /* the scalar's code, '{' for a struct, 'v' for void */
  unsigned size, align;
  unsigned nfields;
  struct scalar fields[MAX_FIELDS];
};

static bool scalar_size(char c, unsigned *size) {
  switch (c) {
  case 'c': case 'C': *size = 1; return true;
  case 's': case 'S': *size = 2; return true;
  case 'i': case 'I': case 'f': *size = 4; return true;
  case 'l': case 'L': case 'p': case 'z': case 'd': *size = 8; return true;
  }
  return false;
}

static bool is_sse(char c) { return c == 'f' || c == 'd'; }

/* Parse one type at *s (struct fields appended at base), advancing *s; false on bad input. */
static bool parse_type(const char **s, struct ctype *t, unsigned base, int depth) {
  char c = **s;
  unsigned size;
  if (scalar_size(c, &size)) {
    (*s)++;
    unsigned off = (base + size - 1) / size * size;
    if (t->nfields == MAX_FIELDS) return false;
    t->fields[t->nfields++] = (struct scalar){ c, off };
    t->size = off + size;
    if (size > t->align) t->align = size;
    return true;
  }
  if (c != '{' || depth > 8) return false;
  (*s)++;
  struct ctype inner = { .align = 1 };
  while (**s && **s != '}')
    if (!parse_type(s, &inner, inner.size, depth + 1)) return false;
  if (**s != '}' || inner.nfields == 0) return false;
  (*s)++;
  unsigned off = (base + inner.align - 1) / inner.align * inner.align;
  if (t->nfields + inner.nfields > MAX_FIELDS) return false;
  for (unsigned i = 0; i < inner.nfields; i++)
    t->fields[t->nfields++] = (struct scalar){ inner.fields[i].code, off + inner.fields[i].offset };
  unsigned isize = (inner.size + inner.align - 1) / inner.align * inner.align;
  t->size = off + isize;
  if (inner.align > t->align) t->align = inner.align;
  return true;
}

/* A whole parameter or return type. */
static bool parse_param(const char **s, struct ctype *t) {
  memset(t, 0, sizeof *t);
  t->align = 1;
  bool strct = **s == '{';
  if (!parse_type(s, t, 0, 0)) return false;
  if (strct) {
    t->code = '{';
    t->size = (t->size + t->align - 1) / t->align * t->align;
  } else {
    t->code = t->fields[0].code;
  }
  return true;
}

static int parse_signature(const char *sig, struct ctype *ret, struct ctype *params, size_t *nparams) {
  const char *s = sig;
  if (*s == 'v') {
    memset(ret, 0, sizeof *ret);
    ret->code = 'v';
    s++;
  } else if (!parse_param(&s, ret)) {
    return dlext_fail(DLEXT_E_UNSUPPORTED, "dlext_entry_point: bad return type in \"%s\"", sig);
  }
  if (*s++ != '(') return dlext_fail(DLEXT_E_UNSUPPORTED, "dlext_entry_point: expected '(' in \"%s\"", sig);
  size_t n = 0;
  while (*s && *s != ')') {
    if (n == MAX_PARAMS || !parse_param(&s, &params[n++]))
      return dlext_fail(DLEXT_E_UNSUPPORTED, "dlext_entry_point: bad parameter %zu in \"%s\"", n, sig);
  }
  if (*s != ')' || s[1]) return dlext_fail(DLEXT_E_UNSUPPORTED, "dlext_entry_point: expected ')' at the end of \"%s\"", sig);
  *nparams = n;
  return 0;
}

/* -- System V classification -- */

enum { CLASS_INTEGER = 1, CLASS_SSE };

/* Where one parameter arrives. */
struct placement {
  bool on_stack;
  unsigned stack_off;           /* from the CFA (the caller's rsp) */
  unsigned neb;                 /* eightbytes in registers */
  int cls[2];                   /* class of each eightbyte */
  int reg[2];                   /* GPR index (0..5) or XMM index (0..7) */
  unsigned spill;               /* distance below rbp of the spill slot */
};

static bool memory_class(const struct ctype *t) { return t->code == '{' && t->size > 16; }

static void classify_eightbytes(const struct ctype *t, struct placement *p) {
  p->neb = (t->size + 7) / 8;
  p->cls[0] = p->cls[1] = CLASS_SSE;
  for (unsigned i = 0; i < t->nfields; i++)
    if (!is_sse(t->fields[i].code)) p->cls[t->fields[i].offset / 8] = CLASS_INTEGER;
}

/* Place every parameter; returns the bytes of stack arguments. */
static unsigned place_params(const struct ctype *ret, const struct ctype *params, size_t n, struct placement *pl) {
  /* A memory-class return takes rdi for its hidden pointer; stack arguments start at the CFA. */
  unsigned gpr = memory_class(ret) ? 1 : 0, sse = 0, stack = 0, spill = 0;
  for (size_t i = 0; i < n; i++) {
    struct placement *p = &pl[i];
    memset(p, 0, sizeof *p);
    unsigned need_int = 0, need_sse = 0;
    if (!memory_class(&params[i])) {
      classify_eightbytes(&params[i], p);
      for (unsigned e = 0; e < p->neb; e++) *(p->cls[e] == CLASS_INTEGER ? &need_int : &need_sse) += 1;
    }
    if (memory_class(&params[i]) || gpr + need_int > 6 || sse + need_sse > 8) {
      unsigned a = params[i].align > 8 ? params[i].align : 8;
      stack = (stack + a - 1) / a * a;
      p->on_stack = true;
      p->neb = 0;
      p->stack_off = stack;
      stack += (params[i].size + 7) / 8 * 8;
      continue;
    }
    for (unsigned e = 0; e < p->neb; e++) p->reg[e] = p->cls[e] == CLASS_INTEGER ? (int)gpr++ : (int)sse++;
    spill += 8 * p->neb;
    p->spill = spill; /* eightbyte 0 at rbp - spill, eightbyte 1 just above it */
  }
  return stack;
}

/* -- Code -- */

static const unsigned char gpr_hw[6] = { 7, 6, 2, 1, 8, 9 };    /* rdi rsi rdx rcx r8 r9 */

/* mov [rbp - dist], gpr  or  movsd [rbp - dist], xmm */
static void emit_spill(struct dlext_buf *b, int cls, int reg, unsigned dist) {
  int32_t disp = -(int32_t)dist;
  if (cls == CLASS_INTEGER) {
    unsigned hw = gpr_hw[reg];
    dlext_buf_u8(b, 0x48 | (hw >= 8 ? 0x04 : 0));
    dlext_buf_u8(b, 0x89);
    dlext_buf_u8(b, 0x80 | ((hw & 7) << 3) | 5);
  } else {
    static const unsigned char movsd[] = { 0xf2, 0x0f, 0x11 };
    dlext_buf_bytes(b, movsd, 3);
    dlext_buf_u8(b, 0x80 | ((unsigned)reg << 3) | 5);
  }
  dlext_buf_u32(b, (uint32_t)disp);
}

/* Copy one stack word from the caller's frame to ours: mov r11, [rbp+16+off]; mov [rsp+off], r11. */
static void emit_copy(struct dlext_buf *b, unsigned off) {
  static const unsigned char load[] = { 0x4c, 0x8b, 0x9d }, store[] = { 0x4c, 0x89, 0x9c, 0x24 };
  dlext_buf_bytes(b, load, 3);
  dlext_buf_u32(b, 16 + off);
  dlext_buf_bytes(b, store, 4);
  dlext_buf_u32(b, off);
}

/* Whether every register argument is in general registers (then pushes can store them). */
static bool all_integer(const struct placement *pl, size_t n) {
  for (size_t i = 0; i < n; i++)
    for (unsigned e = 0; e < pl[i].neb; e++)
      if (pl[i].cls[e] != CLASS_INTEGER) return false;
  return true;
}

/* Store the argument registers with pushes (cheaper than sub + moves): they fill rbp-8, rbp-16,
 * ... in order, which is the spill layout when each parameter pushes its last eightbyte first.
 * One more push keeps rsp 16-byte aligned at the call. */
static void emit_push_spills(struct dlext_buf *b, const struct placement *pl, size_t n, unsigned spill) {
  for (size_t i = 0; i < n; i++)
    for (unsigned e = pl[i].neb; e-- > 0;) {
      unsigned hw = gpr_hw[pl[i].reg[e]];
      if (hw >= 8) dlext_buf_u8(b, 0x41);
      dlext_buf_u8(b, 0x50 + (hw & 7));
    }
  if (spill % 16) dlext_buf_u8(b, 0x50); /* push rax: padding */
}

/* -- Debug description -- */

/* The DWARF type for a scalar code, created once per description (cache: one slot per code). */
static int base_type(struct dlext_debug *d, char code, int *cache) {
  static const char codes[] = "cCsSiIlLfdpz";
  static const char *const names[] = { "signed char", "unsigned char", "short", "unsigned short", "int",
    "unsigned int", "long", "unsigned long", "float", "double" };
  static const unsigned enc[] = { DLEXT_DW_ATE_signed_char, DLEXT_DW_ATE_unsigned_char, DLEXT_DW_ATE_signed,
    DLEXT_DW_ATE_unsigned, DLEXT_DW_ATE_signed, DLEXT_DW_ATE_unsigned, DLEXT_DW_ATE_signed, DLEXT_DW_ATE_unsigned,
    DLEXT_DW_ATE_float, DLEXT_DW_ATE_float };
  int k = (int)(strchr(codes, code) - codes);
  if (cache[k] >= 0) return cache[k];
  unsigned size = 8;
  scalar_size(code, &size);
  int t = -1, rc;
  if (code == 'p') {
    rc = dlext_debug_pointer_type(d, -1, &t);
  } else if (code == 'z') { /* char *: gdb shows the string */
    int ch;
    rc = dlext_debug_base_type(d, "char", DLEXT_DW_ATE_signed_char, 1, &ch);
    if (rc == 0) rc = dlext_debug_pointer_type(d, ch, &t);
  } else {
    rc = dlext_debug_base_type(d, names[k], enc[k], size, &t);
  }
  return rc == 0 ? (cache[k] = t) : rc;
}

/* The DWARF type of a parameter or return value (structs: anonymous, members f0, f1, ...). */
static int describe_type(struct dlext_debug *d, const struct ctype *t, int *cache, int *type_ret) {
  if (t->code != '{') {
    int bt = base_type(d, t->code, cache);
    if (bt < 0) return bt;
    *type_ret = bt;
    return 0;
  }
  int ft[MAX_FIELDS];
  for (unsigned i = 0; i < t->nfields; i++)
    if ((ft[i] = base_type(d, t->fields[i].code, cache)) < 0) return ft[i];
  int st;
  int rc = dlext_debug_struct_type(d, NULL, t->size, &st);
  char name[16];
  for (unsigned i = 0; rc == 0 && i < t->nfields; i++) {
    snprintf(name, sizeof name, "f%u", i);
    rc = dlext_debug_member(d, st, name, ft[i], t->fields[i].offset);
  }
  if (rc == 0) *type_ret = st;
  return rc;
}

static int describe(struct dlext_debug *d, const struct dlext_entry_info *info, const struct ctype *ret,
                    const struct ctype *params, size_t n, const struct placement *pl) {
  int cache[12];
  for (int i = 0; i < 12; i++) cache[i] = -1;
  int t, rc = 0;
  if (ret->code != 'v' && (rc = describe_type(d, ret, cache, &t)) == 0) rc = dlext_debug_return_type(d, t);
  char fallback[24];
  for (size_t i = 0; rc == 0 && i < n; i++) {
    const char *name = info && info->param_names && i < info->nparam_names ? info->param_names[i] : NULL;
    if (!name) {
      snprintf(fallback, sizeof fallback, "a%zu", i);
      name = fallback;
    }
    long loc = pl[i].on_stack ? (long)pl[i].stack_off : -16 - (long)pl[i].spill;
    if ((rc = describe_type(d, &params[i], cache, &t)) == 0) rc = dlext_debug_param(d, name, t, DLEXT_LOC_CFA, loc);
  }
  return rc;
}

static int generate(const struct ctype *ret_t, const struct ctype *tparams, size_t n, struct placement *pl,
                    uintptr_t target, const struct dlext_entry_info *info, struct dlext_buf *code, struct dlext_debug *d,
                    unsigned *call_site_ret);

int dlext_arch_entry(const char *signature, uintptr_t target, const struct dlext_entry_info *info,
                     struct dlext_buf *code, struct dlext_debug *d, unsigned *call_site_ret) {
  struct ctype ret, *tparams = malloc(MAX_PARAMS * sizeof *tparams);
  struct placement pl[MAX_PARAMS];
  size_t n = 0;
  if (!tparams) return dlext_fail(DLEXT_E_NOMEM, "dlext_entry_point");
  int rc = parse_signature(signature, &ret, tparams, &n);
  if (rc == 0) rc = generate(&ret, tparams, n, pl, target, info, code, d, call_site_ret);
  free(tparams);
  return rc;
}

/* Emit the code for a parsed signature and describe it in d (if not NULL). */
static int generate(const struct ctype *ret_t, const struct ctype *tparams, size_t n, struct placement *pl,
                    uintptr_t target, const struct dlext_entry_info *info, struct dlext_buf *code, struct dlext_debug *d,
                    unsigned *call_site_ret) {
  const struct ctype ret = *ret_t;
  int rc;
  unsigned stack = place_params(&ret, tparams, n, pl), spill = 0;
  for (size_t i = 0; i < n; i++) if (!pl[i].on_stack && pl[i].spill > spill) spill = pl[i].spill;
  unsigned frame = (spill + stack + 15) / 16 * 16;
  static const unsigned char prologue[] = { 0x55, 0x48, 0x89, 0xe5 }; /* push rbp; mov rbp, rsp */
  dlext_buf_bytes(code, prologue, sizeof prologue);
  if (stack == 0 && all_integer(pl, n)) {
    emit_push_spills(code, pl, n, spill);
  } else {
    if (frame) {
      static const unsigned char sub[] = { 0x48, 0x81, 0xec };
      dlext_buf_bytes(code, sub, 3);
      dlext_buf_u32(code, frame);
    }
    for (size_t i = 0; i < n; i++)
      for (unsigned e = 0; e < pl[i].neb; e++) emit_spill(code, pl[i].cls[e], pl[i].reg[e], pl[i].spill - 8 * e);
    for (unsigned off = 0; off < stack; off += 8) emit_copy(code, off);
  }
  unsigned body = (unsigned)code->n;
  static const unsigned char movabs[] = { 0x49, 0xbb }, call[] = { 0x41, 0xff, 0xd3 }; /* r11: no argument register */
  dlext_buf_bytes(code, movabs, 2);
  dlext_buf_u64(code, target);
  dlext_buf_bytes(code, call, 3);
  *call_site_ret = body;
  dlext_buf_u8(code, 0xc9); /* leave */
  unsigned leave_end = (unsigned)code->n;
  dlext_buf_u8(code, 0xc3); /* ret: rax, rdx, xmm0, xmm1 still hold what target returned */
  if (code->oom) return dlext_fail(DLEXT_E_NOMEM, "dlext_entry_point");
  if (!d) return 0;
  unsigned line = info && info->line ? info->line : 1;
  rc = describe(d, info, &ret, tparams, n, pl);
  if (rc == 0) rc = dlext_debug_line(d, 0, line);
  if (rc == 0) rc = dlext_debug_line(d, body, line); /* a second row: gdb's breakpoints land after the spills */
  if (rc == 0) rc = dlext_debug_frame_rbp(d, 1, 4, leave_end);
  return rc;
}

/* With the code's final address known, turn `movabs r11, target; call r11` (13 bytes) into an
 * 8-byte nop and a direct `call rel32` when target is within reach: same length, so the return
 * address, line table and CFI stay put, and a direct call predicts better than an indirect one. */
void dlext_arch_near_call(unsigned char *code, unsigned call_site, uintptr_t code_addr, uintptr_t target) {
  uintptr_t next = code_addr + call_site + 13;
  int64_t rel = (int64_t)(target - next);
  if (rel != (int32_t)rel) return;
  static const unsigned char nop8[] = { 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 };
  memcpy(code + call_site, nop8, 8);
  code[call_site + 8] = 0xe8;
  int32_t r = (int32_t)rel;
  memcpy(code + call_site + 9, &r, 4);
}
