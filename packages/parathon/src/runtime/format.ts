// Number formatting exactly as CPython: float repr (shortest round-trip, CPython's switch to
// exponent notation), format-spec mini-language, and printf-style % formatting. Fixed and
// exponent formats round the exact binary value half-to-even, using bigint arithmetic.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyFloat, PyComplex, PyTuple, PyBytes, mkExc, TypeError_, ValueError_, typeOf, lookup, call1, hooks, tname, KeyError_ } from './core.js';
import { intVal, numVal, getitem, hooks_fmt, indexVal } from './ops.js';
import { PyDict } from './dict.js';

/** CPython 3.11's limit on decimal int <-> str conversion (sys.set_int_max_str_digits). */
export const intDigits = { max: 4300 };
/** str(int) for a bigint, with CPython's conversion limit. */
export function bigStr(b: bigint): string {
  const s = b.toString();
  const n = s.length - (b < 0n ? 1 : 0);
  if (intDigits.max > 0 && n > intDigits.max) {
    throw mkExc(ValueError_, `Exceeds the limit (${intDigits.max} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return s;
}

/** repr(float). */
export function floatRepr(x: number): string {
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const s = x.toExponential();
  const ei = s.indexOf('e');
  let mant = s.slice(0, ei);
  const e = +s.slice(ei + 1);
  const neg = mant[0] === '-';
  if (neg) mant = mant.slice(1);
  const digits = mant.replace('.', '');
  const sign = neg ? '-' : '';
  if (e >= -4 && e < 16) {
    if (e >= 0) {
      if (digits.length <= e + 1) return sign + digits + '0'.repeat(e + 1 - digits.length) + '.0';
      return sign + digits.slice(0, e + 1) + '.' + digits.slice(e + 1);
    }
    return sign + '0.' + '0'.repeat(-e - 1) + digits;
  }
  const m = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '');
  const ae = Math.abs(e);
  return sign + m + 'e' + (e < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
}

/** Exact decomposition of a finite double: |x| = m * 2^e. */
function decompose(x: number): [bigint, number] {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0), lo = dv.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (bexp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = bexp - 1075;
  }
  return [m, e];
}
/** round(m * 2^e * 10^p) half-to-even, as a bigint (x >= 0). */
function scaledRound(x: number, p: number): bigint {
  const [m, e] = decompose(x);
  let num = m, den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (p >= 0) num *= 10n ** BigInt(p);
  else den *= 10n ** BigInt(-p);
  const q = num / den, r = num % den;
  const twice = r * 2n;
  if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}
/** Digits of |x| with p digits after the point ('f' format), no sign. */
export function fixed(x: number, p: number): string {
  const n = scaledRound(Math.abs(x), p).toString();
  if (p === 0) return n;
  const s = n.padStart(p + 1, '0');
  return s.slice(0, s.length - p) + '.' + s.slice(s.length - p);
}
/** [digits, exponent] of |x| rounded to `sig` significant digits. */
function sigDigits(x: number, sig: number): [string, number] {
  if (x === 0) return ['0'.repeat(sig), 0];
  let e = Math.floor(Math.log10(x));
  let n = scaledRound(x, sig - 1 - e);
  if (n >= 10n ** BigInt(sig)) {
    e += 1;
    n = scaledRound(x, sig - 1 - e);
  } else if (n < 10n ** BigInt(sig - 1)) {
    e -= 1;
    n = scaledRound(x, sig - 1 - e);
  }
  return [n.toString(), e];
}
/** 'e' format of |x| with p digits after the point. */
export function expo(x: number, p: number, alt = false): string {
  const [d, e] = sigDigits(Math.abs(x), p + 1);
  const ae = Math.abs(e);
  return d[0] + (p > 0 || alt ? '.' : '') + d.slice(1) + 'e' + (e < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
}
/** 'g' format of |x| with precision p. */
function general(x: number, p: number, alt: boolean, reprStyle = false): string {
  if (p === 0) p = 1;
  const ax = Math.abs(x);
  if (ax === 0) return alt ? '0.' + '0'.repeat(p - 1) : reprStyle ? '0.0' : '0';
  const [d, e] = sigDigits(ax, p);
  let out: string;
  if (e >= -4 && e < p) {
    out = fixed(ax, p - 1 - e);
    if (!alt && out.includes('.')) out = out.replace(/\.?0+$/, '');
  } else {
    let m = d[0] + '.' + d.slice(1);
    if (!alt) m = m.replace(/\.?0+$/, '');
    const ae = Math.abs(e);
    out = m + 'e' + (e < 0 ? '-' : '+') + (ae < 10 ? '0' : '') + ae;
  }
  return out;
}

interface Spec {
  fill: string; align: string; sign: string; alt: boolean; zero: boolean; width: number;
  group: string; prec: number; type: string;
}
const specCache = new Map<string, Spec>();
function parseSpec(spec: string): Spec {
  let c = specCache.get(spec);
  if (c === undefined) {
    c = parseSpecUncached(spec);
    if (specCache.size > 1000) specCache.clear();
    specCache.set(spec, c);
  }
  return c;
}
function parseSpecUncached(spec: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/su.exec(spec);
  if (!m) throw mkExc(ValueError_, 'Invalid format specifier');
  return {
    fill: m[1] ?? (m[5] && !m[2] ? '0' : ' '), align: m[2] ?? (m[5] ? '=' : ''), sign: m[3] ?? '-', alt: !!m[4],
    zero: !!m[5], width: m[6] ? +m[6] : 0, group: m[7] ?? '', prec: m[8] !== undefined ? +m[8] : -1, type: m[9] ?? '',
  };
}
function pad(body: string, sign: string, s: Spec, defAlign: string): string {
  const align = s.align || defAlign;
  const len = [...body].length + sign.length;
  if (len >= s.width) return sign + body;
  const fill = s.fill.repeat(s.width - len);
  switch (align) {
    case '<': return sign + body + fill;
    case '>': return fill + sign + body;
    case '=': return sign + fill + body;
    case '^': {
      const l = Math.floor((s.width - len) / 2);
      return s.fill.repeat(l) + sign + body + s.fill.repeat(s.width - len - l);
    }
  }
  return sign + body;
}
function group(intPart: string, sep: string, every = 3): string {
  if (!sep) return intPart;
  let out = '';
  for (let i = intPart.length; i > 0; i -= every) out = intPart.slice(Math.max(0, i - every), i) + (out ? sep + out : '');
  return out;
}
function signOf(neg: boolean, s: Spec): string {
  return neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
}

/** format(int, spec). */
export function formatInt(v: any, spec: string): string {
  const s = parseSpec(spec);
  if ('eEfFgG%'.includes(s.type) && s.type) return formatFloat(Number(v), spec);
  if (s.type === 'c') return pad(String.fromCodePoint(Number(v)), '', s, '<');
  const neg = v < 0;
  const a = neg ? -BigInt(v) : BigInt(v);
  let body: string, prefix = '';
  switch (s.type) {
    case 'b': body = a.toString(2); prefix = '0b'; break;
    case 'o': body = a.toString(8); prefix = '0o'; break;
    case 'x': body = a.toString(16); prefix = '0x'; break;
    case 'X': body = a.toString(16).toUpperCase(); prefix = '0X'; break;
    case '': case 'd': case 'n': body = a.toString(); break;
    default: throw mkExc(ValueError_, `Unknown format code '${s.type}' for object of type 'int'`);
  }
  if (s.prec >= 0) throw mkExc(ValueError_, 'Precision not allowed in integer format specifier');
  body = group(body, s.group, 'boxX'.includes(s.type) && s.type ? 4 : 3);
  const sign = signOf(neg, s) + (s.alt ? prefix : '');
  if (s.zero && !s.align && s.group && s.width) {
    // zero padding also inserts separators
    let digits = body.replace(/[,_]/g, '');
    const every = 'boxX'.includes(s.type) && s.type ? 4 : 3;
    while (group(digits, s.group, every).length + sign.length < s.width) digits = '0' + digits;
    return sign + group(digits, s.group, every);
  }
  return pad(body, sign, s, '>');
}

/** format(float, spec). */
export function formatFloat(x: number, spec: string): string {
  if (spec === '') return floatRepr(x);
  const s = parseSpec(spec);
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  let body: string;
  let t = s.type;
  if (!Number.isFinite(x)) {
    body = x !== x ? 'nan' : 'inf';
    if (t === 'E' || t === 'F' || t === 'G') body = body.toUpperCase();
    return pad(body, signOf(x !== x ? false : neg, s), s, '>');
  }
  const p = s.prec;
  switch (t) {
    case 'f': case 'F': body = fixed(ax, p < 0 ? 6 : p); if (s.alt && !body.includes('.')) body += '.'; break;
    case 'e': case 'E': body = expo(ax, p < 0 ? 6 : p, s.alt); if (t === 'E') body = body.toUpperCase(); break;
    case 'g': case 'G': body = general(ax, p < 0 ? 6 : p, s.alt); if (t === 'G') body = body.toUpperCase(); break;
    case '%': body = fixed(ax * 100, p < 0 ? 6 : p) + '%'; break;
    case '': case 'n':
      if (p < 0) body = floatRepr(ax);
      else {
        body = general(ax, p, s.alt, true);
        if (!/[.e]/.test(body)) body += '.0';
        const [, e] = sigDigits(ax, p || 1);
        if (e >= p && !body.includes('e')) body = general(ax, p, s.alt, true);
      }
      break;
    default: throw mkExc(ValueError_, `Unknown format code '${t}' for object of type 'float'`);
  }
  if (s.group) {
    const m = /^(\d+)(.*)$/s.exec(body);
    if (m) body = group(m[1]!, s.group) + m[2];
  }
  return pad(body, signOf(neg, s), s, '>');
}

/** format(str, spec). */
export function formatStr(v: string, spec: string): string {
  const s = parseSpec(spec);
  if (s.type && s.type !== 's') throw mkExc(ValueError_, `Unknown format code '${s.type}' for object of type 'str'`);
  if (s.sign !== '-' && spec.match(/[+ ]/)) throw mkExc(ValueError_, 'Sign not allowed in string format specifier');
  if (s.align === '=') throw mkExc(ValueError_, "'=' alignment not allowed in string format specifier");
  let body = v;
  if (s.prec >= 0) body = [...v].slice(0, s.prec).join('');
  return pad(body, '', s, '<');
}

/** format(value, spec) through __format__. */
export function format(v: any, spec: string): string {
  if (typeof v === 'string') return formatStr(v, spec);
  if (typeof v === 'number') return spec === '' ? String(v) : formatInt(v, spec);
  if (typeof v === 'bigint') return spec === '' ? bigStr(v) : formatInt(v, spec);
  if (typeof v === 'boolean') return spec === '' ? (v ? 'True' : 'False') : formatInt(v ? 1 : 0, spec);
  if (v instanceof PyFloat) return formatFloat(v.v, spec);
  const f = lookup(typeOf(v), '__format__');
  if (f !== undefined && !(f as any).$objectFormat) {
    const r = hooks.call(f, [v, spec], null);
    if (typeof r !== 'string') throw mkExc(TypeError_, `__format__ must return a str, not ${tname(r)}`);
    return r;
  }
  if (v instanceof PyComplex && spec) {
    return formatFloat(v.re, spec) + (v.im >= 0 ? '+' : '') + formatFloat(v.im, spec) + 'j';
  }
  if (spec !== '') throw mkExc(TypeError_, `unsupported format string passed to ${tname(v)}.__format__`);
  return hooks.str(v);
}

/** A %-format split once into (literal, conversion match) parts (cached per format string). */
interface PercentFormat {
  parts: [string, RegExpExecArray][];
  tail: string;
}
const percentCache = new Map<string, PercentFormat>();
function parsePercent(fmt: string): PercentFormat {
  let p = percentCache.get(fmt);
  if (p) return p;
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])?/g;
  const parts: [string, RegExpExecArray][] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fmt))) {
    parts.push([fmt.slice(last, m.index), m]);
    last = re.lastIndex;
  }
  p = { parts, tail: fmt.slice(last) };
  if (percentCache.size > 1000) percentCache.clear();
  percentCache.set(fmt, p);
  return p;
}

/** printf-style `fmt % args`. */
export function percent(fmt: string, args: any): string {
  const list = args instanceof PyTuple ? args.a : [args];
  const mapping = !(args instanceof PyTuple) && (args instanceof PyDict || (typeOf(args).layout === 'object' && lookup(typeOf(args), '__getitem__')));
  let ai = 0;
  const next = (): any => {
    if (ai >= list.length) throw mkExc(TypeError_, 'not enough arguments for format string');
    return list[ai++];
  };
  let out = '';
  let usedMapping = false;
  const parsed = parsePercent(fmt);
  for (const [lit, m] of parsed.parts) {
    out += lit;
    const conv = m[5];
    if (!conv) throw mkExc(ValueError_, `incomplete format`);
    if (conv === '%' && !m[1] && !m[2] && !m[3] && !m[4]) {
      out += '%';
      continue;
    }
    let v: any;
    const flags = m[2] ?? '';
    let width = m[3] === '*' ? Number(next()) : m[3] ? +m[3] : 0;
    const prec = m[4] === '*' ? Number(next()) : m[4] !== undefined ? +m[4] : -1;
    if (m[1] !== undefined) {
      usedMapping = true;
      v = getitem(args, m[1]);
    } else v = mapping && !(args instanceof PyTuple) ? (usedMapping = true, args) : next();
    let left = flags.includes('-');
    if (width < 0) {
      left = true;
      width = -width;
    }
    const signc = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-';
    let spec = '';
    let body: string;
    switch (conv) {
      case 's': body = hooks.str(v); if (prec >= 0) body = body.slice(0, prec); break;
      case 'r': case 'a': body = hooks.repr(v); if (prec >= 0) body = body.slice(0, prec); break;
      case 'c': body = typeof v === 'string' ? v : String.fromCodePoint(Number(intVal(v))); break;
      case 'd': case 'i': case 'u': {
        const n = numVal(v);
        if (n === undefined) throw mkExc(TypeError_, `%${conv} format: a real number is required, not ${tname(v)}`);
        const iv = intVal(v) ?? BigInt(Math.trunc(n) as number);
        spec = (signc !== '-' ? signc : '') + (flags.includes('0') && !left ? '0' : '') + (width && !left ? String(width) : '') + 'd';
        body = formatInt(typeof iv === 'bigint' ? iv : Math.trunc(Number(iv)), spec);
        if (!left) width = 0;
        break;
      }
      case 'x': case 'X': case 'o': {
        const iv = indexVal(v);
        spec = (signc !== '-' ? signc : '') + (flags.includes('#') ? '#' : '') + (flags.includes('0') && !left ? '0' : '') + (width && !left ? String(width) : '') + conv;
        body = formatInt(iv, spec);
        if (!left) width = 0;
        break;
      }
      default: {
        const n = numVal(v);
        if (n === undefined) throw mkExc(TypeError_, `must be real number, not ${tname(v)}`);
        spec = (signc !== '-' ? signc : '') + (flags.includes('#') ? '#' : '') + (flags.includes('0') && !left ? '0' : '') + (width && !left ? String(width) : '') + '.' + (prec < 0 ? 6 : prec) + conv;
        body = formatFloat(n, spec);
        if (!left) width = 0;
      }
    }
    if (width > [...body].length) body = left ? body.padEnd(width) : body.padStart(width);
    else if (left && width) body = body.padEnd(width);
    out += body;
  }
  out += parsed.tail;
  if (ai < list.length && !usedMapping) throw mkExc(TypeError_, 'not all arguments converted during string formatting');
  return out;
}
hooks_fmt.percent = percent;
hooks_fmt.bytesPercent = (b: PyBytes, args: any): PyBytes => {
  const s = percent(String.fromCharCode(...b.b), args);
  return new PyBytes(Uint8Array.from(s, (c) => c.charCodeAt(0) & 255));
};
void KeyError_;
void call1;
