// koffi bindings to libpmirror.so. Declarations only: idiomatic classes live beside this file.
import koffi from 'koffi';
import { fileURLToPath } from 'node:url';

/** Absolute path of libpmirror.so: `$PMIRROR_LIBRARY` if set, else the package's own build. */
export const libraryPath: string =
  process.env.PMIRROR_LIBRARY ?? fileURLToPath(new URL('../build/Release/libpmirror.so', import.meta.url));

/** The loaded core. */
export const lib = koffi.load(libraryPath);

export const pmirror_version = lib.func('const char *pmirror_version(void)') as () => string;
export const pmirror_strerror = lib.func('const char *pmirror_strerror(int code)') as (code: number) => string;
