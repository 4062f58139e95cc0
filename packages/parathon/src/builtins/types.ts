// Methods of the builtin types (object, type, int, float, str, list, tuple, dict, set, bytes, range,
// exceptions, generators, property...), repr() and str().
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as C from '../runtime/core.js';
import {
  PyType, PyObject, PyFloat, PyComplex, PyTuple, PyRange, PySlice, PyBytes, PyMethod, PyProperty, PyClassMethod,
  PyStaticMethod, PyExc, PyModule, NS, mkExc, typeOf, lookup, isSubtype, tname, call1, call2, hooks, excStr,
  TypeError_, ValueError_, IndexError_, KeyError_, StopIteration_, AttributeError_, OverflowError_, GeneratorExit_,
  RuntimeError_, object_, type_, int_, bool_, float_, str_, list_, tuple_, dict_, set_, frozenset_, bytes_, bytearray_,
  range_, slice_, NotImplemented, Ellipsis, MAXS,
} from '../runtime/core.js';
import { PyDict, PySet, setOrder } from '../runtime/dict.js';
import * as O from '../runtime/ops.js';
import { call, construct, allocate, checkAbstract, newClass, Kw, PySuper, setSuperType, superGetattr, setAttrErr } from '../runtime/calls.js';
import { floatRepr, format, formatFloat, fixed, bigStr, intDigits } from '../runtime/format.js';

/** Attach a builtin method: positional-only unless `kw` is given (then it also gets `$kw`). */
export function def(t: PyType, name: string, fn: (...a: any[]) => any, kw?: (args: any[], kw: Kw) => any): void {
  const f: any = fn;
  f.$s = !kw;
  f.$name = name;
  if (kw) f.$kw = kw;
  t.$d[name] = f;
}
/** Keyword argument helper: kw.get(name) ?? positional ?? default. */
export function arg(args: any[], kw: Kw, i: number, name: string, dflt: any): any {
  if (kw && kw.has(name)) return kw.get(name);
  return i < args.length ? args[i] : dflt;
}

// -- repr / str --

const reprStack: any[] = [];
/** A function's qualified name: an assigned `__qualname__` (functools.wraps sets one) wins, as in CPython. */
function fnQualname(f: any): string {
  const q = f.$d?.__qualname__;
  return typeof q === 'string' ? q : (f.$sig?.qualname ?? f.$name ?? f.name);
}

/** repr(x). */
export function repr(x: any): string {
  switch (typeof x) {
    case 'number':
      return String(x);
    case 'bigint':
      return bigStr(x);
    case 'string':
      return strRepr(x);
    case 'boolean':
      return x ? 'True' : 'False';
    case 'function':
      if (x.$sig) return `<function ${fnQualname(x)} at 0x${O.idOf(x).toString(16).padStart(12, '0')}>`;
      return `<built-in function ${x.$name ?? x.name}>`;
  }
  if (x === null) return 'None';
  if (x instanceof PyFloat) return floatRepr(x.v);
  const t = typeOf(x);
  const f = lookup(t, '__repr__');
  if (f !== undefined && (t as any).$user) {
    const r = call1(f, x);
    if (typeof r !== 'string') throw mkExc(TypeError_, `__repr__ returned non-string (type ${tname(r)})`);
    return r;
  }
  if (reprStack.includes(x)) return Array.isArray(x) ? '[...]' : x instanceof PyDict ? '{...}' : '...';
  reprStack.push(x);
  try {
    return builtinRepr(x, t, f);
  } finally {
    reprStack.pop();
  }
}
function builtinRepr(x: any, t: PyType, f: any): string {
  if (Array.isArray(x)) return '[' + x.map(repr).join(', ') + ']';
  if (x instanceof PyTuple) {
    if (t !== tuple_ && f !== undefined && f !== tuple_.$d.__repr__) return call1(f, x);
    return x.a.length === 1 ? '(' + repr(x.a[0]) + ',)' : '(' + x.a.map(repr).join(', ') + ')';
  }
  if (x instanceof PyDict) {
    if (t !== dict_ && f !== undefined && f !== dict_.$d.__repr__) return call1(f, x);
    const parts: string[] = [];
    for (const [k, v] of x.m.values()) parts.push(repr(k) + ': ' + repr(v));
    return '{' + parts.join(', ') + '}';
  }
  if (x instanceof PySet) {
    if (f !== undefined && f !== set_.$d.__repr__ && f !== frozenset_.$d.__repr__) return call1(f, x);
    const body = setOrder(x).map(repr).join(', ');
    if (x.$c === frozenset_ || isSubtype(x.$c, frozenset_)) return x.size ? `${x.$c.name}({${body}})` : `${x.$c.name}()`;
    return x.size ? '{' + body + '}' : 'set()';
  }
  if (f !== undefined) {
    const r = call1(f, x);
    if (typeof r !== 'string') throw mkExc(TypeError_, `__repr__ returned non-string (type ${tname(r)})`);
    return r;
  }
  return `<${t.name} object>`;
}
const NONPRINT = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
/** repr(str) with CPython's quote choice and escapes. */
export function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x7f) out += ch;
    else if (ch !== ' ' && NONPRINT.test(ch)) {
      if (c <= 0xff) out += '\\x' + c.toString(16).padStart(2, '0');
      else if (c <= 0xffff) out += '\\u' + c.toString(16).padStart(4, '0');
      else out += '\\U' + c.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + q;
}
/** str(x). */
export function str(x: any): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number') return String(x);
  if (typeof x === 'bigint') return bigStr(x);
  if (x instanceof PyFloat) return floatRepr(x.v);
  if (x === null || typeof x === 'boolean' || typeof x === 'function') return repr(x);
  const t = typeOf(x);
  const f = lookup(t, '__str__');
  if (f !== undefined && f !== object_.$d.__str__) {
    const r = call1(f, x);
    if (typeof r !== 'string') {
      if (r !== null && typeof r === 'object' && r.$sv !== undefined) return r.$sv;
      throw mkExc(TypeError_, `__str__ returned non-string (type ${tname(r)})`);
    }
    return r;
  }
  return repr(x);
}
hooks.repr = repr;
hooks.str = str;
/** bytes repr: b'...'. */
export function bytesRepr(b: Uint8Array): string {
  let hasS = false, hasD = false;
  for (const c of b) {
    if (c === 39) hasS = true;
    if (c === 34) hasD = true;
  }
  const q = hasS && !hasD ? '"' : "'";
  let out = 'b' + q;
  for (const c of b) {
    if (c === q.charCodeAt(0) || c === 92) out += '\\' + String.fromCharCode(c);
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 32 || c >= 127) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + q;
}

// -- object and type --

const oNew: any = (t: PyType) => (checkAbstract(t), allocate(t));
def(object_, '__new__', oNew, (args) => allocate(args[0]));
object_.$d.__new__ = new PyStaticMethod(object_.$d.__new__);
object_.$d.__new__ = oNew;
(oNew as any).$nobind = true;
oNew.$s = false;
oNew.$kw = (args: any[]) => (checkAbstract(args[0]), allocate(args[0]));
def(object_, '__init__', () => null, () => null);
def(object_, '__repr__', (self: any) => {
  const t = typeOf(self);
  const mod = t.module === 'builtins' ? '' : t.module + '.';
  return `<${mod}${t.qualname} object at 0x${O.idOf(self).toString(16).padStart(12, '0')}>`;
});
def(object_, '__str__', (self: any) => repr(self));
object_.$d.__hash__ = O.objHash;
O.objHash.$s = true;
object_.$d.__eq__ = O.objEq;
O.objEq.$s = true;
def(object_, '__ne__', (self: any, o: any) => {
  const r = O.richCmp(self, o, '__eq__', '__eq__', '==');
  return r === NotImplemented ? r : !O.truthy(r);
});
object_.$d.__setattr__ = O.objSetattr;
O.objSetattr.$s = true;
object_.$d.__delattr__ = O.objDelattr;
O.objDelattr.$s = true;
def(object_, '__getattribute__', (self: any, name: string) => O.getattr(self, name));
def(object_, '__format__', (self: any, spec: string) => {
  if (spec) throw mkExc(TypeError_, `unsupported format string passed to ${tname(self)}.__format__`);
  return str(self);
});
object_.$d.__format__.$objectFormat = true;
def(object_, '__init_subclass__', () => null);
object_.$d.__init_subclass__ = new PyClassMethod(object_.$d.__init_subclass__);
def(object_, '__dir__', (self: any) => dirOf(self));
def(object_, '__reduce_ex__', () => null);
(object_ as any).$gattr = (o: any, name: string) => {
  if (name === '__class__') return typeOf(o);
  if (name === '__dict__' && o?.$d) return nsDict(o.$d);
  if (name === '__doc__') return null;
  return undefined;
};
/** A dict snapshot of a namespace object. */
export function nsDict(ns: any): PyDict {
  const d = new PyDict();
  for (const k of Object.keys(ns)) d.set(k, ns[k]);
  return d;
}
O.hooks_ns.toDict = (ns: any) => {
  const d = nsDict(ns);
  return d;
};
/** dir(x): sorted attribute names. */
export function dirOf(x: any): string[] {
  const names = new Set<string>();
  if (x?.$d && !(x instanceof PyType)) for (const k of Object.keys(x.$d)) names.add(k);
  const t = x instanceof PyType ? x : typeOf(x);
  for (const k of t.mro) for (const n of Object.keys(k.$d)) names.add(n);
  return [...names].sort();
}
/** type.__call__: type(x), or create and initialise an instance (what a metaclass's super().__call__ reaches). */
function typeCall(t: any, args: any[], kw: Kw): any {
  if (t === type_) return call(t, args, kw);
  return construct(t, args, kw);
}
def(type_, '__call__', (t: any, ...args: any[]) => typeCall(t, args, null), (args, kw) => typeCall(args[0], args.slice(1), kw));
def(type_, '__repr__', (t: PyType) => (t.module === 'builtins' ? `<class '${t.qualname}'>` : `<class '${t.module}.${t.qualname}'>`));
def(type_, 'mro', (t: PyType) => t.mro.slice());
def(type_, '__subclasses__', () => []);
def(type_, '__instancecheck__', (t: PyType, x: any) => isSubtype(typeOf(x), t));
def(type_, '__subclasscheck__', (t: PyType, x: any) => isSubtype(x, t));
def(type_, '__new__', (meta: any, name: any, bases: any, ns: any) => {
  if (bases === undefined) return typeOf(name);
  return newClassHook(meta, name, bases.a, ns, null);
}, (args, kw) => {
  if (args.length === 2) return typeOf(args[1]);
  return newClassHook(args[0], args[1], args[2].a, args[3], kw);
});
type_.$d.__new__.$nobind = true;
def(type_, '__init__', () => null, () => null);
def(type_, '__prepare__', () => new PyDict());
let newClassHook: any = (meta: any, name: any, bases: any, ns: any, kw: any) => newClass(meta, name, bases, ns, kw);
/** Replace the class factory type.__new__ uses. */
export function setNewClass(f: any): void {
  newClassHook = f;
}
(type_ as any).$gattr = undefined;

// -- int --

def(int_, '__new__', (t: any, x?: any, base?: any) => intNew(t, x, base), (args, kw) => intNew(args[0], arg(args, kw, 1, 'x', undefined), arg(args, kw, 2, 'base', undefined)));
int_.$d.__new__.$nobind = true;
function intNew(t: PyType, x: any, base: any): any {
  const v = x === undefined ? 0 : intFrom(x, base);
  if (t === int_ || t === bool_) return v;
  const o: any = allocate(t);
  o.$iv = v;
  return o;
}
/** int(x[, base]). */
export function intFrom(x: any, base?: any): any {
  if (base !== undefined) {
    if (typeof x !== 'string' && !(x instanceof PyBytes)) throw mkExc(TypeError_, "int() can't convert non-string with explicit base");
    return parseIntStr(typeof x === 'string' ? x : String.fromCharCode(...x.b), Number(O.intVal(base)));
  }
  const iv = O.intVal(x);
  if (iv !== undefined) return iv;
  if (x instanceof PyFloat) return floatToInt(x.v);
  if (typeof x === 'string') return parseIntStr(x, 10);
  if (x instanceof PyBytes) return parseIntStr(String.fromCharCode(...x.b), 10);
  const t = typeOf(x);
  for (const n of ['__int__', '__index__', '__trunc__']) {
    const f = lookup(t, n);
    if (f !== undefined) return O.intVal(call1(f, x));
  }
  if (x?.$fv !== undefined) return floatToInt(x.$fv);
  throw mkExc(TypeError_, `int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`);
}
/** int(float): truncation with CPython errors for NaN and infinities. */
export function floatToInt(v: number): any {
  if (v !== v) throw mkExc(ValueError_, 'cannot convert float NaN to integer');
  if (!Number.isFinite(v)) throw mkExc(OverflowError_, 'cannot convert float infinity to integer');
  const t = Math.trunc(v);
  return Math.abs(t) <= MAXS ? (t === 0 ? 0 : t) : BigInt(t);
}
function parseIntStr(s0: string, base: number): any {
  let s = s0.trim().replace(/_(?=[0-9a-zA-Z])/g, (m, off: number, all: string) => (off > 0 && /[0-9a-zA-Z]/.test(all[off - 1]!) ? '' : m));
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const pre = s.slice(0, 2).toLowerCase();
  if ((base === 0 || base === 16) && pre === '0x') (s = s.slice(2)), (base = 16);
  else if ((base === 0 || base === 8) && pre === '0o') (s = s.slice(2)), (base = 8);
  else if ((base === 0 || base === 2) && pre === '0b') (s = s.slice(2)), (base = 2);
  if (base === 0) {
    if (/^0+$/.test(s)) base = 10;
    else if (s[0] === '0') base = -1;
    else base = 10;
  }
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, Math.max(base, 0));
  if (base < 2 || base > 36 || !s.length || ![...s.toLowerCase()].every((c) => digits.includes(c))) {
    if (base !== -1 && (base < 2 || base > 36) && base !== 0) throw mkExc(ValueError_, 'int() base must be >= 2 and <= 36, or 0');
    throw mkExc(ValueError_, `invalid literal for int() with base ${base < 0 ? 0 : base}: ${strRepr(s0)}`);
  }
  if (base === 10 && intDigits.max > 0 && s.length > intDigits.max) {
    throw mkExc(ValueError_, `Exceeds the limit (${intDigits.max} digits) for integer string conversion: value has ${s.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  if (base === 10 && s.length < 16) return O.norm(BigInt(neg ? -Number(s) : Number(s)));
  let r = 0n;
  const B = BigInt(base);
  for (const c of s.toLowerCase()) r = r * B + BigInt(digits.indexOf(c));
  return O.norm(neg ? -r : r);
}
const intOps: [string, (a: any, b: any) => any][] = [
  ['__add__', O.add], ['__sub__', O.sub], ['__mul__', O.mul], ['__truediv__', O.truediv], ['__floordiv__', O.floordiv],
  ['__mod__', O.mod], ['__pow__', O.pow], ['__lshift__', O.lshift], ['__rshift__', O.rshift], ['__and__', O.and],
  ['__or__', O.or], ['__xor__', O.xor],
];
for (const [n, f] of intOps) {
  def(int_, n, (a: any, b: any) => {
    const x = O.intVal(a), y = O.intVal(b);
    if (y === undefined) return NotImplemented;
    return f(x, y);
  });
  def(int_, '__r' + n.slice(2), (a: any, b: any) => {
    const x = O.intVal(a), y = O.intVal(b);
    if (y === undefined) return NotImplemented;
    return f(y, x);
  });
}
for (const [n, op] of [['__lt__', '<'], ['__le__', '<='], ['__gt__', '>'], ['__ge__', '>=']] as const) {
  def(int_, n, (a: any, b: any) => (O.numVal(b) === undefined ? NotImplemented : O.cmp(O.intVal(a), O.intVal(b) ?? new PyFloat(O.numVal(b)!), op)));
}
def(int_, '__eq__', (a: any, b: any) => (O.numVal(b) === undefined ? NotImplemented : O.eq(O.intVal(a), O.intVal(b) ?? new PyFloat(O.numVal(b)!))));
def(int_, '__hash__', (a: any) => O.hash(O.intVal(a)));
def(int_, '__neg__', (a: any) => O.neg(O.intVal(a)));
def(int_, '__pos__', (a: any) => O.intVal(a));
def(int_, '__abs__', (a: any) => absOf(O.intVal(a)));
def(int_, '__invert__', (a: any) => O.invert(O.intVal(a)));
def(int_, '__int__', (a: any) => O.intVal(a));
def(int_, '__index__', (a: any) => O.intVal(a));
def(int_, '__float__', (a: any) => new PyFloat(Number(O.intVal(a))));
def(int_, '__bool__', (a: any) => O.intVal(a) != 0);
def(int_, '__repr__', (a: any) => String(O.intVal(a)));
def(int_, '__format__', (a: any, spec: string) => format(O.intVal(a), spec));
def(int_, 'bit_length', (a: any) => {
  const v = O.intVal(a);
  if (typeof v === 'number') {
    const x = Math.abs(v);
    return x < 2 ** 32 ? 32 - Math.clz32(x) : x.toString(2).length;
  }
  const b = typeof v === 'bigint' ? v : BigInt(v);
  return (b < 0n ? -b : b).toString(2).replace(/^0$/, '').length;
});
def(int_, 'bit_count', (a: any) => {
  const b = BigInt(O.intVal(a));
  return [...(b < 0n ? -b : b).toString(2)].filter((c) => c === '1').length;
});
def(int_, 'conjugate', (a: any) => O.intVal(a));
def(int_, 'to_bytes', (a: any, length: any = 1, order: any = 'big') => toBytes(a, length, order, false), (args, kw) =>
  toBytes(args[0], arg(args, kw, 1, 'length', 1), arg(args, kw, 2, 'byteorder', 'big'), O.truthy(arg(args, kw, 3, 'signed', false))));
function toBytes(a: any, length: any, order: string, signed: boolean): PyBytes {
  let v = BigInt(O.intVal(a));
  const n = Number(length);
  if (v < 0n) {
    if (!signed) throw mkExc(OverflowError_, "can't convert negative int to unsigned");
    v += 1n << BigInt(8 * n);
  }
  const out = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = Number(v & 255n);
    v >>= 8n;
  }
  if (v !== 0n) throw mkExc(OverflowError_, 'int too big to convert');
  if (order === 'little') out.reverse();
  return new PyBytes(out);
}
def(int_, 'from_bytes', (t: any, b: any, order: any = 'big') => fromBytes(b, order, false), (args, kw) =>
  fromBytes(args[1], arg(args, kw, 2, 'byteorder', 'big'), O.truthy(arg(args, kw, 3, 'signed', false))));
int_.$d.from_bytes = new PyClassMethod(int_.$d.from_bytes);
function fromBytes(b: any, order: string, signed: boolean): any {
  const a = b instanceof PyBytes ? Array.from(b.b) : O.toArray(b).map(Number);
  if (order === 'little') a.reverse();
  let v = 0n;
  for (const x of a) v = (v << 8n) | BigInt(x);
  if (signed && a.length && a[0]! >= 128) v -= 1n << BigInt(8 * a.length);
  return O.norm(v);
}
(int_ as any).$gattr = (o: any, name: string) => {
  if (name === 'real' || name === 'numerator') return O.intVal(o);
  if (name === 'imag') return 0;
  if (name === 'denominator') return 1;
  return undefined;
};
def(bool_, '__new__', (_t: any, x?: any) => (x === undefined ? false : O.truthy(x)));
bool_.$d.__new__.$nobind = true;
def(bool_, '__repr__', (a: any) => (a ? 'True' : 'False'));
for (const [n, op] of [['__and__', '&'], ['__or__', '|'], ['__xor__', '^']] as const) {
  def(bool_, n, (a: any, b: any) => (typeof b === 'boolean' ? O.binop(op, a, b) : O.binop(op, a ? 1 : 0, b)));
  def(bool_, '__r' + n.slice(2), (a: any, b: any) => (typeof b === 'boolean' ? O.binop(op, b, a) : O.binop(op, b, a ? 1 : 0)));
}
(bool_ as any).$final = true;

/** abs(x). */
export function absOf(x: any): any {
  if (typeof x === 'number') return Math.abs(x);
  if (typeof x === 'bigint') return x < 0n ? -x : x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof PyFloat) return new PyFloat(Math.abs(x.v));
  if (x instanceof PyComplex) return new PyFloat(Math.hypot(x.re, x.im));
  const f = lookup(typeOf(x), '__abs__');
  if (f === undefined) throw mkExc(TypeError_, `bad operand type for abs(): '${tname(x)}'`);
  return call1(f, x);
}

// -- float --

def(float_, '__new__', (t: any, x?: any) => floatNew(t, x));
float_.$d.__new__.$nobind = true;
function floatNew(t: PyType, x: any): any {
  const v = x === undefined ? 0 : floatFrom(x);
  if (t === float_) return new PyFloat(v);
  const o: any = allocate(t);
  o.$fv = v;
  return o;
}
/** float(x) as a JS number. */
export function floatFrom(x: any): number {
  if (x instanceof PyFloat) return x.v;
  if (typeof x === 'string' || x instanceof PyBytes) {
    const s0 = typeof x === 'string' ? x : String.fromCharCode(...x.b);
    const s = s0.trim().toLowerCase().replace(/(\d)_(?=\d)/g, '$1');
    const m = /^([+-]?)(inf|infinity|nan)$/.exec(s);
    if (m) return m[2] === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity;
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return Number(s);
    throw mkExc(ValueError_, `could not convert string to float: ${strRepr(s0)}`);
  }
  const n = O.numVal(x);
  if (n !== undefined) return n;
  const f = lookup(typeOf(x), '__float__');
  if (f !== undefined) return O.numVal(call1(f, x))!;
  const g = lookup(typeOf(x), '__index__');
  if (g !== undefined) return Number(O.intVal(call1(g, x)));
  throw mkExc(TypeError_, `float() argument must be a string or a real number, not '${tname(x)}'`);
}
const fv = (a: any): number => (a instanceof PyFloat ? a.v : a.$fv);
for (const [n, op] of [['__add__', '+'], ['__sub__', '-'], ['__mul__', '*'], ['__truediv__', '/'], ['__floordiv__', '//'], ['__mod__', '%'], ['__pow__', '**']] as const) {
  def(float_, n, (a: any, b: any) => {
    const y = O.numVal(b);
    if (y === undefined || b instanceof PyComplex) return NotImplemented;
    return new PyFloat(O.floatOp(fv(a), y, op));
  });
  def(float_, '__r' + n.slice(2), (a: any, b: any) => {
    const y = O.numVal(b);
    if (y === undefined) return NotImplemented;
    return new PyFloat(O.floatOp(y, fv(a), op));
  });
}
for (const [n, op] of [['__lt__', '<'], ['__le__', '<='], ['__gt__', '>'], ['__ge__', '>=']] as const) {
  def(float_, n, (a: any, b: any) => (O.numVal(b) === undefined ? NotImplemented : O.cmp(new PyFloat(fv(a)), b, op)));
}
def(float_, '__eq__', (a: any, b: any) => (O.numVal(b) === undefined ? NotImplemented : O.eq(new PyFloat(fv(a)), b)));
def(float_, '__hash__', (a: any) => O.hash(new PyFloat(fv(a))));
def(float_, '__repr__', (a: any) => floatRepr(fv(a)));
def(float_, '__neg__', (a: any) => new PyFloat(-fv(a)));
def(float_, '__pos__', (a: any) => new PyFloat(fv(a)));
def(float_, '__abs__', (a: any) => new PyFloat(Math.abs(fv(a))));
def(float_, '__bool__', (a: any) => fv(a) !== 0);
def(float_, '__float__', (a: any) => new PyFloat(fv(a)));
def(float_, '__int__', (a: any) => floatToInt(fv(a)));
def(float_, '__trunc__', (a: any) => floatToInt(fv(a)));
def(float_, '__format__', (a: any, spec: string) => formatFloat(fv(a), spec));
def(float_, 'is_integer', (a: any) => Number.isInteger(fv(a)));
def(float_, 'conjugate', (a: any) => new PyFloat(fv(a)));
def(float_, 'hex', (a: any) => floatHex(fv(a)));
def(float_, 'as_integer_ratio', (a: any) => {
  let v = fv(a);
  if (!Number.isFinite(v)) throw mkExc(OverflowError_, 'cannot convert Infinity to integer ratio');
  let d = 1n;
  while (!Number.isInteger(v)) {
    v *= 2;
    d *= 2n;
  }
  return new PyTuple([O.norm(BigInt(v)), O.norm(d)]);
});
def(float_, 'fromhex', (_t: any, s: string) => new PyFloat(parseFloatHex(s)));
float_.$d.fromhex = new PyClassMethod(float_.$d.fromhex);
function floatHex(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0x0.0p+0' : '0x0.0p+0';
  if (!Number.isFinite(v)) return floatRepr(v);
  const neg = v < 0;
  let m = Math.abs(v), e = 0;
  while (m >= 2) { m /= 2; e++; }
  while (m < 1 && e > -1022) { m *= 2; e--; }
  let hex = '';
  let f = m - Math.floor(m);
  for (let i = 0; i < 13; i++) { f *= 16; const d = Math.floor(f); hex += d.toString(16); f -= d; }
  hex = hex.replace(/0+$/, '') || '0';
  return (neg ? '-' : '') + '0x' + Math.floor(m) + '.' + hex + 'p' + (e >= 0 ? '+' : '') + e;
}
function parseFloatHex(s: string): number {
  const m = /^\s*([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?\s*$/i.exec(s);
  if (!m) throw mkExc(ValueError_, 'invalid hexadecimal floating-point string');
  let v = parseInt(m[2] || '0', 16);
  const frac = m[3] ?? '';
  for (let i = 0; i < frac.length; i++) v += parseInt(frac[i]!, 16) / 16 ** (i + 1);
  v *= 2 ** (m[4] ? +m[4] : 0);
  return m[1] === '-' ? -v : v;
}
(float_ as any).$gattr = (o: any, name: string) => {
  if (name === 'real') return new PyFloat(fv(o));
  if (name === 'imag') return new PyFloat(0);
  return undefined;
};

// -- complex --

def(C.complex_, '__new__', (_t: any, re: any = 0, im: any = 0) => {
  if (typeof re === 'string') {
    const s = re.replace(/[()\s]/g, '');
    const m = /^([+-]?[\d.]+(?:e[+-]?\d+)?)?(?:([+-]?[\d.]*(?:e[+-]?\d+)?)j)?$/i.exec(s);
    if (!m) throw mkExc(ValueError_, 'complex() arg is a malformed string');
    const imS = m[2];
    return new PyComplex(m[1] ? Number(m[1]) : 0, imS === undefined ? 0 : imS === '' || imS === '+' ? 1 : imS === '-' ? -1 : Number(imS));
  }
  const r = re instanceof PyComplex ? re : new PyComplex(floatFrom(re), 0);
  const i = im instanceof PyComplex ? im : new PyComplex(floatFrom(im), 0);
  return new PyComplex(r.re - i.im, r.im + i.re);
});
C.complex_.$d.__new__.$nobind = true;
/** repr(complex). */
export function complexRepr(c: PyComplex): string {
  const f = (v: number): string => {
    const r = floatRepr(v);
    return r.endsWith('.0') ? r.slice(0, -2) : r;
  };
  if (c.re === 0 && !Object.is(c.re, -0)) return f(c.im) + 'j';
  const im = f(c.im);
  return '(' + f(c.re) + (im[0] === '-' || im === 'nan' && false ? '' : '+') + im + 'j)';
}
def(C.complex_, '__repr__', (c: PyComplex) => complexRepr(c));
def(C.complex_, 'conjugate', (c: PyComplex) => new PyComplex(c.re, -c.im));
def(C.complex_, '__abs__', (c: PyComplex) => new PyFloat(Math.hypot(c.re, c.im)));
def(C.complex_, '__hash__', (c: PyComplex) => O.hash(new PyFloat(c.re)) ^ O.hash(new PyFloat(c.im)));
(C.complex_ as any).$gattr = (o: PyComplex, name: string) => {
  if (name === 'real') return new PyFloat(o.re);
  if (name === 'imag') return new PyFloat(o.im);
  return undefined;
};

// -- range, slice --

def(range_, '__new__', (_t: any, a: any, b?: any, c?: any) => mkRange(a, b, c));
range_.$d.__new__.$nobind = true;
/** range(...). */
export function mkRange(a: any, b?: any, c?: any): PyRange {
  if (b === undefined) return new PyRange(0, O.indexVal(a), 1);
  const step = c === undefined ? 1 : O.indexVal(c);
  if (step === 0 || step === 0n) throw mkExc(ValueError_, 'range() arg 3 must not be zero');
  return new PyRange(O.indexVal(a), O.indexVal(b), step);
}
def(range_, '__repr__', (r: PyRange) => (r.step === 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`));
def(range_, 'index', (r: PyRange, v: any) => {
  const i = O.intVal(v) === undefined ? -1 : O.rangeIndex(r, O.intVal(v));
  if (i < 0) throw mkExc(ValueError_, `${repr(v)} is not in range`);
  return i;
});
def(range_, 'count', (r: PyRange, v: any) => (O.intVal(v) !== undefined && O.rangeIndex(r, O.intVal(v)) >= 0 ? 1 : 0));
def(range_, '__hash__', (r: PyRange) => O.hash(new PyTuple([r.length, r.start, r.step])));
(range_ as any).$gattr = (r: PyRange, name: string) => (name === 'start' ? r.start : name === 'stop' ? r.stop : name === 'step' ? r.step : undefined);
def(slice_, '__new__', (_t: any, a: any, b?: any, c?: any) => (b === undefined ? new PySlice(null, a, null) : new PySlice(a, b, c ?? null)));
slice_.$d.__new__.$nobind = true;
def(slice_, '__repr__', (s: PySlice) => `slice(${repr(s.start)}, ${repr(s.stop)}, ${repr(s.step)})`);
def(slice_, 'indices', (s: PySlice, n: any) => new PyTuple(O.sliceIndices(s, Number(n)).slice(0, 3)));
slice_.$d.__hash__ = null;
(slice_ as any).$gattr = (s: PySlice, name: string) => (name === 'start' ? s.start : name === 'stop' ? s.stop : name === 'step' ? s.step : undefined);

// -- NoneType, NotImplemented, Ellipsis --

def(C.NoneType_, '__repr__', () => 'None');
def(C.NoneType_, '__bool__', () => false);
def(C.NotImplementedType_, '__repr__', () => 'NotImplemented');
def(C.ellipsis_, '__repr__', () => 'Ellipsis');

// -- functions, methods --

def(C.function_, '__repr__', (f: any) => repr(f));
def(C.function_, '__get__', (f: any, obj: any) => (obj === null ? f : new PyMethod(f, obj)));
(C.function_ as any).$gattr = (f: any, name: string) => {
  const own = f.$d?.[name];
  if (own !== undefined) return own;
  switch (name) {
    case '__name__': return f.$sig?.name ?? f.$name ?? f.name;
    case '__qualname__': return fnQualname(f);
    case '__module__': return f.$sig?.module ?? 'builtins';
    case '__defaults__': return f.$dv?.length ? new PyTuple(f.$dv) : null;
    case '__kwdefaults__': return f.$kwd ? nsDict(f.$kwd) : null;
    case '__doc__': return f.$d?.__doc__ ?? null;
    case '__dict__': return nsDict(f.$d);
    case '__code__': return f;
    case 'co_name': return f.$sig?.name;
    case 'co_argcount': return f.$sig?.params.length;
    case 'co_varnames': return new PyTuple(f.$sig?.params ?? []);
    case '__wrapped__': return f.$d?.__wrapped__;
  }
  return undefined;
};
def(C.builtin_function_, '__repr__', (f: any) => `<built-in function ${f.$name ?? f.name}>`);
(C.builtin_function_ as any).$gattr = (f: any, name: string) => (name === '__name__' || name === '__qualname__' ? f.$name ?? f.name : name === '__doc__' ? null : name === '__module__' ? 'builtins' : undefined);
def(C.method_, '__repr__', (m: PyMethod) => `<bound method ${fnQualname(m.fn)} of ${repr(m.self)}>`);
(C.method_ as any).$gattr = (m: PyMethod, name: string) => {
  if (name === '__self__') return m.self;
  if (name === '__func__') return m.fn;
  return O.getattr(m.fn, name);
};
def(C.method_, '__eq__', (a: PyMethod, b: any) => b instanceof PyMethod && a.fn === b.fn && a.self === b.self);
def(C.method_, '__hash__', (a: PyMethod) => O.idOf(a.fn) ^ O.hash(a.self));

// -- property, classmethod, staticmethod --

def(C.property_, '__new__', (_t: any, fget: any = null, fset: any = null, fdel: any = null, doc: any = null) => new PyProperty(fget, fset, fdel, doc), (args, kw) =>
  new PyProperty(arg(args, kw, 1, 'fget', null), arg(args, kw, 2, 'fset', null), arg(args, kw, 3, 'fdel', null), arg(args, kw, 4, 'doc', null)));
C.property_.$d.__new__.$nobind = true;
def(C.property_, 'getter', (p: PyProperty, f: any) => new PyProperty(f, p.fset, p.fdel, p.doc));
def(C.property_, 'setter', (p: PyProperty, f: any) => new PyProperty(p.fget, f, p.fdel, p.doc));
def(C.property_, 'deleter', (p: PyProperty, f: any) => new PyProperty(p.fget, p.fset, f, p.doc));
def(C.property_, '__get__', (p: PyProperty, obj: any) => (obj === null ? p : call1(p.fget, obj)));
def(C.property_, '__set__', (p: PyProperty, obj: any, v: any) => call2(p.fset, obj, v));
(C.property_ as any).$gattr = (p: PyProperty, name: string) => (name === 'fget' ? p.fget : name === 'fset' ? p.fset : name === 'fdel' ? p.fdel : name === '__doc__' ? p.doc ?? (p.fget?.$d?.__doc__ ?? null) : undefined);
def(C.classmethod_, '__new__', (_t: any, f: any) => new PyClassMethod(f));
C.classmethod_.$d.__new__.$nobind = true;
def(C.classmethod_, '__get__', (c: PyClassMethod, obj: any, t: any) => new PyMethod(c.fn, t ?? typeOf(obj)));
(C.classmethod_ as any).$gattr = (c: PyClassMethod, name: string) => (name === '__func__' ? c.fn : undefined);
def(C.staticmethod_, '__new__', (_t: any, f: any) => new PyStaticMethod(f));
C.staticmethod_.$d.__new__.$nobind = true;
def(C.staticmethod_, '__get__', (c: PyStaticMethod) => c.fn);
def(C.staticmethod_, '__call__', (c: PyStaticMethod, ...a: any[]) => call(c.fn, a, null));
(C.staticmethod_ as any).$gattr = (c: PyStaticMethod, name: string) => (name === '__func__' ? c.fn : undefined);

// -- super --

def(C.super_, '__new__', (_t: any, cls: any, self: any) => new PySuper(cls, self));
C.super_.$d.__new__.$nobind = true;
setSuperType(C.super_);
setAttrErr(AttributeError_);
(C.super_ as any).$gattr = (s: PySuper, name: string) => (name === '__class__' ? C.super_ : name === '__thisclass__' ? s.cls : name === '__self__' ? s.self : superGetattr(s, name));
(C.super_ as any).$ga = (s: PySuper, name: string) => superGetattr(s, name);
def(C.super_, '__repr__', (s: PySuper) => `<super: <class '${s.cls.name}'>, <${typeOf(s.self).name} object>>`);

// -- exceptions --

const BE = C.BaseException_;
def(BE, '__new__', (t: PyType, ...args: any[]) => {
  const e = new PyExc(t, args);
  return e;
}, (args) => new PyExc(args[0], args.slice(1)));
BE.$d.__new__.$nobind = true;
def(BE, '__init__', (self: PyExc, ...args: any[]) => {
  self.args = new PyTuple(args);
  return null;
}, (args) => {
  (args[0] as PyExc).args = new PyTuple(args.slice(1));
  return null;
});
def(BE, '__str__', (self: PyExc) => {
  const a = self.args.a;
  return a.length === 0 ? '' : a.length === 1 ? str(a[0]) : repr(self.args);
});
def(BE, '__repr__', (self: PyExc) => {
  const a = self.args.a;
  return `${self.$c.name}(${a.length === 1 ? repr(a[0]) : a.map(repr).join(', ')})`;
});
def(BE, 'with_traceback', (self: PyExc) => self);
def(BE, 'add_note', (self: PyExc, n: string) => {
  (self.$d.__notes__ ??= []).push(n);
  return null;
});
(BE as any).$gattr = (e: PyExc, name: string) => {
  switch (name) {
    case 'args': return e.args;
    case '__cause__': return e.cause;
    case '__context__': return e.context;
    case '__suppress_context__': return e.suppress;
    case '__traceback__': return e.$d.__traceback__ ?? null;
    case '__class__': return e.$c;
    case '__dict__': return nsDict(e.$d);
  }
  return undefined;
};
(BE as any).$sa = true;
def(BE, '__setattr__', (e: PyExc, name: string, v: any) => {
  if (name === 'args') e.args = new PyTuple(O.toArray(v));
  else if (name === '__cause__') {
    e.cause = v;
    e.suppress = true;
  } else if (name === '__context__') e.context = v;
  else if (name === '__suppress_context__') e.suppress = O.truthy(v);
  else O.objSetattr(e, name, v);
  return null;
});
const KE = KeyError_;
def(KE, '__str__', (self: PyExc) => (self.args.a.length === 1 ? repr(self.args.a[0]) : BE.$d.__str__(self)));
def(C.excTypes.SyntaxError!, '__str__', (self: PyExc) => {
  const msg = self.$d.msg;
  if (typeof msg !== 'string') return BE.$d.__str__(self);
  const fn = self.$d.filename, ln = self.$d.lineno;
  if (typeof fn === 'string' && ln !== undefined && ln !== null) return `${msg} (${fn.slice(fn.lastIndexOf('/') + 1)}, line ${ln})`;
  if (ln !== undefined && ln !== null) return `${msg} (line ${ln})`;
  return msg;
});
const SI = StopIteration_;
def(SI, '__init__', (self: PyExc, ...args: any[]) => {
  self.args = new PyTuple(args);
  self.$d.value = args.length ? args[0] : null;
  return null;
});
const SE = C.SystemExit_;
def(SE, '__init__', (self: PyExc, ...args: any[]) => {
  self.args = new PyTuple(args);
  self.$d.code = args.length === 0 ? null : args.length === 1 ? args[0] : self.args;
  return null;
});
const OE = C.OSError_;
def(OE, '__init__', (self: PyExc, ...args: any[]) => {
  self.args = new PyTuple(args);
  self.$d.errno = args.length >= 2 ? args[0] : null;
  self.$d.strerror = args.length >= 2 ? args[1] : null;
  self.$d.filename = args.length >= 3 ? args[2] : null;
  return null;
});
def(OE, '__str__', (self: PyExc) => {
  const a = self.args.a;
  if (a.length >= 3) return `[Errno ${str(a[0])}] ${str(a[1])}: ${repr(a[2])}`;
  if (a.length === 2) return `[Errno ${str(a[0])}] ${str(a[1])}`;
  return BE.$d.__str__(self);
});
void excStr;
void IndexError_;
void GeneratorExit_;
void RuntimeError_;
void PyModule;
void NS;
void construct;
void bytes_;
void bytearray_;
void str_;
void list_;
void fixed;
void PyObject;
void PyBytes;
void PySlice;
void Ellipsis;
void PyStaticMethod;
void PySet;
void PyDict;
