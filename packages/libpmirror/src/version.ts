import { pmirror_version } from './native.js';

/** The version reported by the C core (libpmirror.so). */
export function version(): string {
  return pmirror_version();
}
