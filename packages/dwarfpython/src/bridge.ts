// The pieces of parathon's runtime that dwarfpython builds on, from parathon's embedder subpath
// `parathon/runtime`, plus the few helpers of dwarfpython's own on top of them.
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  call, excTypes, flushAll, makeType as makePyType, mkExc, PyBytes, PyFloat, type PyType,
  type AttributeHook,
} from 'parathon/runtime';

export { builtin, builtins, bytearray_, NS, PyBytes, PyFloat, PyTuple, PyType, type_, object_ } from 'parathon/runtime';

/** A Python exception instance of a builtin type, e.g. `pyErr('TypeError', 'bad')`, ready to throw. */
export function pyErr(type: string, msg: string): any {
  const t = excTypes[type];
  if (!t) throw new Error(`dwarfpython: no builtin exception ${type}`);
  return mkExc(t, msg);
}

/** Create a Python type of the `dwarfpython` module whose attribute reads go to `getattr` (undefined = not handled). */
export function makeType(name: string, base: PyType | null, dict: Record<string, any>, getattr?: AttributeHook): PyType {
  return makePyType(name, base, dict, 'dwarfpython', getattr);
}

/** Call any Python callable with positional arguments. */
export function pyCall(f: any, args: any[]): any {
  if (typeof f === 'function' && f.$s === true) return f(...args);
  return call(f, args);
}

/** Call a Python callable with one positional argument. */
export function pyCall1(f: any, a: any): any {
  if (typeof f === 'function' && f.$s === true) return f(a);
  return call(f, [a]);
}

/** Call a Python callable with two positional arguments (the comparator fast path). */
export function pyCall2(f: any, a: any, b: any): any {
  if (typeof f === 'function' && f.$s === true) return f(a, b);
  return call(f, [a, b]);
}

/** Flush Python's sys.stdout/sys.stderr buffers (before C writes to the same descriptors). */
export function flushPython(): void {
  flushAll();
}

/** The Python type name of a value, for error messages. */
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
  if (x instanceof PyFloat) return 'float';
  return x.$c?.name ?? 'object';
}

/** Is `x` a Python float? */
export function isFloat(x: any): boolean {
  return x instanceof PyFloat;
}

/** Is `x` Python bytes or bytearray? */
export function isBytes(x: any): boolean {
  return x instanceof PyBytes;
}
