/* libpmirror: location lists and a DWARF expression evaluator for variable and frame-base locations. */
#include <stdio.h>
#include <stdlib.h>

#include "pmirror_internal.h"

/* -- Location lists -- */

/* .debug_loc (DWARF 2-4): address pairs, then a 2-byte length and the expression. */
static int loc_v4(pmirror_debug *d, const pm_unit *u, uint64_t off, uint64_t pc, const uint8_t **expr, uint64_t *len) {
  pm_reader r;
  pm_reader_init(&r, d->loc, d->loc_size);
  pm_seek(&r, off);
  uint64_t base = u->low_pc, maxa = u->addr_size == 8 ? ~0ull : 0xffffffffull;
  for (int n = 0; n < 1 << 20; n++) {
    uint64_t b = pm_uN(&r, u->addr_size), e = pm_uN(&r, u->addr_size);
    if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, ".debug_loc at 0x%llx", (unsigned long long)off);
    if (b == 0 && e == 0) return 0;
    if (b == maxa) {
      base = e;
      continue;
    }
    uint16_t n_bytes = pm_u16(&r);
    const uint8_t *p = r.p;
    pm_skip(&r, n_bytes);
    if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, ".debug_loc entry at 0x%llx", (unsigned long long)off);
    if (pc >= base + b && pc < base + e) {
      *expr = p;
      *len = n_bytes;
      return 0;
    }
  }
  return pm_fail(PMIRROR_E_CORRUPT, ".debug_loc list at 0x%llx never ends", (unsigned long long)off);
}

/* .debug_loclists (DWARF 5), including GCC's DW_LLE_GNU_view_pair entries. */
static int loc_v5(pmirror_debug *d, const pm_unit *u, uint64_t off, uint64_t pc, const uint8_t **expr, uint64_t *len) {
  pm_reader r;
  pm_reader_init(&r, d->loclists, d->loclists_size);
  pm_seek(&r, off);
  uint64_t base = u->low_pc;
  const uint8_t *deflt = NULL;
  uint64_t deflt_len = 0;
  bool ok = true;
  for (int n = 0; n < 1 << 20; n++) {
    uint8_t kind = pm_u8(&r);
    uint64_t lo = 0, hi = 0;
    bool bounded = true;
    switch (kind) {
    case 0: /* end_of_list */
      if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, ".debug_loclists at 0x%llx", (unsigned long long)off);
      *expr = deflt;
      *len = deflt_len;
      return 0;
    case 1: base = pm_addr_index(d, u, pm_uleb(&r), &ok); bounded = false; break;
    case 2: lo = pm_addr_index(d, u, pm_uleb(&r), &ok); hi = pm_addr_index(d, u, pm_uleb(&r), &ok); break;
    case 3: lo = pm_addr_index(d, u, pm_uleb(&r), &ok); hi = lo + pm_uleb(&r); break;
    case 4: lo = base + pm_uleb(&r); hi = base + pm_uleb(&r); break;
    case 5: lo = 0; hi = 0; break; /* default_location */
    case 6: base = pm_uN(&r, u->addr_size); bounded = false; break;
    case 7: lo = pm_uN(&r, u->addr_size); hi = pm_uN(&r, u->addr_size); break;
    case 8: lo = pm_uN(&r, u->addr_size); hi = lo + pm_uleb(&r); break;
    case 9: pm_uleb(&r); pm_uleb(&r); bounded = false; break; /* DW_LLE_GNU_view_pair */
    default: return pm_fail(PMIRROR_E_DWARF, "location list entry kind %u at 0x%llx", kind, (unsigned long long)off);
    }
    if (!bounded) continue;
    uint64_t n_bytes = pm_uleb(&r);
    const uint8_t *p = r.p;
    pm_skip(&r, n_bytes);
    if (r.err || !ok) return pm_fail(PMIRROR_E_TRUNCATED, ".debug_loclists entry at 0x%llx", (unsigned long long)off);
    if (kind == 5) {
      deflt = p;
      deflt_len = n_bytes;
    } else if (pc >= lo && pc < hi) {
      *expr = p;
      *len = n_bytes;
      return 0;
    }
  }
  return pm_fail(PMIRROR_E_CORRUPT, "location list at 0x%llx never ends", (unsigned long long)off);
}

int pm_location_expr(pmirror_debug *d, const pm_unit *u, const pm_attr *a, uint64_t pc, const uint8_t **expr,
                     uint64_t *len) {
  *expr = NULL;
  *len = 0;
  if (a->kind != PM_V_BLOCK) {
    int rc = pm_lazy_sections(d, PM_LAZY_LOC | PM_LAZY_LOCLISTS);
    if (rc) return rc;
  }
  if (a->kind == PM_V_BLOCK) {
    *expr = a->v.block.data;
    *len = a->v.block.len;
    return 0;
  }
  if (a->kind == PM_V_LOCX) { /* an index into the unit's offset array */
    pm_reader r;
    pm_reader_init(&r, d->loclists, d->loclists_size);
    pm_seek(&r, u->loclists_base + a->v.u * u->offset_size);
    uint64_t off = u->loclists_base + pm_uN(&r, u->offset_size);
    if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, "location list index %llu", (unsigned long long)a->v.u);
    return loc_v5(d, u, off, pc, expr, len);
  }
  if (a->kind == PM_V_SEC || (a->kind == PM_V_UDATA && u->version < 4)) /* DWARF 2/3 used data4 for offsets */
    return u->version >= 5 ? loc_v5(d, u, a->v.u, pc, expr, len) : loc_v4(d, u, a->v.u, pc, expr, len);
  return pm_fail(PMIRROR_E_DWARF, "location attribute of form 0x%x", a->form);
}

/* -- Expressions as text -- */

static const char *reg_names[17] = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp", "r8",
                                    "r9",  "r10", "r11", "r12", "r13", "r14", "r15", "rip"};

static const char *op_name(uint8_t op) {
  switch (op) {
  case 0x03: return "DW_OP_addr"; case 0x06: return "DW_OP_deref"; case 0x08: return "DW_OP_const1u";
  case 0x09: return "DW_OP_const1s"; case 0x0a: return "DW_OP_const2u"; case 0x0b: return "DW_OP_const2s";
  case 0x0c: return "DW_OP_const4u"; case 0x0d: return "DW_OP_const4s"; case 0x0e: return "DW_OP_const8u";
  case 0x0f: return "DW_OP_const8s"; case 0x10: return "DW_OP_constu"; case 0x11: return "DW_OP_consts";
  case 0x12: return "DW_OP_dup"; case 0x13: return "DW_OP_drop"; case 0x14: return "DW_OP_over";
  case 0x15: return "DW_OP_pick"; case 0x16: return "DW_OP_swap"; case 0x17: return "DW_OP_rot";
  case 0x19: return "DW_OP_abs"; case 0x1a: return "DW_OP_and"; case 0x1b: return "DW_OP_div";
  case 0x1c: return "DW_OP_minus"; case 0x1d: return "DW_OP_mod"; case 0x1e: return "DW_OP_mul";
  case 0x1f: return "DW_OP_neg"; case 0x20: return "DW_OP_not"; case 0x21: return "DW_OP_or";
  case 0x22: return "DW_OP_plus"; case 0x23: return "DW_OP_plus_uconst"; case 0x24: return "DW_OP_shl";
  case 0x25: return "DW_OP_shr"; case 0x26: return "DW_OP_shra"; case 0x27: return "DW_OP_xor";
  case 0x28: return "DW_OP_bra"; case 0x29: return "DW_OP_eq"; case 0x2a: return "DW_OP_ge";
  case 0x2b: return "DW_OP_gt"; case 0x2c: return "DW_OP_le"; case 0x2d: return "DW_OP_lt";
  case 0x2e: return "DW_OP_ne"; case 0x2f: return "DW_OP_skip"; case 0x90: return "DW_OP_regx";
  case 0x91: return "DW_OP_fbreg"; case 0x92: return "DW_OP_bregx"; case 0x93: return "DW_OP_piece";
  case 0x94: return "DW_OP_deref_size"; case 0x96: return "DW_OP_nop"; case 0x9c: return "DW_OP_call_frame_cfa";
  case 0x9d: return "DW_OP_bit_piece"; case 0x9e: return "DW_OP_implicit_value"; case 0x9f: return "DW_OP_stack_value";
  case 0xa0: return "DW_OP_implicit_pointer"; case 0xa1: return "DW_OP_addrx"; case 0xa2: return "DW_OP_constx";
  case 0xa3: return "DW_OP_entry_value"; case 0xf2: return "DW_OP_GNU_implicit_pointer";
  case 0xf3: return "DW_OP_GNU_entry_value"; case 0xfa: return "DW_OP_GNU_parameter_ref";
  default: return NULL;
  }
}

/* -- Evaluation -- */

enum { LOC_MEMORY, LOC_REGISTER, LOC_VALUE, LOC_IMPLICIT, LOC_EMPTY, LOC_UNAVAILABLE };

typedef struct {
  pmirror_debug *d;
  const pm_unit *u;
  const pmirror_regs *regs;
  uint64_t frame_base;
  bool has_frame_base;
  pm_sbuf *text;   /* the expression as text, when not NULL */
  const char *why; /* for LOC_UNAVAILABLE */
} eval_ctx;

typedef struct {
  int kind;
  uint64_t value; /* address, register number or value */
  const uint8_t *bytes;
  uint64_t nbytes;
} loc_result;

static bool reg_value(eval_ctx *c, uint64_t reg, uint64_t *v) {
  if (!c->regs || reg > 16 || !(c->regs->valid & (1u << reg))) return false;
  *v = c->regs->r[reg];
  return true;
}

#define STACK 64
#define PUSH(x) do { uint64_t pushed_ = (x); if (sp >= STACK) return pm_fail(PMIRROR_E_DWARF, "DWARF expression stack overflow"); st[sp++] = pushed_; } while (0)
#define NEED(n) do { if (sp < (n)) return pm_fail(PMIRROR_E_DWARF, "DWARF expression stack underflow"); } while (0)

/* Evaluates one piece (up to DW_OP_piece or the end); *next is where evaluation stopped. */
static int eval_piece(eval_ctx *c, pm_reader *r, loc_result *out, uint64_t *piece_size) {
  uint64_t st[STACK];
  int sp = 0;
  out->kind = LOC_MEMORY;
  *piece_size = 0;
  bool any = false, unavailable = false;
  for (int steps = 0; pm_left(r) > 0; steps++) {
    if (steps > 100000) return pm_fail(PMIRROR_E_DWARF, "DWARF expression does not terminate");
    uint8_t op = pm_u8(r);
    any = true;
    if (c->text) {
      const char *nm = op_name(op);
      if (c->text->len) pm_sb_puts(c->text, "; ");
      if (nm) pm_sb_puts(c->text, nm);
      else if (op >= 0x30 && op <= 0x4f) pm_sb_printf(c->text, "DW_OP_lit%u", op - 0x30);
      else if (op >= 0x50 && op <= 0x6f) pm_sb_printf(c->text, "DW_OP_reg%u (%s)", op - 0x50, op - 0x50 < 17 ? reg_names[op - 0x50] : "?");
      else if (op >= 0x70 && op <= 0x8f) pm_sb_printf(c->text, "DW_OP_breg%u (%s)", op - 0x70, op - 0x70 < 17 ? reg_names[op - 0x70] : "?");
      else pm_sb_printf(c->text, "DW_OP_0x%x", op);
    }
    uint64_t a, b, v;
    int64_t s;
    switch (op) {
    case 0x03: v = pm_uN(r, c->u->addr_size); if (c->text) pm_sb_printf(c->text, " 0x%llx", (unsigned long long)v); PUSH(v); break;
    case 0xa1: case 0xa2: { bool ok; v = pm_addr_index(c->d, c->u, pm_uleb(r), &ok); if (!ok) return pm_fail(PMIRROR_E_CORRUPT, "DW_OP_addrx index"); PUSH(v); break; }
    case 0x08: PUSH(pm_u8(r)); break;
    case 0x09: PUSH((uint64_t)(int64_t)(int8_t)pm_u8(r)); break;
    case 0x0a: PUSH(pm_u16(r)); break;
    case 0x0b: PUSH((uint64_t)(int64_t)(int16_t)pm_u16(r)); break;
    case 0x0c: PUSH(pm_u32(r)); break;
    case 0x0d: PUSH((uint64_t)(int64_t)(int32_t)pm_u32(r)); break;
    case 0x0e: case 0x0f: PUSH(pm_u64(r)); break;
    case 0x10: v = pm_uleb(r); if (c->text) pm_sb_printf(c->text, " %llu", (unsigned long long)v); PUSH(v); break;
    case 0x11: s = pm_sleb(r); if (c->text) pm_sb_printf(c->text, " %lld", (long long)s); PUSH((uint64_t)s); break;
    case 0x12: NEED(1); PUSH(st[sp - 1]); break;
    case 0x13: NEED(1); sp--; break;
    case 0x14: NEED(2); PUSH(st[sp - 2]); break;
    case 0x15: a = pm_u8(r); if (a >= (uint64_t)sp) return pm_fail(PMIRROR_E_DWARF, "DW_OP_pick %llu", (unsigned long long)a); PUSH(st[sp - 1 - (int)a]); break;
    case 0x16: NEED(2); v = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = v; break;
    case 0x17: NEED(3); v = st[sp - 1]; st[sp - 1] = st[sp - 2]; st[sp - 2] = st[sp - 3]; st[sp - 3] = v; break;
    case 0x19: NEED(1); if ((int64_t)st[sp - 1] < 0) st[sp - 1] = (uint64_t)(-(int64_t)st[sp - 1]); break;
    case 0x1f: NEED(1); st[sp - 1] = (uint64_t)(-(int64_t)st[sp - 1]); break;
    case 0x20: NEED(1); st[sp - 1] = ~st[sp - 1]; break;
    case 0x23: NEED(1); v = pm_uleb(r); if (c->text) pm_sb_printf(c->text, " %llu", (unsigned long long)v); st[sp - 1] += v; break;
    case 0x1a: case 0x1b: case 0x1c: case 0x1d: case 0x1e: case 0x21: case 0x22: case 0x24: case 0x25:
    case 0x26: case 0x27: case 0x29: case 0x2a: case 0x2b: case 0x2c: case 0x2d: case 0x2e:
      NEED(2);
      b = st[--sp];
      a = st[sp - 1];
      switch (op) {
      case 0x1a: v = a & b; break;
      case 0x1b: if (!b) return pm_fail(PMIRROR_E_DWARF, "DW_OP_div by zero"); v = (uint64_t)((int64_t)a / (int64_t)b); break;
      case 0x1c: v = a - b; break;
      case 0x1d: if (!b) return pm_fail(PMIRROR_E_DWARF, "DW_OP_mod by zero"); v = a % b; break;
      case 0x1e: v = a * b; break;
      case 0x21: v = a | b; break;
      case 0x22: v = a + b; break;
      case 0x24: v = b >= 64 ? 0 : a << b; break;
      case 0x25: v = b >= 64 ? 0 : a >> b; break;
      case 0x26: v = b >= 64 ? ((int64_t)a < 0 ? ~0ull : 0) : (uint64_t)((int64_t)a >> b); break;
      case 0x27: v = a ^ b; break;
      case 0x29: v = a == b; break;
      case 0x2a: v = (int64_t)a >= (int64_t)b; break;
      case 0x2b: v = (int64_t)a > (int64_t)b; break;
      case 0x2c: v = (int64_t)a <= (int64_t)b; break;
      case 0x2d: v = (int64_t)a < (int64_t)b; break;
      default: v = a != b; break;
      }
      st[sp - 1] = v;
      break;
    case 0x2f: case 0x28: { /* skip, bra */
      int16_t off = (int16_t)pm_u16(r);
      bool jump = true;
      if (op == 0x28) { NEED(1); jump = st[--sp] != 0; }
      if (jump) {
        int64_t to = (int64_t)pm_pos(r) + off;
        if (to < 0 || (uint64_t)to > (uint64_t)(r->end - r->start)) return pm_fail(PMIRROR_E_DWARF, "branch out of the expression");
        r->p = r->start + to;
      }
      break;
    }
    case 0x90: /* regx */
      a = pm_uleb(r);
      if (c->text) pm_sb_printf(c->text, " %llu", (unsigned long long)a);
      out->kind = LOC_REGISTER;
      out->value = a;
      break;
    case 0x91: /* fbreg */
      s = pm_sleb(r);
      if (c->text) pm_sb_printf(c->text, " %lld", (long long)s);
      if (!c->has_frame_base) { unavailable = true; c->why = "the frame base is not known"; PUSH(0); break; }
      PUSH(c->frame_base + (uint64_t)s);
      break;
    case 0x92: /* bregx */
      a = pm_uleb(r);
      s = pm_sleb(r);
      if (c->text) pm_sb_printf(c->text, " %llu %lld", (unsigned long long)a, (long long)s);
      if (!reg_value(c, a, &v)) { unavailable = true; c->why = "a register the expression reads is not known"; v = 0; }
      PUSH(v + (uint64_t)s);
      break;
    case 0x93: /* piece */
      *piece_size = pm_uleb(r);
      if (c->text) pm_sb_printf(c->text, " %llu", (unsigned long long)*piece_size);
      goto done;
    case 0x9d: /* bit_piece: treated as a piece of whole bytes when aligned */
      a = pm_uleb(r);
      b = pm_uleb(r);
      if (a % 8 || b % 8) return pm_fail(PMIRROR_E_UNSUPPORTED, "DW_OP_bit_piece of %llu bits", (unsigned long long)a);
      *piece_size = a / 8;
      goto done;
    case 0x96: break;
    case 0x9c: /* call_frame_cfa */
      if (!c->regs || !c->regs->has_cfa) { unavailable = true; c->why = "the canonical frame address is not known"; PUSH(0); break; }
      PUSH(c->regs->cfa);
      break;
    case 0x9e: /* implicit_value */
      a = pm_uleb(r);
      out->kind = LOC_IMPLICIT;
      out->bytes = r->p;
      out->nbytes = a;
      pm_skip(r, a);
      break;
    case 0x9f: out->kind = LOC_VALUE; break;
    case 0x06: case 0x94: /* deref: the memory of another process or frame is not ours to read */
      if (op == 0x94) pm_u8(r);
      NEED(1);
      unavailable = true;
      c->why = "the expression reads memory";
      break;
    case 0xa0: case 0xf2: case 0xa3: case 0xf3: case 0xfa: /* implicit pointers, entry values */
      if (op == 0xa0 || op == 0xf2) { pm_uN(r, c->u->version <= 2 ? c->u->addr_size : c->u->offset_size); pm_sleb(r); }
      else if (op == 0xfa) pm_u32(r);
      else pm_skip(r, pm_uleb(r));
      unavailable = true;
      c->why = op == 0xa3 || op == 0xf3 ? "the value on entry is needed (DW_OP_entry_value)" : "an implicit pointer";
      PUSH(0);
      break;
    default:
      if (op >= 0x30 && op <= 0x4f) PUSH((uint64_t)(op - 0x30));
      else if (op >= 0x50 && op <= 0x6f) {
        out->kind = LOC_REGISTER;
        out->value = op - 0x50u;
      } else if (op >= 0x70 && op <= 0x8f) {
        s = pm_sleb(r);
        if (c->text) pm_sb_printf(c->text, " %lld", (long long)s);
        if (!reg_value(c, op - 0x70u, &v)) { unavailable = true; c->why = "a register the expression reads is not known"; v = 0; }
        PUSH(v + (uint64_t)s);
      } else {
        return pm_fail(PMIRROR_E_UNSUPPORTED, "DWARF operation 0x%x", op);
      }
    }
    if (r->err) return pm_fail(PMIRROR_E_TRUNCATED, "DWARF expression");
  }
done:
  if (r->err) return pm_fail(PMIRROR_E_TRUNCATED, "DWARF expression");
  if (!any) { out->kind = LOC_EMPTY; return 0; }
  if (unavailable) { out->kind = LOC_UNAVAILABLE; return 0; }
  if (out->kind == LOC_MEMORY || out->kind == LOC_VALUE) {
    if (sp < 1) return pm_fail(PMIRROR_E_DWARF, "DWARF expression leaves no value");
    out->value = st[sp - 1];
  }
  return 0;
}

static void emit_result(pm_sbuf *b, const loc_result *x, const char *why) {
  static const char *kinds[] = {"memory", "register", "value", "implicit", "optimized-out", "unavailable"};
  pm_sb_printf(b, "\"kind\":\"%s\"", kinds[x->kind]);
  switch (x->kind) {
  case LOC_MEMORY: pm_sb_printf(b, ",\"address\":\"%llu\"", (unsigned long long)x->value); break;
  case LOC_REGISTER:
    pm_sb_printf(b, ",\"register\":%llu,\"registerName\":\"%s\"", (unsigned long long)x->value,
                 x->value < 17 ? reg_names[x->value] : "?");
    break;
  case LOC_VALUE: pm_sb_printf(b, ",\"value\":\"%llu\"", (unsigned long long)x->value); break;
  case LOC_IMPLICIT:
    pm_sb_puts(b, ",\"bytes\":\"");
    for (uint64_t i = 0; i < x->nbytes && i < 4096; i++) pm_sb_printf(b, "%02x", x->bytes[i]);
    pm_sb_putc(b, '"');
    break;
  case LOC_UNAVAILABLE: pm_sb_puts(b, ",\"reason\":"); pm_sb_json_str(b, why); break;
  }
}

/* Evaluates a whole location description into JSON (pieces when there are several). */
static int eval_location(eval_ctx *c, const uint8_t *expr, uint64_t len, pm_sbuf *b) {
  pm_reader r;
  pm_reader_init(&r, expr, len);
  pm_sbuf text = {0};
  c->text = &text;
  loc_result first;
  uint64_t size;
  int rc = eval_piece(c, &r, &first, &size);
  if (!rc && size == 0) {
    emit_result(b, &first, c->why);
  } else if (!rc) {
    pm_sb_puts(b, "\"kind\":\"pieces\",\"pieces\":[");
    pm_sb_printf(b, "{\"size\":%llu,", (unsigned long long)size);
    emit_result(b, &first, c->why);
    pm_sb_putc(b, '}');
    for (int n = 0; !rc && pm_left(&r) > 0 && n < 4096; n++) {
      loc_result x;
      c->why = NULL;
      rc = eval_piece(c, &r, &x, &size);
      if (rc) break;
      pm_sb_printf(b, ",{\"size\":%llu,", (unsigned long long)size);
      emit_result(b, &x, c->why);
      pm_sb_putc(b, '}');
    }
    pm_sb_putc(b, ']');
  }
  pm_sb_puts(b, ",\"expression\":");
  pm_sb_json_str(b, text.buf ? text.buf : "");
  free(text.buf);
  c->text = NULL;
  return rc;
}

/* The frame base of the function containing pc, when the registers allow computing it. */
static int frame_base(pmirror_debug *d, uint64_t pc, eval_ctx *c) {
  uint64_t fn_off, low;
  if (pmirror_debug_function_at(d, pc, &fn_off, &low) != 0) return 0;
  pm_die fn;
  int rc = pm_die_at(d, fn_off, &fn);
  if (rc) return rc;
  pm_attr a;
  if (pm_die_attr(d, &fn, DW_AT_frame_base, &a) != 0) return 0;
  const uint8_t *expr;
  uint64_t len;
  if ((rc = pm_location_expr(d, fn.unit, &a, pc, &expr, &len)) || !len) return rc;
  eval_ctx fc = {d, fn.unit, c->regs, 0, false, NULL, NULL};
  pm_reader r;
  pm_reader_init(&r, expr, len);
  loc_result x;
  uint64_t size;
  if ((rc = eval_piece(&fc, &r, &x, &size))) return rc;
  if (x.kind == LOC_MEMORY) { /* e.g. DW_OP_call_frame_cfa or DW_OP_breg6 0 */
    c->frame_base = x.value;
    c->has_frame_base = true;
  } else if (x.kind == LOC_REGISTER && x.value < 17 && c->regs && (c->regs->valid & (1u << x.value))) {
    c->frame_base = c->regs->r[x.value]; /* DW_OP_reg6: the frame base is rbp's value */
    c->has_frame_base = true;
  }
  return 0;
}

int pmirror_debug_location(pmirror_debug *d, uint64_t off, uint64_t pc, const pmirror_regs *regs, char **json_ret) {
  if (!d || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_debug_location: NULL argument");
  int rc = pmirror_debug_index(d);
  if (rc) return rc;
  pm_die die;
  if ((rc = pm_die_at(d, off, &die))) return rc;
  if (!die.abbrev) return pm_fail(PMIRROR_E_INVAL, "0x%llx is a null entry", (unsigned long long)off);
  pm_attr a;
  pm_sbuf b = {0};
  pm_sb_putc(&b, '{');
  rc = pm_die_attr(d, &die, DW_AT_location, &a);
  if (rc == PMIRROR_E_NOTFOUND) {
    pm_sb_puts(&b, "\"kind\":\"optimized-out\",\"expression\":\"\"}");
    return pm_sb_finish(&b, json_ret);
  }
  const uint8_t *expr = NULL;
  uint64_t len = 0;
  eval_ctx c = {d, die.unit, regs, 0, false, NULL, NULL};
  if (!rc) rc = pm_location_expr(d, die.unit, &a, pc, &expr, &len);
  if (!rc) rc = frame_base(d, pc, &c);
  if (!rc) rc = eval_location(&c, expr, len, &b);
  pm_sb_putc(&b, '}');
  if (rc) {
    free(b.buf);
    return rc;
  }
  return pm_sb_finish(&b, json_ret);
}
