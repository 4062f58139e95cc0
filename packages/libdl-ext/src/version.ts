import { dlext_version } from './native.js';

/** The version reported by the C core (libdl-ext.so). */
export function version(): string {
  return dlext_version();
}
