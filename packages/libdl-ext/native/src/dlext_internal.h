/* libdl-ext: internal state shared by the core's files. */
#ifndef DLEXT_INTERNAL_H
#define DLEXT_INTERNAL_H

#include <elf.h>
#include <link.h>
#include <pthread.h>
#include <stdbool.h>
#include "libdl-ext.h"

struct dlext_jit_entry;

/* -- Layout of one generated object (file offsets equal virtual addresses) -- */

/* Section indexes of the generated shared object. */
enum { DLEXT_SHN_HASH = 1, DLEXT_SHN_DYNSYM, DLEXT_SHN_DYNSTR, DLEXT_SHN_TEXT, DLEXT_SHN_DYNAMIC,
       DLEXT_SHN_DATA, DLEXT_SHN_SHSTRTAB, DLEXT_SHNUM };

struct dlext_layout {
  size_t nsym, nbucket, strcap;   /* symbol slots (slot 0 is the null symbol), buckets, name bytes */
  size_t hash_off, dynsym_off, dynstr_off, ro_end;
  size_t text_off, text_size;     /* executable segment */
  size_t data_off, data_size;     /* read-write segment: .dynamic page, then data */
  size_t shstr_off, shdr_off, file_size;
};

/* -- Free-list allocator over one region -- */

struct dlext_block { size_t off, size; struct dlext_block *next; };

struct dlext_region {
  size_t base, size, bump;        /* region [base, base+size) in object offsets; bump pointer */
  struct dlext_block *free;       /* freed blocks, sorted by offset, coalesced */
};

/* -- One generated object -- */

struct dlext_object {
  struct dlext_lib *lib;
  int index;                      /* position in the library's chain */
  char *path;                     /* the file in /dev/shm */
  void *dl;                       /* dlopen handle */
  uintptr_t base;                 /* l_addr: load address of offset 0 */
  unsigned char *alias;           /* MAP_SHARED read-write view of the whole file (never exec) */
  int fd;                         /* read-only descriptor, to remap executable pages (see dlext_code_sync) */
  struct dlext_layout lay;
  Elf64_Word *hash;               /* alias of .hash: nbucket, nchain, buckets, chains */
  Elf64_Sym *syms;                /* alias of .dynsym */
  char *strs;                     /* alias of .dynstr */
  size_t str_used;                /* bytes of .dynstr in use (names are never moved) */
  size_t sym_high;                /* one past the highest slot ever used */
  size_t sym_live;                /* bound symbols */
  uint32_t *free_slots;           /* unbound slots for reuse */
  size_t nfree_slots;
  struct dlext_jit_entry **jit;   /* per slot: gdb JIT entry or NULL */
  struct dlext_region text, data;
  struct dlext_alloc_rec *allocs; /* live allocations, open addressing by offset */
  size_t nallocs, allocs_cap;
  struct dlext_object *next;
};

struct dlext_alloc_rec { size_t off, size; }; /* size 0 = empty slot; SIZE_MAX = tombstone */

/* -- One library: a chain of objects -- */

struct dlext_lib {
  char name[65];
  struct dlext_config cfg;
  struct dlext_object *objects, *last;
  int nobjects;
  struct dlext_lib *next;
};

/* The lock every public entry takes. */
extern pthread_mutex_t dlext_lock;

/* -- Errors (dlext_error.c) -- */
int dlext_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* -- Object files (dlext_elf.c) -- */
void dlext_layout_compute(const struct dlext_config *cfg, struct dlext_layout *lay);
void dlext_elf_write(const struct dlext_layout *lay, unsigned char *image);
Elf64_Word dlext_elf_hash(const char *name);

/* -- Libraries (dlext_lib.c) -- */
struct dlext_lib *dlext_lib_find(void *handle);
int dlext_lib_grow(struct dlext_lib *lib, size_t text_need, size_t data_need, struct dlext_object **obj_ret);
struct dlext_object *dlext_object_at(struct dlext_lib *lib, uintptr_t addr);

/* -- Allocations (dlext_alloc.c) -- */
void dlext_region_init(struct dlext_region *r, size_t base, size_t size);
void dlext_region_deinit(struct dlext_region *r);
bool dlext_region_take(struct dlext_region *r, size_t size, size_t *off_ret);
const struct dlext_alloc_rec *dlext_alloc_find(const struct dlext_object *o, size_t off);
int dlext_alloc_locked(struct dlext_lib *lib, size_t size, unsigned flags, void **addr_ret);
int dlext_code_sync(struct dlext_object *o, size_t off, size_t len);

/* -- Symbols (dlext_bind.c) -- */
int dlext_sym_find(const struct dlext_object *o, const char *name, Elf64_Word hash, size_t *slot_ret);
bool dlext_sym_room(const struct dlext_object *o, size_t namelen, size_t headroom);
int dlext_bind_locked(struct dlext_lib *lib, const char *name, uintptr_t addr, size_t size,
                      unsigned kind, struct dlext_object **obj_ret, size_t *slot_ret);
void dlext_unbind_slot(struct dlext_object *o, size_t slot);

/* -- Debug descriptions (dlext_debug.c) -- */

enum dlext_dtype_kind { DLEXT_T_BASE = 1, DLEXT_T_POINTER, DLEXT_T_STRUCT };

struct dlext_dtype { int kind; char *name; unsigned encoding, size; int target; };
struct dlext_dmember { int owner; char *name; int type; unsigned offset; };
struct dlext_dparam { char *name; int type, loc_kind; long loc; };
struct dlext_dline { unsigned offset, line; };

struct dlext_debug {
  char *file, *comp_dir;
  unsigned line, language;
  int ret_type;                         /* -1: void */
  struct dlext_dtype *types; size_t ntypes, types_cap;
  struct dlext_dmember *members; size_t nmembers, members_cap;
  struct dlext_dparam *params; size_t nparams, params_cap;
  struct dlext_dline *lines; size_t nlines, lines_cap;
  bool has_frame;
  unsigned push_end, mov_end, leave_end;
  bool frame_only;                      /* .eh_frame and symbol, no DWARF (entry points without a file) */
};

/* -- Byte buffers for emitters -- */

struct dlext_buf { unsigned char *p; size_t n, cap; bool oom; };
void dlext_buf_bytes(struct dlext_buf *b, const void *src, size_t n);
void dlext_buf_u8(struct dlext_buf *b, unsigned v);
void dlext_buf_u16(struct dlext_buf *b, unsigned v);
void dlext_buf_u32(struct dlext_buf *b, uint32_t v);
void dlext_buf_u64(struct dlext_buf *b, uint64_t v);
void dlext_buf_uleb(struct dlext_buf *b, uint64_t v);
void dlext_buf_sleb(struct dlext_buf *b, int64_t v);
void dlext_buf_str(struct dlext_buf *b, const char *s);
void dlext_buf_align(struct dlext_buf *b, size_t a, unsigned fill);
void dlext_buf_patch32(struct dlext_buf *b, size_t at, uint32_t v);
void dlext_buf_free(struct dlext_buf *b);

/* -- In-memory ELF for gdb (dlext_jitelf.c): symbol only when d is NULL -- */
int dlext_jit_function(const char *name, uintptr_t addr, size_t size, const struct dlext_debug *d,
                       struct dlext_jit_entry **entry_ret);

/* -- Perf map (dlext_perf.c) -- */
void dlext_perf_add(const struct dlext_lib *lib, uintptr_t addr, size_t size, const char *name,
                    const struct dlext_debug *d);

/* -- gdb JIT interface (dlext_gdbjit.c) -- */
int dlext_jit_register(const unsigned char *elf, size_t size, const void *eh_frame, struct dlext_jit_entry **entry_ret);
void dlext_jit_unregister(struct dlext_jit_entry *entry);

#endif
