// koffi bindings to libdl-ext.so. Declarations only: idiomatic classes live beside this file.
// Each prototype is copied from native/include/libdl-ext.h.
import koffi from 'koffi';
import { fileURLToPath } from 'node:url';

/** Absolute path of libdl-ext.so: `$DLEXT_LIBRARY` if set, else the package's own build. */
export const libraryPath: string =
  process.env.DLEXT_LIBRARY ?? fileURLToPath(new URL('../build/Release/libdl-ext.so', import.meta.url));

/** The loaded core. */
export const lib = koffi.load(libraryPath);

type Ptr = bigint | null;

/** `struct dlext_config` (sizes and flags of a library's objects). */
export const dlext_config = koffi.struct('dlext_config', {
  symbols: 'size_t',
  strtab: 'size_t',
  text: 'size_t',
  data: 'size_t',
  flags: 'unsigned int',
});

/** The C function `dlext_version` (contract in native/include/libdl-ext.h). */
export const dlext_version = lib.func('const char *dlext_version(void)') as () => string;
/** The C function `dlext_strerror` (contract in native/include/libdl-ext.h). */
export const dlext_strerror = lib.func('const char *dlext_strerror(int code)') as (code: number) => string;
/** The C function `dlext_error_name` (contract in native/include/libdl-ext.h). */
export const dlext_error_name = lib.func('const char *dlext_error_name(int code)') as (code: number) => string | null;
/** The C function `dlext_dlerror` (contract in native/include/libdl-ext.h). */
export const dlext_dlerror = lib.func('const char *dlext_dlerror(void)') as () => string | null;

/** The C function `dlext_create` (contract in native/include/libdl-ext.h). */
export const dlext_create = lib.func(
  'int dlext_create(const char *name, const dlext_config *cfg, _Out_ void **handle_ret)',
) as (name: string, cfg: object | null, out: Ptr[]) => number;
/** The C function `dlext_alloc` (contract in native/include/libdl-ext.h). */
export const dlext_alloc = lib.func(
  'int dlext_alloc(void *handle, size_t size, unsigned int flags, _Out_ void **addr_ret)',
) as (h: bigint, size: number, flags: number, out: Ptr[]) => number;
/** The C function `dlext_write` (contract in native/include/libdl-ext.h). */
export const dlext_write = lib.func('int dlext_write(void *handle, void *dst, const void *src, size_t len)') as (
  h: bigint, dst: bigint, src: Uint8Array, len: number) => number;
/** The C function `dlbind` (contract in native/include/libdl-ext.h). */
export const dlbind = lib.func(
  'int dlbind(void *handle, const char *symbol, void *address, size_t size, unsigned int kind)',
) as (h: bigint, symbol: string, addr: bigint, size: number, kind: number) => number;
/** The C function `dlunbind` (contract in native/include/libdl-ext.h). */
export const dlunbind = lib.func('int dlunbind(void *handle, const char *symbol)') as (h: bigint, s: string) => number;
/** The C function `dlfree` (contract in native/include/libdl-ext.h). */
export const dlfree = lib.func('int dlfree(void *handle, void *address)') as (h: bigint, a: bigint) => number;
/** The C function `dldestroy` (contract in native/include/libdl-ext.h). */
export const dldestroy = lib.func('int dldestroy(void *handle)') as (h: bigint) => number;
/** The C function `dlext_lookup` (contract in native/include/libdl-ext.h). */
export const dlext_lookup = lib.func(
  'int dlext_lookup(void *handle, const char *symbol, _Out_ void **addr_ret)',
) as (h: bigint, s: string, out: Ptr[]) => number;
/** The C function `dlext_object_count` (contract in native/include/libdl-ext.h). */
export const dlext_object_count = lib.func('int dlext_object_count(void *handle)') as (h: bigint) => number;
/** The C function `dlext_object_path` (contract in native/include/libdl-ext.h). */
export const dlext_object_path = lib.func('const char *dlext_object_path(void *handle, int i)') as (
  h: bigint, i: number) => string | null;

/** The C function `dlext_debug_create` (contract in native/include/libdl-ext.h). */
export const dlext_debug_create = lib.func(
  'int dlext_debug_create(const char *file, const char *comp_dir, unsigned int line, unsigned int language, _Out_ void **d_ret)',
) as (file: string, compDir: string | null, line: number, language: number, out: Ptr[]) => number;
/** The C function `dlext_debug_destroy` (contract in native/include/libdl-ext.h). */
export const dlext_debug_destroy = lib.func('void dlext_debug_destroy(void *d)') as (d: bigint) => void;
/** The C function `dlext_debug_base_type` (contract in native/include/libdl-ext.h). */
export const dlext_debug_base_type = lib.func(
  'int dlext_debug_base_type(void *d, const char *name, unsigned int encoding, unsigned int byte_size, _Out_ int *type_ret)',
) as (d: bigint, name: string, enc: number, size: number, out: number[]) => number;
/** The C function `dlext_debug_pointer_type` (contract in native/include/libdl-ext.h). */
export const dlext_debug_pointer_type = lib.func(
  'int dlext_debug_pointer_type(void *d, int target, _Out_ int *type_ret)',
) as (d: bigint, target: number, out: number[]) => number;
/** The C function `dlext_debug_struct_type` (contract in native/include/libdl-ext.h). */
export const dlext_debug_struct_type = lib.func(
  'int dlext_debug_struct_type(void *d, const char *name, unsigned int byte_size, _Out_ int *type_ret)',
) as (d: bigint, name: string | null, size: number, out: number[]) => number;
/** The C function `dlext_debug_member` (contract in native/include/libdl-ext.h). */
export const dlext_debug_member = lib.func(
  'int dlext_debug_member(void *d, int struct_type, const char *name, int type, unsigned int offset)',
) as (d: bigint, st: number, name: string, type: number, offset: number) => number;
/** The C function `dlext_debug_return_type` (contract in native/include/libdl-ext.h). */
export const dlext_debug_return_type = lib.func('int dlext_debug_return_type(void *d, int type)') as (
  d: bigint, type: number) => number;
/** The C function `dlext_debug_param` (contract in native/include/libdl-ext.h). */
export const dlext_debug_param = lib.func(
  'int dlext_debug_param(void *d, const char *name, int type, int loc_kind, long loc)',
) as (d: bigint, name: string, type: number, kind: number, loc: number) => number;
/** The C function `dlext_debug_line` (contract in native/include/libdl-ext.h). */
export const dlext_debug_line = lib.func('int dlext_debug_line(void *d, unsigned int offset, unsigned int line)') as (
  d: bigint, offset: number, line: number) => number;
/** The C function `dlext_debug_frame_rbp` (contract in native/include/libdl-ext.h). */
export const dlext_debug_frame_rbp = lib.func(
  'int dlext_debug_frame_rbp(void *d, unsigned int push_end, unsigned int mov_end, unsigned int leave_end)',
) as (d: bigint, push: number, mov: number, leave: number) => number;
/** The C function `dlext_bind_debug` (contract in native/include/libdl-ext.h). */
export const dlext_bind_debug = lib.func(
  'int dlext_bind_debug(void *handle, const char *symbol, void *address, size_t size, void *d)',
) as (h: bigint, symbol: string, addr: bigint, size: number, d: bigint) => number;

/** The C function `dlext_entry_point_flat` (contract in native/include/libdl-ext.h). */
export const dlext_entry_point_flat = lib.func(
  'int dlext_entry_point_flat(void *handle, const char *symbol, const char *signature, void *target, ' +
    'const char *file, const char *comp_dir, unsigned int line, unsigned int language, const char *param_names, ' +
    '_Out_ void **entry_ret)',
) as (h: bigint, symbol: string, sig: string, target: bigint, file: string | null, compDir: string | null,
  line: number, language: number, names: string | null, out: Ptr[]) => number;
