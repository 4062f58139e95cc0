/* libdl-ext: the in-memory ELF given to gdb for one function: symbol, DWARF and .eh_frame. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "dlext_internal.h"

/* -- DWARF constants, spelled as in the spec -- */

enum {
  DW_TAG_formal_parameter = 0x05, DW_TAG_member = 0x0d, DW_TAG_pointer_type = 0x0f,
  DW_TAG_compile_unit = 0x11, DW_TAG_structure_type = 0x13, DW_TAG_base_type = 0x24,
  DW_TAG_subprogram = 0x2e,
  DW_AT_location = 0x02, DW_AT_name = 0x03, DW_AT_byte_size = 0x0b, DW_AT_stmt_list = 0x10,
  DW_AT_low_pc = 0x11, DW_AT_high_pc = 0x12, DW_AT_language = 0x13, DW_AT_comp_dir = 0x1b,
  DW_AT_producer = 0x25, DW_AT_data_member_location = 0x38, DW_AT_decl_file = 0x3a,
  DW_AT_decl_line = 0x3b, DW_AT_encoding = 0x3e, DW_AT_external = 0x3f, DW_AT_frame_base = 0x40,
  DW_AT_type = 0x49,
  DW_FORM_addr = 0x01, DW_FORM_data2 = 0x05, DW_FORM_data4 = 0x06, DW_FORM_data8 = 0x07,
  DW_FORM_data1 = 0x0b, DW_FORM_strp = 0x0e, DW_FORM_ref4 = 0x13, DW_FORM_sec_offset = 0x17,
  DW_FORM_exprloc = 0x18, DW_FORM_flag_present = 0x19,
  DW_OP_reg0 = 0x50, DW_OP_regx = 0x90, DW_OP_fbreg = 0x91, DW_OP_call_frame_cfa = 0x9c,
  DW_LNS_copy = 1, DW_LNS_advance_pc = 2, DW_LNS_advance_line = 3,
  DW_LNE_end_sequence = 1, DW_LNE_set_address = 2,
  DW_CFA_advance_loc = 0x40, DW_CFA_offset = 0x80, DW_CFA_restore = 0xc0, DW_CFA_nop = 0,
  DW_CFA_advance_loc1 = 0x02, DW_CFA_advance_loc2 = 0x03, DW_CFA_advance_loc4 = 0x04,
  DW_CFA_def_cfa = 0x0c, DW_CFA_def_cfa_register = 0x0d, DW_CFA_def_cfa_offset = 0x0e,
  DW_EH_PE_absptr = 0x00,
};

/* x86-64 DWARF register numbers. */
enum { REG_RBP = 6, REG_RSP = 7, REG_RA = 16 };

/* Abbreviation codes, one per DIE shape (table in emit_abbrev). */
enum { AB_CU = 1, AB_SUB_TYPED, AB_SUB_VOID, AB_PARAM, AB_BASE, AB_PTR, AB_PTR_VOID, AB_STRUCT,
       AB_MEMBER, AB_STRUCT_ANON };

struct jit_ctx {
  const char *name;
  uintptr_t addr;
  size_t size;
  const struct dlext_debug *d;
  struct dlext_buf info, abbrev, line, str, eh, symtab, strtab;
};

/* -- .debug_abbrev -- */

static void abbrev(struct dlext_buf *b, unsigned code, unsigned tag, bool children, const unsigned *attrs) {
  dlext_buf_uleb(b, code);
  dlext_buf_uleb(b, tag);
  dlext_buf_u8(b, children);
  for (; *attrs; attrs += 2) {
    dlext_buf_uleb(b, attrs[0]);
    dlext_buf_uleb(b, attrs[1]);
  }
  dlext_buf_u16(b, 0);
}

static void emit_abbrev(struct dlext_buf *b) {
  static const unsigned cu[] = { DW_AT_producer, DW_FORM_strp, DW_AT_language, DW_FORM_data2, DW_AT_name,
    DW_FORM_strp, DW_AT_comp_dir, DW_FORM_strp, DW_AT_low_pc, DW_FORM_addr, DW_AT_high_pc, DW_FORM_data8,
    DW_AT_stmt_list, DW_FORM_sec_offset, 0 };
  static const unsigned sub[] = { DW_AT_external, DW_FORM_flag_present, DW_AT_name, DW_FORM_strp,
    DW_AT_decl_file, DW_FORM_data1, DW_AT_decl_line, DW_FORM_data4, DW_AT_low_pc, DW_FORM_addr,
    DW_AT_high_pc, DW_FORM_data8, DW_AT_frame_base, DW_FORM_exprloc, DW_AT_type, DW_FORM_ref4, 0 };
  static const unsigned param[] = { DW_AT_name, DW_FORM_strp, DW_AT_type, DW_FORM_ref4, DW_AT_location,
    DW_FORM_exprloc, 0 };
  static const unsigned base[] = { DW_AT_name, DW_FORM_strp, DW_AT_encoding, DW_FORM_data1, DW_AT_byte_size,
    DW_FORM_data1, 0 };
  static const unsigned ptr[] = { DW_AT_byte_size, DW_FORM_data1, DW_AT_type, DW_FORM_ref4, 0 };
  static const unsigned ptr_void[] = { DW_AT_byte_size, DW_FORM_data1, 0 };
  static const unsigned strct[] = { DW_AT_name, DW_FORM_strp, DW_AT_byte_size, DW_FORM_data4, 0 };
  static const unsigned member[] = { DW_AT_name, DW_FORM_strp, DW_AT_type, DW_FORM_ref4,
    DW_AT_data_member_location, DW_FORM_data4, 0 };
  abbrev(b, AB_CU, DW_TAG_compile_unit, true, cu);
  abbrev(b, AB_SUB_TYPED, DW_TAG_subprogram, true, sub);
  static unsigned sub_void[sizeof sub / sizeof *sub - 2];
  memcpy(sub_void, sub, sizeof sub_void - sizeof *sub_void); /* the same without DW_AT_type */
  abbrev(b, AB_SUB_VOID, DW_TAG_subprogram, true, sub_void);
  abbrev(b, AB_PARAM, DW_TAG_formal_parameter, false, param);
  abbrev(b, AB_BASE, DW_TAG_base_type, false, base);
  abbrev(b, AB_PTR, DW_TAG_pointer_type, false, ptr);
  abbrev(b, AB_PTR_VOID, DW_TAG_pointer_type, false, ptr_void);
  abbrev(b, AB_STRUCT, DW_TAG_structure_type, true, strct);
  abbrev(b, AB_MEMBER, DW_TAG_member, false, member);
  abbrev(b, AB_STRUCT_ANON, DW_TAG_structure_type, true, strct + 2);
  dlext_buf_u8(b, 0);
}

/* -- .debug_info -- */

static void strp(struct jit_ctx *c, const char *s) {
  dlext_buf_u32(&c->info, (uint32_t)c->str.n);
  dlext_buf_str(&c->str, s);
}

static void emit_type(struct jit_ctx *c, size_t i, const uint32_t *type_off) {
  const struct dlext_debug *d = c->d;
  const struct dlext_dtype *t = &d->types[i];
  struct dlext_buf *b = &c->info;
  switch (t->kind) {
  case DLEXT_T_BASE:
    dlext_buf_uleb(b, AB_BASE);
    strp(c, t->name);
    dlext_buf_u8(b, t->encoding);
    dlext_buf_u8(b, t->size);
    break;
  case DLEXT_T_POINTER:
    dlext_buf_uleb(b, t->target < 0 ? AB_PTR_VOID : AB_PTR);
    dlext_buf_u8(b, 8);
    if (t->target >= 0) dlext_buf_u32(b, type_off[t->target]);
    break;
  default:
    dlext_buf_uleb(b, t->name ? AB_STRUCT : AB_STRUCT_ANON);
    if (t->name) strp(c, t->name);
    dlext_buf_u32(b, t->size);
    for (size_t m = 0; m < d->nmembers; m++) {
      if (d->members[m].owner != (int)i) continue;
      dlext_buf_uleb(b, AB_MEMBER);
      strp(c, d->members[m].name);
      dlext_buf_u32(b, type_off[d->members[m].type]);
      dlext_buf_u32(b, d->members[m].offset);
    }
    dlext_buf_u8(b, 0);
  }
}

static void emit_param(struct jit_ctx *c, const struct dlext_dparam *p, const uint32_t *type_off) {
  struct dlext_buf *b = &c->info, expr = { 0 };
  if (p->loc_kind == DLEXT_LOC_CFA) {
    dlext_buf_u8(&expr, DW_OP_fbreg);
    dlext_buf_sleb(&expr, p->loc);
  } else if (p->loc < 32) {
    dlext_buf_u8(&expr, DW_OP_reg0 + (unsigned)p->loc);
  } else {
    dlext_buf_u8(&expr, DW_OP_regx);
    dlext_buf_uleb(&expr, (uint64_t)p->loc);
  }
  dlext_buf_uleb(b, AB_PARAM);
  strp(c, p->name);
  dlext_buf_u32(b, type_off[p->type]);
  dlext_buf_uleb(b, expr.n);
  dlext_buf_bytes(b, expr.p, expr.n);
  if (expr.oom) b->oom = true;
  dlext_buf_free(&expr);
}

static bool emit_info(struct jit_ctx *c) {
  const struct dlext_debug *d = c->d;
  struct dlext_buf *b = &c->info;
  uint32_t *type_off = calloc(d->ntypes + 1, sizeof *type_off);
  if (!type_off) return false;
  dlext_buf_u32(b, 0); /* unit_length, patched */
  dlext_buf_u16(b, 4);
  dlext_buf_u32(b, 0); /* .debug_abbrev offset */
  dlext_buf_u8(b, 8);
  dlext_buf_uleb(b, AB_CU);
  strp(c, "libdl-ext " "0.1.0");
  dlext_buf_u16(b, d->language);
  strp(c, d->file);
  strp(c, d->comp_dir ? d->comp_dir : "");
  dlext_buf_u64(b, c->addr);
  dlext_buf_u64(b, c->size);
  dlext_buf_u32(b, 0); /* .debug_line offset */
  for (size_t i = 0; i < d->ntypes; i++) {
    type_off[i] = (uint32_t)b->n;
    emit_type(c, i, type_off);
  }
  dlext_buf_uleb(b, d->ret_type >= 0 ? AB_SUB_TYPED : AB_SUB_VOID);
  strp(c, c->name);
  dlext_buf_u8(b, 1);
  dlext_buf_u32(b, d->line);
  dlext_buf_u64(b, c->addr);
  dlext_buf_u64(b, c->size);
  dlext_buf_uleb(b, 1);
  dlext_buf_u8(b, DW_OP_call_frame_cfa);
  if (d->ret_type >= 0) dlext_buf_u32(b, type_off[d->ret_type]);
  for (size_t i = 0; i < d->nparams; i++) emit_param(c, &d->params[i], type_off);
  dlext_buf_u8(b, 0); /* end of subprogram */
  dlext_buf_u8(b, 0); /* end of compile unit */
  dlext_buf_patch32(b, 0, (uint32_t)(b->n - 4));
  free(type_off);
  return !b->oom;
}

/* -- .debug_line (version 4) -- */

static void line_row(struct dlext_buf *b, unsigned *off, unsigned *line, unsigned to_off, unsigned to_line) {
  if (to_off != *off) {
    dlext_buf_u8(b, DW_LNS_advance_pc);
    dlext_buf_uleb(b, to_off - *off);
  }
  if (to_line != *line) {
    dlext_buf_u8(b, DW_LNS_advance_line);
    dlext_buf_sleb(b, (int64_t)to_line - (int64_t)*line);
  }
  dlext_buf_u8(b, DW_LNS_copy);
  *off = to_off;
  *line = to_line;
}

static bool emit_line(struct jit_ctx *c) {
  static const unsigned char std_lengths[12] = { 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1 };
  const struct dlext_debug *d = c->d;
  struct dlext_buf *b = &c->line;
  dlext_buf_u32(b, 0); /* unit_length, patched */
  dlext_buf_u16(b, 4);
  dlext_buf_u32(b, 0); /* header_length, patched */
  size_t header_start = b->n;
  static const unsigned char params[] = { 1, 1, 1, (unsigned char)-5, 14, 13 };
  dlext_buf_bytes(b, params, sizeof params); /* min_inst, max_ops, default_is_stmt, line_base, range, opcode_base */
  dlext_buf_bytes(b, std_lengths, sizeof std_lengths);
  dlext_buf_u8(b, 0); /* no include directories: the file is relative to the CU's comp_dir */
  dlext_buf_str(b, d->file);
  dlext_buf_bytes(b, "\0\0\0", 3); /* directory 0, mtime, length */
  dlext_buf_u8(b, 0);
  dlext_buf_patch32(b, 6, (uint32_t)(b->n - header_start));
  dlext_buf_bytes(b, "\0\x09\x02", 3); /* DW_LNE_set_address */
  dlext_buf_u64(b, c->addr);
  unsigned off = 0, line = 1;
  if (d->nlines == 0) line_row(b, &off, &line, 0, d->line ? d->line : 1);
  for (size_t i = 0; i < d->nlines && d->lines[i].offset < c->size; i++)
    line_row(b, &off, &line, d->lines[i].offset, d->lines[i].line);
  dlext_buf_u8(b, DW_LNS_advance_pc);
  dlext_buf_uleb(b, c->size - off);
  dlext_buf_bytes(b, "\0\x01\x01", 3); /* DW_LNE_end_sequence */
  dlext_buf_patch32(b, 0, (uint32_t)(b->n - 4));
  return !b->oom;
}

/* -- .eh_frame -- */

static void cfa_advance(struct dlext_buf *b, unsigned *at, unsigned to) {
  unsigned delta = to - *at;
  if (delta < 64) dlext_buf_u8(b, DW_CFA_advance_loc | delta);
  else if (delta < 256) { dlext_buf_u8(b, DW_CFA_advance_loc1); dlext_buf_u8(b, delta); }
  else if (delta < 65536) { dlext_buf_u8(b, DW_CFA_advance_loc2); dlext_buf_u16(b, delta); }
  else { dlext_buf_u8(b, DW_CFA_advance_loc4); dlext_buf_u32(b, delta); }
  *at = to;
}

/* One CIE (absolute FDE addresses: the frame lives in the heap, far from the code) and one FDE
 * for a push rbp / mov rsp,rbp / ... / leave / ret function; zero-terminated for __register_frame. */
static bool emit_eh_frame(struct jit_ctx *c) {
  const struct dlext_debug *d = c->d;
  struct dlext_buf *b = &c->eh;
  dlext_buf_u32(b, 0);
  dlext_buf_u32(b, 0); /* CIE id */
  dlext_buf_u8(b, 1);
  dlext_buf_str(b, "zR");
  dlext_buf_uleb(b, 1);
  dlext_buf_sleb(b, -8);
  dlext_buf_uleb(b, REG_RA);
  dlext_buf_uleb(b, 1);
  dlext_buf_u8(b, DW_EH_PE_absptr);
  static const unsigned char init[] = { DW_CFA_def_cfa, REG_RSP, 8, DW_CFA_offset | REG_RA, 1 };
  dlext_buf_bytes(b, init, sizeof init);
  dlext_buf_align(b, 8, DW_CFA_nop);
  dlext_buf_patch32(b, 0, (uint32_t)(b->n - 4));
  size_t fde = b->n;
  dlext_buf_u32(b, 0);
  dlext_buf_u32(b, (uint32_t)(b->n)); /* distance back to the CIE */
  dlext_buf_u64(b, c->addr);
  dlext_buf_u64(b, c->size);
  dlext_buf_uleb(b, 0);
  unsigned at = 0;
  cfa_advance(b, &at, d->push_end);
  static const unsigned char pushed[] = { DW_CFA_def_cfa_offset, 16, DW_CFA_offset | REG_RBP, 2 };
  dlext_buf_bytes(b, pushed, sizeof pushed);
  cfa_advance(b, &at, d->mov_end);
  static const unsigned char framed[] = { DW_CFA_def_cfa_register, REG_RBP };
  dlext_buf_bytes(b, framed, sizeof framed);
  if (d->leave_end && d->leave_end < c->size) {
    cfa_advance(b, &at, d->leave_end);
    static const unsigned char left[] = { DW_CFA_def_cfa, REG_RSP, 8, DW_CFA_restore | REG_RBP };
    dlext_buf_bytes(b, left, sizeof left);
  }
  dlext_buf_align(b, 8, DW_CFA_nop);
  dlext_buf_patch32(b, fde, (uint32_t)(b->n - fde - 4));
  dlext_buf_u32(b, 0); /* terminator */
  return !b->oom;
}

/* -- .symtab / .strtab -- */

static void sym(struct jit_ctx *c, const char *name, unsigned char info, Elf64_Half shndx, uint64_t size) {
  Elf64_Sym s = { .st_name = (Elf64_Word)c->strtab.n, .st_info = info, .st_shndx = shndx, .st_size = size };
  dlext_buf_str(&c->strtab, name);
  dlext_buf_bytes(&c->symtab, &s, sizeof s);
}

/* -- The ELF container (ET_REL, section addresses absolute, as gdb's JIT reader expects) -- */

struct section { const char *name; Elf64_Word type; Elf64_Xword flags; struct dlext_buf *body; uint64_t addr, size;
                 Elf64_Word link, info; Elf64_Xword entsize; size_t off; };

static void assemble(struct dlext_buf *img, struct section *sec, size_t nsec, size_t *eh_off) {
  struct dlext_buf shstr = { 0 };
  dlext_buf_u8(&shstr, 0);
  Elf64_Ehdr eh = { 0 };
  dlext_buf_bytes(img, &eh, sizeof eh);
  for (size_t i = 1; i < nsec; i++) {
    dlext_buf_align(img, 8, 0);
    sec[i].off = img->n;
    if (sec[i].body) dlext_buf_bytes(img, sec[i].body->p, sec[i].body->n);
    if (strcmp(sec[i].name, ".eh_frame") == 0) *eh_off = sec[i].off;
  }
  dlext_buf_align(img, 8, 0);
  size_t shstr_off = img->n;
  for (size_t i = 1; i < nsec; i++) dlext_buf_str(&shstr, sec[i].name);
  dlext_buf_bytes(img, shstr.p, shstr.n);
  dlext_buf_align(img, 8, 0);
  size_t shoff = img->n, name = 1;
  Elf64_Shdr null = { 0 };
  dlext_buf_bytes(img, &null, sizeof null);
  for (size_t i = 1; i < nsec; i++) {
    Elf64_Shdr sh = { .sh_name = (Elf64_Word)name, .sh_type = sec[i].type, .sh_flags = sec[i].flags,
      .sh_addr = sec[i].addr, .sh_offset = sec[i].off, .sh_size = sec[i].body ? sec[i].body->n : sec[i].size,
      .sh_link = sec[i].link, .sh_info = sec[i].info, .sh_addralign = i == 1 ? 16 : 8, .sh_entsize = sec[i].entsize };
    if (sec[i].type == SHT_STRTAB) sh.sh_addralign = 1;
    if (sec[i].type == SHT_STRTAB && i + 1 == nsec) { sh.sh_offset = shstr_off; sh.sh_size = shstr.n; }
    name += strlen(sec[i].name) + 1;
    dlext_buf_bytes(img, &sh, sizeof sh);
  }
  if (shstr.oom) img->oom = true;
  dlext_buf_free(&shstr);
  if (img->oom) return;
  Elf64_Ehdr *h = (Elf64_Ehdr *)img->p;
  memcpy(h->e_ident, ELFMAG, SELFMAG);
  h->e_ident[EI_CLASS] = ELFCLASS64;
  h->e_ident[EI_DATA] = ELFDATA2LSB;
  h->e_ident[EI_VERSION] = EV_CURRENT;
  h->e_type = ET_REL;
  h->e_machine = EM_X86_64;
  h->e_version = EV_CURRENT;
  h->e_ehsize = sizeof *h;
  h->e_shoff = shoff;
  h->e_shentsize = sizeof(Elf64_Shdr);
  h->e_shnum = (Elf64_Half)nsec;
  h->e_shstrndx = (Elf64_Half)(nsec - 1);
}

static void ctx_free(struct jit_ctx *c) {
  struct dlext_buf *bufs[] = { &c->info, &c->abbrev, &c->line, &c->str, &c->eh, &c->symtab, &c->strtab };
  for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++) dlext_buf_free(bufs[i]);
}

/* Build the sections for c, in section order. Returns the count. */
static size_t sections(struct jit_ctx *c, struct section *s, bool eh, bool dwarf) {
  size_t n = 1;
  s[n++] = (struct section){ ".text", SHT_NOBITS, SHF_ALLOC | SHF_EXECINSTR, NULL, c->addr, c->size, 0, 0, 0, 0 };
  if (eh) s[n++] = (struct section){ ".eh_frame", SHT_PROGBITS, SHF_ALLOC, &c->eh, 0, 0, 0, 0, 0, 0 };
  size_t symtab = n;
  s[n++] = (struct section){ ".symtab", SHT_SYMTAB, 0, &c->symtab, 0, 0, (Elf64_Word)(symtab + 1), dwarf ? 2 : 1,
                             sizeof(Elf64_Sym), 0 };
  s[n++] = (struct section){ ".strtab", SHT_STRTAB, 0, &c->strtab, 0, 0, 0, 0, 0, 0 };
  if (dwarf) {
    s[n++] = (struct section){ ".debug_info", SHT_PROGBITS, 0, &c->info, 0, 0, 0, 0, 0, 0 };
    s[n++] = (struct section){ ".debug_abbrev", SHT_PROGBITS, 0, &c->abbrev, 0, 0, 0, 0, 0, 0 };
    s[n++] = (struct section){ ".debug_line", SHT_PROGBITS, 0, &c->line, 0, 0, 0, 0, 0, 0 };
    s[n++] = (struct section){ ".debug_str", SHT_PROGBITS, 0, &c->str, 0, 0, 0, 0, 0, 0 };
  }
  s[n++] = (struct section){ ".shstrtab", SHT_STRTAB, 0, NULL, 0, 0, 0, 0, 0, 0 };
  return n;
}

/* -- The symbol-only object: one fixed layout, one allocation (dlbind's fast path) --
 *
 * A symbol alone is not enough for gdb's frame names here: the generated .so's own .text section
 * covers the same addresses and wins the section lookup, and gdb read its .dynsym before the name
 * existed. So the object also carries a minimal compile unit with one subprogram (name and range). */

static const char sym_shstrtab[] = "\0.text\0.symtab\0.strtab\0.debug_info\0.debug_abbrev\0.shstrtab";

static const unsigned char sym_abbrev[] = {
  AB_CU, DW_TAG_compile_unit, 1, DW_AT_language, DW_FORM_data2, DW_AT_low_pc, DW_FORM_addr,
  DW_AT_high_pc, DW_FORM_data8, 0, 0,
  2, DW_TAG_subprogram, 0, DW_AT_name, 0x08 /* DW_FORM_string */, DW_AT_external, DW_FORM_flag_present,
  DW_AT_low_pc, DW_FORM_addr, DW_AT_high_pc, DW_FORM_data8, 0, 0,
  0 };

struct sym_object {
  Elf64_Ehdr eh;
  Elf64_Shdr sh[7];       /* null, .text, .symtab, .strtab, .debug_info, .debug_abbrev, .shstrtab */
  Elf64_Sym sym[2];
  char shstrtab[sizeof sym_shstrtab];
  unsigned char abbrev[sizeof sym_abbrev];
  unsigned char tail[];   /* .strtab ("\0" name "\0"), then .debug_info */
};

static const struct sym_object sym_template = {
  .eh = { .e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB, EV_CURRENT },
          .e_type = ET_REL, .e_machine = EM_X86_64, .e_version = EV_CURRENT, .e_ehsize = sizeof(Elf64_Ehdr),
          .e_shoff = offsetof(struct sym_object, sh), .e_shentsize = sizeof(Elf64_Shdr), .e_shnum = 7, .e_shstrndx = 6 },
  .sh = { { 0 },
          { .sh_name = 1, .sh_type = SHT_NOBITS, .sh_flags = SHF_ALLOC | SHF_EXECINSTR, .sh_addralign = 16 },
          { .sh_name = 7, .sh_type = SHT_SYMTAB, .sh_offset = offsetof(struct sym_object, sym),
            .sh_size = 2 * sizeof(Elf64_Sym), .sh_link = 3, .sh_info = 1, .sh_addralign = 8, .sh_entsize = sizeof(Elf64_Sym) },
          { .sh_name = 15, .sh_type = SHT_STRTAB, .sh_offset = offsetof(struct sym_object, tail), .sh_addralign = 1 },
          { .sh_name = 23, .sh_type = SHT_PROGBITS, .sh_addralign = 1 },
          { .sh_name = 35, .sh_type = SHT_PROGBITS, .sh_offset = offsetof(struct sym_object, abbrev),
            .sh_size = sizeof sym_abbrev, .sh_addralign = 1 },
          { .sh_name = 49, .sh_type = SHT_STRTAB, .sh_offset = offsetof(struct sym_object, shstrtab),
            .sh_size = sizeof sym_shstrtab, .sh_addralign = 1 } },
  .sym = { { 0 }, { .st_name = 1, .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC), .st_shndx = 1 } },
  .shstrtab = "\0.text\0.symtab\0.strtab\0.debug_info\0.debug_abbrev\0.shstrtab",
};

static unsigned char *put(unsigned char *p, const void *src, size_t n) { memcpy(p, src, n); return p + n; }

/* .debug_info: CU (language C, range) with one subprogram (name inline, range). */
static size_t sym_info(unsigned char *p, const char *name, size_t len, uint64_t addr, uint64_t size) {
  unsigned char *start = p;
  uint32_t unit_length = (uint32_t)(7 + 1 + 2 + 8 + 8 + 1 + len + 1 + 8 + 8 + 1);
  uint16_t version = 4, lang = DLEXT_DW_LANG_C99;
  uint32_t abbrev_off = 0;
  p = put(p, &unit_length, 4);
  p = put(p, &version, 2);
  p = put(p, &abbrev_off, 4);
  *p++ = 8;
  *p++ = AB_CU;
  p = put(p, &lang, 2);
  p = put(p, &addr, 8);
  p = put(p, &size, 8);
  *p++ = 2;
  p = put(p, name, len + 1);
  p = put(p, &addr, 8);
  p = put(p, &size, 8);
  *p++ = 0;
  return (size_t)(p - start);
}

static int jit_symbol_only(const char *name, uintptr_t addr, size_t size, struct dlext_jit_entry **entry_ret) {
  size_t len = strlen(name), head = offsetof(struct sym_object, tail);
  size_t total = head + (len + 2) + (4 + 7 + 1 + 2 + 8 + 8 + 1 + len + 1 + 8 + 8 + 1);
  struct sym_object *o = malloc(total > sizeof *o ? total : sizeof *o);
  if (!o) return DLEXT_E_NOMEM;
  memcpy(o, &sym_template, head);
  memcpy(o->abbrev, sym_abbrev, sizeof sym_abbrev);
  o->tail[0] = '\0';
  memcpy(o->tail + 1, name, len + 1);
  size_t info_off = head + len + 2;
  size_t info_len = sym_info((unsigned char *)o + info_off, name, len, addr, size);
  o->sh[1].sh_addr = addr;
  o->sh[1].sh_size = size;
  o->sh[3].sh_size = len + 2;
  o->sh[4].sh_offset = info_off;
  o->sh[4].sh_size = info_len;
  o->sym[1].st_size = size;
  int rc = dlext_jit_register((unsigned char *)o, info_off + info_len, NULL, entry_ret);
  if (rc != 0) free(o);
  return rc;
}

int dlext_jit_function(const char *name, uintptr_t addr, size_t size, const struct dlext_debug *d,
                       struct dlext_jit_entry **entry_ret) {
  if (!d) return jit_symbol_only(name, addr, size ? size : 1, entry_ret);
  struct jit_ctx c = { .name = name, .addr = addr, .size = size ? size : 1, .d = d };
  bool eh = d && d->has_frame;
  Elf64_Sym null = { 0 };
  dlext_buf_u8(&c.strtab, 0);
  dlext_buf_bytes(&c.symtab, &null, sizeof null);
  bool dwarf = !d->frame_only;
  if (dwarf) sym(&c, d->file, ELF64_ST_INFO(STB_LOCAL, STT_FILE), SHN_ABS, 0);
  sym(&c, name, ELF64_ST_INFO(STB_GLOBAL, STT_FUNC), 1, c.size);
  bool ok = !c.symtab.oom && !c.strtab.oom;
  if (ok && dwarf) {
    emit_abbrev(&c.abbrev);
    ok = emit_info(&c) && emit_line(&c) && !c.abbrev.oom && !c.str.oom;
  }
  if (ok && eh) ok = emit_eh_frame(&c);
  struct section s[12] = { 0 };
  size_t nsec = sections(&c, s, eh, dwarf), eh_off = 0;
  struct dlext_buf img = { 0 };
  if (ok) assemble(&img, s, nsec, &eh_off);
  ctx_free(&c);
  if (!ok || img.oom) {
    dlext_buf_free(&img);
    return DLEXT_E_NOMEM;
  }
  if (eh) { /* the frame's address is final now: give gdb the same view the unwinder gets */
    Elf64_Shdr *sh = (Elf64_Shdr *)(img.p + ((Elf64_Ehdr *)img.p)->e_shoff);
    sh[2].sh_addr = (uintptr_t)(img.p + eh_off);
  }
  int rc = dlext_jit_register(img.p, img.n, eh ? img.p + eh_off : NULL, entry_ret);
  if (rc != 0) dlext_buf_free(&img);
  return rc;
}
