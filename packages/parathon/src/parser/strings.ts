// String literal decoding: prefixes, escapes, bytes; the literal parts of f-strings.
import { inflateSync } from 'node:zlib';
import { ALGORITHMIC, NAMES_ZLIB_BASE64, NONPRINTABLE_RANGES } from './unicode-names.js';

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

/** Decodes backslash escapes of a (non-raw) str literal body (`fstringPart`: a literal chunk of an f-string). */
export function decodeStr(s: string, fstringPart = false): string {
  if (!s.includes('\\')) return s;
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const j = s.indexOf('\\', i);
    if (j < 0) { out += s.slice(i); break; }
    out += s.slice(i, j);
    i = j + 1;
    if (i >= n && fstringPart) { out += '\\'; break; } // a backslash before '{' in an f-string
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
      const start = utf8pos(s, j);
      const close = s[i + 1] === '{' ? s.indexOf('}', i + 2) : -1;
      if (close < 0 || close === i + 2) {
        const end = s[i + 1] !== '{' ? start + 1 : close < 0 ? utf8pos(s, n) - 1 : utf8pos(s, close);
        throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${start}-${end}: malformed \\N character escape`);
      }
      const cp = lookupName(s.slice(i + 2, close));
      if (cp < 0) {
        throw new EscapeError(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${start}-${utf8pos(s, close)}: unknown Unicode character name`);
      }
      out += String.fromCodePoint(cp);
      i = close + 1;
      continue;
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

let names: Map<string, number> | null = null;

// Hangul syllable names are algorithmic: "HANGUL SYLLABLE " + leading + vowel + trailing jamo.
const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI',
  'YU', 'EU', 'YI', 'I'];
const JAMO_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B',
  'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

/** Index of the longest entry of `table` that prefixes s at i, or -1. */
function longest(table: string[], s: string, i: number): number {
  let best = -1;
  for (let k = 0; k < table.length; k++) {
    if (s.startsWith(table[k], i) && (best < 0 || table[k].length > table[best].length)) best = k;
  }
  return best;
}

/** The code point named `name` (case-insensitive, like unicodedata.lookup), or -1. */
export function lookupName(name: string): number {
  const up = name.toUpperCase();
  if (up.startsWith('HANGUL SYLLABLE ')) {
    let i = 16;
    const l = longest(JAMO_L, up, i); if (l < 0) return -1; i += JAMO_L[l].length;
    const v = longest(JAMO_V, up, i); if (v < 0) return -1; i += JAMO_V[v].length;
    const t = longest(JAMO_T, up, i); if (t < 0) return -1; i += JAMO_T[t].length;
    return i === up.length ? 0xac00 + (l * 21 + v) * 28 + t : -1;
  }
  for (const [prefix, ranges] of Object.entries(ALGORITHMIC)) {
    if (up.startsWith(prefix)) {
      const hexs = up.slice(prefix.length);
      if (!/^[0-9A-F]{4,5}$/.test(hexs)) return -1;
      const cp = parseInt(hexs, 16);
      return ranges.some(([a, b]) => cp >= a && cp <= b) ? cp : -1;
    }
  }
  if (!names) {
    // Built on first use: most programs never write a \N{...} escape.
    names = new Map();
    const text = inflateSync(Buffer.from(NAMES_ZLIB_BASE64, 'base64')).toString('latin1');
    let cp = -1;
    for (const line of text.split('\n')) {
      const semi = line.indexOf(';');
      cp += 1 + (semi > 0 ? Number(line.slice(0, semi)) : 0);
      names.set(line.slice(semi + 1), cp);
    }
  }
  return names.get(up) ?? -1;
}

/** python3's `str.isprintable()` for one code point (Unicode 14 tables, not the host's ICU). */
export function isPrintable(cp: number): boolean {
  // Binary search over the flattened [first, last] pairs.
  let lo = 0;
  let hi = NONPRINTABLE_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < NONPRINTABLE_RANGES[2 * mid]) hi = mid - 1;
    else if (cp > NONPRINTABLE_RANGES[2 * mid + 1]) lo = mid + 1;
    else return false;
  }
  return true;
}
