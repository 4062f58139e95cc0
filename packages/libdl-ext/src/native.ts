// koffi bindings to libdl-ext.so. Declarations only: idiomatic classes live beside this file.
import koffi from 'koffi';
import { fileURLToPath } from 'node:url';

/** Absolute path of libdl-ext.so: `$DLEXT_LIBRARY` if set, else the package's own build. */
export const libraryPath: string =
  process.env.DLEXT_LIBRARY ?? fileURLToPath(new URL('../build/Release/libdl-ext.so', import.meta.url));

/** The loaded core. */
export const lib = koffi.load(libraryPath);

export const dlext_version = lib.func('const char *dlext_version(void)') as () => string;
export const dlext_strerror = lib.func('const char *dlext_strerror(int code)') as (code: number) => string;
