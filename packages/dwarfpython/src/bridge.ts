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

/**
 * Can `f` be called as a plain JS function with `n` positional arguments? Builtins (`$s`) can, and
 * so can Python functions whose signature is simple (no defaults, `*args` or keywords to bind)
 * when given exactly their parameter count; anything else goes through parathon's `call`.
 */
function direct(f: any, n: number): boolean {
  if (typeof f !== 'function') return false;
  if (f.$s === true) return true;
  const sig = f.$sig;
  return sig !== undefined && sig.simple === true && sig.params.length === n;
}

/** Call any Python callable with positional arguments. */
export function pyCall(f: any, args: any[]): any {
  return direct(f, args.length) ? f(...args) : call(f, args);
}

/** Call a Python callable with one positional argument. */
export function pyCall1(f: any, a: any): any {
  return direct(f, 1) ? f(a) : call(f, [a]);
}

/** Call a Python callable with two positional arguments (the comparator fast path). */
export function pyCall2(f: any, a: any, b: any): any {
  return direct(f, 2) ? f(a, b) : call(f, [a, b]);
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
