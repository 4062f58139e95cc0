// Status codes from the C core's X-macro table, and the one place they become thrown errors.
import { dwarfpython_error_name, dwarfpython_strerror } from './native.js';

/** Every status code of the C core by name (`OK`, `INVAL`, `FAULT`, ...), read from its table. */
export const ErrorCode: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(
    Array.from({ length: 32 }, (_, i) => -i)
      .map((code) => [dwarfpython_error_name(code), code] as const)
      .filter((e): e is readonly [string, number] => e[0] !== null),
  ),
);

/** A failure reported by the C core: `code` is a negative status, `codeName` its table name. */
export class DwarfpythonError extends Error {
  /** The status code (see {@link ErrorCode}). */
  readonly code: number;
  /** The code's name in the C table, for example `"FAULT"`. */
  readonly codeName: string;

  constructor(code: number, message?: string) {
    super(message ?? dwarfpython_strerror(code));
    this.name = 'DwarfpythonError';
    this.code = code;
    this.codeName = dwarfpython_error_name(code) ?? 'UNKNOWN';
  }
}

/** Throw a {@link DwarfpythonError} when rc is negative; return rc otherwise. */
export function check(rc: number, what?: string): number {
  if (rc < 0) throw new DwarfpythonError(rc, what ? `${what}: ${dwarfpython_strerror(rc)}` : undefined);
  return rc;
}
