// Operators and protocols: arithmetic with exact int overflow to bigint, comparisons, truthiness,
// hashing, attribute access, subscripts, iteration and calls. Fast paths first, the dunder protocol
// in the slow paths.
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  PyFloat, PyComplex, PyObject, PyType, PyTuple, PyRange, PySlice, PyBytes, PyMethod, PyProperty,
  PyClassMethod, PyStaticMethod, PyExc, PyModule, NS, MAXS, lookup, typeOf, isSubtype, mkExc, hooks,
  TypeError_, ValueError_, ZeroDivisionError_, OverflowError_, AttributeError_, IndexError_, KeyError_,
  StopIteration_, NotImplemented, object_, type_, int_, float_, bool_, str_, list_, tuple_, bumpEpoch, epoch,
  call1, call2, call0, callN, tname, excStr, RecursionError_, SystemError_, BaseException_, module_, dict_, RuntimeError_,
} from './core.js';
import { PyDict, PySet, dictHooks, setOrder } from './dict.js';

// -- ints --

/** Normalise a bigint result back to a JS number when it fits. */
export function norm(b: bigint): any {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}
/** Is x a Python int (bool included)? */
export function isInt(x: any): boolean {
  const t = typeof x;
  return t === 'number' || t === 'bigint' || t === 'boolean' || (t === 'object' && x !== null && x.$iv !== undefined);
}
/** The int value of an int-like (bool -> 0/1, int subclass instance -> its value), else undefined. */
export function intVal(x: any): any {
  switch (typeof x) {
    case 'number':
    case 'bigint':
      return x;
    case 'boolean':
      return x ? 1 : 0;
    case 'object':
      if (x !== null && x.$iv !== undefined) return x.$iv;
  }
  return undefined;
}
/** The float value of a number-like (int, bool, float), else undefined. */
export function numVal(x: any): number | undefined {
  switch (typeof x) {
    case 'number':
      return x;
    case 'bigint':
      return bigToFloat(x);
    case 'boolean':
      return x ? 1 : 0;
    case 'object':
      if (x instanceof PyFloat) return x.v;
      if (x !== null && x.$iv !== undefined) return numVal(x.$iv);
      if (x !== null && x.$fv !== undefined) return x.$fv;
  }
  return undefined;
}
function bigToFloat(b: bigint): number {
  const f = Number(b);
  if (!Number.isFinite(f)) throw mkExc(OverflowError_, 'int too large to convert to float');
  return f;
}
const big = (x: any): bigint => (typeof x === 'bigint' ? x : BigInt(x));

// -- binary operators --

/** Names of the dunder methods per operator symbol: [forward, reflected, in-place]. */
const dunder: Record<string, [string, string, string]> = {
  '+': ['__add__', '__radd__', '__iadd__'], '-': ['__sub__', '__rsub__', '__isub__'],
  '*': ['__mul__', '__rmul__', '__imul__'], '/': ['__truediv__', '__rtruediv__', '__itruediv__'],
  '//': ['__floordiv__', '__rfloordiv__', '__ifloordiv__'], '%': ['__mod__', '__rmod__', '__imod__'],
  '**': ['__pow__', '__rpow__', '__ipow__'], '<<': ['__lshift__', '__rlshift__', '__ilshift__'],
  '>>': ['__rshift__', '__rrshift__', '__irshift__'], '&': ['__and__', '__rand__', '__iand__'],
  '|': ['__or__', '__ror__', '__ior__'], '^': ['__xor__', '__rxor__', '__ixor__'],
  '@': ['__matmul__', '__rmatmul__', '__imatmul__'],
};

/** Dispatch a binary operator through the dunder protocol (after the builtin fast paths failed). */
export function binDunder(op: string, a: any, b: any): any {
  const [fwd, rev] = dunder[op]!;
  const ta = typeOf(a), tb = typeOf(b);
  const fa = lookup(ta, fwd);
  const fb = ta !== tb ? lookup(tb, rev) : undefined;
  if (fb !== undefined && isSubtype(tb, ta) && fb !== lookup(ta, rev)) {
    const r = call2(fb, b, a);
    if (r !== NotImplemented) return r;
    if (fa !== undefined) {
      const r2 = call2(fa, a, b);
      if (r2 !== NotImplemented) return r2;
    }
  } else {
    if (fa !== undefined) {
      const r = call2(fa, a, b);
      if (r !== NotImplemented) return r;
    }
    if (fb !== undefined) {
      const r = call2(fb, b, a);
      if (r !== NotImplemented) return r;
    }
  }
  if (op === '*' && (ta === str_ || ta === list_ || ta === tuple_ || tb === str_ || tb === list_ || tb === tuple_)) {
    const other = ta === str_ || ta === list_ || ta === tuple_ ? tb : ta;
    throw mkExc(TypeError_, `can't multiply sequence by non-int of type '${other.name}'`);
  }
  if (op === '+' && a instanceof PyBytes && !(b instanceof PyBytes)) throw mkExc(TypeError_, `can't concat ${tb.name} to ${ta.name}`);
  if (op === '+' && (ta === str_ || ta === list_ || ta === tuple_) && tb !== ta) {
    throw mkExc(TypeError_, ta === str_ ? `can only concatenate str (not "${tb.name}") to str` : `can only concatenate ${ta.name} (not "${tb.name}") to ${ta.name}`);
  }
  throw mkExc(TypeError_, `unsupported operand type(s) for ${op === '**' ? '** or pow()' : op}: '${ta.name}' and '${tb.name}'`);
}

/** In-place operator: __iop__ first, then the binary operator. */
export function inplace(op: string, a: any, b: any): any {
  if (Array.isArray(a) && op === '+' && !(a as any).$c) {
    extendList(a, b);
    return a;
  }
  const t = typeOf(a);
  if (t.layout === 'object' || t.layout === 'list' || t.layout === 'dict' || t.layout === 'set' || t.layout === 'bytearray') {
    const f = lookup(t, dunder[op]![2]);
    if (f !== undefined) {
      const r = call2(f, a, b);
      if (r !== NotImplemented) return r;
    }
  }
  return binop(op, a, b);
}

/** Append every item of an iterable to a JS array. */
export function extendList(a: any[], b: any): void {
  if (Array.isArray(b)) {
    const n = b.length;
    for (let i = 0; i < n; i++) a.push(b[i]);
    return;
  }
  const it = iter(b);
  let v;
  while ((v = it.nx()) !== undefined) a.push(v);
}

/** Generic binary operator by symbol. */
export function binop(op: string, a: any, b: any): any {
  switch (op) {
    case '+': return add(a, b);
    case '-': return sub(a, b);
    case '*': return mul(a, b);
    case '/': return truediv(a, b);
    case '//': return floordiv(a, b);
    case '%': return mod(a, b);
    case '**': return pow(a, b);
    case '<<': return lshift(a, b);
    case '>>': return rshift(a, b);
    case '&': return and(a, b);
    case '|': return or(a, b);
    case '^': return xor(a, b);
    case '@': return binDunder('@', a, b);
  }
  throw mkExc(SystemError_, 'bad operator ' + op);
}

/** Python's `a + b`. */
export function add(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAXS && r >= -MAXS) return r;
    return norm(BigInt(a) + BigInt(b));
  }
  if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v + b.v);
  return addSlow(a, b);
}
function addSlow(a: any, b: any): any {
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  const r = numOp(a, b, '+');
  if (r !== undefined) return r;
  if (Array.isArray(a) && Array.isArray(b) && !(a as any).$c && !(b as any).$c) return a.concat(b);
  if (a instanceof PyTuple && b instanceof PyTuple && a.$c === tuple_ && b.$c === tuple_) return new PyTuple(a.a.concat(b.a));
  return binDunder('+', a, b);
}
/** Python's `a - b`. */
export function sub(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAXS && r >= -MAXS) return r;
    return norm(BigInt(a) - BigInt(b));
  }
  if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v - b.v);
  const r = numOp(a, b, '-');
  return r !== undefined ? r : binDunder('-', a, b);
}
/** Python's `a * b`. */
export function mul(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAXS && r >= -MAXS) return r === 0 ? 0 : r;
    return norm(BigInt(a) * BigInt(b));
  }
  if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v * b.v);
  return mulSlow(a, b);
}
function repeatCount(n: any): number {
  const v = intVal(n);
  if (typeof v === 'bigint') throw mkExc(OverflowError_, "cannot fit 'int' into an index-sized integer");
  return v < 0 ? 0 : v;
}
function mulSlow(a: any, b: any): any {
  const r = numOp(a, b, '*');
  if (r !== undefined) return r;
  for (let k = 0; k < 2; k++) {
    const s = k ? b : a, n = k ? a : b;
    if (!isInt(n)) continue;
    if (typeof s === 'string') return s.repeat(repeatCount(n));
    if (Array.isArray(s) && !(s as any).$c) {
      const c = repeatCount(n), out: any[] = [];
      for (let i = 0; i < c; i++) for (const x of s) out.push(x);
      return out;
    }
    if (s instanceof PyTuple && s.$c === tuple_) {
      const c = repeatCount(n), out: any[] = [];
      for (let i = 0; i < c; i++) for (const x of s.a) out.push(x);
      return new PyTuple(out);
    }
    if (s instanceof PyBytes) {
      const c = repeatCount(n), out = new Uint8Array(s.b.length * c);
      for (let i = 0; i < c; i++) out.set(s.b, i * s.b.length);
      return new PyBytes(out, s.$c.name === 'bytearray');
    }
  }
  return binDunder('*', a, b);
}
/** Python's `a / b`. */
export function truediv(a: any, b: any): any {
  if (a instanceof PyFloat && b instanceof PyFloat) {
    if (b.v === 0) throw mkExc(ZeroDivisionError_, 'float division by zero');
    return new PyFloat(a.v / b.v);
  }
  const ia = intVal(a), ib = intVal(b);
  if (ia !== undefined && ib !== undefined) {
    if (ib === 0 || ib === 0n) throw mkExc(ZeroDivisionError_, 'division by zero');
    if (typeof ia === 'number' && typeof ib === 'number') return new PyFloat(ia / ib);
    return new PyFloat(bigDiv(big(ia), big(ib)));
  }
  const r = numOp(a, b, '/');
  return r !== undefined ? r : binDunder('/', a, b);
}
/** Correctly rounded big / big (good enough: scale to keep 64 significant bits). */
function bigDiv(x: bigint, y: bigint): number {
  const neg = x < 0n !== y < 0n;
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  const bx = x.toString(2).length, by = y.toString(2).length;
  const shift = 64 - (bx - by);
  const q = shift >= 0 ? (x << BigInt(shift)) / y : x / (y << BigInt(-shift));
  const r = Number(q) * Math.pow(2, -shift);
  if (!Number.isFinite(r)) throw mkExc(OverflowError_, 'integer division result too large for a float');
  return neg ? -r : r;
}
/** Python's `a // b`. */
export function floordiv(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw mkExc(ZeroDivisionError_, 'integer division or modulo by zero');
    const q = Math.floor(a / b);
    if (q <= MAXS && q >= -MAXS && Math.abs(a) < 2 ** 52) return q === 0 ? 0 : q;
    return norm(bigFloorDiv(BigInt(a), BigInt(b)));
  }
  const ia = intVal(a), ib = intVal(b);
  if (ia !== undefined && ib !== undefined) {
    if (ib === 0 || ib === 0n) throw mkExc(ZeroDivisionError_, 'integer division or modulo by zero');
    return norm(bigFloorDiv(big(ia), big(ib)));
  }
  const r = numOp(a, b, '//');
  return r !== undefined ? r : binDunder('//', a, b);
}
function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}
/** Python's `a % b (and str % args)`. */
export function mod(a: any, b: any): any {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw mkExc(ZeroDivisionError_, 'integer modulo by zero');
    const r = a % b;
    return r !== 0 && (r < 0) !== (b < 0) ? r + b : r === 0 ? 0 : r;
  }
  if (typeof a === 'string') return hooks_fmt.percent(a, b);
  const ia = intVal(a), ib = intVal(b);
  if (ia !== undefined && ib !== undefined) {
    if (ib === 0 || ib === 0n) throw mkExc(ZeroDivisionError_, 'integer modulo by zero');
    const x = big(ia), y = big(ib);
    const r = x % y;
    return norm(r !== 0n && (r < 0n) !== (y < 0n) ? r + y : r);
  }
  if (a instanceof PyBytes && !(b instanceof PyBytes) && a.$c.name === 'bytes') return hooks_fmt.bytesPercent(a, b);
  const r = numOp(a, b, '%');
  return r !== undefined ? r : binDunder('%', a, b);
}
/** %-formatting hooks (set by the format module). */
export const hooks_fmt: { percent: (s: string, args: any) => string; bytesPercent: (s: PyBytes, args: any) => PyBytes } = {
  percent: () => '',
  bytesPercent: (s) => s,
};
/** Python's `a ** b, and pow(a, b, m)`. */
export function pow(a: any, b: any, m?: any): any {
  const ia = intVal(a), ib = intVal(b);
  if (ia !== undefined && ib !== undefined) {
    if (m !== undefined && m !== null) {
      const im = intVal(m);
      if (im === undefined) throw mkExc(TypeError_, 'unsupported operand type(s) for pow()');
      if (im === 0 || im === 0n) throw mkExc(ValueError_, 'pow() 3rd argument cannot be 0');
      let base = big(ia), e = big(ib), md = big(im);
      if (e < 0n) {
        base = modInverse(base, md);
        e = -e;
      }
      let r = 1n;
      base = ((base % md) + md) % md;
      while (e > 0n) {
        if (e & 1n) r = (r * base) % md;
        base = (base * base) % md;
        e >>= 1n;
      }
      if (md < 0n && r > 0n) r += md;
      return norm(r);
    }
    if (ib < 0) {
      const x = numVal(a)!, y = numVal(b)!;
      if (x === 0) throw mkExc(ZeroDivisionError_, '0.0 cannot be raised to a negative power');
      return new PyFloat(Math.pow(x, y));
    }
    if (typeof ia === 'number' && typeof ib === 'number') {
      const r = Math.pow(ia, ib);
      if (r <= MAXS && r >= -MAXS) return r;
    }
    return norm(big(ia) ** big(ib));
  }
  if (m !== undefined && m !== null) return binDunder('**', a, b);
  const r = numOp(a, b, '**');
  return r !== undefined ? r : binDunder('**', a, b);
}
function modInverse(a: bigint, m: bigint): bigint {
  let [g, x] = egcd(((a % m) + m) % m, m);
  if (g !== 1n && g !== -1n) throw mkExc(ValueError_, 'base is not invertible for the given modulus');
  return ((x % m) + m) % m;
}
function egcd(a: bigint, b: bigint): [bigint, bigint] {
  let [or, r] = [a, b], [os, s] = [1n, 0n];
  while (r !== 0n) {
    const q = or / r;
    [or, r] = [r, or - q * r];
    [os, s] = [s, os - q * s];
  }
  return [or, os];
}
/** Python's `a << b`. */
export function lshift(a: any, b: any): any {
  const ia = intVal(a), ib = intVal(b);
  if (ia !== undefined && ib !== undefined) {
    if (ib < 0) throw mkExc(ValueError_, 'negative shift count');
    return norm(big(ia) << big(ib));
  }
  return binDunder('<<', a, b);
}
/** Python's `a >> b`. */
export function rshift(a: any, b: any): any {
  const ia = intVal(a), ib = intVal(b);
  if (ia !== undefined && ib !== undefined) {
    if (ib < 0) throw mkExc(ValueError_, 'negative shift count');
    return norm(big(ia) >> big(ib));
  }
  return binDunder('>>', a, b);
}
function bitop(op: string, a: any, b: any): any {
  if (typeof a === 'boolean' && typeof b === 'boolean') return op === '&' ? a && b : op === '|' ? a || b : a !== b;
  const ia = intVal(a), ib = intVal(b);
  if (ia !== undefined && ib !== undefined) {
    if (typeof ia === 'number' && typeof ib === 'number' && ia >= -0x40000000 && ia < 0x40000000 && ib >= -0x40000000 && ib < 0x40000000) {
      return op === '&' ? ia & ib : op === '|' ? ia | ib : ia ^ ib;
    }
    const x = big(ia), y = big(ib);
    return norm(op === '&' ? x & y : op === '|' ? x | y : x ^ y);
  }
  if (a instanceof PySet && b instanceof PySet) return hooks_set.op(op, a, b);
  if (a instanceof PyDict && b instanceof PyDict && op === '|' && a.$c.name === 'dict') {
    const d = new PyDict();
    for (const [k, v] of a.m.values()) d.set(k, v);
    for (const [k, v] of b.m.values()) d.set(k, v);
    return d;
  }
  return binDunder(op, a, b);
}
/** Set algebra hook (set by the builtins module). */
export const hooks_set: { op: (op: string, a: PySet, b: PySet) => PySet } = { op: (_o, a) => a };
/** Python's `a & b`. */
export const and = (a: any, b: any): any => bitop('&', a, b);
/** Python's `a | b`. */
export const or = (a: any, b: any): any => bitop('|', a, b);
/** Python's `a ^ b`. */
export const xor = (a: any, b: any): any => bitop('^', a, b);

/** Mixed int/float/complex arithmetic; undefined when an operand is not a builtin number. */
function numOp(a: any, b: any, op: string): any {
  if (a instanceof PyComplex || b instanceof PyComplex) return complexOp(a, b, op);
  const fa = a instanceof PyFloat, fb = b instanceof PyFloat;
  if (fa || fb) {
    const x = numVal(a), y = numVal(b);
    if (x === undefined || y === undefined) return undefined;
    if ((!fa && typeof a === 'object') || (!fb && typeof b === 'object')) {
      if (a?.$iv === undefined && b?.$iv === undefined) return undefined;
    }
    // a negative number to a fractional power is complex in Python 3
    if (op === '**' && x < 0 && Number.isFinite(y) && !Number.isInteger(y)) return complexOp(new PyComplex(x, 0), new PyComplex(y, 0), '**');
    return new PyFloat(floatOp(x, y, op));
  }
  const ia = intVal(a), ib = intVal(b);
  if (ia === undefined || ib === undefined) return undefined;
  if (typeof a === 'object' || typeof b === 'object') {
    // int subclasses defer to their own dunders first
    const ta = typeOf(a), tb = typeOf(b);
    if ((ta !== int_ && ta !== bool_ && lookup(ta, dunder[op]![0]) !== lookup(int_, dunder[op]![0])) ||
      (tb !== int_ && tb !== bool_ && lookup(tb, dunder[op]![1]) !== lookup(int_, dunder[op]![1]))) return undefined;
  }
  switch (op) {
    case '+': return norm(big(ia) + big(ib));
    case '-': return norm(big(ia) - big(ib));
    case '*': return norm(big(ia) * big(ib));
    case '//': return floordiv(ia, ib);
    case '%': return mod(ia, ib);
    case '/': return truediv(ia, ib);
    case '**': return pow(ia, ib);
  }
  return undefined;
}
/** Float arithmetic with Python's errors. */
export function floatOp(x: number, y: number, op: string): number {
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/':
      if (y === 0) throw mkExc(ZeroDivisionError_, 'float division by zero');
      return x / y;
    case '//':
      if (y === 0) throw mkExc(ZeroDivisionError_, 'float floor division by zero');
      return Math.floor(x / y);
    case '%': {
      if (y === 0) throw mkExc(ZeroDivisionError_, 'float modulo');
      const r = x % y;
      if (r === 0) return y < 0 ? -0 : 0;
      return (r < 0) !== (y < 0) ? r + y : r;
    }
    case '**': {
      if (x === 0 && y < 0) throw mkExc(ZeroDivisionError_, '0.0 cannot be raised to a negative power');
      if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) throw mkExc(ValueError_, 'math domain error');
      const r = Math.pow(x, y);
      if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) throw mkExc(OverflowError_, "(34, 'Numerical result out of range')");
      return r;
    }
  }
  throw mkExc(TypeError_, 'bad float op');
}
function complexOp(a: any, b: any, op: string): any {
  const c = (x: any): PyComplex | undefined => {
    if (x instanceof PyComplex) return x;
    const v = numVal(x);
    return v === undefined ? undefined : new PyComplex(v, 0);
  };
  const x = c(a), y = c(b);
  if (!x || !y) return undefined;
  switch (op) {
    case '+': return new PyComplex(x.re + y.re, x.im + y.im);
    case '-': return new PyComplex(x.re - y.re, x.im - y.im);
    case '*': return new PyComplex(x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re);
    case '/': {
      const d = y.re * y.re + y.im * y.im;
      if (d === 0) throw mkExc(ZeroDivisionError_, 'complex division by zero');
      return new PyComplex((x.re * y.re + x.im * y.im) / d, (x.im * y.re - x.re * y.im) / d);
    }
    case '**': {
      // CPython's _Py_c_pow
      if (y.re === 0 && y.im === 0) return new PyComplex(1, 0);
      if (x.re === 0 && x.im === 0) {
        if (y.im !== 0 || y.re < 0) throw mkExc(ZeroDivisionError_, '0.0 to a negative or complex power');
        return new PyComplex(0, 0);
      }
      const vabs = Math.hypot(x.re, x.im);
      let len = Math.pow(vabs, y.re);
      const at = Math.atan2(x.im, x.re);
      let phase = at * y.re;
      if (y.im !== 0) {
        len /= Math.exp(at * y.im);
        phase += y.im * Math.log(vabs);
      }
      return new PyComplex(len * Math.cos(phase), len * Math.sin(phase));
    }
  }
  return undefined;
}

// -- unary --

/** Python's `-a`. */
export function neg(a: any): any {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  if (a instanceof PyFloat) return new PyFloat(-a.v);
  if (typeof a === 'bigint') return norm(-a);
  if (typeof a === 'boolean') return a ? -1 : 0;
  if (a instanceof PyComplex) return new PyComplex(-a.re, -a.im);
  return unaryDunder(a, '__neg__', '-');
}
/** Python's `+a`. */
export function pos(a: any): any {
  if (typeof a === 'number' || typeof a === 'bigint' || a instanceof PyFloat) return a;
  if (typeof a === 'boolean') return a ? 1 : 0;
  if (a instanceof PyComplex) return a;
  return unaryDunder(a, '__pos__', '+');
}
/** Python's `~a`. */
export function invert(a: any): any {
  const v = intVal(a);
  if (v !== undefined && typeof a !== 'object') return typeof v === 'number' ? -v - 1 : norm(-(v as bigint) - 1n);
  return unaryDunder(a, '__invert__', '~');
}
function unaryDunder(a: any, name: string, sym: string): any {
  const f = lookup(typeOf(a), name);
  if (f === undefined) throw mkExc(TypeError_, `bad operand type for unary ${sym}: '${tname(a)}'`);
  return call1(f, a);
}
/** `not a`. */
export function not(a: any): boolean {
  return !truthy(a);
}

/** Python truthiness. */
export function truthy(x: any): boolean {
  switch (typeof x) {
    case 'boolean':
      return x;
    case 'number':
      return x !== 0;
    case 'string':
      return x.length !== 0;
    case 'bigint':
      return true;
    case 'function':
      return true;
  }
  if (x === null) return false;
  if (Array.isArray(x) && !(x as any).$c) return x.length !== 0;
  return truthySlow(x);
}
function truthySlow(x: any): boolean {
  if (x instanceof PyFloat) return x.v !== 0;
  const t = typeOf(x);
  const b = lookup(t, '__bool__');
  if (b !== undefined) {
    const r = call1(b, x);
    if (typeof r !== 'boolean') throw mkExc(TypeError_, `__bool__ should return bool, returned ${tname(r)}`);
    return r;
  }
  const l = lookup(t, '__len__');
  if (l !== undefined) return lenOf(x) !== 0;
  return true;
}

// -- comparison --

/** Python's `a == b as a JS boolean`. */
export function eq(a: any, b: any): boolean {
  if (a === b) return !(a instanceof PyFloat) || a.v === a.v;
  const ta = typeof a, tb = typeof b;
  if (ta === 'number' && tb === 'number') return false;
  if (ta === 'string' && tb === 'string') return false;
  return eqSlow(a, b);
}
/** Rich-comparison result of ==, as a Python object (may be non-bool from __eq__). */
export function eqObj(a: any, b: any): any {
  if (a instanceof PyObject || b instanceof PyObject) return richCmp(a, b, '__eq__', '__eq__', '==');
  return eq(a, b);
}
/** `a != b` as a Python object (user __ne__ may return anything). */
export function neObj(a: any, b: any): any {
  if (a instanceof PyObject || b instanceof PyObject) return richCmp(a, b, '__ne__', '__ne__', '!=');
  return !eq(a, b);
}
function eqSlow(a: any, b: any): boolean {
  const na = numVal(a), nb = numVal(b);
  if (na !== undefined && nb !== undefined && !(a instanceof PyObject) && !(b instanceof PyObject)) {
    const ia = intVal(a), ib = intVal(b);
    if (ia !== undefined && ib !== undefined) return ia == ib;
    if (a instanceof PyFloat && ib !== undefined) return floatEqInt(a.v, ib);
    if (b instanceof PyFloat && ia !== undefined) return floatEqInt(b.v, ia);
    return na === nb;
  }
  if (a === null || b === null) return false;
  if (a instanceof PyComplex || b instanceof PyComplex) {
    const ca = a instanceof PyComplex ? a : na !== undefined ? new PyComplex(na, 0) : null;
    const cb = b instanceof PyComplex ? b : nb !== undefined ? new PyComplex(nb, 0) : null;
    return !!ca && !!cb && ca.re === cb.re && ca.im === cb.im;
  }
  if (Array.isArray(a) && Array.isArray(b)) return seqEq(a, b);
  if (a instanceof PyTuple && b instanceof PyTuple) return seqEq(a.a, b.a);
  if (a instanceof PyDict && b instanceof PyDict && !(a.$c as any).$user && !(b.$c as any).$user) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a.m.values()) {
      const w = b.get(k);
      if (w === undefined || !eq(v, w)) return false;
    }
    return true;
  }
  if (a instanceof PySet && b instanceof PySet) {
    if (a.size !== b.size) return false;
    for (const k of a.values()) if (!b.has(k)) return false;
    return true;
  }
  if (a instanceof PyBytes && b instanceof PyBytes) {
    if (a.b.length !== b.b.length) return false;
    for (let i = 0; i < a.b.length; i++) if (a.b[i] !== b.b[i]) return false;
    return true;
  }
  if (a instanceof PyRange && b instanceof PyRange) {
    const la = a.length, lb = b.length;
    if (la !== lb) return false;
    if (la === 0) return true;
    if (!eq(a.start, b.start)) return false;
    return la === 1 || eq(a.step, b.step);
  }
  if (a instanceof PySlice && b instanceof PySlice) return eq(a.start, b.start) && eq(a.stop, b.stop) && eq(a.step, b.step);
  const ta = typeOf(a), tb = typeOf(b);
  if (ta.layout === 'object' || tb.layout === 'object' || (ta as any).$user || (tb as any).$user) {
    return truthy(richCmp(a, b, '__eq__', '__eq__', '=='));
  }
  return false;
}
function floatEqInt(f: number, i: any): boolean {
  if (!Number.isInteger(f)) return false;
  if (typeof i === 'number') return f === i;
  return BigInt(f) === i;
}
function seqEq(a: any[], b: any[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !eq(a[i], b[i])) return false;
  return true;
}

/** Rich comparison via dunders (with reflection and the identity fallback for ==/!=). */
export function richCmp(a: any, b: any, fwd: string, rev: string, sym: string): any {
  const ta = typeOf(a), tb = typeOf(b);
  let tried = false;
  if (ta !== tb && isSubtype(tb, ta)) {
    const f = lookup(tb, rev);
    if (f !== undefined) {
      tried = true;
      const r = call2(f, b, a);
      if (r !== NotImplemented) return r;
    }
  }
  const f = lookup(ta, fwd);
  if (f !== undefined) {
    const r = call2(f, a, b);
    if (r !== NotImplemented) return r;
  }
  if (!tried) {
    const g = lookup(tb, rev);
    if (g !== undefined) {
      const r = call2(g, b, a);
      if (r !== NotImplemented) return r;
    }
  }
  if (sym === '==') return a === b;
  if (sym === '!=') return a !== b;
  throw mkExc(TypeError_, `'${sym}' not supported between instances of '${ta.name}' and '${tb.name}'`);
}

/** Ordering comparison with builtin fast paths; returns a Python object (usually bool). */
export function cmp(a: any, b: any, op: string): any {
  const ta = typeof a, tb = typeof b;
  if ((ta === 'number' && tb === 'number') || (ta === 'string' && tb === 'string')) {
    return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
  }
  if (a instanceof PyFloat && b instanceof PyFloat) {
    const x = a.v, y = b.v;
    return op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  }
  return cmpSlow(a, b, op);
}
const cmpNames: Record<string, [string, string]> = {
  '<': ['__lt__', '__gt__'], '<=': ['__le__', '__ge__'], '>': ['__gt__', '__lt__'], '>=': ['__ge__', '__le__'],
};
function cmpSlow(a: any, b: any, op: string): any {
  const ta = typeOf(a), tb = typeOf(b);
  const builtinA = ta.layout !== 'object' && !(ta as any).$user, builtinB = tb.layout !== 'object' && !(tb as any).$user;
  if (builtinA && builtinB) {
    const na = numVal(a), nb = numVal(b);
    if (na !== undefined && nb !== undefined && !(a instanceof PyComplex) && !(b instanceof PyComplex)) {
      const ia = intVal(a), ib = intVal(b);
      if (ia !== undefined && ib !== undefined) {
        return op === '<' ? ia < ib : op === '<=' ? ia <= ib : op === '>' ? ia > ib : ia >= ib;
      }
      return op === '<' ? na < nb : op === '<=' ? na <= nb : op === '>' ? na > nb : na >= nb;
    }
    const c = seqCompare(a, b, op);
    if (c !== undefined) return c;
  }
  const [f, r] = cmpNames[op]!;
  return richCmp(a, b, f, r, op);
}
/** Lexicographic comparison of lists, tuples, bytes and strs; undefined if not comparable. */
function seqCompare(a: any, b: any, op: string): any {
  let x: any[] | Uint8Array, y: any[] | Uint8Array;
  if (Array.isArray(a) && Array.isArray(b)) [x, y] = [a, b];
  else if (a instanceof PyTuple && b instanceof PyTuple) [x, y] = [a.a, b.a];
  else if (a instanceof PyBytes && b instanceof PyBytes) [x, y] = [a.b, b.b];
  else if (a instanceof PySet && b instanceof PySet) {
    const sub = (p: PySet, q: PySet): boolean => p.size <= q.size && [...p.values()].every((k) => q.has(k));
    switch (op) {
      case '<=': return sub(a, b);
      case '<': return a.size < b.size && sub(a, b);
      case '>=': return sub(b, a);
      case '>': return b.size < a.size && sub(b, a);
    }
    return undefined;
  } else return undefined;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (x[i] !== y[i] && !eq(x[i], y[i])) return cmp(x[i], y[i], op);
  }
  const lx = x.length, ly = y.length;
  return op === '<' ? lx < ly : op === '<=' ? lx <= ly : op === '>' ? lx > ly : lx >= ly;
}
/** Python's `a < b`. */
export const lt = (a: any, b: any): any => (typeof a === 'number' && typeof b === 'number' ? a < b : cmp(a, b, '<'));
/** Python's `a <= b`. */
export const le = (a: any, b: any): any => (typeof a === 'number' && typeof b === 'number' ? a <= b : cmp(a, b, '<='));
/** Python's `a > b`. */
export const gt = (a: any, b: any): any => (typeof a === 'number' && typeof b === 'number' ? a > b : cmp(a, b, '>'));
/** Python's `a >= b`. */
export const ge = (a: any, b: any): any => (typeof a === 'number' && typeof b === 'number' ? a >= b : cmp(a, b, '>='));

/** `x in c`. */
export function contains(c: any, x: any): boolean {
  if (typeof c === 'string') {
    if (typeof x !== 'string') throw mkExc(TypeError_, `'in <string>' requires string as left operand, not ${tname(x)}`);
    return c.includes(x);
  }
  if (c instanceof PyDict && c.$c.name === 'dict') return c.has(checkHashable(x));
  if (c instanceof PySet) return c.has(checkHashable(x));
  if (Array.isArray(c) && !(c as any).$c) {
    for (let i = 0; i < c.length; i++) if (c[i] === x || eq(c[i], x)) return true;
    return false;
  }
  if (c instanceof PyTuple && c.$c === tuple_) {
    for (const v of c.a) if (v === x || eq(v, x)) return true;
    return false;
  }
  const t = typeOf(c);
  const f = lookup(t, '__contains__');
  if (f !== undefined) return truthy(call2(f, c, x));
  if (c instanceof PyRange) {
    const v = intVal(x);
    if (v === undefined) return false;
    return rangeIndex(c, v) >= 0;
  }
  if (lookup(t, '__iter__') === undefined && lookup(t, '__getitem__') === undefined) {
    throw mkExc(TypeError_, `argument of type '${t.name}' is not iterable`);
  }
  const it = iter(c);
  let v;
  while ((v = it.nx()) !== undefined) if (v === x || eq(v, x)) return true;
  return false;
}
/** Index of int v in range r, or -1. */
export function rangeIndex(r: PyRange, v: any): number {
  const s = big(r.start), st = big(r.step), x = big(v);
  const d = x - s;
  if (d % st !== 0n) return -1;
  const i = d / st;
  if (i < 0n || i >= BigInt(r.length)) return -1;
  return Number(i);
}
function checkHashable(x: any): any {
  // tuples are checked when the dict keys them (their elements may be unhashable)
  if (typeof x === 'object' && x !== null && !(x instanceof PyFloat) && !(x instanceof PyTuple)) hash(x);
  return x;
}

// -- hashing --

const M61 = (1n << 61n) - 1n;
/** hash() with CPython's values for ints, floats, strs are stable within a run only. */
export function hash(x: any): any {
  switch (typeof x) {
    case 'number': {
      if (x >= 0 && x < 2 ** 61 - 1) return x;
      return hashBig(BigInt(x));
    }
    case 'bigint':
      return hashBig(x);
    case 'boolean':
      return x ? 1 : 0;
    case 'string':
      return strHash(x);
    case 'function':
      return idOf(x);
  }
  if (x === null) return 0xfcbdf8f;
  if (x instanceof PyFloat) return floatHash(x.v);
  if (x instanceof PyTuple && x.$c === tuple_) return tupleHash(x.a);
  const t = typeOf(x);
  const f = lookup(t, '__hash__');
  if (f === null || f === undefined) throw mkExc(TypeError_, `unhashable type: '${t.name}'`);
  const r = call1(f, x);
  const v = intVal(r);
  if (v === undefined) throw mkExc(TypeError_, '__hash__ method should return an integer');
  return typeof v === 'number' ? (v === -1 ? -2 : v) : hashBig(v);
}
function hashBig(b: bigint): any {
  const neg = b < 0n;
  let r = (neg ? -b : b) % M61;
  if (neg) r = -r;
  return r === -1n ? -2 : norm(r);
}
/** CPython's _Py_HashDouble, exactly. */
function floatHash(v: number): any {
  if (Number.isInteger(v)) return Math.abs(v) <= MAXS ? hash(v) : hashBig(BigInt(v));
  if (v !== v) return 0;
  if (!Number.isFinite(v)) return v > 0 ? 314159 : -314159;
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(v))) + 1);
  let m = Math.abs(v) / Math.pow(2, e);
  while (m >= 1) { m /= 2; e++; }
  while (m < 0.5) { m *= 2; e--; }
  const sign = v < 0 ? -1n : 1n;
  let x = 0n;
  while (m) {
    x = ((x << 28n) & M61) | (x >> 33n);
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= M61) x -= M61;
  }
  const ee = BigInt(e >= 0 ? e % 61 : 60 - ((-1 - e) % 61));
  x = ((x << ee) & M61) | (x >> (61n - ee));
  x = x * sign;
  if (x === -1n) x = -2n;
  return norm(x);
}
function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
function tupleHash(a: any[]): number {
  let h = 0x345678;
  for (const v of a) {
    const hv = hash(v);
    h = (Math.imul(h, 1000003) ^ (typeof hv === 'bigint' ? Number(BigInt.asIntN(32, hv)) : hv | 0)) | 0;
  }
  return h === -1 ? -2 : h;
}
const U64 = (1n << 64n) - 1n;
const XP1 = 11400714785074694791n, XP2 = 14029467366897019727n, XP5 = 2870177450012600261n;
/** hash() exactly as CPython computes it (tuples use CPython's xxHash-style combination). */
export function exactHash(x: any): any {
  if (!(x instanceof PyTuple) || x.$c !== tuple_) return hash(x);
  let acc = XP5;
  for (const v of x.a) {
    let lane = BigInt(exactHash(v));
    if (lane < 0n) lane += 1n << 64n;
    acc = (acc + lane * XP2) & U64;
    acc = ((acc << 31n) | (acc >> 33n)) & U64;
    acc = (acc * XP1) & U64;
  }
  acc = (acc + (BigInt(x.a.length) ^ (XP5 ^ 3527539n))) & U64;
  if (acc === U64) return 1546275796;
  return norm(acc >= 1n << 63n ? acc - (1n << 64n) : acc);
}
const ids = new WeakMap<object, number>();
let nextId = 0x7f0000001000;
/** id(): a stable unique number per object. */
export function idOf(x: any): number {
  if (typeof x !== 'object' && typeof x !== 'function') return typeof x === 'number' ? x * 32 + 0x1000 : hash(x);
  if (x === null) return 0x95a2a0;
  let v = ids.get(x);
  if (v === undefined) {
    v = nextId;
    nextId += 48;
    ids.set(x, v);
  }
  return v;
}
dictHooks.hash = hash;
dictHooks.exactHash = exactHash;
dictHooks.subPrim = (k: any): any => {
  const base = k.$iv !== undefined ? int_ : str_;
  const t: PyType = k.$c;
  if (lookup(t, '__hash__') !== base.$d.__hash__ || lookup(t, '__eq__') !== base.$d.__eq__) return undefined;
  return k.$iv !== undefined ? k.$iv : k.$sv;
};
dictHooks.plainTupleType = (t: PyType): boolean => lookup(t, '__eq__') === tuple_.$d.__eq__ && lookup(t, '__hash__') === tuple_.$d.__hash__;
dictHooks.eq = eq;
dictHooks.ident = (k: any): boolean => {
  if (typeof k !== 'object' || k === null) return false;
  const t: PyType | undefined = k.$c;
  if (!t) return false;
  if (t.layout === 'object' || t.layout === 'exc' || t.layout === 'type' || t.layout === 'function' || t.layout === 'method' && false) {
    return lookup(t, '__hash__') === objHash && lookup(t, '__eq__') === objEq;
  }
  return false;
};
/** object.__hash__ / object.__eq__ (identity), defined here so dicts can recognise them. */
export const objHash: any = (self: any): number => idOf(self) >> 4;
/** object.__eq__: identity, else NotImplemented. */
export const objEq: any = (self: any, o: any): any => (self === o ? true : NotImplemented);

// -- attributes --

/** Descriptor kinds for instance attribute lookup. */
function isDataDescr(v: any): boolean {
  if (v instanceof PyProperty) return true;
  if (typeof v !== 'object' || v === null || !(v instanceof PyObject)) return false;
  return lookup(v.$c, '__set__') !== undefined || lookup(v.$c, '__delete__') !== undefined;
}
/** Bind a class attribute found for an instance access (functions become methods). */
export function bindAttr(v: any, obj: any, t: PyType): any {
  if (typeof v === 'function') return v.$nobind ? v : new PyMethod(v, obj);
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof PyProperty) {
    if (v.fget === null) throw mkExc(AttributeError_, `property object has no getter`);
    return call1(v.fget, obj);
  }
  if (v instanceof PyClassMethod) return new PyMethod(v.fn, t);
  if (v instanceof PyStaticMethod) return v.fn;
  if (v instanceof PyObject) {
    const g = lookup(v.$c, '__get__');
    if (g !== undefined) return callN(g, [v, obj, t]);
  }
  return v;
}

/** getattr(o, name) (raises AttributeError). */
export function getattr(o: any, name: string): any {
  if (o instanceof PyObject && o.$c.layout !== 'type') {
    const t = o.$c;
    if ((t as any).$userGA) return call2(lookup(t, '__getattribute__'), o, name);
    const tv = lookup(t, name);
    if (tv === undefined || !isDataDescr(tv)) {
      const v = o.$d[name];
      if (v !== undefined) return v;
      if (tv !== undefined) return bindAttr(tv, o, t);
    } else return bindAttr(tv, o, t);
    if ((t as any).$ga) return (t as any).$ga(o, name);
    return missingAttr(o, name);
  }
  return getattrSlow(o, name);
}
function getattrSlow(o: any, name: string): any {
  if (o instanceof PyType) return typeGetattr(o, name);
  const t = typeOf(o);
  for (const k of t.mro) {
    if ((k as any).$gattr) {
      const r = (k as any).$gattr(o, name);
      if (r !== undefined) return r;
    }
  }
  const tv = lookup(t, name);
  if (tv !== undefined && isDataDescr(tv)) return bindAttr(tv, o, t);
  const d = o?.$d;
  if (d !== undefined && d !== null && typeof o === 'object' || typeof o === 'function') {
    const v = d?.[name];
    if (v !== undefined) return v;
  }
  if (tv !== undefined) return bindAttr(tv, o, t);
  if ((t as any).$ga) return (t as any).$ga(o, name);
  return missingAttr(o, name);
}
function missingAttr(o: any, name: string): any {
  const t = typeOf(o);
  if (o instanceof PyObject) {
    for (const k of t.mro) {
      if ((k as any).$gattr) {
        const r = (k as any).$gattr(o, name);
        if (r !== undefined) return r;
      }
    }
  }
  const ga = lookup(t, '__getattr__');
  if (ga !== undefined) return call2(ga, o, name);
  if (o instanceof PyModule) throw mkExc(AttributeError_, `module '${o.$d.__name__}' has no attribute '${name}'`);
  throw attrErr(o, name);
}
function attrErr(o: any, name: string): PyExc {
  const e = mkExc(AttributeError_, `'${tname(o)}' object has no attribute '${name}'`);
  e.$d.name = name;
  e.$d.obj = o;
  return e;
}
/** Attribute lookup on a type object (metaclass descriptors, then the MRO). */
function typeGetattr(t: PyType, name: string): any {
  const meta = t.$c;
  const mv = meta !== type_ ? lookup(meta, name) : undefined;
  if (mv !== undefined && isDataDescr(mv)) return bindAttr(mv, t, meta);
  const v = lookup(t, name);
  if (v !== undefined) {
    if (v instanceof PyClassMethod) return new PyMethod(v.fn, t);
    if (v instanceof PyStaticMethod) return v.fn;
    if (v instanceof PyProperty) return v;
    if (v instanceof PyObject) {
      const g = lookup(v.$c, '__get__');
      if (g !== undefined) return callN(g, [v, null, t]);
    }
    return v;
  }
  if (mv !== undefined) return bindAttr(mv, t, meta);
  const special = typeSpecial(t, name);
  if (special !== undefined) return special;
  const tv = lookup(type_, name);
  if (tv !== undefined) return bindAttr(tv, t, type_);
  if (meta !== type_) {
    const ga = lookup(meta, '__getattr__');
    if (ga !== undefined) return call2(ga, t, name);
  }
  throw mkExc(AttributeError_, `type object '${t.name}' has no attribute '${name}'`);
}
function typeSpecial(t: PyType, name: string): any {
  switch (name) {
    case '__name__': return t.name;
    case '__qualname__': return t.qualname;
    case '__module__': return t.module;
    case '__mro__': return new PyTuple(t.mro.slice());
    case '__bases__': return new PyTuple(t.bases.slice());
    case '__base__': return t.bases[0] ?? null;
    case '__class__': return t.$c;
    case '__dict__': return hooks_ns.toDict(t.$d);
    case '__doc__': return null;
  }
  return undefined;
}
/** Namespace-to-dict conversion (set by builtins). */
export const hooks_ns: { toDict: (ns: any) => any } = { toDict: () => null };

/** setattr(o, name, v). */
export function setattr(o: any, name: string, v: any): void {
  if (o instanceof PyObject && o.$c.layout !== 'type') {
    const t: any = o.$c;
    if (t.$sae !== epoch.v) {
      t.$sae = epoch.v;
      t.$plainSet = t.slots === null && lookup(t, '__setattr__') === objSetattr;
    }
    if (t.$plainSet) {
      const tv = lookup(t, name);
      if (tv === undefined || typeof tv !== 'object' || tv === null || !isDataDescr(tv)) {
        o.$d[name] = v;
        return;
      }
    }
  }
  setattrSlow(o, name, v);
}
function setattrSlow(o: any, name: string, v: any): void {
  if (o instanceof PyType) {
    if (!(o as any).$user) throw mkExc(TypeError_, `cannot set '${name}' attribute of immutable type '${o.name}'`);
    if (name === '__name__') o.name = v;
    else if (name === '__qualname__') o.qualname = v;
    else o.$d[name] = v;
    noteClassAttr(name, v);
    bumpEpoch();
    return;
  }
  const t = typeOf(o);
  const sa = lookup(t, '__setattr__');
  if (sa !== undefined && sa !== objSetattr) {
    call3x(sa, o, name, v);
    return;
  }
  objSetattr(o, name, v);
}
function call3x(f: any, a: any, b: any, c: any): any {
  return callN(f, [a, b, c]);
}
/** object.__setattr__. */
export const objSetattr: any = (o: any, name: string, v: any): any => {
  const t = typeOf(o);
  const tv = lookup(t, name);
  if (tv instanceof PyProperty) {
    if (tv.fset === null) throw mkExc(AttributeError_, `property '${name}' of '${t.name}' object has no setter`);
    call2(tv.fset, o, v);
    return null;
  }
  if (tv instanceof PyObject) {
    const s = lookup(tv.$c, '__set__');
    if (s !== undefined) {
      callN(s, [tv, o, v]);
      return null;
    }
  }
  if (o instanceof PyType) {
    setattrSlow(o, name, v);
    return null;
  }
  const d = o?.$d;
  if (d === undefined || d === null || (t.slots !== null && !(t as any).$hasDict && t.slots.indexOf(name) < 0)) {
    if (t.layout !== 'object' && !(t as any).$user || d === undefined || d === null) {
      throw mkExc(AttributeError_, `'${t.name}' object has no attribute '${name}'`);
    }
    throw mkExc(AttributeError_, `'${t.name}' object has no attribute '${name}'`);
  }
  d[name] = v;
  return null;
};

/** delattr(o, name). */
export function delattr(o: any, name: string): void {
  const t = typeOf(o);
  const da = lookup(t, '__delattr__');
  if (da !== undefined && da !== objDelattr) {
    call2(da, o, name);
    return;
  }
  objDelattr(o, name);
}
/** object.__delattr__. */
export const objDelattr: any = (o: any, name: string): any => {
  const t = typeOf(o);
  const tv = lookup(t, name);
  if (tv instanceof PyProperty) {
    if (tv.fdel === null) throw mkExc(AttributeError_, `property '${name}' of '${t.name}' object has no deleter`);
    call1(tv.fdel, o);
    return null;
  }
  const d = o?.$d;
  if (d === undefined || d[name] === undefined) throw attrErr(o, name);
  delete d[name];
  if (o instanceof PyType) bumpEpoch();
  return null;
};

/** hasattr-style probe: the value or undefined (only AttributeError is swallowed). */
export function getattrOpt(o: any, name: string): any {
  try {
    return getattr(o, name);
  } catch (e) {
    if (e instanceof PyExc && isSubtype(e.$c, AttributeError_)) return undefined;
    throw e;
  }
}

// -- method calls (no bound-method allocation on the fast path) --

/** Find a method for `o.name(...)`: returns [fn, self-or-undefined]. */
function methodOf(o: any, name: string): any {
  if (o instanceof PyObject && o.$c.layout !== 'type' && !(o.$c as any).$userGA) {
    const t = o.$c;
    const tv = lookup(t, name);
    if (typeof tv === 'function' && o.$d[name] === undefined && !tv.$nobind) return tv;
  }
  return undefined;
}
/** `o.name()` etc. */
export function cm0(o: any, name: string): any {
  const f = methodOf(o, name) ?? builtinMethod(o, name);
  if (f !== undefined) return f.$s === true ? f(o) : hooks.call(f, [o], null);
  return call0(getattr(o, name));
}
/** o.name(a). */
export function cm1(o: any, name: string, a: any): any {
  const f = methodOf(o, name) ?? builtinMethod(o, name);
  if (f !== undefined) return f.$s === true ? f(o, a) : hooks.call(f, [o, a], null);
  return call1(getattr(o, name), a);
}
/** o.name(a, b). */
export function cm2(o: any, name: string, a: any, b: any): any {
  const f = methodOf(o, name) ?? builtinMethod(o, name);
  if (f !== undefined) return f.$s === true ? f(o, a, b) : hooks.call(f, [o, a, b], null);
  return call2(getattr(o, name), a, b);
}
/** o.name(*args). */
export function cmN(o: any, name: string, args: any[]): any {
  const f = methodOf(o, name) ?? builtinMethod(o, name);
  if (f !== undefined) return f.$s === true ? f(o, ...args) : hooks.call(f, [o, ...args], null);
  return callN(getattr(o, name), args);
}
/** Builtin representations whose attributes are exactly their type's methods. */
const PLAIN_LAYOUTS = new Set(['tuple', 'dict', 'set', 'frozenset', 'bytes', 'bytearray', 'float', 'complex', 'range', 'iterator', 'generator']);
/** Methods of builtin values (str, list, dict, int...) looked up without binding. */
function builtinMethod(o: any, name: string): any {
  let f: any;
  switch (typeof o) {
    case 'string':
      f = str_.$d[name];
      break;
    case 'number':
    case 'bigint':
      f = int_.$d[name];
      break;
    case 'object':
      if (o === null) return undefined;
      if (Array.isArray(o) && !(o as any).$c) {
        f = list_.$d[name];
        break;
      }
      if (o instanceof PyObject || o instanceof PyType || (o.$c as any)?.$user || o.$d !== undefined) return undefined;
      if (!PLAIN_LAYOUTS.has(typeOf(o).layout)) return undefined;
      f = lookup(typeOf(o), name);
      break;
    default:
      return undefined;
  }
  return typeof f === 'function' && f.$nobind === undefined ? f : undefined;
}

// -- subscripts --

/** Normalise an index for a sequence of length n (raises IndexError). */
export function seqIndex(i: any, n: number, what: string): number {
  let v = typeof i === 'number' ? i : indexVal(i);
  if (typeof v === 'bigint') throw mkExc(IndexError_, `cannot fit 'int' into an index-sized integer`);
  if (v < 0) v += n;
  if (v < 0 || v >= n) throw mkExc(IndexError_, `${what} index out of range`);
  return v;
}
/** operator.index(x). */
export function indexVal(x: any): any {
  const v = intVal(x);
  if (v !== undefined) return v;
  const f = lookup(typeOf(x), '__index__');
  if (f !== undefined) return intVal(call1(f, x));
  throw mkExc(TypeError_, `'${tname(x)}' object cannot be interpreted as an integer`);
}
/** slice.indices(n) -> [start, stop, step, count]. */
export function sliceIndices(s: PySlice, n: number): [number, number, number, number] {
  let step = s.step === null ? 1 : Number(indexVal(s.step));
  if (step === 0) throw mkExc(ValueError_, 'slice step cannot be zero');
  const clamp = (v: any, dflt: number, lo: number, hi: number): number => {
    if (v === null) return dflt;
    let x = Number(indexVal(v));
    if (x < 0) {
      x += n;
      if (x < lo) x = lo;
    } else if (x > hi) x = hi;
    return x;
  };
  let start: number, stop: number;
  if (step > 0) {
    start = clamp(s.start, 0, 0, n);
    stop = clamp(s.stop, n, 0, n);
  } else {
    start = clamp(s.start, n - 1, -1, n - 1);
    stop = clamp(s.stop, -1, -1, n - 1);
  }
  let count = 0;
  if (step > 0) count = stop > start ? Math.floor((stop - start - 1) / step) + 1 : 0;
  else count = start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  return [start, stop, step, count];
}
function sliceArr<T>(a: ArrayLike<T>, s: PySlice): T[] {
  const [start, , step, count] = sliceIndices(s, a.length);
  if (step === 1) return Array.prototype.slice.call(a, start, start + count) as T[];
  const out: T[] = new Array(count);
  for (let i = 0, j = start; i < count; i++, j += step) out[i] = a[j]!;
  return out;
}
/** String helpers with code-point semantics (surrogate-free strings take the fast path). */
const SUR = /[\uD800-\uDFFF]/;
let lastS = '', lastSur = false;
/** Does s contain UTF-16 surrogates (astral characters)? One-entry cache. */
export function hasSur(s: string): boolean {
  if (s === lastS) return lastSur;
  lastS = s;
  return (lastSur = SUR.test(s));
}
/** len(str) in code points. */
export function strLen(s: string): number {
  if (!hasSur(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}
/** The code points of s, one string each. */
export function codePoints(s: string): string[] {
  return hasSur(s) ? Array.from(s) : s.split('');
}

/** o[k]. */
export function getitem(o: any, k: any): any {
  if (Array.isArray(o) && typeof k === 'number' && !(o as any).$c) {
    const n = o.length;
    const i = k < 0 ? k + n : k;
    if (i >= 0 && i < n) return o[i];
    throw mkExc(IndexError_, 'list index out of range');
  }
  if (o instanceof PyTuple && typeof k === 'number' && o.$c === tuple_) {
    const a = o.a, n = a.length;
    const i = k < 0 ? k + n : k;
    if (i >= 0 && i < n) return a[i];
  }
  if (o instanceof PyDict && o.$c.name === 'dict') {
    const v = o.get(k);
    if (v !== undefined) return v;
  }
  return getitemSlow(o, k);
}
function getitemSlow(o: any, k: any): any {
  if (typeof o === 'string') {
    if (k instanceof PySlice) {
      if (!hasSur(o)) return sliceArr(o as any, k).join('');
      return sliceArr(Array.from(o), k).join('');
    }
    if (!hasSur(o)) return o[seqIndex(k, o.length, 'string')];
    const cps = Array.from(o);
    return cps[seqIndex(k, cps.length, 'string')];
  }
  const t = typeOf(o);
  if (t.layout === 'object' || (t as any).$user) {
    const f = lookup(t, '__getitem__');
    if (f !== undefined && !(f as any).$builtinItem) return call2(f, o, k);
    if (o instanceof PyType) {
      const cg = lookup(o, '__class_getitem__');
      if (cg !== undefined) return call1(bindAttr(cg instanceof PyClassMethod ? cg : new PyClassMethod(cg), null, o), k);
      if (o === (hooks_ns as any).genericAlias) return o;
      return o;
    }
  }
  if (Array.isArray(o)) {
    if (k instanceof PySlice) return sliceArr(o, k);
    return o[seqIndex(k, o.length, 'list')];
  }
  if (o instanceof PyTuple) {
    if (k instanceof PySlice) return new PyTuple(sliceArr(o.a, k));
    return o.a[seqIndex(k, o.a.length, 'tuple')];
  }
  if (o instanceof PyDict) {
    const v = o.get(checkHashable(k));
    if (v !== undefined) return v;
    const miss = lookup(t, '__missing__');
    if (miss !== undefined) return call2(miss, o, k);
    throw keyError(k);
  }
  if (o instanceof PyRange) {
    if (k instanceof PySlice) {
      const [start, , step, count] = sliceIndices(k, o.length);
      const s0 = add(o.start, mul(start, o.step));
      const st = mul(step, o.step);
      return new PyRange(s0, add(s0, mul(count, st)), st);
    }
    const i = seqIndex(k, o.length, 'range object');
    return add(o.start, mul(i, o.step));
  }
  if (o instanceof PyBytes) {
    if (k instanceof PySlice) return new PyBytes(Uint8Array.from(sliceArr(o.b, k)), o.$c.name === 'bytearray');
    return o.b[seqIndex(k, o.b.length, o.$c.name)];
  }
  if (o instanceof PyType) {
    const cg = lookup(o, '__class_getitem__');
    if (cg !== undefined) return call1(bindAttr(cg instanceof PyClassMethod ? cg : new PyClassMethod(cg), null, o), k);
    return o;
  }
  const f = lookup(t, '__getitem__');
  if (f !== undefined) return call2(f, o, k);
  throw mkExc(TypeError_, `'${t.name}' object is not subscriptable`);
}
/** KeyError(k) carrying the key. */
export function keyError(k: any): PyExc {
  return mkExc(KeyError_, k);
}
/** o[k] = v. */
export function setitem(o: any, k: any, v: any): void {
  if (Array.isArray(o) && typeof k === 'number' && !(o as any).$c) {
    const n = o.length;
    const i = k < 0 ? k + n : k;
    if (i >= 0 && i < n) {
      o[i] = v;
      return;
    }
    throw mkExc(IndexError_, 'list assignment index out of range');
  }
  if (o instanceof PyDict && o.$c.name === 'dict') {
    o.set(checkHashable(k), v);
    return;
  }
  const t = typeOf(o);
  if (t.layout === 'object' || (t as any).$user) {
    const f = lookup(t, '__setitem__');
    if (f !== undefined && !(f as any).$builtinItem) {
      callN(f, [o, k, v]);
      return;
    }
  }
  if (Array.isArray(o)) {
    if (k instanceof PySlice) return setSlice(o, k, v);
    o[seqIndex(k, o.length, 'list assignment')] = v;
    return;
  }
  if (o instanceof PyDict) {
    o.set(checkHashable(k), v);
    return;
  }
  if (o instanceof PyBytes && o.$c.name === 'bytearray') {
    const b = intVal(v);
    if (b === undefined || b < 0 || b > 255) throw mkExc(ValueError_, 'byte must be in range(0, 256)');
    o.b[seqIndex(k, o.b.length, 'bytearray')] = Number(b);
    return;
  }
  const f = lookup(t, '__setitem__');
  if (f !== undefined) {
    callN(f, [o, k, v]);
    return;
  }
  throw mkExc(TypeError_, `'${t.name}' object does not support item assignment`);
}
function setSlice(o: any[], s: PySlice, v: any): void {
  const items = Array.isArray(v) ? v.slice() : toArray(v);
  const [start, stop, step, count] = sliceIndices(s, o.length);
  if (step === 1) {
    o.splice(start, Math.max(0, stop - start), ...items);
    return;
  }
  if (items.length !== count) {
    throw mkExc(ValueError_, `attempt to assign sequence of size ${items.length} to extended slice of size ${count}`);
  }
  for (let i = 0, j = start; i < count; i++, j += step) o[j] = items[i];
}
/** del o[k]. */
export function delitem(o: any, k: any): void {
  if (Array.isArray(o) && !(o as any).$c) {
    if (k instanceof PySlice) {
      const [start, stop, step, count] = sliceIndices(k, o.length);
      if (step === 1) o.splice(start, Math.max(0, stop - start));
      else {
        const idx = new Set<number>();
        for (let i = 0, j = start; i < count; i++, j += step) idx.add(j);
        const keep = o.filter((_, i) => !idx.has(i));
        o.length = 0;
        o.push(...keep);
      }
      return;
    }
    o.splice(seqIndex(k, o.length, 'list assignment'), 1);
    return;
  }
  if (o instanceof PyDict && o.$c.name === 'dict') {
    if (!o.delete(checkHashable(k))) throw keyError(k);
    return;
  }
  const t = typeOf(o);
  const f = lookup(t, '__delitem__');
  if (f !== undefined && !(f as any).$builtinItem) {
    call2(f, o, k);
    return;
  }
  if (o instanceof PyDict) {
    if (!o.delete(k)) throw keyError(k);
    return;
  }
  if (Array.isArray(o)) {
    o.splice(seqIndex(k, o.length, 'list assignment'), 1);
    return;
  }
  throw mkExc(TypeError_, `'${t.name}' object doesn't support item deletion`);
}

// -- iteration: iterators expose nx() returning the next value or undefined when exhausted --

/** The iterator protocol used by compiled code. */
export interface It {
  nx(): any;
}
/** Python type objects of the builtin iterator classes, by name. */
export const iterTypes: Record<string, PyType> = {};
/** Iterator over a JS array (list or tuple items). */
export class ArrIt implements It {
  declare $c: PyType;
  i = 0;
  constructor(public a: any[]) {}
  nx(): any {
    return this.i < this.a.length ? this.a[this.i++] : undefined;
  }
}
/** Iterator over a JS iterator (strings, maps...). */
export class JsIt implements It {
  declare $c: PyType;
  constructor(public it: Iterator<any>) {}
  nx(): any {
    const r = this.it.next();
    return r.done ? undefined : r.value;
  }
}
/** Iterator over a dict's keys that detects size changes. */
export class DictIt implements It {
  declare $c: PyType;
  it: Iterator<any>;
  n: number;
  constructor(public d: PyDict | PySet, public kind: number) {
    this.it = d instanceof PySet ? setOrder(d)[Symbol.iterator]() : (d.m as Map<any, any>).values();
    this.n = d.size;
  }
  nx(): any {
    const r = this.it.next();
    if (this.d.size !== this.n) {
      this.n = -1;
      throw mkExc(excTypesRef.RuntimeError, `${this.d instanceof PyDict ? 'dictionary' : 'set'} changed size during iteration`);
    }
    if (r.done) return undefined;
    if (this.d instanceof PySet) return r.value;
    const e = r.value;
    return this.kind === 0 ? e[0] : this.kind === 1 ? e[1] : new PyTuple([e[0], e[1]]);
  }
}
const excTypesRef: any = { RuntimeError: RuntimeError_ };
/** Range iterator over JS numbers. */
export class RangeIt implements It {
  declare $c: PyType;
  constructor(public i: number, public stop: number, public step: number) {}
  nx(): any {
    const i = this.i;
    if (this.step > 0 ? i < this.stop : i > this.stop) {
      this.i = i + this.step;
      return i;
    }
    return undefined;
  }
}
/** Iterator delegating to a Python object's __next__. */
export class PyIt implements It {
  constructor(public o: any, public f: any) {}
  nx(): any {
    try {
      return call1(this.f, this.o);
    } catch (e) {
      if (e instanceof PyExc && isSubtype(e.$c, StopIteration_)) return undefined;
      throw e;
    }
  }
}
/** Iterator over a sequence with __getitem__ (the old protocol). */
export class SeqIt implements It {
  i = 0;
  constructor(public o: any, public f: any) {}
  nx(): any {
    try {
      return call2(this.f, this.o, this.i++);
    } catch (e) {
      if (e instanceof PyExc && (isSubtype(e.$c, IndexError_) || isSubtype(e.$c, StopIteration_))) return undefined;
      throw e;
    }
  }
}

/** iter(x) as an It. */
export function iter(x: any): It {
  if (Array.isArray(x) && !(x as any).$c) return new ArrIt(x);
  if (typeof x === 'object' && x !== null && typeof x.nx === 'function' && x.$c !== undefined && !(x.$c as any).$user) return x;
  return iterSlow(x);
}
function iterSlow(x: any): It {
  if (typeof x === 'string') return new JsIt(x[Symbol.iterator]());
  const t = typeOf(x);
  const user = t.layout === 'object' || (t as any).$user;
  if (user || x instanceof PyType) {
    const f = x instanceof PyType && t === type_ ? undefined : lookup(t, '__iter__');
    if (f !== undefined && !(f as any).$builtinItem) {
      const it = call1(f, x);
      return asIt(it);
    }
    if (f === undefined && !(x instanceof PyType) && t.layout === 'object') {
      const g = lookup(t, '__getitem__');
      if (g !== undefined) return new SeqIt(x, g);
      throw mkExc(TypeError_, `'${t.name}' object is not iterable`);
    }
  }
  if (Array.isArray(x)) return new ArrIt(x);
  if (x instanceof PyTuple) return new ArrIt(x.a);
  if (x instanceof PyDict) return new DictIt(x, 0);
  if (x instanceof PySet) return new DictIt(x, 0);
  if (x instanceof PyRange) {
    if (typeof x.start === 'number' && typeof x.stop === 'number' && typeof x.step === 'number') {
      return new RangeIt(x.start, x.stop, x.step);
    }
    return new JsIt(bigRange(x));
  }
  if (x instanceof PyBytes) return new ArrIt(Array.from(x.b));
  if (typeof x === 'object' && x !== null && typeof x.nx === 'function') return x;
  const f = lookup(t, '__iter__');
  if (f !== undefined) return asIt(call1(f, x));
  const g = lookup(t, '__getitem__');
  if (g !== undefined) return new SeqIt(x, g);
  throw mkExc(TypeError_, `'${t.name}' object is not iterable`);
}
function* bigRange(r: PyRange): Generator<any> {
  let i = BigInt(r.start);
  const stop = BigInt(r.stop), step = BigInt(r.step);
  while (step > 0n ? i < stop : i > stop) {
    yield norm(i);
    i += step;
  }
}
/** Wrap whatever __iter__ returned as an It. */
export function asIt(it: any): It {
  if (typeof it === 'object' && it !== null && typeof it.nx === 'function' && !(it.$c as any)?.$user) return it;
  const t = typeOf(it);
  const n = lookup(t, '__next__');
  if (n === undefined) throw mkExc(TypeError_, `iter() returned non-iterator of type '${t.name}'`);
  return new PyIt(it, n);
}
/** All items of an iterable, as a fresh JS array. */
export function toArray(x: any): any[] {
  if (Array.isArray(x) && !(x as any).$c) return x.slice();
  if (x instanceof PyTuple && x.$c === tuple_) return x.a.slice();
  const out: any[] = [];
  const it = iter(x);
  let v;
  while ((v = it.nx()) !== undefined) out.push(v);
  return out;
}
/** Items of an iterable without copying when it already is a plain list/tuple. */
export function items(x: any): any[] {
  if (Array.isArray(x) && !(x as any).$c) return x;
  if (x instanceof PyTuple && x.$c === tuple_) return x.a;
  return toArray(x);
}
/** Unpack exactly n (or at least n with a star at index `star`). */
export function unpack(x: any, n: number, star = -1): any[] {
  const a = items(x);
  if (star < 0) {
    if (a.length === n) return a;
    if (a.length > n) throw mkExc(ValueError_, `too many values to unpack (expected ${n})`);
    throw mkExc(ValueError_, `not enough values to unpack (expected ${n}, got ${a.length})`);
  }
  if (a.length < n - 1) throw mkExc(ValueError_, `not enough values to unpack (expected at least ${n - 1}, got ${a.length})`);
  const after = n - 1 - star;
  return [...a.slice(0, star), a.slice(star, a.length - after), ...a.slice(a.length - after)];
}

/** len(x). */
export function lenOf(x: any): number {
  if (typeof x === 'string') return strLen(x);
  if (Array.isArray(x) && !(x as any).$c) return x.length;
  const t = typeOf(x);
  if (t.layout === 'object' || (t as any).$user) {
    const f = lookup(t, '__len__');
    if (f !== undefined && !(f as any).$builtinItem) {
      const r = call1(f, x);
      const v = intVal(r);
      if (v === undefined) throw mkExc(TypeError_, `'${tname(r)}' object cannot be interpreted as an integer`);
      if (v < 0) throw mkExc(ValueError_, '__len__() should return >= 0');
      return Number(v);
    }
  }
  if (Array.isArray(x)) return x.length;
  if (x instanceof PyTuple) return x.a.length;
  if (x instanceof PyDict || x instanceof PySet) return x.size;
  if (x instanceof PyRange) return x.length;
  if (x instanceof PyBytes) return x.b.length;
  const f = lookup(t, '__len__');
  if (f !== undefined) return Number(intVal(call1(f, x)));
  throw mkExc(TypeError_, `object of type '${t.name}' has no len()`);
}

// -- errors from JS --

/** Turn anything thrown into a Python exception (JS stack overflow -> RecursionError). */
export function toPyExc(e: any): PyExc {
  if (e instanceof PyExc) return e;
  if (e instanceof RangeError && /call stack/.test(e.message)) {
    const r = mkExc(RecursionError_, 'maximum recursion depth exceeded');
    r.stack = e.stack;
    return r;
  }
  const r = mkExc(SystemError_, `internal error: ${e?.message ?? e}`);
  if (process.env.PARATHON_DEBUG) console.error(e);
  return r;
}
/** Does exception e match the except clause's type (or tuple of types)? */
export function excMatch(e: PyExc, t: any): boolean {
  if (t instanceof PyType) {
    if (!isSubtype(t, BaseException_)) throw mkExc(TypeError_, 'catching classes that do not inherit from BaseException is not allowed');
    return isSubtype(e.$c, t);
  }
  if (t instanceof PyTuple) return t.a.some((x) => excMatch(e, x));
  throw mkExc(TypeError_, 'catching classes that do not inherit from BaseException is not allowed');
}
/** The exception instance for `raise X` (X a class or an instance). */
export function mkRaise(x: any, cause?: any): PyExc {
  let e: any = x;
  if (x instanceof PyType) {
    if (!isSubtype(x, BaseException_)) throw mkExc(TypeError_, 'exceptions must derive from BaseException');
    e = call0(x);
  }
  if (!(e instanceof PyExc)) throw mkExc(TypeError_, 'exceptions must derive from BaseException');
  if (cause !== undefined) {
    let c = cause;
    if (c instanceof PyType) c = call0(c);
    if (c !== null && !(c instanceof PyExc)) throw mkExc(TypeError_, 'exception causes must derive from BaseException');
    e.cause = c;
    e.suppress = true;
  }
  return e;
}
void excStr;
void object_;
void float_;
void NS;
void excTypesRef;
/** Late initialisation hook (kept for embedders; RuntimeError is bound statically). */
export function initOps(rt: PyType): void {
  excTypesRef.RuntimeError = rt;
}

// -- per-name specialised accessors for compiled code --

/** Per attribute name: does any class define a data descriptor (or __getattribute__) for it? */
const ddFlags = new Map<string, { dd: boolean }>();
let anyGetattribute = false;
function ddFlag(name: string): { dd: boolean } {
  let f = ddFlags.get(name);
  if (!f) ddFlags.set(name, (f = { dd: anyGetattribute }));
  return f;
}
/** Record a class attribute so instance-dict fast paths stay correct. */
export function noteClassAttr(name: string, v: any): void {
  if (name === '__getattribute__') {
    anyGetattribute = true;
    for (const f of ddFlags.values()) f.dd = true;
    return;
  }
  if (isDataDescr(v) || (v !== null && typeof v === 'object' && !(v instanceof PyObject) && !(v instanceof PyProperty) && v.$c !== undefined && lookup(v.$c, '__set__') !== undefined)) ddFlag(name).dd = true;
}
const getters = new Map<string, (o: any) => any>();
const setters = new Map<string, (o: any, v: any) => void>();
const callers = new Map<string, any>();
const ident = (n: string): string => JSON.stringify(n);
/** o.NAME for compiled code: the instance dict first when no class makes NAME a data descriptor. */
export function attrGetter(name: string): (o: any) => any {
  let g = getters.get(name);
  if (!g) {
    g = new Function('PyObject', 'getattr', 'F', `return function get_attr(o) {
  if (o instanceof PyObject && F.dd === false) { const v = o.$d[${ident(name)}]; if (v !== undefined) return v; }
  return getattr(o, ${ident(name)});
};`)(PyObject, getattr, ddFlag(name)) as (o: any) => any;
    getters.set(name, g);
  }
  return g;
}
/** o.NAME = v for compiled code. */
export function attrSetter(name: string): (o: any, v: any) => void {
  let g = setters.get(name);
  if (!g) {
    g = new Function('PyObject', 'setattr', 'F', 'E', 'lookup', 'objSetattr', `return function set_attr(o, v) {
  if (o instanceof PyObject && F.dd === false) {
    const t = o.$c;
    if (t.$sae !== E.v) { t.$sae = E.v; t.$plainSet = t.slots === null && t.layout !== 'type' && lookup(t, '__setattr__') === objSetattr; }
    if (t.$plainSet) { o.$d[${ident(name)}] = v; return; }
  }
  setattr(o, ${ident(name)}, v);
};`)(PyObject, setattr, ddFlag(name), epoch, lookup, objSetattr) as (o: any, v: any) => void;
    setters.set(name, g);
  }
  return g;
}
/** o.NAME(args) for compiled code, with a one-entry type cache for the method lookup. */
export function methodCaller(name: string, n: number): any {
  const key = name + '/' + n;
  let g = callers.get(key);
  if (!g) {
    const ps = Array.from({ length: n }, (_, i) => 'a' + i);
    const pl = ps.map((p) => ', ' + p).join('');
    const slow = n <= 2 ? `cm${n}(o, ${ident(name)}${pl})` : `cmN(o, ${ident(name)}, [${ps.join(', ')}])`;
    // Builtin types are immutable, so their methods can be fetched once: str/list/dict receivers
    // call the method's positional implementation directly.
    const bm = (t: PyType): any => {
      const f = t.$d[name];
      return typeof f === 'function' && f.$nobind === undefined ? f : undefined;
    };
    g = new Function('PyObject', 'lookup', 'F', 'E', 'cm0', 'cm1', 'cm2', 'cmN', 'M', 'PM', 'SM', 'LM', 'DM', 'PD', 'DT', `let ct = null, cf, ce = -1;
return function call_method(o${pl}) {
  if (typeof o === 'string') { if (SM !== undefined) return SM(o${pl}); }
  else if (Array.isArray(o)) { if (LM !== undefined && o.$c === undefined) return LM(o${pl}); }
  else if (o instanceof PD) { if (DM !== undefined && o.$c === DT) return DM(o${pl}); }
  else if (o instanceof PyObject && F.dd === false) {
    const t = o.$c;
    const own = o.$d[${ident(name)}];
    if (own !== undefined) {
      if (typeof own === 'function') { if (own.$s === true) return own(${ps.join(', ')}); }
      else if (own instanceof PM) { const g = own.fn; if (typeof g === 'function' && g.$s === true) return g(own.self${pl}); }
      return ${slow};
    }
    if (t !== ct || ce !== E.v) { ct = t; ce = E.v; cf = t.layout === 'type' || t.$userGA ? undefined : lookup(t, ${ident(name)}); }
    if (typeof cf === 'function' && cf.$s === true && cf.$nobind === undefined) return cf(o${pl});
  }
  return ${slow};
};`)(PyObject, lookup, ddFlag(name), epoch, cm0, cm1, cm2, cmN, module_, PyMethod, bm(str_), bm(list_), bm(dict_), PyDict, dict_);
    callers.set(key, g);
  }
  return g;
}
