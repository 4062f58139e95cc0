// The object model: how Python values are represented in JS, types with C3 MRO, attribute lookup,
// calls, and the exception hierarchy. Representation (chosen so V8 keeps hot code monomorphic):
//   int   -> JS number when |v| <= 2^53-1, else bigint (always normalised back)
//   float -> PyFloat box (so 1 and 1.0 stay distinct)     bool -> JS boolean   None -> null
//   str   -> JS string (code-point semantics in the helpers)   list -> JS Array
//   everything else -> instances of the classes below, each carrying its Python type in `$c`.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** A namespace object: fast-mode JS object with no inherited properties (Python attribute dicts). */
export const NS: { new (): any } = function NS(this: any) {} as any;
NS.prototype = Object.create(null);

/** Largest magnitude an int may have while stored as a JS number. */
export const MAXS = Number.MAX_SAFE_INTEGER;

/** A Python float. */
export class PyFloat {
  constructor(public v: number) {}
}

/** A Python complex number. */
export class PyComplex {
  declare $c: PyType;
  constructor(public re: number, public im: number) {}
}

/** Base class of every JS object that represents a Python instance with a type pointer. */
export class PyObject {
  $c: PyType;
  $d: any;
  constructor(t: PyType) {
    this.$c = t;
    this.$d = new NS();
  }
}

/** A Python type object. `d` is its namespace; `mro` is computed by C3. */
export class PyType {
  $c: PyType;
  $d: any;
  name: string;
  qualname: string;
  module: string;
  bases: PyType[];
  mro: PyType[] = [];
  /** Which JS representation instances use (the "solid base"). */
  layout: string;
  /** Method lookup cache (reset when any type namespace changes). */
  lc: any = new NS();
  lcEpoch = -1;
  slots: string[] | null = null;
  constructor(meta: PyType | null, name: string, bases: PyType[], d: any, layout?: string) {
    this.$c = meta ?? (this as any);
    this.$d = d ?? new NS();
    this.name = name;
    this.qualname = name;
    this.module = 'builtins';
    this.bases = bases;
    this.layout = layout ?? (bases.length ? solidLayout(bases) : 'object');
    this.mro = [this];
    if (bases.length) this.mro = c3(this, bases);
  }
}

function solidLayout(bases: PyType[]): string {
  let l = 'object';
  for (const b of bases) {
    if (b.layout !== 'object') {
      if (l !== 'object' && l !== b.layout) throw mkExc(TypeError_, 'multiple bases have instance lay-out conflict');
      l = b.layout;
    }
  }
  return l;
}

/** C3 linearisation, with CPython's error message on inconsistency. */
function c3(t: PyType, bases: PyType[]): PyType[] {
  const seqs = bases.map((b) => b.mro.slice()).concat([bases.slice()]);
  const out = [t];
  for (;;) {
    const live = seqs.filter((s) => s.length);
    if (!live.length) return out;
    let cand: PyType | null = null;
    for (const s of live) {
      const h = s[0]!;
      if (!live.some((o) => o.indexOf(h) > 0)) {
        cand = h;
        break;
      }
    }
    if (!cand) {
      const names = bases.map((b) => b.name).join(', ');
      throw mkExc(TypeError_, `Cannot create a consistent method resolution\norder (MRO) for bases ${names}`);
    }
    out.push(cand);
    for (const s of live) if (s[0] === cand) s.shift();
  }
}

/** Bumped whenever a type's namespace changes, invalidating every method cache. */
export const epoch = { v: 0 };
/** Invalidate every type's method cache (a class namespace changed). */
export function bumpEpoch(): void {
  epoch.v++;
}

/** Look a name up along a type's MRO (cached); undefined when absent. */
export function lookup(t: PyType, name: string): any {
  if (t.lcEpoch !== epoch.v) {
    t.lc = new NS();
    t.lcEpoch = epoch.v;
  }
  let v = t.lc[name];
  if (v !== undefined) return v === MISSING ? undefined : v;
  v = undefined;
  for (const k of t.mro) {
    const x = k.$d[name];
    if (x !== undefined) {
      v = x;
      break;
    }
  }
  t.lc[name] = v === undefined ? MISSING : v;
  return v;
}
const MISSING = { missing: true };

// -- Builtin type objects (methods are attached by the builtins module) --

/** The builtin type `type`. */
export const type_ = new PyType(null, 'type', [], null, 'type');
/** The builtin type `object`. */
export const object_ = new PyType(type_, 'object', [], null, 'object');
type_.bases = [object_];
type_.mro = [type_, object_];

/** Create a builtin type. */
export function mkType(name: string, base: PyType | null, layout?: string): PyType {
  return new PyType(type_, name, [base ?? object_], null, layout);
}
/** The builtin type `int`. */
export const int_ = mkType('int', null, 'int');
/** The builtin type `bool`. */
export const bool_ = mkType('bool', int_, 'int');
/** The builtin type `float`. */
export const float_ = mkType('float', null, 'float');
/** The builtin type `complex`. */
export const complex_ = mkType('complex', null, 'complex');
PyComplex.prototype.$c = complex_;
/** The builtin type `str`. */
export const str_ = mkType('str', null, 'str');
/** The builtin type `list`. */
export const list_ = mkType('list', null, 'list');
/** The builtin type `tuple`. */
export const tuple_ = mkType('tuple', null, 'tuple');
/** The builtin type `dict`. */
export const dict_ = mkType('dict', null, 'dict');
/** The builtin type `set`. */
export const set_ = mkType('set', null, 'set');
/** The builtin type `frozenset`. */
export const frozenset_ = mkType('frozenset', null, 'frozenset');
/** The builtin type `bytes`. */
export const bytes_ = mkType('bytes', null, 'bytes');
/** The builtin type `bytearray`. */
export const bytearray_ = mkType('bytearray', null, 'bytearray');
/** The builtin type `range`. */
export const range_ = mkType('range', null, 'range');
/** The builtin type `slice`. */
export const slice_ = mkType('slice', null, 'slice');
/** The builtin type `NoneType`. */
export const NoneType_ = mkType('NoneType', null, 'none');
/** The builtin type `function`. */
export const function_ = mkType('function', null, 'function');
/** The builtin type `builtin_function_or_method`. */
export const builtin_function_ = mkType('builtin_function_or_method', null, 'function');
/** The builtin type `method`. */
export const method_ = mkType('method', null, 'method');
/** The builtin type `module`. */
export const module_ = mkType('module', null, 'object');
/** The builtin type `property`. */
export const property_ = mkType('property', null, 'property');
/** The builtin type `classmethod`. */
export const classmethod_ = mkType('classmethod', null, 'classmethod');
/** The builtin type `staticmethod`. */
export const staticmethod_ = mkType('staticmethod', null, 'staticmethod');
/** The builtin type `generator`. */
export const generator_ = mkType('generator', null, 'generator');
/** The builtin type `iterator`. */
export const iterator_ = mkType('iterator', null, 'iterator');
/** The builtin type `NotImplementedType`. */
export const NotImplementedType_ = mkType('NotImplementedType', null, 'notimpl');
/** The builtin type `ellipsis`. */
export const ellipsis_ = mkType('ellipsis', null, 'ellipsis');
/** The builtin type `super`. */
export const super_ = mkType('super', null, 'super');
/** The builtin type `BaseException`. */
export const BaseException_ = mkType('BaseException', null, 'exc');
/** The builtin type `cell`. */
export const cell_ = mkType('cell', null, 'object');

/** NotImplemented and Ellipsis singletons. */
export const NotImplemented: any = { $c: NotImplementedType_ };
/** The `Ellipsis` singleton. */
export const Ellipsis: any = { $c: ellipsis_ };

/** A tuple: immutable array `a`. */
export class PyTuple {
  declare $c: PyType;
  constructor(public a: any[]) {}
}
PyTuple.prototype.$c = tuple_;

/** range(start, stop, step) over JS numbers or bigints. */
export class PyRange {
  declare $c: PyType;
  constructor(public start: any, public stop: any, public step: any) {}
  get length(): number {
    const { start, stop, step } = this;
    if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number') {
      if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
      return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
    }
    const a = BigInt(start), b = BigInt(stop), s = BigInt(step);
    if (s > 0n) return a < b ? Number((b - a - 1n) / s + 1n) : 0;
    return a > b ? Number((a - b - 1n) / -s + 1n) : 0;
  }
}
PyRange.prototype.$c = range_;

/** slice(start, stop, step). */
export class PySlice {
  declare $c: PyType;
  constructor(public start: any, public stop: any, public step: any) {}
}
PySlice.prototype.$c = slice_;

/** bytes / bytearray over a Uint8Array (bytearray keeps spare capacity in `b`, length `n`). */
export class PyBytes {
  $c: PyType;
  constructor(public b: Uint8Array, mutable = false) {
    this.$c = mutable ? bytearray_ : bytes_;
  }
}

/** A function bound to an instance. */
export class PyMethod {
  declare $c: PyType;
  constructor(public fn: any, public self: any) {}
}
PyMethod.prototype.$c = method_;

/** property(fget, fset, fdel, doc). */
export class PyProperty {
  $c: PyType = property_;
  $d: any = new NS();
  constructor(public fget: any, public fset: any, public fdel: any, public doc: any) {}
}
/** classmethod / staticmethod wrappers. */
export class PyClassMethod {
  $c: PyType = classmethod_;
  $d: any = new NS();
  constructor(public fn: any) {}
}
/** PyStaticMethod. */
export class PyStaticMethod {
  $c: PyType = staticmethod_;
  $d: any = new NS();
  constructor(public fn: any) {}
}

/** A module object: its globals are the NS `$d`. */
export class PyModule extends PyObject {
  constructor(d: any) {
    super(module_);
    this.$d = d;
  }
}

/** Python's exception instances: JS Errors (so V8 records where they were raised). */
export class PyExc extends Error {
  $c: PyType;
  $d: any;
  args: PyTuple;
  override cause: any = null;
  context: any = null;
  suppress = false;
  /** JS stack frames captured at the raise point (mapped to Python lines when printed). */
  tb: string | undefined;
  constructor(t: PyType, args: any[]) {
    super();
    this.$c = t;
    this.$d = new NS();
    this.args = new PyTuple(args);
  }
}
Object.defineProperty(PyExc.prototype, 'message', {
  get(this: PyExc) {
    return this.$c.name + ': ' + excStr(this);
  },
});

/** str(exception): the message, as BaseException.__str__ computes it. */
export function excStr(e: PyExc): string {
  const f = lookup(e.$c, '__str__');
  if (f && f !== BaseException_.$d.__str__) return call1(f, e);
  const a = e.args.a;
  if (a.length === 0) return '';
  if (a.length === 1) return hooks.str(a[0]);
  return hooks.repr(e.args);
}

// -- Exception hierarchy --

/** Builtin exception types by name. */
export const excTypes: Record<string, PyType> = { BaseException: BaseException_ };
function exc(name: string, base: string): PyType {
  const t = new PyType(type_, name, [excTypes[base]!], null);
  excTypes[name] = t;
  return t;
}
const hierarchy: [string, string][] = [
  ['SystemExit', 'BaseException'], ['KeyboardInterrupt', 'BaseException'], ['GeneratorExit', 'BaseException'],
  ['Exception', 'BaseException'], ['StopIteration', 'Exception'], ['StopAsyncIteration', 'Exception'],
  ['ArithmeticError', 'Exception'], ['FloatingPointError', 'ArithmeticError'], ['OverflowError', 'ArithmeticError'],
  ['ZeroDivisionError', 'ArithmeticError'], ['AssertionError', 'Exception'], ['AttributeError', 'Exception'],
  ['BufferError', 'Exception'], ['EOFError', 'Exception'], ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'], ['LookupError', 'Exception'], ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'], ['MemoryError', 'Exception'], ['NameError', 'Exception'],
  ['UnboundLocalError', 'NameError'], ['OSError', 'Exception'], ['BlockingIOError', 'OSError'],
  ['ChildProcessError', 'OSError'], ['ConnectionError', 'OSError'], ['BrokenPipeError', 'ConnectionError'],
  ['ConnectionAbortedError', 'ConnectionError'], ['ConnectionRefusedError', 'ConnectionError'],
  ['ConnectionResetError', 'ConnectionError'], ['FileExistsError', 'OSError'], ['FileNotFoundError', 'OSError'],
  ['InterruptedError', 'OSError'], ['IsADirectoryError', 'OSError'], ['NotADirectoryError', 'OSError'],
  ['PermissionError', 'OSError'], ['ProcessLookupError', 'OSError'], ['TimeoutError', 'OSError'],
  ['ReferenceError', 'Exception'], ['RuntimeError', 'Exception'], ['NotImplementedError', 'RuntimeError'],
  ['RecursionError', 'RuntimeError'], ['SyntaxError', 'Exception'], ['IndentationError', 'SyntaxError'],
  ['TabError', 'IndentationError'], ['SystemError', 'Exception'], ['TypeError', 'Exception'],
  ['ValueError', 'Exception'], ['UnicodeError', 'ValueError'], ['UnicodeDecodeError', 'UnicodeError'],
  ['UnicodeEncodeError', 'UnicodeError'], ['UnicodeTranslateError', 'UnicodeError'], ['Warning', 'Exception'],
  ['DeprecationWarning', 'Warning'], ['PendingDeprecationWarning', 'Warning'], ['RuntimeWarning', 'Warning'],
  ['SyntaxWarning', 'Warning'], ['UserWarning', 'Warning'], ['FutureWarning', 'Warning'],
  ['ImportWarning', 'Warning'], ['UnicodeWarning', 'Warning'], ['BytesWarning', 'Warning'],
  ['ResourceWarning', 'Warning'], ['EncodingWarning', 'Warning'],
];
for (const [n, b] of hierarchy) exc(n, b);
excTypes['EnvironmentError'] = excTypes['OSError']!;
excTypes['IOError'] = excTypes['OSError']!;
/** The builtin exception type `TypeError`. */
export const TypeError_ = excTypes['TypeError']!;
/** The builtin exception type `ValueError`. */
export const ValueError_ = excTypes['ValueError']!;
/** The builtin exception type `KeyError`. */
export const KeyError_ = excTypes['KeyError']!;
/** The builtin exception type `IndexError`. */
export const IndexError_ = excTypes['IndexError']!;
/** The builtin exception type `AttributeError`. */
export const AttributeError_ = excTypes['AttributeError']!;
/** The builtin exception type `NameError`. */
export const NameError_ = excTypes['NameError']!;
/** The builtin exception type `StopIteration`. */
export const StopIteration_ = excTypes['StopIteration']!;
/** The builtin exception type `ZeroDivisionError`. */
export const ZeroDivisionError_ = excTypes['ZeroDivisionError']!;
/** The builtin exception type `OverflowError`. */
export const OverflowError_ = excTypes['OverflowError']!;
/** The builtin exception type `RuntimeError`. */
export const RuntimeError_ = excTypes['RuntimeError']!;
/** The builtin exception type `RecursionError`. */
export const RecursionError_ = excTypes['RecursionError']!;
/** The builtin exception type `SystemExit`. */
export const SystemExit_ = excTypes['SystemExit']!;
/** The builtin exception type `GeneratorExit`. */
export const GeneratorExit_ = excTypes['GeneratorExit']!;
/** The builtin exception type `AssertionError`. */
export const AssertionError_ = excTypes['AssertionError']!;
/** The builtin exception type `UnboundLocalError`. */
export const UnboundLocalError_ = excTypes['UnboundLocalError']!;
/** The builtin exception type `NotImplementedError`. */
export const NotImplementedError_ = excTypes['NotImplementedError']!;
/** The builtin exception type `SystemError`. */
export const SystemError_ = excTypes['SystemError']!;
/** The builtin exception type `ImportError`. */
export const ImportError_ = excTypes['ImportError']!;
/** The builtin exception type `ModuleNotFoundError`. */
export const ModuleNotFoundError_ = excTypes['ModuleNotFoundError']!;
/** The builtin exception type `OSError`. */
export const OSError_ = excTypes['OSError']!;
/** The builtin exception type `FileNotFoundError`. */
export const FileNotFoundError_ = excTypes['FileNotFoundError']!;
/** The builtin exception type `EOFError`. */
export const EOFError_ = excTypes['EOFError']!;
/** The builtin exception type `LookupError`. */
export const LookupError_ = excTypes['LookupError']!;
/** The builtin exception type `KeyboardInterrupt`. */
export const KeyboardInterrupt_ = excTypes['KeyboardInterrupt']!;
/** The builtin exception type `UnicodeDecodeError`. */
export const UnicodeDecodeError_ = excTypes['UnicodeDecodeError']!;

/** Make an exception instance of a builtin type with a message. */
export function mkExc(t: PyType, ...args: any[]): PyExc {
  const e = new PyExc(t, args);
  if (t === StopIteration_) e.$d.value = args.length ? args[0] : null;
  else if (t === SystemExit_) e.$d.code = args.length ? args[0] : null;
  return e;
}

/** Late-bound helpers (set by the builtins module) to avoid import cycles. */
export const hooks: {
  repr: (x: any) => string;
  str: (x: any) => string;
  call: (f: any, args: any[], kw: any) => any;
} = {
  repr: (x) => String(x),
  str: (x) => String(x),
  call: () => {
    throw new Error('runtime not initialised');
  },
};

/** The Python type of any value. */
export function typeOf(x: any): PyType {
  switch (typeof x) {
    case 'number':
    case 'bigint':
      return int_;
    case 'string':
      return str_;
    case 'boolean':
      return bool_;
    case 'function':
      return x.$c ?? builtin_function_;
    case 'object':
      if (x === null) return NoneType_;
      if (Array.isArray(x)) return (x as any).$c ?? list_;
      if (x instanceof PyFloat) return float_;
      return x.$c ?? object_;
  }
  throw mkExc(SystemError_, 'unbound value reached typeOf');
}

/** True when `t` is `base` or inherits from it. */
export function isSubtype(t: PyType, base: PyType): boolean {
  return t === base || t.mro.indexOf(base) >= 0;
}
/** isinstance(x, t) for a single type, without __instancecheck__. */
export function isInst(x: any, t: PyType): boolean {
  return isSubtype(typeOf(x), t);
}

// -- Calls --

/** Call with positional arguments only (fast path for compiled Python functions). */
export function call0(f: any): any {
  if (typeof f === 'function' && f.$s === true) return f();
  if (f instanceof PyMethod && f.fn.$s === true) return f.fn(f.self);
  return hooks.call(f, [], null);
}
/** f(a): compiled functions are called directly, anything else through call(). */
export function call1(f: any, a: any): any {
  if (typeof f === 'function' && f.$s === true) return f(a);
  if (f instanceof PyMethod && f.fn.$s === true) return f.fn(f.self, a);
  return hooks.call(f, [a], null);
}
/** f(a, b). */
export function call2(f: any, a: any, b: any): any {
  if (typeof f === 'function' && f.$s === true) return f(a, b);
  if (f instanceof PyMethod && f.fn.$s === true) return f.fn(f.self, a, b);
  return hooks.call(f, [a, b], null);
}
/** f(a, b, c). */
export function call3(f: any, a: any, b: any, c: any): any {
  if (typeof f === 'function' && f.$s === true) return f(a, b, c);
  if (f instanceof PyMethod && f.fn.$s === true) return f.fn(f.self, a, b, c);
  return hooks.call(f, [a, b, c], null);
}
/** f(*args) with positional arguments only. */
export function callN(f: any, args: any[]): any {
  if (typeof f === 'function' && f.$s === true) return f(...args);
  return hooks.call(f, args, null);
}

/** The repr of a type for messages: `'int'`. */
export function tname(x: any): string {
  return typeOf(x).name;
}
