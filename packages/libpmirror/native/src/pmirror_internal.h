/* libpmirror: internal declarations shared by the core's files. */
#ifndef PMIRROR_INTERNAL_H
#define PMIRROR_INTERNAL_H

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "libpmirror.h"

/* -- Errors -- */

/* Records a detailed message for pmirror_last_error and returns code. */
int pm_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* -- Bounds-checked reader -- */

/* A view (p, end) that advances as it reads; any overrun sets err and yields zeros. */
typedef struct {
  const uint8_t *p, *end, *start;
  bool err;
} pm_reader;

static inline void pm_reader_init(pm_reader *r, const uint8_t *data, size_t size) {
  r->start = r->p = data;
  r->end = data + size;
  r->err = false;
}
static inline size_t pm_left(const pm_reader *r) { return (size_t)(r->end - r->p); }
static inline uint64_t pm_pos(const pm_reader *r) { return (uint64_t)(r->p - r->start); }
static inline bool pm_need(pm_reader *r, size_t n) {
  if (r->err || pm_left(r) < n) {
    r->err = true;
    r->p = r->end;
    return false;
  }
  return true;
}
static inline void pm_skip(pm_reader *r, uint64_t n) {
  if (n > pm_left(r)) {
    r->err = true;
    r->p = r->end;
  } else {
    r->p += n;
  }
}
static inline void pm_seek(pm_reader *r, uint64_t off) {
  if (off > (uint64_t)(r->end - r->start)) {
    r->err = true;
    r->p = r->end;
  } else {
    r->p = r->start + off;
  }
}
static inline uint8_t pm_u8(pm_reader *r) { return pm_need(r, 1) ? *r->p++ : 0; }
static inline uint16_t pm_u16(pm_reader *r) {
  if (!pm_need(r, 2)) return 0;
  uint16_t v = (uint16_t)(r->p[0] | r->p[1] << 8);
  r->p += 2;
  return v;
}
static inline uint32_t pm_u24(pm_reader *r) {
  if (!pm_need(r, 3)) return 0;
  uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16;
  r->p += 3;
  return v;
}
static inline uint32_t pm_u32(pm_reader *r) {
  if (!pm_need(r, 4)) return 0;
  uint32_t v;
  memcpy(&v, r->p, 4);
  r->p += 4;
  return v;
}
static inline uint64_t pm_u64(pm_reader *r) {
  if (!pm_need(r, 8)) return 0;
  uint64_t v;
  memcpy(&v, r->p, 8);
  r->p += 8;
  return v;
}
static inline uint64_t pm_uN(pm_reader *r, unsigned n) {
  switch (n) {
  case 1: return pm_u8(r);
  case 2: return pm_u16(r);
  case 4: return pm_u32(r);
  case 8: return pm_u64(r);
  default: r->err = true; r->p = r->end; return 0;
  }
}
static inline uint64_t pm_uleb(pm_reader *r) {
  uint64_t v = 0;
  unsigned shift = 0;
  for (;;) {
    if (!pm_need(r, 1)) return 0;
    uint8_t b = *r->p++;
    if (shift < 64) v |= (uint64_t)(b & 0x7f) << shift;
    shift += 7;
    if (!(b & 0x80)) return v;
  }
}
static inline int64_t pm_sleb(pm_reader *r) {
  uint64_t v = 0;
  unsigned shift = 0;
  uint8_t b;
  do {
    if (!pm_need(r, 1)) return 0;
    b = *r->p++;
    if (shift < 64) v |= (uint64_t)(b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  if (shift < 64 && (b & 0x40)) v |= ~(uint64_t)0 << shift;
  return (int64_t)v;
}
/* A NUL-terminated string inside the view, or NULL (err set) when unterminated. */
static inline const char *pm_cstr(pm_reader *r) {
  const uint8_t *z = r->err ? NULL : memchr(r->p, 0, pm_left(r));
  if (!z) {
    r->err = true;
    r->p = r->end;
    return NULL;
  }
  const char *s = (const char *)r->p;
  r->p = z + 1;
  return s;
}
/* A NUL-terminated string at `off` of a section, or NULL. */
static inline const char *pm_str_at(const uint8_t *data, size_t size, uint64_t off) {
  if (!data || off >= size) return NULL;
  return memchr(data + off, 0, size - off) ? (const char *)data + off : NULL;
}

/* -- Growable text buffer (for JSON results) -- */

typedef struct {
  char *buf;
  size_t len, cap;
  bool oom;
} pm_sbuf;

void pm_sb_putc(pm_sbuf *b, char c);
void pm_sb_puts(pm_sbuf *b, const char *s);
void pm_sb_printf(pm_sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pm_sb_json_str(pm_sbuf *b, const char *s); /* a quoted JSON string, or null */
void pm_sb_json_str2(pm_sbuf *b, const char *prefix, const char *s); /* prefix (plain ASCII) + s, quoted */
int pm_sb_finish(pm_sbuf *b, char **out);       /* hands buf to *out, or PMIRROR_E_NOMEM */

/* -- ELF -- */

typedef struct {
  const char *name;
  uint32_t type, link, info;
  uint64_t flags, addr, offset, size, entsize, align;
  /* Contents, decompressed once on first use (under the file's lock). */
  const uint8_t *data;
  size_t data_size;
  uint8_t *owned; /* malloc'd decompressed bytes, or NULL */
  int state;      /* 0 not loaded, 1 loaded, < 0 the error it gave */
} pm_section;

typedef struct {
  uint32_t type, flags;
  uint64_t offset, vaddr, filesz, memsz;
} pm_segment;

typedef struct {
  const char *name;
  uint64_t value, size;
  uint8_t type, bind;
  uint16_t shndx;
  bool dynamic;
} pm_symbol;

struct pmirror_elf {
  char *path;
  uint8_t *image; /* the file's bytes */
  size_t size;
  bool mapped;    /* mmap'd (else malloc'd) */
  uint16_t type, machine;
  uint64_t entry;
  pm_section *sections;
  size_t nsections;
  pm_segment *segments;
  size_t nsegments;
  char build_id[129];
  const char *debuglink;
  uint32_t debuglink_crc;
  pthread_mutex_t lock;
  /* Symbols (.symtab and .dynsym), built on first use. */
  pthread_once_t syms_once;
  int syms_err;
  pm_symbol *syms;       /* all named symbols */
  size_t nsyms;
  uint32_t *by_addr;     /* indices of FUNC/OBJECT symbols sorted by value */
  size_t nby_addr;
  uint32_t *by_name;     /* hash table of indices + 1 (0 empty) */
  size_t by_name_cap;
};

const pm_section *pm_elf_find_section(pmirror_elf *elf, const char *name);
int pm_elf_section_data(pmirror_elf *elf, const pm_section *s, const uint8_t **data, size_t *size);
uint64_t pm_hash(const char *s);

/* -- DWARF -- */

/* A handful of DWARF constants, spelled as in the specification. */
enum {
  DW_TAG_array_type = 0x01, DW_TAG_class_type = 0x02, DW_TAG_enumeration_type = 0x04,
  DW_TAG_formal_parameter = 0x05, DW_TAG_lexical_block = 0x0b, DW_TAG_member = 0x0d,
  DW_TAG_pointer_type = 0x0f, DW_TAG_reference_type = 0x10, DW_TAG_compile_unit = 0x11,
  DW_TAG_structure_type = 0x13, DW_TAG_subroutine_type = 0x15, DW_TAG_typedef = 0x16,
  DW_TAG_union_type = 0x17, DW_TAG_unspecified_parameters = 0x18, DW_TAG_inlined_subroutine = 0x1d,
  DW_TAG_subrange_type = 0x21, DW_TAG_base_type = 0x24, DW_TAG_const_type = 0x26,
  DW_TAG_enumerator = 0x28, DW_TAG_subprogram = 0x2e, DW_TAG_variable = 0x34,
  DW_TAG_volatile_type = 0x35, DW_TAG_restrict_type = 0x37, DW_TAG_namespace = 0x39,
  DW_TAG_unspecified_type = 0x3b, DW_TAG_partial_unit = 0x3c, DW_TAG_type_unit = 0x41,
  DW_TAG_rvalue_reference_type = 0x42, DW_TAG_atomic_type = 0x47, DW_TAG_skeleton_unit = 0x4a,
};
enum {
  DW_AT_sibling = 0x01, DW_AT_location = 0x02, DW_AT_name = 0x03, DW_AT_byte_size = 0x0b,
  DW_AT_stmt_list = 0x10, DW_AT_low_pc = 0x11, DW_AT_high_pc = 0x12, DW_AT_language = 0x13,
  DW_AT_comp_dir = 0x1b, DW_AT_signature = 0x69, DW_AT_call_column = 0x57, DW_AT_call_file = 0x58,
  DW_AT_call_line = 0x59, DW_AT_entry_pc = 0x52, DW_AT_inline = 0x20, DW_AT_frame_base = 0x40, DW_AT_macros = 0x79,
  DW_AT_GNU_macros = 0x2119, DW_AT_macro_info = 0x43, DW_AT_const_value = 0x1c, DW_AT_upper_bound = 0x2f,
  DW_AT_abstract_origin = 0x31, DW_AT_bit_size = 0x0d, DW_AT_bit_offset = 0x0c,
  DW_AT_prototyped = 0x27, DW_AT_count = 0x37, DW_AT_data_member_location = 0x38,
  DW_AT_decl_file = 0x3a, DW_AT_decl_line = 0x3b, DW_AT_declaration = 0x3c, DW_AT_encoding = 0x3e,
  DW_AT_external = 0x3f, DW_AT_specification = 0x47, DW_AT_type = 0x49, DW_AT_ranges = 0x55,
  DW_AT_data_bit_offset = 0x6b, DW_AT_linkage_name = 0x6e, DW_AT_lower_bound = 0x22,
  DW_AT_str_offsets_base = 0x72, DW_AT_addr_base = 0x73, DW_AT_rnglists_base = 0x74,
  DW_AT_loclists_base = 0x8c, DW_AT_MIPS_linkage_name = 0x2007, DW_AT_GNU_vector = 0x2107,
  DW_AT_GNU_addr_base = 0x2133, DW_AT_GNU_ranges_base = 0x2132,
};
enum {
  DW_FORM_addr = 0x01, DW_FORM_block2 = 0x03, DW_FORM_block4 = 0x04, DW_FORM_data2 = 0x05,
  DW_FORM_data4 = 0x06, DW_FORM_data8 = 0x07, DW_FORM_string = 0x08, DW_FORM_block = 0x09,
  DW_FORM_block1 = 0x0a, DW_FORM_data1 = 0x0b, DW_FORM_flag = 0x0c, DW_FORM_sdata = 0x0d,
  DW_FORM_strp = 0x0e, DW_FORM_udata = 0x0f, DW_FORM_ref_addr = 0x10, DW_FORM_ref1 = 0x11,
  DW_FORM_ref2 = 0x12, DW_FORM_ref4 = 0x13, DW_FORM_ref8 = 0x14, DW_FORM_ref_udata = 0x15,
  DW_FORM_indirect = 0x16, DW_FORM_sec_offset = 0x17, DW_FORM_exprloc = 0x18,
  DW_FORM_flag_present = 0x19, DW_FORM_strx = 0x1a, DW_FORM_addrx = 0x1b, DW_FORM_ref_sup4 = 0x1c,
  DW_FORM_strp_sup = 0x1d, DW_FORM_data16 = 0x1e, DW_FORM_line_strp = 0x1f, DW_FORM_ref_sig8 = 0x20,
  DW_FORM_implicit_const = 0x21, DW_FORM_loclistx = 0x22, DW_FORM_rnglistx = 0x23,
  DW_FORM_ref_sup8 = 0x24, DW_FORM_strx1 = 0x25, DW_FORM_strx2 = 0x26, DW_FORM_strx3 = 0x27,
  DW_FORM_strx4 = 0x28, DW_FORM_addrx1 = 0x29, DW_FORM_addrx2 = 0x2a, DW_FORM_addrx3 = 0x2b,
  DW_FORM_addrx4 = 0x2c, DW_FORM_GNU_addr_index = 0x1f01, DW_FORM_GNU_str_index = 0x1f02,
  DW_FORM_GNU_ref_alt = 0x1f20, DW_FORM_GNU_strp_alt = 0x1f21,
};

typedef struct {
  uint16_t name, form;
  int64_t implicit_const;
} pm_attrspec;

typedef struct {
  uint64_t code;
  uint16_t tag;
  bool children;
  uint16_t nattrs;
  int32_t fixed_size;   /* size of all attributes when every form is fixed-size, else -1 */
  int16_t sibling_idx;  /* index of DW_AT_sibling among attrs, or -1 */
  pm_attrspec *attrs;
} pm_abbrev;

typedef struct {
  uint64_t offset;
  pm_abbrev *abbrevs; /* sorted by code; dense codes index directly */
  size_t n;
  bool dense;         /* abbrevs[i].code == i + 1 */
} pm_abbrev_table;

/* A compilation or type unit. DIE offsets are global: .debug_types offsets get PM_TYPES_BIT. */
#define PM_TYPES_BIT ((uint64_t)1 << 48)
typedef struct {
  uint64_t offset, die_offset, end; /* global offsets of the header, the first DIE, the end */
  uint16_t version;
  uint8_t unit_type, addr_size, offset_size;
  bool in_types;
  pm_abbrev_table *abbrev;
  uint64_t type_signature, type_offset;
  uint64_t str_offsets_base, addr_base, rnglists_base, loclists_base;
  uint64_t low_pc;
  const char *name, *comp_dir;
  uint64_t stmt_list;
  uint16_t language; /* DW_AT_language */
  uint64_t macros;   /* offset in .debug_macro (has_macros 1) or .debug_macinfo (2) */
  uint8_t has_macros;
  bool has_stmt;
  void *lines; /* pm_line_table *, built on first use */
} pm_unit;

/* A decoded attribute value. */
typedef struct {
  uint16_t name, form;
  enum { PM_V_NONE, PM_V_UDATA, PM_V_SDATA, PM_V_ADDR, PM_V_STR, PM_V_BLOCK, PM_V_REF, PM_V_FLAG,
         PM_V_SEC, PM_V_SIG, PM_V_RNGX, PM_V_LOCX } kind;
  union {
    uint64_t u;
    int64_t s;
    const char *str;
    struct { const uint8_t *data; uint64_t len; } block;
  } v;
} pm_attr;

/* A DIE: its unit, abbreviation and where its attributes are. */
typedef struct {
  uint64_t offset;        /* global */
  pm_unit *unit;
  const pm_abbrev *abbrev; /* NULL for a null entry */
  const uint8_t *attrs;
  uint64_t next;          /* global offset just after the attributes */
} pm_die;

typedef struct pm_index pm_index;

struct pmirror_debug {
  char *key;           /* build-id or path: the cache key */
  int refs;
  pmirror_elf *elf;    /* the file opened */
  pmirror_elf *delf;   /* the file with DWARF (elf or a separate one) */
  char *debug_path;
  /* Sections (decompressed) used by the reader. */
  const uint8_t *info, *types, *abbrev, *str, *line_str, *str_offsets, *addr, *line, *ranges,
      *rnglists, *aranges;
  size_t info_size, types_size, abbrev_size, str_size, line_str_size, str_offsets_size, addr_size,
      line_size, ranges_size, rnglists_size, aranges_size;
  pm_unit *units;
  size_t nunits;
  pm_abbrev_table *abbrevs;
  size_t nabbrevs;
  unsigned versions; /* bit v set when a unit of DWARF version v exists */
  double ms_open, ms_units, ms_index;
  pthread_once_t index_once;
  int index_err;
  pm_index *index;
  pthread_once_t macro_once;
  int macro_err;
  struct pm_macros *macros;
  struct pm_scopes *scopes; /* per-function inlined-call tables, guarded by lock */
  pthread_once_t inst_once;
  int inst_err;
  struct pm_instances *instances; /* abstract origin -> inlined instances, built on first use */
  const uint8_t *macro, *macinfo, *loc, *loclists;
  size_t macro_size, macinfo_size, loc_size, loclists_size;
  pthread_mutex_t lock; /* guards lazy per-unit line tables */
  pthread_mutex_t lazy_lock; /* guards the sections below loaded on first use */
  unsigned lazy_loaded;
  struct pmirror_debug *next_cached;
};

int pm_dwarf_load(pmirror_debug *d);
/* Loads (inflating once) the sections only some queries need: PM_LAZY_* bits. */
enum { PM_LAZY_LINE = 1, PM_LAZY_LOC = 2, PM_LAZY_LOCLISTS = 4, PM_LAZY_MACRO = 8, PM_LAZY_MACINFO = 16, PM_LAZY_COUNT = 5 };
int pm_lazy_sections(pmirror_debug *d, unsigned which);
void pm_dwarf_free(pmirror_debug *d);
pm_unit *pm_unit_of(pmirror_debug *d, uint64_t off);
int pm_die_at(pmirror_debug *d, uint64_t off, pm_die *die);
/* Reads all attributes of die, calling fn for each; stops early when fn returns nonzero. */
int pm_die_attrs(pmirror_debug *d, const pm_die *die, int (*fn)(void *ctx, const pm_attr *a), void *ctx);
/* Finds one attribute: 0 found, 1 absent, < 0 error. */
int pm_die_attr(pmirror_debug *d, const pm_die *die, uint16_t name, pm_attr *out);
/* The first child (0), none (1), or an error; then the next sibling the same way. */
int pm_die_child(pmirror_debug *d, const pm_die *die, pm_die *child);
int pm_die_sibling(pmirror_debug *d, const pm_die *die, pm_die *sib);
const char *pm_die_name(pmirror_debug *d, const pm_die *die);
int pm_skip_form(pm_reader *r, const pm_unit *u, uint16_t form, int depth);
int pm_read_form(pmirror_debug *d, pm_reader *r, const pm_unit *u, const pm_attrspec *spec, pm_attr *a);
/* Entry idx of the unit's .debug_addr table; *ok false when it lies outside. */
uint64_t pm_addr_index(pmirror_debug *d, const pm_unit *u, uint64_t idx, bool *ok);
uint64_t pm_resolve_type_sig(pmirror_debug *d, uint64_t sig); /* DIE of a type unit's type, or 0 */
/* Address ranges of a DIE (low/high or DW_AT_ranges): calls fn for each; returns status. */
int pm_die_ranges(pmirror_debug *d, const pm_die *die, void (*fn)(void *ctx, uint64_t lo, uint64_t hi),
                  void *ctx);

/* The byte size of a type DIE (typedefs and qualifiers followed, arrays multiplied): 0 or 1. */
int pm_type_size(pmirror_debug *d, uint64_t off, uint64_t *size);
/* The address in a DW_OP_addr / DW_OP_addrx location expression. */
bool pm_static_address(pmirror_debug *d, const pm_unit *u, const uint8_t *loc, uint64_t len, uint64_t *addr);

/* -- Indexes -- */

int pm_index_build(pmirror_debug *d);
void pm_index_free(pm_index *ix);
int pm_index_lookup(pmirror_debug *d, int kind, const char *name, uint64_t *die, bool *defined);
int pm_index_function_at(pmirror_debug *d, uint64_t addr, uint64_t *die, uint64_t *low);
int pm_index_variable_at(pmirror_debug *d, uint64_t addr, uint64_t *die, uint64_t *low);
int pm_index_enumerator(pmirror_debug *d, const char *name, uint64_t *die, uint64_t *enum_die);
int pm_index_list(pmirror_debug *d, int kind, pm_sbuf *b);
void pm_index_stats(pmirror_debug *d, pm_sbuf *b);
int pm_unit_at(pmirror_debug *d, uint64_t addr, pm_unit **unit);

/* -- Locations -- */

/* Finds the expression of a location attribute at pc: 0 with the bytes (len 0: optimized out /
 * no entry covers pc), or an error. */
int pm_location_expr(pmirror_debug *d, const pm_unit *u, const pm_attr *a, uint64_t pc, const uint8_t **expr,
                     uint64_t *len);

void pm_scopes_free(struct pm_scopes *s);
void pm_instances_free(struct pm_instances *s);

/* -- Macros -- */

int pm_macros_build(pmirror_debug *d);
void pm_macros_free(struct pm_macros *m);
void pm_macros_list(pmirror_debug *d, pm_sbuf *b);

/* -- Lines -- */

int pm_line_at(pmirror_debug *d, pm_unit *u, uint64_t addr, const char **file, unsigned *line,
               unsigned *col);
/* The path of file index `idx` in a unit's line table header, or NULL. */
const char *pm_line_file(pmirror_debug *d, pm_unit *u, uint64_t idx);
/* Calls fn for every row of a unit's line table whose file ends with `file` and whose line is `line`. */
int pm_line_rows(pmirror_debug *d, pm_unit *u, const char *file, unsigned line,
                 void (*fn)(void *ctx, uint64_t addr, const char *path, bool stmt), void *ctx);
void pm_line_free(void *table);

/* -- Debug file discovery -- */

int pm_find_debug_file(pmirror_elf *elf, const char *debug_dir, char **path_ret);

double pm_now_ms(void);

#endif
