/* libpmirror: .symtab and .dynsym: by name (hash table) and by address (sorted). */
#include <elf.h>
#include <stdlib.h>

#include "pmirror_internal.h"

static pmirror_elf *sort_elf; /* qsort has no context argument; guarded by sort_lock */
static pthread_mutex_t sort_lock = PTHREAD_MUTEX_INITIALIZER;

static int cmp_addr(const void *a, const void *b) {
  const pm_symbol *x = &sort_elf->syms[*(const uint32_t *)a], *y = &sort_elf->syms[*(const uint32_t *)b];
  if (x->value != y->value) return x->value < y->value ? -1 : 1;
  /* Prefer .symtab, global, sized symbols at the same address. */
  if (x->dynamic != y->dynamic) return x->dynamic ? 1 : -1;
  if ((x->bind == STB_GLOBAL) != (y->bind == STB_GLOBAL)) return x->bind == STB_GLOBAL ? -1 : 1;
  return (x->size < y->size) - (x->size > y->size);
}

static size_t count_table(const pm_section *s) {
  return s->entsize >= sizeof(Elf64_Sym) ? s->size / s->entsize : 0;
}

static void read_table(pmirror_elf *elf, const pm_section *s, bool dynamic) {
  if (s->link >= elf->nsections) return;
  const pm_section *strs = &elf->sections[s->link];
  const uint8_t *sd, *strd;
  size_t ssz, strsz;
  if (pm_elf_section_data(elf, s, &sd, &ssz) || pm_elf_section_data(elf, strs, &strd, &strsz)) return;
  size_t n = ssz / s->entsize;
  for (size_t i = 1; i < n; i++) {
    pm_reader r;
    pm_reader_init(&r, sd + i * s->entsize, sizeof(Elf64_Sym));
    uint32_t name = pm_u32(&r);
    uint8_t info = pm_u8(&r);
    pm_u8(&r);
    uint16_t shndx = pm_u16(&r);
    uint64_t value = pm_u64(&r), size = pm_u64(&r);
    const char *nm = pm_str_at(strd, strsz, name);
    if (!nm || !*nm || r.err) continue;
    pm_symbol *y = &elf->syms[elf->nsyms++];
    y->name = nm;
    y->value = value;
    y->size = size;
    y->type = ELF64_ST_TYPE(info);
    y->bind = ELF64_ST_BIND(info);
    y->shndx = shndx;
    y->dynamic = dynamic;
  }
}

static void insert_name(pmirror_elf *elf, uint32_t idx) {
  size_t mask = elf->by_name_cap - 1;
  for (size_t h = pm_hash(elf->syms[idx].name) & mask;; h = (h + 1) & mask) {
    if (!elf->by_name[h]) {
      elf->by_name[h] = idx + 1;
      return;
    }
  }
}

static int build(pmirror_elf *elf) {
  size_t total = 0;
  for (size_t i = 0; i < elf->nsections; i++) {
    const pm_section *s = &elf->sections[i];
    if (s->type == SHT_SYMTAB || s->type == SHT_DYNSYM) total += count_table(s);
  }
  elf->syms = calloc(total ? total : 1, sizeof(pm_symbol));
  if (!elf->syms) return pm_fail(PMIRROR_E_NOMEM, "symbols");
  for (size_t i = 0; i < elf->nsections; i++) {
    const pm_section *s = &elf->sections[i];
    if ((s->type == SHT_SYMTAB || s->type == SHT_DYNSYM) && count_table(s))
      read_table(elf, s, s->type == SHT_DYNSYM);
  }
  elf->by_name_cap = 16;
  while (elf->by_name_cap < elf->nsyms * 2) elf->by_name_cap *= 2;
  elf->by_name = calloc(elf->by_name_cap, sizeof(uint32_t));
  elf->by_addr = calloc(elf->nsyms ? elf->nsyms : 1, sizeof(uint32_t));
  if (!elf->by_name || !elf->by_addr) return pm_fail(PMIRROR_E_NOMEM, "symbol index");
  for (uint32_t i = 0; i < elf->nsyms; i++) {
    const pm_symbol *y = &elf->syms[i];
    insert_name(elf, i);
    if ((y->type == STT_FUNC || y->type == STT_OBJECT || y->type == STT_GNU_IFUNC) && y->shndx != SHN_UNDEF)
      elf->by_addr[elf->nby_addr++] = i;
  }
  pthread_mutex_lock(&sort_lock);
  sort_elf = elf;
  qsort(elf->by_addr, elf->nby_addr, sizeof(uint32_t), cmp_addr);
  pthread_mutex_unlock(&sort_lock);
  return 0;
}

static __thread pmirror_elf *once_elf;
static void build_once(void) { once_elf->syms_err = build(once_elf); }

static int ensure(pmirror_elf *elf) {
  once_elf = elf;
  pthread_once(&elf->syms_once, build_once);
  return elf->syms_err;
}

/* Finds the best entry named `name`: .symtab before .dynsym unless dynamic_only. */
static const pm_symbol *find(pmirror_elf *elf, const char *name, bool dynamic_only) {
  if (ensure(elf) || !elf->by_name_cap) return NULL;
  const pm_symbol *best = NULL;
  size_t mask = elf->by_name_cap - 1;
  for (size_t h = pm_hash(name) & mask; elf->by_name[h]; h = (h + 1) & mask) {
    const pm_symbol *y = &elf->syms[elf->by_name[h] - 1];
    if (strcmp(y->name, name) != 0 || y->shndx == SHN_UNDEF) continue;
    if (dynamic_only && !y->dynamic) continue;
    if (!best || (best->dynamic && !y->dynamic) || (best->bind != STB_GLOBAL && y->bind == STB_GLOBAL)) best = y;
  }
  return best;
}

int pmirror_elf_symbol(pmirror_elf *elf, const char *name, uint64_t *value_ret, uint64_t *size_ret) {
  if (!elf || !name) return pm_fail(PMIRROR_E_INVAL, "pmirror_elf_symbol: NULL argument");
  int rc = ensure(elf);
  if (rc) return rc;
  const pm_symbol *y = find(elf, name, false);
  if (!y) return PMIRROR_E_NOTFOUND;
  if (value_ret) *value_ret = y->value;
  if (size_ret) *size_ret = y->size;
  return 0;
}

int pmirror_elf_dynamic(pmirror_elf *elf, const char *name) {
  if (!elf || !name) return pm_fail(PMIRROR_E_INVAL, "pmirror_elf_dynamic: NULL argument");
  int rc = ensure(elf);
  if (rc) return rc;
  const pm_symbol *y = find(elf, name, true);
  return y && (y->type == STT_FUNC || y->type == STT_OBJECT || y->type == STT_GNU_IFUNC || y->type == STT_TLS)
             ? 0 : PMIRROR_E_NOTFOUND;
}

int pmirror_elf_symbol_at(pmirror_elf *elf, uint64_t addr, const char **name_ret, uint64_t *offset_ret) {
  if (!elf) return pm_fail(PMIRROR_E_INVAL, "pmirror_elf_symbol_at: NULL argument");
  int rc = ensure(elf);
  if (rc) return rc;
  size_t lo = 0, hi = elf->nby_addr; /* first entry with value > addr */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (elf->syms[elf->by_addr[mid]].value <= addr) lo = mid + 1;
    else hi = mid;
  }
  /* Walk back over entries at or below addr: the nearest sized one containing addr wins. */
  for (size_t i = lo; i-- > 0;) {
    const pm_symbol *y = &elf->syms[elf->by_addr[i]];
    if (addr < y->value + (y->size ? y->size : 1)) {
      /* Prefer the first (best-ranked) symbol at this same address. */
      while (i > 0 && elf->syms[elf->by_addr[i - 1]].value == y->value) {
        const pm_symbol *p = &elf->syms[elf->by_addr[i - 1]];
        if (addr < p->value + (p->size ? p->size : 1)) y = p;
        i--;
      }
      if (name_ret) *name_ret = y->name;
      if (offset_ret) *offset_ret = addr - y->value;
      return 0;
    }
    if (lo - i > 64) break; /* nested symbols are rare: bound the walk */
  }
  return PMIRROR_E_NOTFOUND;
}
