/* libdl-ext: the layout and headers of a generated ELF shared object. */
#include <string.h>
#include "dlext_internal.h"

#define PAGE 4096u
#define NPHDR 5
#define NDYN 6

static size_t align_up(size_t v, size_t a) { return (v + a - 1) & ~(a - 1); }

/* A prime number of buckets near n keeps SysV chains about one entry long for a full table
 * (dlsym walks a chain with a strcmp per entry; there is no Bloom filter as in GNU hash). At
 * most 65521: the buckets are touched at random, so they cost memory however empty the table. */
static size_t pick_buckets(size_t n) {
  size_t b = n < 17 ? 17 : n > 65521 ? 65521 : n;
  for (;; b++) {
    bool prime = true;
    for (size_t d = 2; d * d <= b && prime; d++) prime = b % d != 0;
    if (prime) return b;
  }
}

/* Place every part of the object; sizes come from cfg (already defaulted). */
void dlext_layout_compute(const struct dlext_config *cfg, struct dlext_layout *lay) {
  memset(lay, 0, sizeof *lay);
  lay->nsym = cfg->symbols + 1;
  lay->nbucket = pick_buckets(cfg->symbols);
  lay->strcap = cfg->strtab + 1;
  lay->hash_off = align_up(sizeof(Elf64_Ehdr) + NPHDR * sizeof(Elf64_Phdr), 8);
  lay->dynsym_off = align_up(lay->hash_off + (2 + lay->nbucket + lay->nsym) * 4, 8);
  lay->dynstr_off = lay->dynsym_off + lay->nsym * sizeof(Elf64_Sym);
  lay->ro_end = align_up(lay->dynstr_off + lay->strcap, PAGE);
  lay->text_off = lay->ro_end;
  lay->text_size = align_up(cfg->text, PAGE);
  lay->data_off = lay->text_off + lay->text_size;
  lay->data_size = PAGE + align_up(cfg->data, PAGE);
  lay->shstr_off = lay->data_off + lay->data_size;
  lay->shdr_off = align_up(lay->shstr_off + 128, 8);
  lay->file_size = lay->shdr_off + DLEXT_SHNUM * sizeof(Elf64_Shdr);
}

/* -- Headers -- */

static void write_ehdr(const struct dlext_layout *lay, Elf64_Ehdr *eh) {
  memcpy(eh->e_ident, ELFMAG, SELFMAG);
  eh->e_ident[EI_CLASS] = ELFCLASS64;
  eh->e_ident[EI_DATA] = ELFDATA2LSB;
  eh->e_ident[EI_VERSION] = EV_CURRENT;
  eh->e_ident[EI_OSABI] = ELFOSABI_SYSV;
  eh->e_type = ET_DYN;
  eh->e_machine = EM_X86_64;
  eh->e_version = EV_CURRENT;
  eh->e_phoff = sizeof(Elf64_Ehdr);
  eh->e_shoff = lay->shdr_off;
  eh->e_ehsize = sizeof(Elf64_Ehdr);
  eh->e_phentsize = sizeof(Elf64_Phdr);
  eh->e_phnum = NPHDR;
  eh->e_shentsize = sizeof(Elf64_Shdr);
  eh->e_shnum = DLEXT_SHNUM;
  eh->e_shstrndx = DLEXT_SHN_SHSTRTAB;
}

static void set_phdr(Elf64_Phdr *ph, Elf64_Word type, Elf64_Word flags, size_t off, size_t size, size_t align) {
  ph->p_type = type;
  ph->p_flags = flags;
  ph->p_offset = ph->p_vaddr = ph->p_paddr = off;
  ph->p_filesz = ph->p_memsz = size;
  ph->p_align = align;
}

/* Read-only headers and symbols, executable text, read-write dynamic + data, and a
 * non-executable stack (without PT_GNU_STACK glibc would make the stack executable). */
static void write_phdrs(const struct dlext_layout *lay, Elf64_Phdr *ph) {
  set_phdr(&ph[0], PT_LOAD, PF_R, 0, lay->ro_end, PAGE);
  set_phdr(&ph[1], PT_LOAD, PF_R | PF_X, lay->text_off, lay->text_size, PAGE);
  set_phdr(&ph[2], PT_LOAD, PF_R | PF_W, lay->data_off, lay->data_size, PAGE);
  set_phdr(&ph[3], PT_DYNAMIC, PF_R | PF_W, lay->data_off, NDYN * sizeof(Elf64_Dyn), 8);
  set_phdr(&ph[4], PT_GNU_STACK, PF_R | PF_W, 0, 0, 16);
}

static void write_dynamic(const struct dlext_layout *lay, Elf64_Dyn *d) {
  d[0] = (Elf64_Dyn){ .d_tag = DT_HASH, .d_un.d_ptr = lay->hash_off };
  d[1] = (Elf64_Dyn){ .d_tag = DT_STRTAB, .d_un.d_ptr = lay->dynstr_off };
  d[2] = (Elf64_Dyn){ .d_tag = DT_SYMTAB, .d_un.d_ptr = lay->dynsym_off };
  d[3] = (Elf64_Dyn){ .d_tag = DT_STRSZ, .d_un.d_val = lay->strcap };
  d[4] = (Elf64_Dyn){ .d_tag = DT_SYMENT, .d_un.d_val = sizeof(Elf64_Sym) };
  d[5] = (Elf64_Dyn){ .d_tag = DT_NULL };
}

/* -- Sections (for readelf and gdb; the loader uses only the program headers) -- */

static const char shstrtab[] = "\0.hash\0.dynsym\0.dynstr\0.text\0.dynamic\0.data\0.shstrtab";

static Elf64_Word shname(const char *name) {
  for (size_t i = 1; i < sizeof shstrtab; i += strlen(shstrtab + i) + 1)
    if (strcmp(shstrtab + i, name) == 0) return (Elf64_Word)i;
  return 0;
}

static void set_shdr(Elf64_Shdr *sh, const char *name, Elf64_Word type, Elf64_Xword flags, size_t off,
                     size_t size, Elf64_Word link, size_t entsize) {
  sh->sh_name = shname(name);
  sh->sh_type = type;
  sh->sh_flags = flags;
  sh->sh_addr = (flags & SHF_ALLOC) ? off : 0;
  sh->sh_offset = off;
  sh->sh_size = size;
  sh->sh_link = link;
  sh->sh_addralign = 8;
  sh->sh_entsize = entsize;
}

static void write_shdrs(const struct dlext_layout *lay, Elf64_Shdr *sh) {
  /* Sizes of the symbol tables in use (just the null symbol so far); dlbind keeps them current. */
  set_shdr(&sh[DLEXT_SHN_HASH], ".hash", SHT_HASH, SHF_ALLOC, lay->hash_off, (2 + lay->nbucket + 1) * 4,
           DLEXT_SHN_DYNSYM, 4);
  set_shdr(&sh[DLEXT_SHN_DYNSYM], ".dynsym", SHT_DYNSYM, SHF_ALLOC, lay->dynsym_off, sizeof(Elf64_Sym),
           DLEXT_SHN_DYNSTR, sizeof(Elf64_Sym));
  sh[DLEXT_SHN_DYNSYM].sh_info = 1; /* every symbol after the null one is global */
  set_shdr(&sh[DLEXT_SHN_DYNSTR], ".dynstr", SHT_STRTAB, SHF_ALLOC, lay->dynstr_off, 1, 0, 0);
  set_shdr(&sh[DLEXT_SHN_TEXT], ".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, lay->text_off,
           lay->text_size, 0, 0);
  sh[DLEXT_SHN_TEXT].sh_addralign = 16;
  set_shdr(&sh[DLEXT_SHN_DYNAMIC], ".dynamic", SHT_DYNAMIC, SHF_ALLOC | SHF_WRITE, lay->data_off,
           NDYN * sizeof(Elf64_Dyn), DLEXT_SHN_DYNSTR, sizeof(Elf64_Dyn));
  set_shdr(&sh[DLEXT_SHN_DATA], ".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, lay->data_off + PAGE,
           lay->data_size - PAGE, 0, 0);
  set_shdr(&sh[DLEXT_SHN_SHSTRTAB], ".shstrtab", SHT_STRTAB, 0, lay->shstr_off, sizeof shstrtab, 0, 0);
  sh[DLEXT_SHN_SHSTRTAB].sh_addralign = 1;
}

/* Write headers, .dynamic and the empty tables into a zero-filled image of lay->file_size. */
void dlext_elf_write(const struct dlext_layout *lay, unsigned char *image) {
  write_ehdr(lay, (Elf64_Ehdr *)image);
  write_phdrs(lay, (Elf64_Phdr *)(image + sizeof(Elf64_Ehdr)));
  Elf64_Word *hash = (Elf64_Word *)(image + lay->hash_off);
  hash[0] = (Elf64_Word)lay->nbucket;
  hash[1] = 1; /* nchain: raised as slots are used (dladdr scans this many symbols) */
  write_dynamic(lay, (Elf64_Dyn *)(image + lay->data_off));
  memcpy(image + lay->shstr_off, shstrtab, sizeof shstrtab);
  write_shdrs(lay, (Elf64_Shdr *)(image + lay->shdr_off));
}

/* The SysV ELF hash of a symbol name. */
Elf64_Word dlext_elf_hash(const char *name) {
  Elf64_Word h = 0;
  for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
    h = (h << 4) + *p;
    Elf64_Word g = h & 0xf0000000u;
    h ^= g >> 24;
    h &= ~g;
  }
  return h;
}
