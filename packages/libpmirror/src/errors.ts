// Status codes from the C core, turned into thrown typed errors in one place.
import koffi from 'koffi';
import { pmirror_error_entry, pmirror_free, pmirror_last_error, pmirror_strerror, type Out } from './native.js';

/** Status codes of libpmirror, read from the C core's own table (so C and TS never drift). */
export const ErrorCode: Readonly<Record<string, number>> = (() => {
  const codes: Record<string, number> = {};
  for (let i = 0; ; i++) {
    const value: Out<number> = [0];
    const name: Out<string | null> = [null];
    if (pmirror_error_entry(i, value, name) !== 0) break;
    codes[name[0]!] = value[0];
  }
  return Object.freeze(codes);
})();

/** An error reported by libpmirror: `code` is the C status, `message` the core's detailed text. */
export class PmirrorError extends Error {
  /** The C status code (see {@link ErrorCode}). */
  readonly code: number;
  /** The status code's symbolic name, e.g. `"NODEBUG"`. */
  readonly codeName: string;
  constructor(code: number, detail: string) {
    super(detail || pmirror_strerror(code));
    this.name = 'PmirrorError';
    this.code = code;
    this.codeName = Object.keys(ErrorCode).find((k) => ErrorCode[k] === code) ?? String(code);
  }
}

/** Throws for a negative status; returns true for success and false for "not found". */
export function check(rc: number): boolean {
  if (rc < 0) throw new PmirrorError(rc, pmirror_last_error());
  return rc === 0;
}

/** Reads a JSON result the core handed over through a `char **` out-parameter, then frees it. */
export function takeJson<T>(rc: number, out: Out<unknown>): T | undefined {
  if (!check(rc)) return undefined;
  try {
    return JSON.parse(koffi.decode(out[0], 'char', -1) as string) as T;
  } finally {
    pmirror_free(out[0]);
  }
}
