/* libdl-ext: the x86-64 (System V) entry-point generator. */
#ifndef DLEXT_ARCH_X86_64_H
#define DLEXT_ARCH_X86_64_H

#include "../dlext_internal.h"

/* Emit into code a function of the given signature that forwards every argument unchanged to
 * target, and (if d is not NULL) describe it in d: parameter types and frame locations (names
 * from info), return type, line table and frame shape. 0 or a negative status (message set). */
int dlext_arch_entry(const char *signature, uintptr_t target, const struct dlext_entry_info *info,
                     struct dlext_buf *code, struct dlext_debug *d, unsigned *call_site_ret);

/* Once the code's address is known, call target directly when it is within reach. */
void dlext_arch_near_call(unsigned char *code, unsigned call_site, uintptr_t code_addr, uintptr_t target);

#endif
