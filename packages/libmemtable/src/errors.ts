// Status codes from the C core, turned into thrown errors through one check().
import { MemtableErrorCode, memtableErrorMessages } from './errors.generated.js';

export { MemtableErrorCode } from './errors.generated.js';

/** An error status from libmemtable's C core; `code` is its `MEMTABLE_E_*` value. */
export class MemtableError extends Error {
  /** The status code. */
  readonly code: MemtableErrorCode;

  /** Wrap a status code, optionally naming the call that returned it. */
  constructor(code: number, operation?: string) {
    const message = memtableErrorMessages[code] ?? `unknown error ${code}`;
    super(operation ? `${operation}: ${message}` : message);
    this.name = 'MemtableError';
    this.code = code as MemtableErrorCode;
  }
}

/** Throw a MemtableError for a negative status; return non-negative ones (0 success, 1 not found). */
export function check(rc: number, operation?: string): number {
  if (rc < 0) throw new MemtableError(rc, operation);
  return rc;
}
