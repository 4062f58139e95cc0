// `parathon/runtime`: the object model and command-line pieces for embedders that build Python
// values, types and exceptions of their own. Its consumer is dwarfpython (C data as Python objects,
// its `dwarfpython` command reusing this CLI and REPL); what is exported here is kept stable for it.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyType, NS, object_, type_ } from './core.js';
import { call as callGeneral } from './calls.js';

export {
  PyType, PyObject, PyFloat, PyBytes, PyTuple, PyExc, PyModule, NS, mkExc, excTypes, typeOf, isSubtype,
  type_, object_, float_, bytes_, bytearray_,
} from './core.js';
export { B as builtins, flushAll } from '../builtins/functions.js';
export { Interpreter, toPySyntaxError, readSourceFile, type InterpreterOptions } from './interp.js';
export { ReplSession, repl, type ReplOptions } from '../repl.js';
export { main as cliMain, type CliOptions } from '../cli-main.js';

/**
 * Call any Python callable (function, builtin, type, bound method, object with `__call__`) with
 * positional arguments, as Python's `f(*args)` does.
 * @example call(builtins.sorted, [[3, 1, 2]])  // [1, 2, 3]
 */
export function call(f: any, args: any[]): any {
  return callGeneral(f, args, null);
}

/**
 * Mark a JS function as a Python builtin taking positional arguments only (`$s`), named `name`
 * in reprs and error messages. Returns the same function.
 * @example builtins.answer = builtin('answer', () => 42)
 */
export function builtin<F extends (...a: any[]) => any>(name: string, f: F): F {
  const g = f as any;
  g.$s = true;
  g.$name = name;
  return f;
}

/**
 * An attribute hook, installed on a type as `$gattr`: return the value of attribute `name`, or
 * `undefined` to fall through. For instances that are not `PyObject`s (embedders' own JS classes
 * with `$c` set) it is asked first, before the type's namespace; for `PyObject`s, after everything
 * else and before `__getattr__` / AttributeError.
 */
export type AttributeHook = (obj: any, name: string) => any;

/**
 * Create a Python class (a {@link PyType} whose metatype is `type`) with methods from `dict`,
 * whose instances are JS objects with `$c` set to it; `getattr` answers attributes by name.
 * @param module Its `__module__`, shown in reprs and tracebacks.
 * @example const t = makeType('point', null, { __repr__: builtin('__repr__', (p) => `point(${p.x})`) }, 'demo')
 */
export function makeType(name: string, base: PyType | null, dict: Record<string, any>, module: string, getattr?: AttributeHook): PyType {
  const d = new NS();
  for (const [k, v] of Object.entries(dict)) d[k] = v;
  const t = new PyType(type_, name, [base ?? object_], d, 'object');
  t.module = module;
  if (getattr) (t as any).$gattr = getattr;
  return t;
}
