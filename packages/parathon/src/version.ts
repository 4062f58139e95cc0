import { parathon_version } from './native.js';

/** The version reported by the C core (libparathon.so). */
export function version(): string {
  return parathon_version();
}
