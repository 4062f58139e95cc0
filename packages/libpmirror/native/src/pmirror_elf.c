/* libpmirror: ELF64 files: header, sections, segments, notes, debuglink, compressed sections. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "pmirror_internal.h"

/* -- Header, sections and segments -- */

static int parse_sections(pmirror_elf *elf, pm_reader *r, uint64_t shoff, uint16_t shentsize,
                          uint64_t shnum, uint16_t shstrndx) {
  if (shoff == 0) return 0;
  if (shentsize < sizeof(Elf64_Shdr)) return pm_fail(PMIRROR_E_CORRUPT, "section header size %u", shentsize);
  if (shnum == 0) { /* more than SHN_LORESERVE sections: the count is in section 0 */
    pm_seek(r, shoff + 32);
    shnum = pm_u64(r);
    if (shstrndx == SHN_XINDEX) { pm_seek(r, shoff + 40); shstrndx = (uint16_t)pm_u32(r); }
  }
  if (shnum > elf->size / shentsize || shoff > elf->size || shnum * shentsize > elf->size - shoff)
    return pm_fail(PMIRROR_E_TRUNCATED, "section headers (%llu at 0x%llx) beyond the file",
                   (unsigned long long)shnum, (unsigned long long)shoff);
  elf->sections = calloc(shnum ? shnum : 1, sizeof(pm_section));
  if (!elf->sections) return pm_fail(PMIRROR_E_NOMEM, "section table");
  elf->nsections = shnum;
  for (uint64_t i = 0; i < shnum; i++) {
    pm_section *s = &elf->sections[i];
    pm_seek(r, shoff + i * shentsize);
    uint32_t name = pm_u32(r);
    s->type = pm_u32(r);
    s->flags = pm_u64(r);
    s->addr = pm_u64(r);
    s->offset = pm_u64(r);
    s->size = pm_u64(r);
    s->link = pm_u32(r);
    s->info = pm_u32(r);
    s->align = pm_u64(r);
    s->entsize = pm_u64(r);
    s->name = (const char *)(uintptr_t)name; /* resolved below */
  }
  if (r->err) return pm_fail(PMIRROR_E_TRUNCATED, "section headers");
  const pm_section *strs = shstrndx < shnum ? &elf->sections[shstrndx] : NULL;
  bool strs_ok = strs && strs->type != SHT_NOBITS && strs->offset <= elf->size &&
                 strs->size <= elf->size - strs->offset;
  for (uint64_t i = 0; i < shnum; i++) {
    pm_section *s = &elf->sections[i];
    uint32_t name = (uint32_t)(uintptr_t)s->name;
    s->name = strs_ok ? pm_str_at(elf->image + strs->offset, strs->size, name) : NULL;
    if (!s->name) s->name = "";
  }
  return 0;
}

static int parse_segments(pmirror_elf *elf, pm_reader *r, uint64_t phoff, uint16_t phentsize, uint16_t phnum) {
  if (phoff == 0 || phnum == 0) return 0;
  if (phentsize < sizeof(Elf64_Phdr) || phoff > elf->size || (uint64_t)phnum * phentsize > elf->size - phoff)
    return pm_fail(PMIRROR_E_TRUNCATED, "program headers beyond the file");
  elf->segments = calloc(phnum, sizeof(pm_segment));
  if (!elf->segments) return pm_fail(PMIRROR_E_NOMEM, "segment table");
  elf->nsegments = phnum;
  for (uint16_t i = 0; i < phnum; i++) {
    pm_segment *g = &elf->segments[i];
    pm_seek(r, phoff + (uint64_t)i * phentsize);
    g->type = pm_u32(r);
    g->flags = pm_u32(r);
    g->offset = pm_u64(r);
    g->vaddr = pm_u64(r);
    pm_u64(r); /* paddr */
    g->filesz = pm_u64(r);
    g->memsz = pm_u64(r);
  }
  return r->err ? pm_fail(PMIRROR_E_TRUNCATED, "program headers") : 0;
}

/* Raw bytes of a section inside the file, or NULL when it lies outside. */
static const uint8_t *raw_bytes(const pmirror_elf *elf, const pm_section *s) {
  if (s->type == SHT_NOBITS || s->offset > elf->size || s->size > elf->size - s->offset) return NULL;
  return elf->image + s->offset;
}

static void parse_notes(pmirror_elf *elf, const uint8_t *data, size_t size) {
  pm_reader r;
  pm_reader_init(&r, data, size);
  while (pm_left(&r) >= 12 && !r.err) {
    uint32_t namesz = pm_u32(&r), descsz = pm_u32(&r), type = pm_u32(&r);
    const uint8_t *name = r.p;
    pm_skip(&r, ((uint64_t)namesz + 3) & ~3ull);
    const uint8_t *desc = r.p;
    pm_skip(&r, ((uint64_t)descsz + 3) & ~3ull);
    if (r.err) return;
    if (type == NT_GNU_BUILD_ID && namesz == 4 && memcmp(name, "GNU", 4) == 0 && descsz > 0 && descsz <= 64) {
      for (uint32_t i = 0; i < descsz; i++) snprintf(elf->build_id + 2 * i, 3, "%02x", desc[i]);
      return;
    }
  }
}

static void parse_debuglink(pmirror_elf *elf, const uint8_t *data, size_t size) {
  const uint8_t *z = memchr(data, 0, size);
  if (!z || z == data) return;
  size_t off = ((size_t)(z - data) + 1 + 3) & ~(size_t)3;
  if (off + 4 > size) return;
  elf->debuglink = (const char *)data;
  memcpy(&elf->debuglink_crc, data + off, 4);
}

static int parse(pmirror_elf *elf) {
  pm_reader r;
  pm_reader_init(&r, elf->image, elf->size);
  if (elf->size < 4 || memcmp(elf->image, ELFMAG, SELFMAG) != 0) return pm_fail(PMIRROR_E_NOTELF, "%s", elf->path);
  if (elf->size < sizeof(Elf64_Ehdr)) return pm_fail(PMIRROR_E_TRUNCATED, "ELF header of %s", elf->path);
  if (elf->image[EI_CLASS] != ELFCLASS64 || elf->image[EI_DATA] != ELFDATA2LSB)
    return pm_fail(PMIRROR_E_UNSUPPORTED, "%s: only ELF64 little-endian is read", elf->path);
  pm_seek(&r, 16);
  elf->type = pm_u16(&r);
  elf->machine = pm_u16(&r);
  pm_u32(&r);
  elf->entry = pm_u64(&r);
  uint64_t phoff = pm_u64(&r), shoff = pm_u64(&r);
  pm_u32(&r);
  pm_u16(&r);
  uint16_t phentsize = pm_u16(&r), phnum = pm_u16(&r), shentsize = pm_u16(&r), shnum = pm_u16(&r),
           shstrndx = pm_u16(&r);
  int rc = parse_sections(elf, &r, shoff, shentsize, shnum, shstrndx);
  if (rc == 0) rc = parse_segments(elf, &r, phoff, phentsize, phnum);
  if (rc) return rc;
  for (size_t i = 0; i < elf->nsections; i++) {
    const pm_section *s = &elf->sections[i];
    const uint8_t *raw = raw_bytes(elf, s);
    if (!raw) continue;
    if (s->type == SHT_NOTE && !elf->build_id[0]) parse_notes(elf, raw, s->size);
    if (strcmp(s->name, ".gnu_debuglink") == 0) parse_debuglink(elf, raw, s->size);
  }
  for (size_t i = 0; i < elf->nsegments && !elf->build_id[0]; i++) {
    const pm_segment *g = &elf->segments[i];
    if (g->type == PT_NOTE && g->offset <= elf->size && g->filesz <= elf->size - g->offset)
      parse_notes(elf, elf->image + g->offset, g->filesz);
  }
  return 0;
}

static int finish_open(pmirror_elf *elf, pmirror_elf **elf_ret) {
  pthread_mutex_init(&elf->lock, NULL);
  elf->syms_once = (pthread_once_t)PTHREAD_ONCE_INIT;
  int rc = parse(elf);
  if (rc) {
    pmirror_elf_destroy(elf);
    return rc;
  }
  *elf_ret = elf;
  return 0;
}

int pmirror_elf_open(const char *path, pmirror_elf **elf_ret) {
  if (!path || !elf_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_elf_open: NULL argument");
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return pm_fail(PMIRROR_E_IO, "%s: %s", path, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return pm_fail(PMIRROR_E_IO, "%s: not a regular file", path);
  }
  pmirror_elf *elf = calloc(1, sizeof *elf);
  char *copy = strdup(path);
  if (!elf || !copy) {
    close(fd);
    free(elf);
    free(copy);
    return pm_fail(PMIRROR_E_NOMEM, "opening %s", path);
  }
  elf->path = copy;
  elf->size = (size_t)st.st_size;
  if (elf->size > 0) {
    void *m = mmap(NULL, elf->size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      close(fd);
      free(copy);
      free(elf);
      return pm_fail(PMIRROR_E_IO, "mmap %s: %s", path, strerror(errno));
    }
    elf->image = m;
    elf->mapped = true;
  }
  close(fd);
  return finish_open(elf, elf_ret);
}

int pmirror_elf_open_memory(const void *data, size_t size, pmirror_elf **elf_ret) {
  if ((!data && size) || !elf_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_elf_open_memory: NULL argument");
  pmirror_elf *elf = calloc(1, sizeof *elf);
  if (!elf) return pm_fail(PMIRROR_E_NOMEM, "opening memory image");
  elf->path = strdup("<memory>");
  elf->image = malloc(size ? size : 1);
  if (!elf->path || !elf->image) {
    free(elf->path);
    free(elf->image);
    free(elf);
    return pm_fail(PMIRROR_E_NOMEM, "opening memory image");
  }
  if (size) memcpy(elf->image, data, size);
  elf->size = size;
  return finish_open(elf, elf_ret);
}

void pmirror_elf_destroy(pmirror_elf *elf) {
  if (!elf) return;
  for (size_t i = 0; i < elf->nsections; i++) free(elf->sections[i].owned);
  if (elf->mapped) munmap(elf->image, elf->size);
  else free(elf->image);
  free(elf->sections);
  free(elf->segments);
  free(elf->syms);
  free(elf->by_addr);
  free(elf->by_name);
  free(elf->path);
  pthread_mutex_destroy(&elf->lock);
  free(elf);
}

const char *pmirror_elf_build_id(pmirror_elf *elf) { return elf ? elf->build_id : ""; }

/* -- Section contents, decompressed lazily -- */

const pm_section *pm_elf_find_section(pmirror_elf *elf, const char *name) {
  for (size_t i = 0; i < elf->nsections; i++)
    if (strcmp(elf->sections[i].name, name) == 0) return &elf->sections[i];
  return NULL;
}

static int inflate_to(const uint8_t *src, size_t srclen, uint8_t *dst, size_t dstlen, const char *name) {
  z_stream z;
  memset(&z, 0, sizeof z);
  if (inflateInit(&z) != Z_OK) return pm_fail(PMIRROR_E_ZLIB, "%s: inflateInit", name);
  int zrc = Z_OK;
  size_t in_done = 0, out_done = 0;
  /* zlib's counters are 32-bit: feed at most 1 GiB at a time. */
  while (zrc == Z_OK) {
    size_t in_chunk = srclen - in_done > (1u << 30) ? (1u << 30) : srclen - in_done;
    size_t out_chunk = dstlen - out_done > (1u << 30) ? (1u << 30) : dstlen - out_done;
    z.next_in = (Bytef *)(uintptr_t)(src + in_done);
    z.avail_in = (uInt)in_chunk;
    z.next_out = dst + out_done;
    z.avail_out = (uInt)out_chunk;
    zrc = inflate(&z, Z_FINISH);
    in_done += in_chunk - z.avail_in;
    out_done += out_chunk - z.avail_out;
    if (zrc == Z_BUF_ERROR && (in_chunk == 0 || out_chunk == 0)) break;
    if (zrc == Z_BUF_ERROR) zrc = Z_OK;
    if (zrc == Z_OK && in_chunk - z.avail_in == 0 && out_chunk - z.avail_out == 0) break;
  }
  inflateEnd(&z);
  if (zrc != Z_STREAM_END || out_done != dstlen)
    return pm_fail(PMIRROR_E_ZLIB, "%s: zlib stream is corrupt or has the wrong size", name);
  return 0;
}

static int load_section(pmirror_elf *elf, pm_section *s) {
  const uint8_t *raw = raw_bytes(elf, s);
  if (!raw) {
    if (s->type == SHT_NOBITS) return pm_fail(PMIRROR_E_NODEBUG, "section %s has no bytes in the file", s->name);
    return pm_fail(PMIRROR_E_TRUNCATED, "section %s lies beyond the end of %s", s->name, elf->path);
  }
  uint64_t usize;
  const uint8_t *zdata;
  size_t zsize;
  if (s->flags & SHF_COMPRESSED) {
    pm_reader r;
    pm_reader_init(&r, raw, s->size);
    uint32_t ch_type = pm_u32(&r);
    pm_u32(&r);
    usize = pm_u64(&r);
    pm_u64(&r);
    if (r.err) return pm_fail(PMIRROR_E_TRUNCATED, "compression header of %s", s->name);
    if (ch_type != ELFCOMPRESS_ZLIB) return pm_fail(PMIRROR_E_UNSUPPORTED, "%s: compression type %u", s->name, ch_type);
    zdata = r.p;
    zsize = pm_left(&r);
  } else if (strncmp(s->name, ".zdebug", 7) == 0) {
    if (s->size < 12 || memcmp(raw, "ZLIB", 4) != 0) {
      s->data = raw; /* an uncompressed .zdebug section is allowed */
      s->data_size = s->size;
      return 0;
    }
    usize = 0;
    for (int i = 4; i < 12; i++) usize = usize << 8 | raw[i]; /* big-endian size */
    zdata = raw + 12;
    zsize = s->size - 12;
  } else {
    s->data = raw;
    s->data_size = s->size;
    return 0;
  }
  /* zlib cannot expand more than ~1032:1; anything larger is a lie. */
  if (usize > (uint64_t)zsize * 1032 + 64 || usize > ((uint64_t)1 << 40))
    return pm_fail(PMIRROR_E_CORRUPT, "%s claims %llu bytes from %zu", s->name, (unsigned long long)usize, zsize);
  uint8_t *out = malloc(usize ? usize : 1);
  if (!out) return pm_fail(PMIRROR_E_NOMEM, "decompressing %s", s->name);
  int rc = inflate_to(zdata, zsize, out, usize, s->name);
  if (rc) {
    free(out);
    return rc;
  }
  s->owned = out;
  s->data = out;
  s->data_size = usize;
  return 0;
}

int pm_elf_section_data(pmirror_elf *elf, const pm_section *cs, const uint8_t **data, size_t *size) {
  pm_section *s = (pm_section *)cs;
  pthread_mutex_lock(&elf->lock);
  if (s->state == 0) {
    int rc = load_section(elf, s);
    s->state = rc ? rc : 1;
  }
  int state = s->state;
  pthread_mutex_unlock(&elf->lock);
  if (state < 0) return state;
  *data = s->data;
  *size = s->data_size;
  return 0;
}

int pmirror_elf_section(pmirror_elf *elf, const char *name, const uint8_t **data_ret, size_t *size_ret) {
  if (!elf || !name || !data_ret || !size_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_elf_section: NULL argument");
  const pm_section *s = pm_elf_find_section(elf, name);
  if (!s && strncmp(name, ".debug_", 7) == 0) {
    char z[256];
    snprintf(z, sizeof z, ".zdebug_%s", name + 7);
    s = pm_elf_find_section(elf, z);
  }
  if (!s) return PMIRROR_E_NOTFOUND;
  return pm_elf_section_data(elf, s, data_ret, size_ret);
}

/* -- Description -- */

int pmirror_elf_describe(pmirror_elf *elf, char **json_ret) {
  if (!elf || !json_ret) return pm_fail(PMIRROR_E_INVAL, "pmirror_elf_describe: NULL argument");
  pm_sbuf b = {0};
  pm_sb_printf(&b, "{\"path\":");
  pm_sb_json_str(&b, elf->path);
  pm_sb_printf(&b, ",\"type\":%u,\"machine\":%u,\"entry\":%llu,\"buildId\":\"%s\",\"debuglink\":", elf->type,
               elf->machine, (unsigned long long)elf->entry, elf->build_id);
  pm_sb_json_str(&b, elf->debuglink);
  pm_sb_puts(&b, ",\"sections\":[");
  for (size_t i = 0; i < elf->nsections; i++) {
    const pm_section *s = &elf->sections[i];
    pm_sb_printf(&b, "%s{\"name\":", i ? "," : "");
    pm_sb_json_str(&b, s->name);
    pm_sb_printf(&b, ",\"type\":%u,\"flags\":%llu,\"addr\":%llu,\"offset\":%llu,\"size\":%llu}", s->type,
                 (unsigned long long)s->flags, (unsigned long long)s->addr, (unsigned long long)s->offset,
                 (unsigned long long)s->size);
  }
  pm_sb_puts(&b, "],\"segments\":[");
  for (size_t i = 0; i < elf->nsegments; i++) {
    const pm_segment *g = &elf->segments[i];
    pm_sb_printf(&b, "%s{\"type\":%u,\"flags\":%u,\"offset\":%llu,\"vaddr\":%llu,\"filesz\":%llu,\"memsz\":%llu}",
                 i ? "," : "", g->type, g->flags, (unsigned long long)g->offset, (unsigned long long)g->vaddr,
                 (unsigned long long)g->filesz, (unsigned long long)g->memsz);
  }
  pm_sb_puts(&b, "]}");
  return pm_sb_finish(&b, json_ret);
}
