// Methods of str, list, tuple, dict, set/frozenset, bytes/bytearray, iterators and generators.
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  PyType, PyFloat, PyTuple, PyBytes, PyExc, NS, mkExc, typeOf, lookup, isSubtype, tname, call1, call2, callN,
  TypeError_, ValueError_, IndexError_, KeyError_, StopIteration_, GeneratorExit_, RuntimeError_, UnicodeDecodeError_,
  object_, str_, list_, tuple_, dict_, set_, frozenset_, bytes_, bytearray_, generator_, iterator_, NotImplemented,
} from '../runtime/core.js';
import { PyDict, PySet, setOrder } from '../runtime/dict.js';
import * as O from '../runtime/ops.js';
import { call, allocate, Kw } from '../runtime/calls.js';
import { format } from '../runtime/format.js';
import { def, arg, repr, str, strRepr, bytesRepr } from './types.js';

const S = (x: any): string => {
  if (typeof x === 'string') return x;
  if (x !== null && typeof x === 'object' && x.$sv !== undefined) return x.$sv;
  throw mkExc(TypeError_, `descriptor requires a 'str' object but received a '${tname(x)}'`);
};
const needStr = (x: any, what: string): string => {
  if (typeof x === 'string') return x;
  if (x !== null && typeof x === 'object' && x.$sv !== undefined) return x.$sv;
  throw mkExc(TypeError_, `${what} arg must be None or str`);
};

// -- str --

def(str_, '__new__', (t: PyType, x: any = '', enc?: any) => strNew(t, x, enc), (args, kw) => strNew(args[0], arg(args, kw, 1, 'object', ''), arg(args, kw, 2, 'encoding', undefined)));
str_.$d.__new__.$nobind = true;
function strNew(t: PyType, x: any, enc: any): any {
  let v: string;
  if (enc !== undefined && x instanceof PyBytes) v = decode(x.b, enc);
  else v = str(x);
  if (t === str_) return v;
  const o: any = allocate(t);
  o.$sv = v;
  return o;
}
/** Decode UTF-8 (strictly) or latin-1/ascii bytes. */
export function decode(b: Uint8Array, enc: string = 'utf-8'): string {
  const e = enc.toLowerCase().replace('_', '-');
  if (e === 'latin-1' || e === 'latin1' || e === 'iso-8859-1') return String.fromCharCode(...b);
  if (e === 'ascii') {
    for (let i = 0; i < b.length; i++) {
      if (b[i]! > 127) throw mkExc(UnicodeDecodeError_, `'ascii' codec can't decode byte 0x${b[i]!.toString(16)} in position ${i}: ordinal not in range(128)`);
    }
    return String.fromCharCode(...b);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    throw mkExc(UnicodeDecodeError_, `'utf-8' codec can't decode bytes: invalid start byte`);
  }
}
/** Encode to UTF-8 (or latin-1/ascii). */
export function encode(s: string, enc: string = 'utf-8'): Uint8Array {
  const e = enc.toLowerCase().replace('_', '-');
  if (e === 'latin-1' || e === 'latin1' || e === 'ascii') return Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);
  return new TextEncoder().encode(s);
}
const ws = /^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/g;
function stripChars(s: string, chars: any, left: boolean, right: boolean): string {
  if (chars === null || chars === undefined) {
    if (left && right) return s.replace(ws, '');
    if (left) return s.replace(/^[\s\x1c-\x1f\x85]+/, '');
    return s.replace(/[\s\x1c-\x1f\x85]+$/, '');
  }
  const cs = new Set(needStr(chars, 'strip'));
  const a = O.codePoints(s);
  let i = 0, j = a.length;
  if (left) while (i < j && cs.has(a[i]!)) i++;
  if (right) while (j > i && cs.has(a[j - 1]!)) j--;
  return a.slice(i, j).join('');
}
def(str_, 'strip', (s: any, c?: any) => stripChars(S(s), c, true, true));
def(str_, 'lstrip', (s: any, c?: any) => stripChars(S(s), c, true, false));
def(str_, 'rstrip', (s: any, c?: any) => stripChars(S(s), c, false, true));
/** str.split. */
const WS_RUN = /[\s\x1c-\x1f\x85]+/;
const WS_EDGE = /^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/g;
/** str.split(sep, maxsplit). */
export function split(s: string, sep: any, maxsplit: number): string[] {
  if ((sep === null || sep === undefined) && maxsplit < 0) {
    const t = s.replace(WS_EDGE, '');
    return t === '' ? [] : t.split(WS_RUN);
  }
  if (sep === null || sep === undefined) {
    const out: string[] = [];
    let rest = s.replace(/^[\s\x1c-\x1f\x85]+/, '');
    while (rest.length) {
      if (maxsplit >= 0 && out.length >= maxsplit) {
        out.push(rest);
        break;
      }
      const m = /[\s\x1c-\x1f\x85]+/.exec(rest);
      if (!m) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    return out;
  }
  const sp = needStr(sep, 'split');
  if (sp === '') throw mkExc(ValueError_, 'empty separator');
  const parts = s.split(sp);
  if (maxsplit >= 0 && parts.length > maxsplit + 1) return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sp)];
  return parts;
}
def(str_, 'split', (s: any, sep?: any, m?: any) => split(S(s), sep, m === undefined ? -1 : Number(m)), (args, kw) =>
  split(S(args[0]), arg(args, kw, 1, 'sep', null), Number(arg(args, kw, 2, 'maxsplit', -1))));
function rsplit(s: string, sep: any, maxsplit: number): string[] {
  if (maxsplit < 0) return split(s, sep, -1);
  if (sep === null || sep === undefined) {
    const words = split(s, null, -1);
    if (words.length <= maxsplit) return words;
    const out: string[] = [];
    let rest = s.replace(/[\s\x1c-\x1f\x85]+$/, '');
    for (let k = 0; k < maxsplit; k++) {
      const m = /[\s\x1c-\x1f\x85]+(\S*)$/.exec(rest)!;
      out.unshift(m[1]!);
      rest = rest.slice(0, m.index);
    }
    out.unshift(rest.replace(/^[\s\x1c-\x1f\x85]+/, ''));
    return out;
  }
  const parts = s.split(sep);
  if (parts.length > maxsplit + 1) return [parts.slice(0, parts.length - maxsplit).join(sep), ...parts.slice(parts.length - maxsplit)];
  return parts;
}
def(str_, 'rsplit', (s: any, sep?: any, m?: any) => rsplit(S(s), sep, m === undefined ? -1 : Number(m)), (args, kw) =>
  rsplit(S(args[0]), arg(args, kw, 1, 'sep', null), Number(arg(args, kw, 2, 'maxsplit', -1))));
def(str_, 'splitlines', (s: any, keep?: any) => {
  const out: string[] = [];
  const re = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g;
  let last = 0, m;
  const t = S(s);
  while ((m = re.exec(t))) {
    out.push(t.slice(last, O.truthy(keep ?? false) ? m.index + m[0].length : m.index));
    last = m.index + m[0].length;
  }
  if (last < t.length) out.push(t.slice(last));
  return out;
}, (args, kw) => str_.$d.splitlines(args[0], arg(args, kw, 1, 'keepends', false)));
def(str_, 'join', (s: any, it: any) => {
  const a = O.items(it);
  let plain = true;
  for (let i = 0; i < a.length; i++) {
    if (typeof a[i] !== 'string') {
      plain = false;
      if (a[i]?.$sv !== undefined) continue;
      throw mkExc(TypeError_, `sequence item ${i}: expected str instance, ${tname(a[i])} found`);
    }
  }
  return (plain ? a : a.map((x) => (typeof x === 'string' ? x : x.$sv))).join(S(s));
});
def(str_, 'upper', (s: any) => S(s).toUpperCase());
def(str_, 'lower', (s: any) => S(s).toLowerCase());
// Full case folding as CPython: lower-upper-lower maps ß/ẞ -> ss and µ -> μ; final ς -> σ is redone
// because JS lowers sigma by context; dotless ı folds to itself and Cherokee to its capitals.
def(str_, 'casefold', (s: any) =>
  S(s)
    .replace(/[^ı]+/gu, (r) => r.toLowerCase().toUpperCase().toLowerCase())
    .replace(/ς/g, 'σ')
    .replace(/[\uab70-\uabbf\u13f8-\u13fd]/g, (c) => {
      const n = c.charCodeAt(0);
      return String.fromCharCode(n >= 0xab70 ? n - 0x97d0 : n - 8);
    }),
);
def(str_, 'swapcase', (s: any) => [...S(s)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''));
def(str_, 'capitalize', (s: any) => {
  const t = S(s);
  if (!t) return t;
  if (!O.hasSur(t)) return t[0]!.toUpperCase() + t.slice(1).toLowerCase();
  const cps = [...t];
  return cps[0]!.toUpperCase() + cps.slice(1).join('').toLowerCase();
});
def(str_, 'title', (s: any) => S(s).replace(/[\p{L}\p{N}']+/gu, (w) => w.replace(/[\p{L}\p{N}]+/gu, (p) => p[0]!.toUpperCase() + p.slice(1).toLowerCase())).replace(/([\p{L}])'([\p{L}])/gu, (m) => m));
str_.$d.title = Object.assign((s: any) => {
  let out = '', prev = false;
  for (const c of S(s)) {
    const cased = c.toLowerCase() !== c.toUpperCase();
    out += cased ? (prev ? c.toLowerCase() : c.toUpperCase()) : c;
    prev = cased;
  }
  return out;
}, { $s: true, $name: 'title' });
function subIndex(s: string, sub: string, start: any, end: any): [number, number] {
  const n = O.strLen(s);
  let a = start === undefined || start === null ? 0 : Number(O.indexVal(start));
  let b = end === undefined || end === null ? n : Number(O.indexVal(end));
  if (a < 0) a = Math.max(0, a + n);
  if (b < 0) b = Math.max(0, b + n);
  if (b > n) b = n;
  void sub;
  return [a, b];
}
function find(s0: any, sub: any, start: any, end: any, rev: boolean): number {
  const s = S(s0), t = needStr(sub, 'find');
  const [a, b] = subIndex(s, t, start, end);
  if (a > b) return -1;
  if (!O.hasSur(s)) {
    const seg = s.slice(a, b);
    const i = rev ? seg.lastIndexOf(t) : seg.indexOf(t);
    return i < 0 ? -1 : i + a;
  }
  const cps = Array.from(s).slice(a, b), tt = Array.from(t);
  const idxs: number[] = [];
  for (let i = 0; i + tt.length <= cps.length; i++) if (cps.slice(i, i + tt.length).join('') === t) idxs.push(i + a);
  if (!idxs.length) return -1;
  return rev ? idxs[idxs.length - 1]! : idxs[0]!;
}
def(str_, 'find', (s: any, sub: any, a?: any, b?: any) => find(s, sub, a, b, false));
def(str_, 'rfind', (s: any, sub: any, a?: any, b?: any) => find(s, sub, a, b, true));
def(str_, 'index', (s: any, sub: any, a?: any, b?: any) => {
  const i = find(s, sub, a, b, false);
  if (i < 0) throw mkExc(ValueError_, 'substring not found');
  return i;
});
def(str_, 'rindex', (s: any, sub: any, a?: any, b?: any) => {
  const i = find(s, sub, a, b, true);
  if (i < 0) throw mkExc(ValueError_, 'substring not found');
  return i;
});
def(str_, 'count', (s0: any, sub: any, a?: any, b?: any) => {
  const s = S(s0), t = needStr(sub, 'count');
  const [x, y] = subIndex(s, t, a, b);
  const seg = O.hasSur(s) ? Array.from(s).slice(x, y).join('') : s.slice(x, y);
  if (x > O.strLen(s)) return 0;
  if (t === '') return O.strLen(seg) + 1;
  return seg.split(t).length - 1;
});
def(str_, 'replace', (s: any, a: any, b: any, n?: any) => {
  const t = S(s), x = needStr(a, 'replace'), y = needStr(b, 'replace');
  const cnt = n === undefined ? -1 : Number(n);
  if (cnt < 0) {
    if (x === '') return y + [...t].join(y) + (t.length ? y : '');
    return t.split(x).join(y);
  }
  if (x === '') {
    const cps = [...t];
    let out = '';
    for (let i = 0; i <= cps.length; i++) {
      if (i < cnt) out += y;
      if (i < cps.length) out += cps[i];
    }
    return out;
  }
  const parts = t.split(x);
  if (parts.length - 1 <= cnt) return parts.join(y);
  return parts.slice(0, cnt + 1).join(y) + x + parts.slice(cnt + 1).join(x);
});
function affix(s: any, p: any, a: any, b: any, ends: boolean): boolean {
  const t = S(s);
  const opts = p instanceof PyTuple ? p.a : [p];
  const [x, y] = subIndex(t, '', a, b);
  const seg = O.hasSur(t) ? Array.from(t).slice(x, y).join('') : t.slice(x, y);
  for (const o of opts) {
    if (typeof o !== 'string') throw mkExc(TypeError_, `${ends ? 'endswith' : 'startswith'} first arg must be str or a tuple of str, not ${tname(o)}`);
    if (x > O.strLen(t)) continue;
    if (ends ? seg.endsWith(o) : seg.startsWith(o)) return true;
  }
  return false;
}
def(str_, 'startswith', (s: any, p: any, a?: any, b?: any) => affix(s, p, a, b, false));
def(str_, 'endswith', (s: any, p: any, a?: any, b?: any) => affix(s, p, a, b, true));
const charTest = (re: RegExp) => (s: any) => {
  const t = S(s);
  return t.length > 0 && [...t].every((c) => re.test(c));
};
def(str_, 'isdigit', charTest(/^[\p{Nd}\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]$/u));
def(str_, 'isdecimal', charTest(/^\p{Nd}$/u));
def(str_, 'isnumeric', charTest(/^[\p{N}]$/u));
def(str_, 'isalpha', charTest(/^\p{L}$/u));
def(str_, 'isalnum', charTest(/^[\p{L}\p{N}]$/u));
def(str_, 'isspace', charTest(/^[\s\x1c-\x1f\x85]$/));
def(str_, 'isascii', (s: any) => /^[\x00-\x7f]*$/.test(S(s)));
def(str_, 'isidentifier', (s: any) => /^[\p{L}_][\p{L}\p{N}_]*$/u.test(S(s)));
def(str_, 'isprintable', (s: any) => ![...S(s)].some((c) => c !== ' ' && /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Z}]/u.test(c)));
def(str_, 'islower', (s: any) => {
  const t = S(s);
  return /\p{Ll}/u.test(t) && t === t.toLowerCase();
});
def(str_, 'isupper', (s: any) => {
  const t = S(s);
  return /\p{Lu}/u.test(t) && t === t.toUpperCase();
});
def(str_, 'istitle', (s: any) => {
  const t = S(s);
  return /\p{L}/u.test(t) && str_.$d.title(t) === t;
});
function padTo(s: string, w: any, fill: any, where: string): string {
  const n = Number(O.indexVal(w)), f = fill === undefined ? ' ' : S(fill);
  if ([...f].length !== 1) throw mkExc(TypeError_, 'The fill character must be exactly one character long');
  const len = O.strLen(s);
  if (len >= n) return s;
  const total = n - len;
  if (where === 'l') return s + f.repeat(total);
  if (where === 'r') return f.repeat(total) + s;
  const left = Math.floor(total / 2) + (total & n & 1);
  return f.repeat(left) + s + f.repeat(total - left);
}
def(str_, 'ljust', (s: any, w: any, f?: any) => padTo(S(s), w, f, 'l'));
def(str_, 'rjust', (s: any, w: any, f?: any) => padTo(S(s), w, f, 'r'));
def(str_, 'center', (s: any, w: any, f?: any) => padTo(S(s), w, f, 'c'));
def(str_, 'zfill', (s: any, w: any) => {
  const t = S(s), n = Number(w);
  if (t.length >= n) return t;
  const sign = t[0] === '+' || t[0] === '-' ? t[0] : '';
  return sign + '0'.repeat(n - t.length) + t.slice(sign.length);
});
def(str_, 'partition', (s: any, sep: any) => {
  const t = S(s), p = S(sep);
  if (!p) throw mkExc(ValueError_, 'empty separator');
  const i = t.indexOf(p);
  return i < 0 ? new PyTuple([t, '', '']) : new PyTuple([t.slice(0, i), p, t.slice(i + p.length)]);
});
def(str_, 'rpartition', (s: any, sep: any) => {
  const t = S(s), p = S(sep);
  if (!p) throw mkExc(ValueError_, 'empty separator');
  const i = t.lastIndexOf(p);
  return i < 0 ? new PyTuple(['', '', t]) : new PyTuple([t.slice(0, i), p, t.slice(i + p.length)]);
});
def(str_, 'removeprefix', (s: any, p: any) => (S(s).startsWith(S(p)) ? S(s).slice(S(p).length) : S(s)));
def(str_, 'removesuffix', (s: any, p: any) => (S(p) && S(s).endsWith(S(p)) ? S(s).slice(0, -S(p).length) : S(s)));
def(str_, 'expandtabs', (s: any, n: any = 8) => {
  let out = '', col = 0;
  const ts = Number(n);
  for (const c of S(s)) {
    if (c === '\t') {
      const k = ts > 0 ? ts - (col % ts) : 0;
      out += ' '.repeat(k);
      col += k;
    } else if (c === '\n' || c === '\r') {
      out += c;
      col = 0;
    } else {
      out += c;
      col++;
    }
  }
  return out;
});
def(str_, 'encode', (s: any, enc: any = 'utf-8') => new PyBytes(encode(S(s), enc)), (args, kw) => new PyBytes(encode(S(args[0]), arg(args, kw, 1, 'encoding', 'utf-8'))));
def(str_, 'format', (s: any, ...args: any[]) => strFormat(S(s), args, null), (args, kw) => strFormat(S(args[0]), args.slice(1), kw));
def(str_, 'format_map', (s: any, m: any) => strFormat(S(s), [], null, m));
def(str_, '__format__', (s: any, spec: string) => format(S(s), spec));
def(str_, '__repr__', (s: any) => strRepr(S(s)));
def(str_, '__str__', (s: any) => S(s));
def(str_, '__len__', (s: any) => O.strLen(S(s)));
def(str_, '__hash__', (s: any) => O.hash(S(s)));
def(str_, '__eq__', (a: any, b: any) => (typeof b === 'string' || b?.$sv !== undefined ? S(a) === S(b) : NotImplemented));
for (const [n, op] of [['__lt__', '<'], ['__le__', '<='], ['__gt__', '>'], ['__ge__', '>=']] as const) {
  def(str_, n, (a: any, b: any) => (typeof b === 'string' || b?.$sv !== undefined ? O.cmp(S(a), S(b), op) : NotImplemented));
}
def(str_, '__add__', (a: any, b: any) => (typeof b === 'string' || b?.$sv !== undefined ? S(a) + S(b) : NotImplemented));
def(str_, '__mul__', (a: any, b: any) => (O.isInt(b) ? O.mul(S(a), b) : NotImplemented));
def(str_, '__rmul__', (a: any, b: any) => (O.isInt(b) ? O.mul(S(a), b) : NotImplemented));
def(str_, '__mod__', (a: any, b: any) => O.mod(S(a), b));
def(str_, '__contains__', (a: any, b: any) => O.contains(S(a), b));
def(str_, '__getitem__', (a: any, b: any) => O.getitem(S(a), b));
def(str_, '__iter__', (a: any) => O.iter(S(a)));
str_.$d.__len__.$builtinItem = true;
str_.$d.__getitem__.$builtinItem = true;
str_.$d.__iter__.$builtinItem = true;
str_.$d.__contains__.$builtinItem = true;
def(str_, 'maketrans', (x: any, y?: any, z?: any) => {
  const d = new PyDict();
  if (y === undefined) {
    for (const [k, v] of (x as PyDict).m.values()) d.set(typeof k === 'string' ? k.codePointAt(0) : k, v);
    return d;
  }
  const a = [...S(x)], b = [...S(y)];
  if (a.length !== b.length) throw mkExc(ValueError_, 'the first two maketrans arguments must have equal length');
  a.forEach((c, i) => d.set(c.codePointAt(0), b[i]!.codePointAt(0)));
  if (z !== undefined) for (const c of S(z)) d.set(c.codePointAt(0), null);
  return d;
});
str_.$d.maketrans.$nobind = true;
def(str_, 'translate', (s: any, table: any) => {
  let out = '';
  for (const c of S(s)) {
    let v: any;
    try {
      v = O.getitem(table, c.codePointAt(0));
    } catch (e) {
      if (e instanceof PyExc && isSubtype(e.$c, C_LookupError())) {
        out += c;
        continue;
      }
      throw e;
    }
    if (v === null) continue;
    out += typeof v === 'string' ? v : String.fromCodePoint(Number(v));
  }
  return out;
});
import { LookupError_ } from '../runtime/core.js';
const C_LookupError = (): PyType => LookupError_;

/** str.format / format_map. */
export function strFormat(fmt: string, args: any[], kw: Kw, mapping?: any, counter: { n: number } = { n: 0 }): string {
  let out = '';
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const c = fmt[i]!;
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      let depth = 1, j = i + 1;
      while (j < n && depth) {
        if (fmt[j] === '{') depth++;
        else if (fmt[j] === '}') depth--;
        j++;
      }
      if (depth) throw mkExc(ValueError_, "expected '}' before end of string");
      const field = fmt.slice(i + 1, j - 1);
      out += formatField(field, args, kw, mapping, counter);
      i = j;
    } else if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw mkExc(ValueError_, "Single '}' encountered in format string");
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
function formatField(field: string, args: any[], kw: Kw, mapping: any, counter: { n: number }): string {
  const m = /^([^!:[.]*)((?:\.[^!:[.]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
  if (!m) throw mkExc(ValueError_, `bad format field ${field}`);
  const name = m[1]!;
  let v: any;
  if (name === '') {
    const k = counter.n++;
    if (k >= args.length) throw mkExc(IndexError_, `Replacement index ${k} out of range for positional args tuple`);
    v = args[k];
  } else if (/^\d+$/.test(name)) {
    if (+name >= args.length) throw mkExc(IndexError_, `Replacement index ${name} out of range for positional args tuple`);
    v = args[+name];
  } else if (mapping !== undefined) v = O.getitem(mapping, name);
  else {
    if (!kw || !kw.has(name)) throw mkExc(KeyError_, name);
    v = kw.get(name);
  }
  const rest = m[2]!;
  const re = /\.([^.[]+)|\[([^\]]*)\]/g;
  let r;
  while ((r = re.exec(rest))) {
    if (r[1] !== undefined) v = O.getattr(v, r[1]);
    else v = O.getitem(v, /^\d+$/.test(r[2]!) ? +r[2]! : r[2]);
  }
  if (m[3] === 'r' || m[3] === 'a') v = repr(v);
  else if (m[3] === 's') v = str(v);
  let spec = m[4] ?? '';
  if (spec.includes('{')) spec = strFormat(spec, args, kw, mapping, counter);
  return format(v, spec);
}

// -- list --

const L = list_;
def(L, '__new__', (t: PyType) => (t === list_ ? [] : allocate(t)));
L.$d.__new__.$nobind = true;
def(L, '__init__', (self: any[], it?: any) => {
  self.length = 0;
  if (it !== undefined) O.extendList(self, it);
  return null;
});
def(L, 'append', (a: any[], x: any) => {
  a.push(x);
  return null;
});
def(L, 'extend', (a: any[], x: any) => {
  O.extendList(a, x === a ? a.slice() : x);
  return null;
});
def(L, 'pop', (a: any[], i?: any) => {
  if (!a.length) throw mkExc(IndexError_, 'pop from empty list');
  if (i === undefined) return a.pop();
  const k = Number(O.indexVal(i));
  const j = k < 0 ? k + a.length : k;
  if (j < 0 || j >= a.length) throw mkExc(IndexError_, 'pop index out of range');
  return a.splice(j, 1)[0];
});
def(L, 'insert', (a: any[], i: any, x: any) => {
  let k = Number(O.indexVal(i));
  if (k < 0) k = Math.max(0, k + a.length);
  a.splice(Math.min(k, a.length), 0, x);
  return null;
});
def(L, 'remove', (a: any[], x: any) => {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === x || O.eq(a[i], x)) {
      a.splice(i, 1);
      return null;
    }
  }
  throw mkExc(ValueError_, 'list.remove(x): x not in list');
});
def(L, 'index', (a: any[], x: any, s?: any, e?: any) => {
  const n = a.length;
  let i = s === undefined ? 0 : Number(s), j = e === undefined ? n : Number(e);
  if (i < 0) i = Math.max(0, i + n);
  if (j < 0) j += n;
  for (; i < Math.min(j, n); i++) if (a[i] === x || O.eq(a[i], x)) return i;
  throw mkExc(ValueError_, `${repr(x)} is not in list`);
});
def(L, 'count', (a: any[], x: any) => a.filter((v) => v === x || O.eq(v, x)).length);
def(L, 'clear', (a: any[]) => {
  a.length = 0;
  return null;
});
def(L, 'copy', (a: any[]) => a.slice());
def(L, 'reverse', (a: any[]) => {
  a.reverse();
  return null;
});
/** list.sort(key=, reverse=): stable (V8's sort is TimSort too), comparing keys with Python's <. */
export function sortList(a: any[], key: any, reverse: boolean): void {
  const n = a.length;
  if (n < 2) return;
  const hasKey = key !== null && key !== undefined;
  const keys = hasKey ? new Array(n) : a;
  if (hasKey) for (let i = 0; i < n; i++) keys[i] = call1(key, a[i]);
  let kind = typeof keys[0] === 'number' ? 1 : typeof keys[0] === 'string' ? 2 : keys[0] instanceof PyFloat ? 3 : 0;
  for (let i = 1; i < n && kind; i++) {
    const k = keys[i];
    if (kind === 1 ? typeof k !== 'number' : kind === 2 ? typeof k !== 'string' : !(k instanceof PyFloat)) kind = 0;
  }
  const lt = (x: any, y: any): boolean => O.truthy(O.lt(x, y));
  if (!hasKey) {
    let f: (x: any, y: any) => number;
    if (kind === 1) f = (x, y) => x - y;
    else if (kind === 2) f = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
    else if (kind === 3) f = (x, y) => (x.v < y.v ? -1 : x.v > y.v ? 1 : 0);
    else f = (x, y) => (lt(x, y) ? -1 : lt(y, x) ? 1 : 0);
    a.sort(reverse ? (x, y) => f(y, x) : f);
    return;
  }
  if (kind === 1 && n < 1 << 21 && keys.every((k: number) => k > -(2 ** 31) && k < 2 ** 31)) {
    // Small int keys: pack (key, index) into one double and let the typed-array sort (no comparator)
    // do the work; the index keeps it stable, also for reverse=True (ties stay in original order).
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = ((reverse ? -keys[i] : keys[i]) + 2 ** 31) * 2 ** 21 + i;
    packed.sort();
    const vals = a.slice();
    for (let i = 0; i < n; i++) a[i] = vals[packed[i]! % 2 ** 21];
    return;
  }
  if (kind === 1 || kind === 2 || kind === 3) {
    // Sort an index array by keys held in a flat array: fewer objects than key/value pairs, and
    // the index tie-break keeps it stable (ties stay in original order for reverse=True too).
    const ks: any = kind === 2 ? keys : new Float64Array(n);
    if (kind !== 2) for (let i = 0; i < n; i++) ks[i] = kind === 3 ? keys[i].v : keys[i];
    if (kind === 2 || !ks.some((k: number) => k !== k)) {
      const idx: number[] = new Array(n);
      for (let i = 0; i < n; i++) idx[i] = i;
      if (kind === 2) idx.sort(reverse ? (i, j) => (ks[i] > ks[j] ? -1 : ks[i] < ks[j] ? 1 : i - j) : (i, j) => (ks[i] < ks[j] ? -1 : ks[i] > ks[j] ? 1 : i - j));
      else idx.sort(reverse ? (i, j) => ks[j] - ks[i] || i - j : (i, j) => ks[i] - ks[j] || i - j);
      const vals = a.slice();
      for (let i = 0; i < n; i++) a[i] = vals[idx[i]!];
      return;
    }
  }
  const pairs: { k: any; v: any }[] = new Array(n);
  if (kind === 3) for (let i = 0; i < n; i++) pairs[i] = { k: keys[i].v, v: a[i] };
  else for (let i = 0; i < n; i++) pairs[i] = { k: keys[i], v: a[i] };
  let f: (x: { k: any }, y: { k: any }) => number;
  if (kind === 1 || kind === 3) f = (x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0);
  else if (kind === 2) f = (x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0);
  else if (keys.every((k: any) => k instanceof PyTuple && k.$c === tuple_)) f = (x, y) => tupleCmp(x.k.a, y.k.a);
  else f = (x, y) => (lt(x.k, y.k) ? -1 : lt(y.k, x.k) ? 1 : 0);
  pairs.sort(reverse ? (x, y) => f(y, x) : f);
  for (let i = 0; i < n; i++) a[i] = pairs[i]!.v;
}
/** Three-way comparison of tuple items with Python's rules (fast for ints and strs). */
function tupleCmp(x: any[], y: any[]): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const p = x[i], q = y[i];
    if (p === q) continue;
    const tp = typeof p;
    if (tp === typeof q && (tp === 'number' || tp === 'string')) {
      if (p < q) return -1;
      if (p > q) return 1;
      continue;
    }
    if (O.eq(p, q)) continue;
    return O.truthy(O.lt(p, q)) ? -1 : 1;
  }
  return x.length - y.length;
}
def(L, 'sort', (a: any[]) => {
  sortList(a, null, false);
  return null;
}, (args, kw) => {
  if (args.length > 1) throw mkExc(TypeError_, 'sort() takes no positional arguments');
  sortList(args[0], kw?.get('key') ?? null, O.truthy(kw?.get('reverse') ?? false));
  return null;
});
def(L, '__len__', (a: any[]) => a.length);
def(L, '__getitem__', (a: any[], k: any) => O.getitem(a.slice(), k) && listGet(a, k));
function listGet(a: any[], k: any): any {
  const t: any = a;
  const c = t.$c;
  t.$c = undefined;
  try {
    return O.getitem(a, k);
  } finally {
    t.$c = c;
  }
}
L.$d.__getitem__ = Object.assign((a: any[], k: any) => listGet(a, k), { $s: true, $builtinItem: true });
def(L, '__setitem__', (a: any[], k: any, v: any) => {
  const t: any = a, c = t.$c;
  t.$c = undefined;
  try {
    O.setitem(a, k, v);
  } finally {
    t.$c = c;
  }
  return null;
});
def(L, '__delitem__', (a: any[], k: any) => {
  const t: any = a, c = t.$c;
  t.$c = undefined;
  try {
    O.delitem(a, k);
  } finally {
    t.$c = c;
  }
  return null;
});
def(L, '__contains__', (a: any[], x: any) => a.some((v) => v === x || O.eq(v, x)));
def(L, '__iter__', (a: any[]) => new O.ArrIt(a));
def(L, '__reversed__', (a: any[]) => new O.ArrIt(a.slice().reverse()));
def(L, '__add__', (a: any[], b: any) => (Array.isArray(b) ? a.concat(b) : NotImplemented));
def(L, '__iadd__', (a: any[], b: any) => {
  O.extendList(a, b);
  return a;
});
def(L, '__mul__', (a: any[], n: any) => (O.isInt(n) ? O.mul(a.slice(), n) : NotImplemented));
def(L, '__eq__', (a: any[], b: any) => (Array.isArray(b) ? O.eq(a.slice(), b.slice()) : NotImplemented));
for (const [n, op] of [['__lt__', '<'], ['__le__', '<='], ['__gt__', '>'], ['__ge__', '>=']] as const) {
  def(L, n, (a: any[], b: any) => (Array.isArray(b) ? O.cmp(a.slice(), b.slice(), op) : NotImplemented));
}
def(L, '__repr__', (a: any[]) => '[' + a.map(repr).join(', ') + ']');
for (const k of ['__len__', '__setitem__', '__delitem__', '__contains__', '__iter__']) L.$d[k].$builtinItem = true;
L.$d.__hash__ = null;

// -- tuple --

const T = tuple_;
def(T, '__new__', (t: PyType, it?: any) => {
  const a = it === undefined ? [] : O.toArray(it);
  if (t === tuple_) return new PyTuple(a);
  const o: any = allocate(t);
  o.a = a;
  return o;
}, (args) => T.$d.__new__(...args));
T.$d.__new__.$nobind = true;
def(T, 'index', (t: PyTuple, x: any) => {
  const i = t.a.findIndex((v) => v === x || O.eq(v, x));
  if (i < 0) throw mkExc(ValueError_, 'tuple.index(x): x not in tuple');
  return i;
});
def(T, 'count', (t: PyTuple, x: any) => t.a.filter((v) => v === x || O.eq(v, x)).length);
def(T, '__len__', (t: PyTuple) => t.a.length);
def(T, '__getitem__', (t: PyTuple, k: any) => O.getitem(new PyTuple(t.a), k));
def(T, '__iter__', (t: PyTuple) => new O.ArrIt(t.a));
def(T, '__contains__', (t: PyTuple, x: any) => t.a.some((v) => v === x || O.eq(v, x)));
def(T, '__hash__', (t: PyTuple) => O.hash(new PyTuple(t.a)));
def(T, '__eq__', (a: PyTuple, b: any) => (b instanceof PyTuple ? O.eq(new PyTuple(a.a), new PyTuple(b.a)) : NotImplemented));
for (const [n, op] of [['__lt__', '<'], ['__le__', '<='], ['__gt__', '>'], ['__ge__', '>=']] as const) {
  def(T, n, (a: PyTuple, b: any) => (b instanceof PyTuple ? O.cmp(new PyTuple(a.a), new PyTuple(b.a), op) : NotImplemented));
}
def(T, '__add__', (a: PyTuple, b: any) => (b instanceof PyTuple ? new PyTuple(a.a.concat(b.a)) : NotImplemented));
def(T, '__repr__', (t: PyTuple) => repr(new PyTuple(t.a)));
for (const k of ['__len__', '__getitem__', '__iter__', '__contains__']) T.$d[k].$builtinItem = true;

// -- dict --

const D = dict_;
def(D, '__new__', (t: PyType) => (t === dict_ ? new PyDict() : allocate(t)), (args) => (args[0] === dict_ ? new PyDict() : allocate(args[0])));
D.$d.__new__.$nobind = true;
/** dict.update semantics (mapping or iterable of pairs, then keywords). */
export function dictUpdate(d: PyDict, src: any, kw: Kw): void {
  if (src !== undefined && src !== null) {
    if (src instanceof PyDict) for (const [k, v] of src.m.values()) d.set(k, v);
    else if (lookup(typeOf(src), 'keys') !== undefined) {
      const ks = O.toArray(O.cm0(src, 'keys'));
      for (const k of ks) d.set(k, O.getitem(src, k));
    } else {
      const it = O.iter(src);
      let p, i = 0;
      while ((p = it.nx()) !== undefined) {
        const a = O.items(p);
        if (a.length !== 2) throw mkExc(ValueError_, `dictionary update sequence element #${i} has length ${a.length}; 2 is required`);
        d.set(a[0], a[1]);
        i++;
      }
    }
  }
  if (kw) for (const [k, v] of kw) d.set(k, v);
}
def(D, '__init__', (d: PyDict, src?: any) => {
  dictUpdate(d, src, null);
  return null;
}, (args, kw) => {
  dictUpdate(args[0], args[1], kw);
  return null;
});
def(D, 'update', (d: PyDict, src?: any) => {
  dictUpdate(d, src, null);
  return null;
}, (args, kw) => {
  dictUpdate(args[0], args[1], kw);
  return null;
});
def(D, 'get', (d: PyDict, k: any, dflt: any = null) => {
  const v = d.get(k);
  return v === undefined ? dflt : v;
});
def(D, 'setdefault', (d: PyDict, k: any, dflt: any = null) => {
  const v = d.get(k);
  if (v !== undefined) return v;
  d.set(k, dflt);
  return dflt;
});
def(D, 'pop', (d: PyDict, k: any, dflt?: any) => {
  const v = d.get(k);
  if (v === undefined) {
    if (dflt === undefined) throw O.keyError(k);
    return dflt;
  }
  d.delete(k);
  return v;
});
def(D, 'popitem', (d: PyDict) => {
  if (!d.size) throw mkExc(KeyError_, 'popitem(): dictionary is empty');
  const e = [...d.m.values()].pop()!;
  d.delete(e[0]);
  return new PyTuple([e[0], e[1]]);
});
def(D, 'keys', (d: PyDict) => new DictView(d, 0));
def(D, 'values', (d: PyDict) => new DictView(d, 1));
def(D, 'items', (d: PyDict) => new DictView(d, 2));
def(D, 'clear', (d: PyDict) => {
  d.clear();
  return null;
});
def(D, 'copy', (d: PyDict) => {
  const c = new PyDict();
  for (const [k, v] of d.m.values()) c.set(k, v);
  return c;
});
def(D, 'fromkeys', (t: any, it: any, v: any = null) => {
  const d = t === dict_ ? new PyDict() : call(t, [], null);
  for (const k of O.items(it)) O.setitem(d, k, v);
  return d;
});
import { PyClassMethod } from '../runtime/core.js';
D.$d.fromkeys = new PyClassMethod(D.$d.fromkeys);
def(D, '__len__', (d: PyDict) => d.size);
def(D, '__getitem__', (d: PyDict, k: any) => {
  const v = d.get(k);
  if (v !== undefined) return v;
  const miss = lookup(typeOf(d), '__missing__');
  if (miss !== undefined) return call2(miss, d, k);
  throw O.keyError(k);
});
def(D, '__setitem__', (d: PyDict, k: any, v: any) => {
  O.hash(k);
  d.set(k, v);
  return null;
});
def(D, '__delitem__', (d: PyDict, k: any) => {
  if (!d.delete(k)) throw O.keyError(k);
  return null;
});
def(D, '__contains__', (d: PyDict, k: any) => d.has(k));
def(D, '__iter__', (d: PyDict) => new O.DictIt(d, 0));
def(D, '__reversed__', (d: PyDict) => new O.ArrIt([...d.keys()].reverse()));
def(D, '__eq__', (a: PyDict, b: any) => (b instanceof PyDict ? dictEq(a, b) : NotImplemented));
function dictEq(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a.m.values()) {
    const w = b.get(k);
    if (w === undefined || !O.eq(v, w)) return false;
  }
  return true;
}
def(D, '__or__', (a: PyDict, b: any) => {
  if (!(b instanceof PyDict)) return NotImplemented;
  const d = D.$d.copy(a);
  for (const [k, v] of b.m.values()) d.set(k, v);
  return d;
});
def(D, '__ior__', (a: PyDict, b: any) => {
  dictUpdate(a, b, null);
  return a;
});
def(D, '__repr__', (d: PyDict) => {
  const parts: string[] = [];
  for (const [k, v] of d.m.values()) parts.push(repr(k) + ': ' + repr(v));
  return '{' + parts.join(', ') + '}';
});
for (const k of ['__len__', '__getitem__', '__setitem__', '__delitem__', '__contains__', '__iter__']) D.$d[k].$builtinItem = true;
D.$d.__hash__ = null;

/** dict_keys / dict_values / dict_items. */
export class DictView {
  $c: PyType;
  constructor(public d: PyDict, public kind: number) {
    this.$c = viewTypes[kind]!;
  }
  nx: undefined;
}
const viewTypes = ['dict_keys', 'dict_values', 'dict_items'].map((n) => new PyType(C_type(), n, [object_], null, 'view'));
import { type_ } from '../runtime/core.js';
function C_type(): PyType {
  return type_;
}
for (const vt of viewTypes) {
  def(vt, '__iter__', (v: DictView) => new O.DictIt(v.d, v.kind));
  def(vt, '__len__', (v: DictView) => v.d.size);
  def(vt, '__contains__', (v: DictView, x: any) => {
    if (v.kind === 0) return v.d.has(x);
    if (v.kind === 1) return [...v.d.m.values()].some((e) => O.eq(e[1], x));
    const p = O.items(x);
    const w = v.d.get(p[0]);
    return w !== undefined && O.eq(w, p[1]);
  });
  def(vt, '__repr__', (v: DictView) => `${vt.name}([${O.toArray(v).map(repr).join(', ')}])`);
  def(vt, '__reversed__', (v: DictView) => new O.ArrIt(O.toArray(v).reverse()));
  def(vt, '__eq__', (v: DictView, o: any) => (v.kind === 1 ? v === o : O.eq(toSet(v), toSet(o))));
  for (const [n, op] of [['__and__', '&'], ['__or__', '|'], ['__sub__', '-'], ['__xor__', '^']] as const) {
    def(vt, n, (v: DictView, o: any) => setOp(op, toSet(v), toSet(o)));
  }
}
function toSet(x: any): PySet {
  if (x instanceof PySet) return x;
  const s = new PySet();
  setUpdate(s, x);
  return s;
}

// -- set / frozenset --

/** Fill `s` from an iterable as CPython's set_update_internal does (merge for sets). */
export function setUpdate(s: PySet, x: any): void {
  if (x instanceof PySet) s.merge(x);
  else for (const v of O.items(x)) {
    if (typeof v === 'object' && v !== null && !(v instanceof PyFloat)) O.hash(v);
    s.add(v);
  }
}
function copySet(a: PySet, frozen = a.$c === frozenset_): PySet {
  const r = new PySet(frozen);
  r.merge(a);
  return r;
}
/** Set algebra with CPython's construction order (so number sets print as python3 prints them). */
function setOp(op: string, a: PySet, b: PySet): PySet {
  const frozen = a.$c === frozenset_ || isSubtype(a.$c, frozenset_);
  switch (op) {
    case '|': {
      const r = copySet(a, frozen);
      r.merge(b);
      return r;
    }
    case '&': {
      const r = new PySet(frozen);
      let [big, small] = [a, b];
      if (b.size > a.size) [big, small] = [b, a];
      for (const k of small.order()) if (big.has(k)) r.add(k);
      return r;
    }
    case '-': {
      if ((a.size >> 2) > b.size) {
        const r = copySet(a, frozen);
        for (const k of b.order()) r.delete(k);
        return r;
      }
      const r = new PySet(frozen);
      for (const k of a.order()) if (!b.has(k)) r.add(k);
      return r;
    }
    case '^': {
      const r = copySet(b, frozen);
      for (const k of a.order()) {
        if (r.has(k)) r.delete(k);
        else r.add(k);
      }
      return r;
    }
  }
  return a;
}
O.hooks_set.op = setOp;
for (const ST of [set_, frozenset_]) {
  const frozen = ST === frozenset_;
  def(ST, '__new__', (t: PyType, it?: any) => {
    const s: PySet = t === ST ? new PySet(frozen) : allocate(t);
    if (it !== undefined && (frozen || t === ST)) setUpdate(s, it);
    return s;
  });
  ST.$d.__new__.$nobind = true;
  def(ST, '__len__', (s: PySet) => s.size);
  def(ST, '__contains__', (s: PySet, x: any) => s.has(x));
  def(ST, '__iter__', (s: PySet) => new O.DictIt(s, 0));
  def(ST, 'copy', (s: PySet) => copySet(s));
  def(ST, 'union', (s: PySet, ...o: any[]) => {
    const r = copySet(s);
    for (const x of o) setUpdate(r, x);
    return r;
  });
  def(ST, 'intersection', (s: PySet, ...o: any[]) => o.reduce((acc, x) => setOp('&', acc, toSet(x)), copySet(s)));
  def(ST, 'difference', (s: PySet, ...o: any[]) => o.reduce((acc, x) => setOp('-', acc, toSet(x)), copySet(s)));
  def(ST, 'symmetric_difference', (s: PySet, o: any) => setOp('^', s, toSet(o)));
  def(ST, 'issubset', (s: PySet, o: any) => O.cmp(s, toSet(o), '<='));
  def(ST, 'issuperset', (s: PySet, o: any) => O.cmp(s, toSet(o), '>='));
  def(ST, 'isdisjoint', (s: PySet, o: any) => setOp('&', s, toSet(o)).size === 0);
  def(ST, '__eq__', (a: PySet, b: any) => (b instanceof PySet ? O.eq(copySet(a, false), copySet(b, false)) : NotImplemented));
  def(ST, '__repr__', (s: PySet) => repr(copySet(s, frozen)));
  for (const [n, op] of [['__and__', '&'], ['__or__', '|'], ['__sub__', '-'], ['__xor__', '^']] as const) {
    def(ST, n, (a: PySet, b: any) => (b instanceof PySet ? setOp(op, a, b) : NotImplemented));
  }
  for (const k of ['__len__', '__contains__', '__iter__']) ST.$d[k].$builtinItem = true;
}
def(frozenset_, '__hash__', (s: PySet) => {
  let h = 0;
  for (const k of s.values()) {
    const hv = O.hash(k);
    h ^= Math.imul(typeof hv === 'bigint' ? Number(BigInt.asIntN(32, hv)) : hv | 0, 0x9e3779b1);
  }
  return h | 0;
});
set_.$d.__hash__ = null;
const SE = set_;
def(SE, '__init__', (s: PySet, it?: any) => {
  s.clear();
  if (it !== undefined) setUpdate(s, it);
  return null;
});
def(SE, 'add', (s: PySet, x: any) => {
  O.hash(x);
  s.add(x);
  return null;
});
def(SE, 'remove', (s: PySet, x: any) => {
  if (!s.delete(x)) throw O.keyError(x);
  return null;
});
def(SE, 'discard', (s: PySet, x: any) => {
  s.delete(x);
  return null;
});
def(SE, 'pop', (s: PySet) => {
  if (!s.size) throw mkExc(KeyError_, 'pop from an empty set');
  const v = s.popKey();
  s.delete(v);
  return v;
});
def(SE, 'clear', (s: PySet) => {
  s.clear();
  return null;
});
def(SE, 'update', (s: PySet, ...o: any[]) => {
  for (const x of o) setUpdate(s, x);
  return null;
});
/** Make `s` hold exactly the contents (and table) of `r`. */
function swapBodies(s: PySet, r: PySet): void {
  s.clear();
  s.merge(r);
}
const inplaceOp = (s: PySet, op: string, b: PySet): void => {
  if (op === '|') s.merge(b);
  else if (op === '-') for (const k of b.order()) s.delete(k);
  else if (op === '^') {
    for (const k of b.order()) {
      if (s.has(k)) s.delete(k);
      else s.add(k);
    }
  } else swapBodies(s, setOp('&', s, b));
};
for (const [n, op] of [['intersection_update', '&'], ['difference_update', '-'], ['symmetric_difference_update', '^']] as const) {
  def(SE, n, (s: PySet, ...o: any[]) => {
    for (const x of o) inplaceOp(s, op, toSet(x));
    return null;
  });
}
for (const [n, op] of [['__iand__', '&'], ['__ior__', '|'], ['__isub__', '-'], ['__ixor__', '^']] as const) {
  def(SE, n, (s: PySet, b: any) => {
    if (!(b instanceof PySet)) return NotImplemented;
    inplaceOp(s, op, b);
    return s;
  });
}

// -- bytes / bytearray --

function toU8(x: any): Uint8Array {
  if (x instanceof PyBytes) return x.b;
  if (typeof x === 'string') throw mkExc(TypeError_, 'string argument without an encoding');
  const v = O.intVal(x);
  if (v !== undefined) return new Uint8Array(Number(v));
  return Uint8Array.from(O.items(x), (n: any) => {
    const b = Number(O.intVal(n));
    if (!(b >= 0 && b < 256)) throw mkExc(ValueError_, 'bytes must be in range(0, 256)');
    return b;
  });
}
for (const BT of [bytes_, bytearray_]) {
  const mut = BT === bytearray_;
  def(BT, '__new__', (_t: any, x?: any, enc?: any) => {
    if (x === undefined) return new PyBytes(new Uint8Array(0), mut);
    if (typeof x === 'string') {
      if (enc === undefined) throw mkExc(TypeError_, 'string argument without an encoding');
      return new PyBytes(encode(x, enc), mut);
    }
    return new PyBytes(Uint8Array.from(toU8(x)), mut);
  });
  BT.$d.__new__.$nobind = true;
  def(BT, '__repr__', (b: PyBytes) => (mut ? `bytearray(${bytesRepr(b.b)})` : bytesRepr(b.b)));
  def(BT, 'decode', (b: PyBytes, enc: any = 'utf-8') => decode(b.b, enc), (args, kw) => decode(args[0].b, arg(args, kw, 1, 'encoding', 'utf-8')));
  def(BT, 'hex', (b: PyBytes) => Array.from(b.b, (c) => c.toString(16).padStart(2, '0')).join(''));
  def(BT, '__len__', (b: PyBytes) => b.b.length);
  def(BT, '__iter__', (b: PyBytes) => new O.ArrIt(Array.from(b.b)));
  def(BT, '__hash__', (b: PyBytes) => O.hash(String.fromCharCode(...b.b)));
  def(BT, '__add__', (a: PyBytes, b: any) => {
    if (!(b instanceof PyBytes)) return NotImplemented;
    const r = new Uint8Array(a.b.length + b.b.length);
    r.set(a.b);
    r.set(b.b, a.b.length);
    return new PyBytes(r, mut);
  });
  def(BT, '__contains__', (a: PyBytes, x: any) => {
    if (x instanceof PyBytes) return String.fromCharCode(...a.b).includes(String.fromCharCode(...x.b));
    return a.b.includes(Number(O.intVal(x)));
  });
  const lat = (b: PyBytes): string => String.fromCharCode(...b.b);
  const fromLat = (s: string): PyBytes => new PyBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)), mut);
  const bs = (x: any): string => (x instanceof PyBytes ? lat(x) : x === null || x === undefined ? x : String.fromCharCode(Number(x)));
  def(BT, 'split', (b: PyBytes, sep?: any) => split(lat(b), sep === undefined ? null : bs(sep), -1).map(fromLat));
  def(BT, 'strip', (b: PyBytes, c?: any) => fromLat(stripChars(lat(b), c === undefined ? null : bs(c), true, true)));
  def(BT, 'startswith', (b: PyBytes, p: any) => lat(b).startsWith(bs(p)));
  def(BT, 'endswith', (b: PyBytes, p: any) => lat(b).endsWith(bs(p)));
  def(BT, 'find', (b: PyBytes, p: any) => lat(b).indexOf(bs(p)));
  def(BT, 'count', (b: PyBytes, p: any) => lat(b).split(bs(p)).length - 1);
  def(BT, 'replace', (b: PyBytes, x: any, y: any) => fromLat(lat(b).split(bs(x)).join(bs(y))));
  def(BT, 'join', (b: PyBytes, it: any) => fromLat(O.items(it).map(bs).join(lat(b))));
  def(BT, 'upper', (b: PyBytes) => fromLat(lat(b).toUpperCase()));
  def(BT, 'lower', (b: PyBytes) => fromLat(lat(b).toLowerCase()));
  def(BT, 'fromhex', (_t: any, s: string) => new PyBytes(Uint8Array.from(s.replace(/\s/g, '').match(/../g) ?? [], (h) => parseInt(h, 16)), mut));
  BT.$d.fromhex = new PyClassMethod(BT.$d.fromhex);
}
def(bytearray_, 'append', (b: PyBytes, x: any) => {
  const n = new Uint8Array(b.b.length + 1);
  n.set(b.b);
  n[b.b.length] = Number(O.intVal(x));
  b.b = n;
  return null;
});
def(bytearray_, 'extend', (b: PyBytes, x: any) => {
  const add = toU8(x);
  const n = new Uint8Array(b.b.length + add.length);
  n.set(b.b);
  n.set(add, b.b.length);
  b.b = n;
  return null;
});
bytearray_.$d.__hash__ = null;

// -- iterators and generators --

/** Type objects of builtin iterators, each answering __next__/__iter__. */
for (const [cls, name] of [[O.ArrIt, 'list_iterator'], [O.JsIt, 'iterator'], [O.DictIt, 'dict_keyiterator'], [O.RangeIt, 'range_iterator'], [O.PyIt, 'iterator'], [O.SeqIt, 'iterator']] as const) {
  const t = new PyType(type_, name, [iterator_], null, 'iterator');
  (cls as any).prototype.$c = t;
}
def(iterator_, '__iter__', (it: any) => it);
def(iterator_, '__next__', (it: any) => {
  const v = it.nx();
  if (v === undefined) throw mkExc(StopIteration_);
  return v;
});
def(iterator_, '__length_hint__', (it: any) => (it instanceof O.ArrIt ? it.a.length - it.i : 0));

/** A Python generator over a JS generator object. */
export class PyGen {
  $c: PyType = generator_;
  running = false;
  done = false;
  started = false;
  constructor(public g: Generator<any, any, any>, public name: string) {}
  nx(): any {
    if (this.done) return undefined;
    if (this.running) throw mkExc(excValueError(), 'generator already executing');
    this.running = true;
    let r;
    try {
      this.started = true;
      r = this.g.next(null);
    } catch (e) {
      this.done = true;
      throw genExc(e);
    } finally {
      this.running = false;
    }
    if (r.done) {
      this.done = true;
      this.ret = r.value;
      return undefined;
    }
    return r.value;
  }
  /** The return value once finished (StopIteration.value). */
  ret: any = null;
  /** StopIteration for the end of this generator. */
  stop(): PyExc {
    const v = this.ret;
    this.ret = null;
    return mkExc(StopIteration_, ...(v === null || v === undefined ? [] : [v]));
  }
  /** send(v): resume with v; StopIteration(value) at the end. */
  send(v: any): any {
    if (this.done) throw mkExc(StopIteration_);
    if (!this.started && v !== null) throw mkExc(TypeError_, "can't send non-None value to a just-started generator");
    return this.resume(v, false);
  }
  throw(e: any): any {
    if (this.done) throw e;
    return this.resume(e, true);
  }
  /** Resume the JS generator with a value (or throw into it), keeping running/started/done current. */
  step(v: any, thrown: boolean): IteratorResult<any, any> {
    this.running = true;
    let r;
    try {
      this.started = true;
      r = thrown ? this.g.throw(v) : this.g.next(v);
    } catch (x) {
      this.done = true;
      throw genExc(x);
    } finally {
      this.running = false;
    }
    if (r.done) this.done = true;
    return r;
  }
  /** One step of send() or throw(); StopIteration(value) when the generator returns. */
  private resume(v: any, thrown: boolean): any {
    const r = this.step(v, thrown);
    if (r.done) throw mkExc(StopIteration_, ...(r.value === null || r.value === undefined ? [] : [r.value]));
    return r.value;
  }
  close(): any {
    if (this.done || !this.started) {
      this.done = true;
      return null;
    }
    try {
      this.throw(mkExc(GeneratorExit_));
    } catch (e) {
      if (e instanceof PyExc && (isSubtype(e.$c, GeneratorExit_) || isSubtype(e.$c, StopIteration_))) return null;
      throw e;
    }
    throw mkExc(RuntimeError_, 'generator ignored GeneratorExit');
  }
}
function genExc(e: any): any {
  if (e instanceof PyExc && isSubtype(e.$c, StopIteration_)) {
    const r = mkExc(RuntimeError_, 'generator raised StopIteration');
    r.cause = e;
    r.context = e;
    return r;
  }
  return e;
}
import { ValueError_ as VE } from '../runtime/core.js';
const excValueError = (): PyType => VE;
def(generator_, '__iter__', (g: PyGen) => g);
def(generator_, '__next__', (g: PyGen) => {
  const v = g.nx();
  if (v === undefined) throw g.stop();
  return v;
});
def(generator_, 'send', (g: PyGen, v: any) => g.send(v));
def(generator_, 'throw', (g: PyGen, t: any, v?: any) => {
  let e = t;
  if (t instanceof PyType) e = v !== undefined && v !== null ? (v instanceof PyExc ? v : call(t, [v], null)) : call(t, [], null);
  return g.throw(e);
});
def(generator_, 'close', (g: PyGen) => g.close());
def(generator_, '__repr__', (g: PyGen) => `<generator object ${g.name} at 0x${O.idOf(g).toString(16).padStart(12, '0')}>`);
(generator_ as any).$gattr = (g: PyGen, n: string) => (n === '__name__' || n === '__qualname__' ? g.name : n === 'gi_running' ? g.running : undefined);

/** A coroutine (`async def`): a generator underneath, awaited rather than iterated. */
export class PyCoro extends PyGen {
  override $c: PyType = coroutine_;
}
const coroutine_ = new PyType(type_, 'coroutine', [object_], null, 'generator');
for (const n of ['send', 'throw', 'close']) coroutine_.$d[n] = generator_.$d[n];
def(coroutine_, '__await__', (c: PyCoro) => c);
def(coroutine_, '__repr__', (c: PyCoro) => `<coroutine object ${c.name} at 0x${O.idOf(c).toString(16).padStart(12, '0')}>`);
(coroutine_ as any).$gattr = (generator_ as any).$gattr;

/** `await x`: delegate to a coroutine, or to the iterator its __await__ returns. */
export function* awaitIt(x: any): Generator<any, any, any> {
  if (x instanceof PyCoro) return yield* yieldFrom(x);
  const f = lookup(typeOf(x), '__await__');
  if (f === undefined) throw mkExc(TypeError_, `object ${tname(x)} can't be used in 'await' expression`);
  return yield* yieldFrom(call1(f, x));
}

/** `yield from x` inside a compiled generator: a JS iterator forwarding send/throw. */
export function* yieldFrom(x: any): Generator<any, any, any> {
  if (x instanceof PyGen) {
    const g = x;
    let v: any = null;
    let mode = 0;
    let err: any;
    for (;;) {
      if (mode === 0 && g.done) return null;
      const r = mode === 0 ? g.step(v, false) : g.step(err, true);
      if (r.done) return r.value ?? null;
      try {
        v = yield r.value;
        mode = 0;
      } catch (e) {
        if (e instanceof PyExc && isSubtype(e.$c, GeneratorExit_)) {
          g.close();
          throw e;
        }
        mode = 1;
        err = e;
      }
    }
  }
  const it = O.iter(x);
  const t = typeOf(x);
  const sendF = lookup(t, 'send');
  let v: any = null;
  for (;;) {
    let out: any;
    try {
      out = v === null || sendF === undefined ? it.nx() : call2(sendF, x, v);
    } catch (e) {
      if (e instanceof PyExc && isSubtype(e.$c, StopIteration_)) return e.$d.value ?? null;
      throw e;
    }
    if (out === undefined) return null;
    v = yield out;
  }
}
void callN;
void NS;
void object_;
