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

export const memtable_version = lib.func('const char *memtable_version(void)') as () => string;
export const memtable_strerror = lib.func('const char *memtable_strerror(int code)') as (code: number) => string;
