// koffi bindings to libdwarfpython.so. Declarations only: idiomatic classes live beside this file.
import koffi from 'koffi';
import { fileURLToPath } from 'node:url';

/** Absolute path of libdwarfpython.so: `$DWARFPYTHON_LIBRARY` if set, else the package's own build. */
export const libraryPath: string =
  process.env.DWARFPYTHON_LIBRARY ?? fileURLToPath(new URL('../build/Release/libdwarfpython.so', import.meta.url));

/** The loaded core. */
export const lib = koffi.load(libraryPath);

export const dwarfpython_version = lib.func('const char *dwarfpython_version(void)') as () => string;
export const dwarfpython_strerror = lib.func('const char *dwarfpython_strerror(int code)') as (code: number) => string;
export const dwarfpython_error_name = lib.func('const char *dwarfpython_error_name(int code)') as (code: number) => string | null;
export const dwarfpython_probe = lib.func('int dwarfpython_probe(uint64_t addr, size_t len)') as (addr: bigint | number, len: number) => number;
export const dwarfpython_stdio_line_buffered = lib.func('void dwarfpython_stdio_line_buffered(void)') as () => void;
export const dwarfpython_stdio_flush = lib.func('int dwarfpython_stdio_flush(void)') as () => number;
