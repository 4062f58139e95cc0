// koffi bindings to libparathon.so. Declarations only: idiomatic classes live beside this file.
import koffi from 'koffi';
import { fileURLToPath } from 'node:url';

/** Absolute path of libparathon.so: `$PARATHON_LIBRARY` if set, else the package's own build. */
export const libraryPath: string =
  process.env.PARATHON_LIBRARY ?? fileURLToPath(new URL('../build/Release/libparathon.so', import.meta.url));

/** The loaded core. */
export const lib = koffi.load(libraryPath);

export const parathon_version = lib.func('const char *parathon_version(void)') as () => string;
export const parathon_strerror = lib.func('const char *parathon_strerror(int code)') as (code: number) => string;
