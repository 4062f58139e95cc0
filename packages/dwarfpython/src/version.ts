import { dwarfpython_version } from './native.js';

/** The version reported by the C core (libdwarfpython.so). */
export function version(): string {
  return dwarfpython_version();
}
