// koffi bindings to libpmirror.so. Declarations only: idiomatic classes live beside this file.
import koffi from 'koffi';
import { fileURLToPath } from 'node:url';

/** Absolute path of libpmirror.so: `$PMIRROR_LIBRARY` if set, else the package's own build. */
export const libraryPath: string =
  process.env.PMIRROR_LIBRARY ?? fileURLToPath(new URL('../build/Release/libpmirror.so', import.meta.url));

/** The loaded core. */
export const lib = koffi.load(libraryPath);

koffi.opaque('pmirror_elf');
koffi.opaque('pmirror_debug');
koffi.opaque('pmirror_mirror');

/** An opaque C handle (koffi hands pointers over as BigInt). */
export type Handle = bigint;
/** A one-element array koffi fills through an `_Out_` parameter. */
export type Out<T> = [T];

/** `pmirror_version` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_version = lib.func('const char *pmirror_version(void)') as () => string;
/** `pmirror_strerror` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_strerror = lib.func('const char *pmirror_strerror(int code)') as (code: number) => string;
/** `pmirror_error_entry` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_error_entry = lib.func(
  'int pmirror_error_entry(int i, _Out_ int *value_ret, _Out_ const char **name_ret)',
) as (i: number, value: Out<number>, name: Out<string | null>) => number;
/** `pmirror_last_error` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_last_error = lib.func('const char *pmirror_last_error(void)') as () => string;
/** `pmirror_free` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_free = lib.func('void pmirror_free(void *p)') as (p: unknown) => void;

/** `pmirror_elf_open` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_elf_open = lib.func(
  'int pmirror_elf_open(const char *path, _Out_ pmirror_elf **elf_ret)',
) as (path: string, out: Out<Handle | null>) => number;
/** `pmirror_elf_destroy` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_elf_destroy = lib.func('void pmirror_elf_destroy(pmirror_elf *elf)') as (h: Handle) => void;
/** `pmirror_elf_describe` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_elf_describe = lib.func(
  'int pmirror_elf_describe(pmirror_elf *elf, _Out_ void **json_ret)',
) as (h: Handle, out: Out<unknown>) => number;
/** `pmirror_elf_build_id` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_elf_build_id = lib.func('const char *pmirror_elf_build_id(pmirror_elf *elf)') as (h: Handle) => string;
/** `pmirror_elf_section` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_elf_section = lib.func(
  'int pmirror_elf_section(pmirror_elf *elf, const char *name, _Out_ void **data_ret, _Out_ size_t *size_ret)',
) as (h: Handle, name: string, data: Out<unknown>, size: Out<number>) => number;
/** `pmirror_elf_symbol` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_elf_symbol = lib.func(
  'int pmirror_elf_symbol(pmirror_elf *elf, const char *name, _Out_ uint64_t *value_ret, _Out_ uint64_t *size_ret)',
) as (h: Handle, name: string, value: Out<number>, size: Out<number>) => number;
/** `pmirror_elf_dynamic` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_elf_dynamic = lib.func('int pmirror_elf_dynamic(pmirror_elf *elf, const char *name)') as (
  h: Handle,
  name: string,
) => number;
/** `pmirror_elf_symbol_at` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_elf_symbol_at = lib.func(
  'int pmirror_elf_symbol_at(pmirror_elf *elf, uint64_t addr, _Out_ const char **name_ret, _Out_ uint64_t *offset_ret)',
) as (h: Handle, addr: number | bigint, name: Out<string | null>, offset: Out<number>) => number;

/** `pmirror_debug_open` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_open = lib.func(
  'int pmirror_debug_open(const char *path, const char *debug_dir, _Out_ pmirror_debug **debug_ret)',
) as (path: string, debugDir: string | null, out: Out<Handle | null>) => number;
/** `pmirror_debug_destroy` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_destroy = lib.func('void pmirror_debug_destroy(pmirror_debug *debug)') as (h: Handle) => void;
/** `pmirror_debug_elf` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_elf = lib.func('pmirror_elf *pmirror_debug_elf(pmirror_debug *debug)') as (h: Handle) => Handle;
/** `pmirror_debug_dwarf_elf` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_dwarf_elf = lib.func('pmirror_elf *pmirror_debug_dwarf_elf(pmirror_debug *debug)') as (
  h: Handle,
) => Handle;
/** `pmirror_debug_index` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_index = lib.func('int pmirror_debug_index(pmirror_debug *debug)') as (h: Handle) => number;
/** `pmirror_debug_info` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_info = lib.func('int pmirror_debug_info(pmirror_debug *debug, _Out_ void **json_ret)') as (
  h: Handle,
  out: Out<unknown>,
) => number;
/** `pmirror_debug_lookup` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_lookup = lib.func(
  'int pmirror_debug_lookup(pmirror_debug *debug, int kind, const char *name, _Out_ uint64_t *die_ret)',
) as (h: Handle, kind: number, name: string, die: Out<number>) => number;
/** `pmirror_debug_describe` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_describe = lib.func(
  'int pmirror_debug_describe(pmirror_debug *debug, uint64_t die, _Out_ void **json_ret)',
) as (h: Handle, die: number, out: Out<unknown>) => number;
/** `pmirror_debug_describe_many` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_describe_many = lib.func(
  'int pmirror_debug_describe_many(pmirror_debug *debug, const uint64_t *dies, size_t n, _Out_ void **json_ret)',
) as (h: Handle, dies: BigUint64Array, n: number, out: Out<unknown>) => number;
/** `pmirror_debug_list` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_list = lib.func(
  'int pmirror_debug_list(pmirror_debug *debug, int kind, _Out_ void **json_ret)',
) as (h: Handle, kind: number, out: Out<unknown>) => number;
/** `pmirror_debug_function_at` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_function_at = lib.func(
  'int pmirror_debug_function_at(pmirror_debug *debug, uint64_t addr, _Out_ uint64_t *die_ret, _Out_ uint64_t *low_pc_ret)',
) as (h: Handle, addr: number | bigint, die: Out<number>, low: Out<number>) => number;
/** `pmirror_debug_variable_at` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_variable_at = lib.func(
  'int pmirror_debug_variable_at(pmirror_debug *debug, uint64_t addr, _Out_ uint64_t *die_ret, _Out_ uint64_t *start_ret)',
) as (h: Handle, addr: number | bigint, die: Out<number>, start: Out<number>) => number;
/** `pmirror_debug_die_name` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_die_name = lib.func(
  'const char *pmirror_debug_die_name(pmirror_debug *debug, uint64_t die)',
) as (h: Handle, die: number) => string | null;
/** `pmirror_debug_line_at` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_line_at = lib.func(
  'int pmirror_debug_line_at(pmirror_debug *debug, uint64_t addr, _Out_ const char **file_ret, _Out_ unsigned int *line_ret, _Out_ unsigned int *column_ret)',
) as (h: Handle, addr: number | bigint, file: Out<string | null>, line: Out<number>, col: Out<number>) => number;

/** `pmirror_debug_scope_at` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_scope_at = lib.func(
  'int pmirror_debug_scope_at(pmirror_debug *debug, uint64_t addr, _Out_ void **json_ret)',
) as (h: Handle, addr: number | bigint, out: Out<unknown>) => number;
/** `pmirror_debug_line_addresses` of native/include/libpmirror.h (contract documented there). @internal */
/** `pmirror_debug_enumerator` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_enumerator = lib.func(
  'int pmirror_debug_enumerator(pmirror_debug *debug, const char *name, _Out_ uint64_t *enum_die_ret, _Out_ int64_t *value_ret)',
) as (h: Handle, name: string, enumDie: Out<number>, value: Out<number | bigint>) => number;
/** `pmirror_debug_inlined_instances` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_inlined_instances = lib.func(
  'int pmirror_debug_inlined_instances(pmirror_debug *debug, uint64_t die, _Out_ void **json_ret)',
) as (h: Handle, die: number, out: Out<unknown>) => number;
/** `pmirror_debug_address` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_address = lib.func(
  'int pmirror_debug_address(pmirror_debug *debug, uint64_t addr, void *buf, size_t cap, _Out_ size_t *len_ret)',
) as (h: Handle, addr: number | bigint, buf: Buffer, cap: number, len: Out<number>) => number;
export const pmirror_debug_line_addresses = lib.func(
  'int pmirror_debug_line_addresses(pmirror_debug *debug, const char *file, unsigned int line, _Out_ void **json_ret)',
) as (h: Handle, file: string, line: number, out: Out<unknown>) => number;

/** `pmirror_debug_macro` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_macro = lib.func(
  'int pmirror_debug_macro(pmirror_debug *debug, const char *name, _Out_ const char **definition_ret, _Out_ const char **file_ret, _Out_ unsigned int *line_ret)',
) as (h: Handle, name: string, def: Out<string | null>, file: Out<string | null>, line: Out<number>) => number;

/** struct pmirror_regs: registers by DWARF number, which are valid, and the CFA. */
export const RegsStruct = koffi.struct('pmirror_regs', {
  r: koffi.array('uint64_t', 17),
  valid: 'uint32_t',
  has_cfa: 'int32_t',
  cfa: 'uint64_t',
});
/** The JS shape of struct pmirror_regs. */
export interface RegsValue {
  r: (number | bigint)[];
  valid: number;
  has_cfa: number;
  cfa: number | bigint;
}
/** `pmirror_debug_location` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_location = lib.func(
  'int pmirror_debug_location(pmirror_debug *debug, uint64_t die, uint64_t pc, const pmirror_regs *regs, _Out_ void **json_ret)',
) as (h: Handle, die: number, pc: number | bigint, regs: RegsValue | null, out: Out<unknown>) => number;
/** `pmirror_debug_locals` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_debug_locals = lib.func(
  'int pmirror_debug_locals(pmirror_debug *debug, uint64_t pc, _Out_ void **json_ret)',
) as (h: Handle, pc: number | bigint, out: Out<unknown>) => number;

/** `pmirror_mirror_create` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_mirror_create = lib.func('int pmirror_mirror_create(_Out_ pmirror_mirror **mirror_ret)') as (
  out: Out<Handle | null>,
) => number;
/** `pmirror_mirror_destroy` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_mirror_destroy = lib.func('void pmirror_mirror_destroy(pmirror_mirror *mirror)') as (h: Handle) => void;
/** `pmirror_mirror_refresh` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_mirror_refresh = lib.func(
  'int pmirror_mirror_refresh(pmirror_mirror *mirror, _Out_ int *changed_ret)',
) as (h: Handle, changed: Out<number>) => number;
/** `pmirror_mirror_objects` of native/include/libpmirror.h (contract documented there). @internal */
/** `pmirror_mirror_forget` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_mirror_forget = lib.func('int pmirror_mirror_forget(pmirror_mirror *mirror, const char *path)') as (
  h: Handle,
  path: string,
) => number;
export const pmirror_mirror_objects = lib.func(
  'int pmirror_mirror_objects(pmirror_mirror *mirror, _Out_ void **json_ret)',
) as (h: Handle, out: Out<unknown>) => number;
/** `pmirror_mirror_query` of native/include/libpmirror.h (contract documented there). @internal */
export const pmirror_mirror_query = lib.func(
  'int pmirror_mirror_query(pmirror_mirror *mirror, uint64_t addr, _Out_ void **json_ret)',
) as (h: Handle, addr: number | bigint, out: Out<unknown>) => number;
