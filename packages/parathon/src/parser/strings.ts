// String literal decoding: prefixes, escapes, bytes; the literal parts of f-strings.

/** The parsed prefix of a STRING token. */
export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  fstring: boolean;
  unicode: boolean;
  /** Length of prefix plus opening quote(s). */
  open: number;
  /** Length of the closing quote(s). */
  close: number;
}

/** Splits a STRING token's text into its prefix flags and quote lengths. */
export function stringPrefix(text: string): StringPrefix {
  let i = 0;
  let raw = false, bytes = false, fstring = false, unicode = false;
  for (;; i++) {
    const c = text[i];
    if (c === 'r' || c === 'R') raw = true;
    else if (c === 'b' || c === 'B') bytes = true;
    else if (c === 'f' || c === 'F') fstring = true;
    else if (c === 'u' || c === 'U') unicode = true;
    else break;
  }
  const q = text[i];
  const triple = text.length - i >= 6 && text[i + 1] === q && text[i + 2] === q;
  const ql = triple ? 3 : 1;
  return { raw, bytes, fstring, unicode, open: i + ql, close: ql };
}

/** Thrown for a bad escape; the parser turns it into CPython's "(unicode error) ..." SyntaxError. */
export class EscapeError extends Error {}

const SIMPLE: Record<string, string> = {
  '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

function isOct(c: string): boolean { return c >= '0' && c <= '7'; }
function isHex(c: string): boolean { return /^[0-9a-fA-F]$/.test(c); }

/** Decodes backslash escapes of a (non-raw) str literal body. */
export function decodeStr(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const j = s.indexOf('\\', i);
    if (j < 0) { out += s.slice(i); break; }
    out += s.slice(i, j);
    i = j + 1;
    if (i >= n) { throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position ${utf8pos(s, j)}: \\ at end of string`); }
    const c = s[i];
    if (c in SIMPLE) { out += SIMPLE[c]; i++; continue; }
    if (isOct(c)) {
      let k = i;
      while (k < i + 3 && k < n && isOct(s[k])) k++;
      out += String.fromCodePoint(parseInt(s.slice(i, k), 8));
      i = k;
      continue;
    }
    if (c === 'x' || c === 'u' || c === 'U') {
      const len = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const h = s.slice(i + 1, i + 1 + len);
      if (h.length < len || ![...h].every(isHex)) {
        let good = 0;
        while (good < h.length && isHex(h[good])) good++;
        const start = utf8pos(s, j);
        throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${start}-${start + 1 + good}: truncated \\${c === 'x' ? 'xXX' : c === 'u' ? 'uXXXX' : 'UXXXXXXXX'} escape`);
      }
      const cp = parseInt(h, 16);
      if (cp > 0x10ffff) {
        const start = utf8pos(s, j);
        throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${start}-${start + 9}: illegal Unicode character`);
      }
      out += String.fromCodePoint(cp);
      i += 1 + len;
      continue;
    }
    if (c === 'N') {
      // Unicode character names need the Unicode name database, which the front end does not carry.
      const start = utf8pos(s, j);
      throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${start}-${start + 1}: \\N{...} escapes are not supported by parathon`);
    }
    out += '\\';
  }
  return out;
}

/** Decodes a bytes literal body (raw or not) to bytes; throws on non-ASCII. */
export function decodeBytes(s: string, raw: boolean): Uint8Array {
  const out: number[] = [];
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) throw new EscapeError('bytes can only contain ASCII literal characters');
    if (c !== 92 || raw) { out.push(c); continue; }
    i++;
    if (i >= n) throw new EscapeError(`(value error) invalid \\x escape at position ${i - 1}`);
    const ch = s[i];
    if (ch in SIMPLE) { const r = SIMPLE[ch]; if (r) out.push(r.charCodeAt(0)); continue; }
    if (isOct(ch)) {
      let k = i;
      while (k < i + 3 && k < n && isOct(s[k])) k++;
      out.push(parseInt(s.slice(i, k), 8) & 0xff);
      i = k - 1;
      continue;
    }
    if (ch === 'x') {
      const h = s.slice(i + 1, i + 3);
      if (h.length < 2 || !isHex(h[0]) || !isHex(h[1])) throw new EscapeError(`(value error) invalid \\x escape at position ${i - 1}`);
      out.push(parseInt(h, 16));
      i += 2;
      continue;
    }
    out.push(92, s.charCodeAt(i));
  }
  return Uint8Array.from(out);
}

function utf8pos(s: string, idx: number): number {
  return Buffer.byteLength(s.slice(0, idx), 'utf8');
}
