/* libdl-ext: the GDB JIT interface protocol (__jit_debug_descriptor) and frame registration. */
#include <stdlib.h>
#include "dlext_internal.h"

/* -- The protocol, exactly as gdb expects it (gdb/jit.h) -- */

typedef enum { JIT_NOACTION = 0, JIT_REGISTER_FN, JIT_UNREGISTER_FN } jit_actions_t;

struct jit_code_entry {
  struct jit_code_entry *next_entry;
  struct jit_code_entry *prev_entry;
  const char *symfile_addr;
  uint64_t symfile_size;
};

struct jit_descriptor {
  uint32_t version;
  uint32_t action_flag;
  struct jit_code_entry *relevant_entry;
  struct jit_code_entry *first_entry;
};

/* gdb sets a breakpoint here and reads the descriptor when it is hit. */
DLEXT_PUBLIC void __attribute__((noinline)) __jit_debug_register_code(void);
void __attribute__((noinline)) __jit_debug_register_code(void) { __asm__ volatile("" ::: "memory"); }

DLEXT_PUBLIC struct jit_descriptor __jit_debug_descriptor;
struct jit_descriptor __jit_debug_descriptor = { 1, JIT_NOACTION, NULL, NULL };

/* The protocol has one global list: every library in the process shares this lock. */
static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

/* libgcc's unwinder registry (the process's own backtrace() and C++ exceptions). */
extern void __register_frame(const void *begin);
extern void __deregister_frame(const void *begin);

struct dlext_jit_entry {
  struct jit_code_entry entry;
  const void *eh_frame;   /* registered with __register_frame, or NULL */
  unsigned char *image;   /* the in-memory ELF, owned */
};

/* Announce an in-memory ELF to gdb (taking ownership of elf, a malloc'd image) and, if eh_frame
 * (inside elf) is given, to the process unwinder. */
int dlext_jit_register(const unsigned char *elf, size_t size, const void *eh_frame, struct dlext_jit_entry **entry_ret) {
  struct dlext_jit_entry *e = calloc(1, sizeof *e);
  if (!e) return DLEXT_E_NOMEM;
  e->image = (unsigned char *)elf;
  e->entry.symfile_addr = (const char *)elf;
  e->entry.symfile_size = size;
  e->eh_frame = eh_frame;
  if (eh_frame) __register_frame(eh_frame);
  pthread_mutex_lock(&jit_lock);
  e->entry.next_entry = __jit_debug_descriptor.first_entry;
  if (e->entry.next_entry) e->entry.next_entry->prev_entry = &e->entry;
  __jit_debug_descriptor.first_entry = &e->entry;
  __jit_debug_descriptor.relevant_entry = &e->entry;
  __jit_debug_descriptor.action_flag = JIT_REGISTER_FN;
  __jit_debug_register_code();
  __jit_debug_descriptor.action_flag = JIT_NOACTION;
  pthread_mutex_unlock(&jit_lock);
  *entry_ret = e;
  return 0;
}

/* Withdraw an entry from gdb and the unwinder and free it. */
void dlext_jit_unregister(struct dlext_jit_entry *e) {
  pthread_mutex_lock(&jit_lock);
  struct jit_code_entry *c = &e->entry;
  if (c->prev_entry) c->prev_entry->next_entry = c->next_entry;
  else __jit_debug_descriptor.first_entry = c->next_entry;
  if (c->next_entry) c->next_entry->prev_entry = c->prev_entry;
  __jit_debug_descriptor.relevant_entry = c;
  __jit_debug_descriptor.action_flag = JIT_UNREGISTER_FN;
  __jit_debug_register_code();
  __jit_debug_descriptor.action_flag = JIT_NOACTION;
  pthread_mutex_unlock(&jit_lock);
  if (e->eh_frame) __deregister_frame(e->eh_frame);
  free(e->image);
  free(e);
}
