/* libdl-ext: growable byte buffers for the ELF, DWARF and machine-code emitters. */
#include <stdlib.h>
#include <string.h>
#include "dlext_internal.h"

/* Ensure room for n more bytes; on failure the buffer is marked and later writes are dropped. */
static bool reserve(struct dlext_buf *b, size_t n) {
  if (b->oom) return false;
  if (b->n + n <= b->cap) return true;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->n + n) cap *= 2;
  unsigned char *p = realloc(b->p, cap);
  if (!p) {
    b->oom = true;
    return false;
  }
  b->p = p;
  b->cap = cap;
  return true;
}

void dlext_buf_bytes(struct dlext_buf *b, const void *src, size_t n) {
  if (!n || !reserve(b, n)) return;
  memcpy(b->p + b->n, src, n);
  b->n += n;
}

void dlext_buf_u8(struct dlext_buf *b, unsigned v) { unsigned char c = (unsigned char)v; dlext_buf_bytes(b, &c, 1); }
void dlext_buf_u16(struct dlext_buf *b, unsigned v) { uint16_t x = (uint16_t)v; dlext_buf_bytes(b, &x, 2); }
void dlext_buf_u32(struct dlext_buf *b, uint32_t v) { dlext_buf_bytes(b, &v, 4); }
void dlext_buf_u64(struct dlext_buf *b, uint64_t v) { dlext_buf_bytes(b, &v, 8); }
void dlext_buf_str(struct dlext_buf *b, const char *s) { dlext_buf_bytes(b, s, strlen(s) + 1); }

void dlext_buf_uleb(struct dlext_buf *b, uint64_t v) {
  do {
    unsigned byte = v & 0x7f;
    v >>= 7;
    dlext_buf_u8(b, byte | (v ? 0x80 : 0));
  } while (v);
}

void dlext_buf_sleb(struct dlext_buf *b, int64_t v) {
  for (;;) {
    unsigned byte = (unsigned)v & 0x7f;
    v >>= 7; /* arithmetic shift on gcc */
    bool done = (v == 0 && !(byte & 0x40)) || (v == -1 && (byte & 0x40));
    dlext_buf_u8(b, byte | (done ? 0 : 0x80));
    if (done) return;
  }
}

void dlext_buf_align(struct dlext_buf *b, size_t a, unsigned fill) {
  while (b->n % a && !b->oom) dlext_buf_u8(b, fill);
}

void dlext_buf_patch32(struct dlext_buf *b, size_t at, uint32_t v) {
  if (!b->oom && at + 4 <= b->n) memcpy(b->p + at, &v, 4);
}

void dlext_buf_free(struct dlext_buf *b) {
  free(b->p);
  *b = (struct dlext_buf){ 0 };
}
