// Status codes from the C core's X-macro table, and the one place they become thrown errors.
import { dlext_dlerror, dlext_error_name, dlext_strerror } from './native.js';

/** Every status code of the C core by name (`OK`, `INVAL`, `EXISTS`, ...), read from its table. */
export const ErrorCode: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(
    Array.from({ length: 64 }, (_, i) => -i)
      .map((code) => [dlext_error_name(code), code] as const)
      .filter((e): e is readonly [string, number] => e[0] !== null),
  ),
);

/** A failure reported by libdl-ext: `code` is a negative status, `codeName` its table name. */
export class DlextError extends Error {
  /** The status code (see {@link ErrorCode}). */
  readonly code: number;
  /** The code's name in the C table, for example `"EXISTS"`. */
  readonly codeName: string;

  constructor(code: number, message: string) {
    super(message);
    this.name = 'DlextError';
    this.code = code;
    this.codeName = dlext_error_name(code) ?? 'UNKNOWN';
  }
}

/** Throw a {@link DlextError} with the C core's detailed message when rc is negative. */
export function check(rc: number): number {
  if (rc < 0) throw new DlextError(rc, dlext_dlerror() ?? dlext_strerror(rc));
  return rc;
}
