// The pieces of parathon's runtime that dwarfpython needs, reached through what parathon exports.
// parathon's package exports only `Interpreter`, `run`, `compile` and `parse`: its object model
// (PyType, exceptions, floats, bytes) is not exported. Everything here is obtained from a live
// Interpreter (its builtins module and values the compiler produces), in this one file, so that the
// day parathon exports its runtime, only this file changes.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Interpreter } from 'parathon';

/** Constructor shapes of the runtime classes this package builds values of. */
interface Runtime {
  PyType: new (meta: any, name: string, bases: any[], d: any, layout?: string) => any;
  PyFloat: new (v: number) => any;
  PyBytes: new (b: Uint8Array, mutable?: boolean) => any;
  PyTuple: new (a: any[]) => any;
  PyExc: new (t: any, args: any[]) => any;
  type_: any;
  object_: any;
  float_: any;
  bytes_: any;
  bytearray_: any;
  NS: new () => any;
  builtins: any;
  callHelper: (f: any, args: any[]) => any;
  flushHelper: () => void;
}

let rt: Runtime | null = null;

/** Evaluate a Python expression in a scratch namespace of `it`. */
function evalIn(it: Interpreter, src: string, ns: any): any {
  return it.compile(src, '<dwarfpython>', '__dwarfpython__', 'eval')(ns);
}

/** Learn the runtime's classes from an interpreter (once per process: they are module-level). */
export function initRuntime(it: Interpreter): Runtime {
  if (rt) return rt;
  const builtins = it.modules.get('builtins').$d;
  // NS objects have a null-prototype prototype (no constructor property): build them from it.
  const nsProto = Object.getPrototypeOf(builtins);
  const NS = function NS(): any {
    return Object.create(nsProto);
  } as unknown as new () => any;
  const ns = new NS();
  ns.__builtins__ = it.modules.get('builtins');
  it.compile(
    'def _call(f, a):\n    return f(*a)\n' +
      'def _flush():\n    import sys\n    sys.stdout.flush()\n    sys.stderr.flush()\n',
    '<dwarfpython>', '__dwarfpython__', 'exec',
  )(ns);
  const exc = evalIn(it, 'TypeError("x")', ns);
  const tuple = evalIn(it, '(1, 2)', ns);
  rt = {
    PyType: builtins.object.constructor,
    PyFloat: evalIn(it, '1.5', ns).constructor,
    PyBytes: evalIn(it, 'b""', ns).constructor,
    PyTuple: tuple.constructor,
    PyExc: exc.constructor,
    type_: builtins.type,
    object_: builtins.object,
    float_: builtins.float,
    bytes_: builtins.bytes,
    bytearray_: builtins.bytearray,
    NS,
    builtins,
    callHelper: ns._call,
    flushHelper: ns._flush,
  };
  return rt;
}

/** The runtime (after {@link initRuntime}). */
export function R(): Runtime {
  if (!rt) throw new Error('dwarfpython: runtime not initialised (create an Interpreter first)');
  return rt;
}

/** A Python exception instance of a builtin type, e.g. `pyErr('TypeError', 'bad')`, ready to throw. */
export function pyErr(type: string, msg: string): any {
  const r = R();
  const t = r.builtins[type];
  if (!t) throw new Error(`dwarfpython: no builtin exception ${type}`);
  return new r.PyExc(t, [msg]);
}

/** Mark a JS function as a Python builtin taking positional arguments. */
export function builtin<F extends (...a: any[]) => any>(name: string, f: F): F {
  const g: any = f;
  g.$s = true;
  g.$name = name;
  return f;
}

/** Create a Python type whose attribute reads go to `getattr` (returning undefined = not handled). */
export function makeType(name: string, base: any | null, dict: Record<string, any>, getattr?: (o: any, n: string) => any): any {
  const r = R();
  const d = new r.NS();
  for (const [k, v] of Object.entries(dict)) d[k] = v;
  const t = new r.PyType(r.type_, name, [base ?? r.object_], d, 'object');
  t.module = 'dwarfpython';
  if (getattr) t.$gattr = getattr;
  return t;
}

/** Call any Python callable with positional arguments. */
export function pyCall(f: any, args: any[]): any {
  if (typeof f === 'function' && f.$s === true) return f(...args);
  return R().callHelper(f, args);
}

/** Call a Python callable with one positional argument. */
export function pyCall1(f: any, a: any): any {
  if (typeof f === 'function' && f.$s === true) return f(a);
  return R().callHelper(f, [a]);
}

/** Call a Python callable with two positional arguments (the comparator fast path). */
export function pyCall2(f: any, a: any, b: any): any {
  if (typeof f === 'function' && f.$s === true) return f(a, b);
  return R().callHelper(f, [a, b]);
}

/** Flush Python's sys.stdout/sys.stderr buffers (before C writes to the same descriptors). */
export function flushPython(): void {
  R().flushHelper();
}

/** The Python type object of a value (`$c`), for checks; undefined for JS primitives. */
export function pyTypeName(x: any): string {
  if (x === null || x === undefined) return 'NoneType';
  switch (typeof x) {
    case 'number':
    case 'bigint':
      return 'int';
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'function':
      return x.$c?.name ?? 'builtin_function_or_method';
  }
  if (Array.isArray(x)) return 'list';
  if (x instanceof R().PyFloat) return 'float';
  return x.$c?.name ?? 'object';
}

/** Is `x` a Python float? */
export function isFloat(x: any): boolean {
  return x instanceof R().PyFloat;
}

/** Is `x` Python bytes or bytearray? */
export function isBytes(x: any): boolean {
  return x instanceof R().PyBytes;
}
