import { memtable_version } from './native.js';

/** The version reported by the C core (libmemtable.so). */
export function version(): string {
  return memtable_version();
}
