// koffi bindings to libmemtable.so. Declarations only: idiomatic classes live beside this file.
import koffi from 'koffi';
import { fileURLToPath } from 'node:url';

/** Absolute path of libmemtable.so: `$MEMTABLE_LIBRARY` if set, else the package's own build. */
export const libraryPath: string =
  process.env.MEMTABLE_LIBRARY ?? fileURLToPath(new URL('../build/Release/libmemtable.so', import.meta.url));

/** Absolute path of libmemtable-preload.so, the LD_PRELOAD interposer: `$MEMTABLE_PRELOAD` if set, else the package's own build. */
export const preloadPath: string =
  process.env.MEMTABLE_PRELOAD ??
  fileURLToPath(new URL('../build/Release/libmemtable-preload.so', import.meta.url));

/** The loaded core. */
export const lib = koffi.load(libraryPath);

type Addr = number | bigint;

export const memtable_version = lib.func('const char *memtable_version(void)') as () => string;
export const memtable_strerror = lib.func('const char *memtable_strerror(int code)') as (code: number) => string;

// Addresses cross as uint64_t rather than pointers (same x86-64 calling convention): koffi then takes
// and returns plain numbers or BigInts, with no External wrapper per call. Out-structs are caller
// typed arrays (struct memtable_info / memtable_stats / memtable_site are all uint64_t fields).
export const memtable_lookup = lib.func('int memtable_lookup(uint64_t addr, void *info_ret)') as (
  addr: Addr,
  info: BigUint64Array,
) => number;
export const memtable_register = lib.func(
  'int memtable_register(uint64_t base, size_t size, uint64_t type, uint64_t site)',
) as (base: Addr, size: number, type: Addr, site: Addr) => number;
export const memtable_unregister = lib.func('int memtable_unregister(uint64_t base)') as (base: Addr) => number;
export const memtable_set_type = lib.func('int memtable_set_type(uint64_t base, uint64_t type)') as (
  base: Addr,
  type: Addr,
) => number;
export const memtable_alloc_typed = lib.func('uint64_t memtable_alloc_typed(size_t size, uint64_t type)') as (
  size: number,
  type: Addr,
) => number | bigint;
export const memtable_alloc_typed_at = lib.func(
  'uint64_t memtable_alloc_typed_at(size_t size, uint64_t type, uint64_t site)',
) as (size: number, type: Addr, site: Addr) => number | bigint;
export const memtable_snapshot = lib.func('int memtable_snapshot(void *infos_ret, size_t cap, _Out_ size_t *n_ret)') as (
  infos: BigUint64Array | null,
  cap: number,
  n: [number],
) => number;
export const memtable_free = lib.func('int memtable_free(uint64_t ptr)') as (ptr: Addr) => number;
export const memtable_stats = lib.func('int memtable_stats(void *stats_ret)') as (stats: BigUint64Array) => number;
export const memtable_site_totals = lib.func(
  'int memtable_site_totals(void *sites_ret, size_t cap, _Out_ size_t *n_ret)',
) as (sites: BigUint64Array | null, cap: number, n: [number]) => number;
export const memtable_preload_active = lib.func('int memtable_preload_active(void)') as () => number;
export const memtable_symbolize = lib.func('int memtable_symbolize(uint64_t addr, void *buf, size_t len)') as (
  addr: Addr,
  buf: Uint8Array,
  len: number,
) => number;
