// The helper table compiled code destructures (`$add`, `$call1`, ...): re-exports of the operator
// and call machinery plus the small helpers that exist only for generated code.
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as C from './core.js';
import {
  PyType, PyTuple, PyFloat, PyComplex, PyBytes, PySlice, PyExc, NS, mkExc, typeOf, lookup, isSubtype, tname, MAXS,
  TypeError_, NameError_, UnboundLocalError_, AssertionError_, SystemError_, AttributeError_, object_,
} from './core.js';
import { PyDict, PySet } from './dict.js';
import * as O from './ops.js';
import { call, mkfunc, bindArgs, buildClass, PySuper, Kw } from './calls.js';
import { format } from './format.js';
import { repr, str, nsDict } from '../builtins/types.js';
import { PyGen, PyCoro, awaitIt, yieldFrom } from '../builtins/containers.js';
import { B, print, isinstance } from '../builtins/functions.js';

/** The stack of exceptions being handled (for bare `raise` and sys.exc_info()). */
export const excStack: PyExc[] = [];

/** Module system entry points, installed by the interpreter. */
export const importHooks: {
  import: (name: string, g: any) => any;
  importAs: (name: string, g: any) => any;
  importFrom: (mod: string, level: number, names: string[], g: any) => any;
  exec: (src: any, globals: any, locals: any, g: any, mode: 'exec' | 'eval') => any;
  displayhook: (v: any) => void;
} = {
  import: () => null,
  importAs: () => null,
  importFrom: () => null,
  exec: () => null,
  displayhook: () => undefined,
};

/** A dict view of a module namespace whose writes go through to the namespace. */
export class GlobalsDict extends PyDict {
  constructor(public ns: any) {
    super();
    delete (this as any).m;
  }
  override get(k: any): any {
    return typeof k === 'string' ? this.ns[k] : undefined;
  }
  override has(k: any): boolean {
    return typeof k === 'string' && this.ns[k] !== undefined;
  }
  override set(k: any, v: any): void {
    if (typeof k !== 'string') throw mkExc(TypeError_, 'globals() keys must be strings here');
    this.ns[k] = v;
  }
  override delete(k: any): boolean {
    if (typeof k !== 'string' || this.ns[k] === undefined) return false;
    delete this.ns[k];
    return true;
  }
  override get size(): number {
    return Object.keys(this.ns).length;
  }
  override clear(): void {
    for (const k of Object.keys(this.ns)) delete this.ns[k];
  }
}
// Iteration and bulk reads see a snapshot of the namespace.
Object.defineProperty(GlobalsDict.prototype, 'm', {
  get(this: GlobalsDict) {
    const m = new Map<any, [any, any]>();
    for (const k of Object.keys(this.ns)) m.set(k, [k, this.ns[k]]);
    return m;
  },
});

const DSTAR = { dstar: true };
const globalsDicts = new WeakMap<object, GlobalsDict>();

/** Everything compiled code may reference, by name without the `$`. */
export const rt: any = {
  add: O.add, sub: O.sub, mul: O.mul, truediv: O.truediv, floordiv: O.floordiv, mod: O.mod, pow: O.pow,
  lshift: O.lshift, rshift: O.rshift, or: O.or, xor: O.xor, and: O.and, binop: O.binop, inplace: O.inplace,
  iadd(a: any, b: any): any {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a + b;
      if (r <= MAXS && r >= -MAXS) return r;
    }
    if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v + b.v);
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    return O.inplace('+', a, b);
  },
  isub(a: any, b: any): any {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a - b;
      if (r <= MAXS && r >= -MAXS) return r;
    }
    if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v - b.v);
    return O.inplace('-', a, b);
  },
  imul(a: any, b: any): any {
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a * b;
      if (r <= MAXS && r >= -MAXS) return r === 0 ? 0 : r;
    }
    if (a instanceof PyFloat && b instanceof PyFloat) return new PyFloat(a.v * b.v);
    return O.inplace('*', a, b);
  },
  neg: O.neg, pos: O.pos, invert: O.invert, truthy: O.truthy, eq: O.eq, eqObj: O.eqObj, neObj: O.neObj,
  lt: O.lt, le: O.le, gt: O.gt, ge: O.ge, contains: O.contains,
  getattr: O.getattr, setattr: O.setattr, delattr: O.delattr, getattrOpt: O.getattrOpt,
  getitem: O.getitem, setitem: O.setitem, delitem: O.delitem, iter: O.iter, items: O.items, unpack: O.unpack,
  lenOf: O.lenOf, call, call0: C.call0, call1: C.call1, call2: C.call2, call3: C.call3, callN: C.callN,
  cm0: O.cm0, cm1: O.cm1, cm2: O.cm2, cmN: O.cmN,
  bind: (f: any, args: IArguments): any[] => bindArgs(f, Array.from(args), null),
  mkfunc, buildClass,
  super(cls: any, self: any): any {
    if (self === undefined) throw mkExc(C.RuntimeError_, 'super(): no arguments');
    return new PySuper(cls, self);
  },
  PyTuple, PyFloat, PyComplex, PyBytes, PySlice, PyGen, PyCoro, awaitIt, Ellipsis: C.Ellipsis, DSTAR,
  mkdict(kv: any[]): PyDict {
    const d = new PyDict();
    for (let i = 0; i < kv.length; i += 2) {
      const k = kv[i];
      if (typeof k === 'object' && k !== null && !(k instanceof PyFloat)) O.hash(k);
      d.set(k, kv[i + 1]);
    }
    return d;
  },
  mkdictStar(parts: any[][]): PyDict {
    const d = new PyDict();
    for (const [k, v] of parts) {
      if (k === DSTAR) {
        if (v instanceof PyDict) for (const [a, b] of v.m.values()) d.set(a, b);
        else for (const a of O.toArray(O.cm0(v, 'keys'))) d.set(a, O.getitem(v, a));
      } else d.set(k, v);
    }
    return d;
  },
  mkset(a: any[]): PySet {
    const s = new PySet();
    for (const x of a) {
      if (typeof x === 'object' && x !== null && !(x instanceof PyFloat)) O.hash(x);
      s.add(x);
    }
    return s;
  },
  /** sum/any/all/list/... of a generator expression compiled to internal iteration. */
  consume(name: string, it: any, push: (it: any, emit: (v: any) => boolean) => void): any {
    switch (name) {
      case 'sum': {
        let acc: any = 0;
        push(it, (v) => ((acc = O.add(acc, v)), false));
        return acc;
      }
      case 'any': {
        let r = false;
        push(it, (v) => (O.truthy(v) ? (r = true) : false));
        return r;
      }
      case 'all': {
        let r = true;
        push(it, (v) => (O.truthy(v) ? false : ((r = false), true)));
        return r;
      }
    }
    const out: any[] = [];
    push(it, (v) => (out.push(v), false));
    switch (name) {
      case 'list': return out;
      case 'tuple': return new PyTuple(out);
      case 'set': case 'frozenset': {
        const st = new PySet(name === 'frozenset');
        for (const v of out) {
          if (typeof v === 'object' && v !== null && !(v instanceof PyFloat)) O.hash(v);
          st.add(v);
        }
        return st;
      }
    }
    return B[name](out);
  },
  /** s.join(<genexpr>): internal iteration when s is a str, else a real generator for s.join. */
  joinGen(o: any, it: any, push: (it: any, emit: (v: any) => boolean) => void, gen: (it: any) => any): any {
    if (typeof o === 'string') {
      const out: any[] = [];
      push(it, (v) => (out.push(v), false));
      return C.str_.$d.join(o, out);
    }
    return O.cm1(o, 'join', new PyGen(gen(it), '<genexpr>'));
  },
  sortedKeys(d: PyDict): any[] {
    return [...d.keys()].sort();
  },
  annotate(ns: any, name: string, v: any): void {
    let d = ns.__annotations__;
    if (d === undefined) ns.__annotations__ = d = new PyDict();
    O.setitem(d, name, v);
  },
  mksetConst(a: any[]): PySet {
    // the compiler builds a frozenset, then canonicalises it into a second frozenset (iterating
    // the first), and BUILD_SET/SET_UPDATE merges that into the new set
    const f1 = new PySet(true);
    for (const x of a) f1.add(x);
    const f2 = new PySet(true);
    for (const x of f1.order()) f2.add(x);
    const s = new PySet();
    s.merge(f2);
    return s;
  },
  kwmap(parts: [string | null, any][]): Map<string, any> {
    const m = new Map<string, any>();
    for (const [k, v] of parts) {
      if (k !== null) {
        if (m.has(k)) throw mkExc(TypeError_, `got multiple values for keyword argument '${k}'`);
        m.set(k, v);
        continue;
      }
      const d: PyDict = v instanceof PyDict ? v : (() => {
        if (lookup(typeOf(v), 'keys') === undefined) throw mkExc(TypeError_, `argument after ** must be a mapping, not ${tname(v)}`);
        const x = new PyDict();
        for (const a of O.toArray(O.cm0(v, 'keys'))) x.set(a, O.getitem(v, a));
        return x;
      })();
      for (const [a, b] of d.m.values()) {
        if (typeof a !== 'string') throw mkExc(TypeError_, 'keywords must be strings');
        if (m.has(a)) throw mkExc(TypeError_, `got multiple values for keyword argument '${a}'`);
        m.set(a, b);
      }
    }
    return m;
  },
  format, str, repr,
  ascii: (x: any): string => B.ascii(x),
  print1: (args: any[]): any => print(args, null),
  isinstance, typeOf,
  toPyExc: O.toPyExc, excMatch: O.excMatch,
  /** Implicit chaining: an exception escaping an except block gets the handled one as context. */
  chain(x: any, handled: PyExc): any {
    const e = O.toPyExc(x);
    if (e !== handled && e.context === null) {
      // avoid cycles
      let c: any = handled;
      while (c) {
        if (c === e) return e;
        c = c.context;
      }
      e.context = handled;
    }
    return e;
  },
  excPush(e: PyExc): void {
    excStack.push(e);
  },
  excPop(): void {
    excStack.pop();
  },
  raise(x: any, cause?: any): PyExc {
    const e = O.mkRaise(x, cause);
    if (!(e as any).$raised) {
      (e as any).$raised = true;
      Error.captureStackTrace(e, rt.raise);
    }
    if (excStack.length && e.context === null && excStack[excStack.length - 1] !== e) e.context = excStack[excStack.length - 1]!;
    return e;
  },
  reraise(h: PyExc | undefined): PyExc {
    const e = h ?? excStack[excStack.length - 1];
    if (!e) return mkExc(C.RuntimeError_, 'No active exception to reraise');
    return e;
  },
  assertFail(msg: any): PyExc {
    const e = msg === undefined ? mkExc(AssertionError_) : mkExc(AssertionError_, msg);
    return e;
  },
  exitOf(m: any): any {
    const t = typeOf(m);
    const x = lookup(t, '__exit__');
    if (x === undefined || lookup(t, '__enter__') === undefined) {
      throw mkExc(TypeError_, `'${t.name}' object does not support the context manager protocol`);
    }
    return x;
  },
  aexitOf(m: any): any {
    const t = typeOf(m);
    const x = lookup(t, '__aexit__');
    if (x === undefined || lookup(t, '__aenter__') === undefined) {
      throw mkExc(TypeError_, `'${t.name}' object does not support the asynchronous context manager protocol`);
    }
    return x;
  },
  aenter(m: any): any {
    return C.call1(lookup(typeOf(m), '__aenter__'), m);
  },
  aiter(x: any): any {
    const f = lookup(typeOf(x), '__aiter__');
    if (f === undefined) throw mkExc(TypeError_, `'async for' requires an object with __aiter__ method, got ${tname(x)}`);
    return C.call1(f, x);
  },
  /** One step of `async for`: the awaited __anext__() value, or undefined at StopAsyncIteration. */
  *anext(it: any): Generator<any, any, any> {
    const f = lookup(typeOf(it), '__anext__');
    if (f === undefined) throw mkExc(TypeError_, `'async for' received an object from __aiter__ that does not implement __anext__: ${tname(it)}`);
    try {
      return yield* awaitIt(C.call1(f, it));
    } catch (e) {
      if (e instanceof PyExc && isSubtype(e.$c, C.excTypes.StopAsyncIteration!)) return undefined;
      throw e;
    }
  },
  enter(m: any): any {
    return C.call1(lookup(typeOf(m), '__enter__'), m);
  },
  unboundLocal(n: string): never {
    throw mkExc(UnboundLocalError_, `cannot access local variable '${n}' where it is not associated with a value`);
  },
  unboundFree(n: string): never {
    throw mkExc(NameError_, `cannot access free variable '${n}' where it is not associated with a value in enclosing scope`);
  },
  nameError(n: string): never {
    const e = mkExc(NameError_, `name '${n}' is not defined`);
    e.$d.name = n;
    throw e;
  },
  loadBuiltin(b: any, n: string): any {
    const v = b[n];
    if (v !== undefined) return v;
    return rt.nameError(n);
  },
  notSupported(what: string): never {
    throw mkExc(SystemError_, `parathon does not support ${what} yet`);
  },
  rangeLo(x: any): number {
    if (typeof x === 'number') return x;
    const v = O.indexVal(x);
    return typeof v === 'number' ? v : Number(v);
  },
  rangeHi(x: any): number {
    if (typeof x === 'number') return x;
    const v = O.indexVal(x);
    return typeof v === 'number' ? v : Number(v);
  },
  yieldFrom,
  import: (n: string, g: any) => importHooks.import(n, g),
  importAs: (n: string, g: any) => importHooks.importAs(n, g),
  importFrom: (m: string, l: number, names: string[], g: any) => importHooks.importFrom(m, l, names, g),
  importStar(m: any, g: any): void {
    const d = m.$d;
    const all = d.__all__;
    const names: string[] = all !== undefined ? O.toArray(all) : Object.keys(d).filter((k) => !k.startsWith('_'));
    for (const k of names) g[k] = O.getattr(m, k);
  },
  fromGet(m: any, name: string): any {
    const v = O.getattrOpt(m, name);
    if (v !== undefined) return v;
    const mn = m?.$d?.__name__ ?? '?';
    const e = mkExc(C.ImportError_, `cannot import name '${name}' from '${mn}' (${m?.$d?.__file__ ?? 'unknown location'})`);
    e.$d.name = mn;
    throw e;
  },
  globals(g: any): GlobalsDict {
    let d = globalsDicts.get(g);
    if (!d) globalsDicts.set(g, (d = new GlobalsDict(g)));
    return d;
  },
  localsDict(names: string[], vals: any[]): PyDict {
    const d = new PyDict();
    names.forEach((n, i) => {
      if (vals[i] !== undefined) d.set(n, vals[i]);
    });
    return d;
  },
  nsDict,
  exec: (src: any, gl: any, lo: any, g: any) => importHooks.exec(src, gl, lo, g, 'exec'),
  eval: (src: any, gl: any, lo: any, g: any) => importHooks.exec(src, gl, lo, g, 'eval'),
  displayhook: (v: any) => importHooks.displayhook(v),
  isSeq(x: any): boolean {
    if (Array.isArray(x) || x instanceof PyTuple) return true;
    if (typeof x === 'string' || x instanceof PyBytes || x instanceof PyDict) return false;
    const t = typeOf(x);
    return x instanceof C.PyRange || (t.layout === 'object' && lookup(t, '__getitem__') !== undefined && lookup(t, '__len__') !== undefined && lookup(t, 'keys') === undefined);
  },
  isMapping(x: any): boolean {
    return x instanceof PyDict || (typeOf(x).layout === 'object' && lookup(typeOf(x), 'keys') !== undefined);
  },
  mapGet(m: any, k: any): any {
    if (m instanceof PyDict) return m.get(k);
    try {
      return O.getitem(m, k);
    } catch {
      return undefined;
    }
  },
  mapRest(m: any, keys: any[]): PyDict {
    const d = new PyDict();
    for (const [k, v] of (m as PyDict).m.values()) if (!keys.some((x) => O.eq(x, k))) d.set(k, v);
    return d;
  },
  attrGetter: O.attrGetter, attrSetter: O.attrSetter, methodCaller: O.methodCaller,
  closeTemp(it: any): void {
    if (it instanceof PyGen && !it.done && it.started) it.close();
  },
  matchPos(v: any, cls: PyType, i: number, n: number): any {
    const ma = O.getattrOpt(cls, '__match_args__');
    if (ma === undefined) {
      const self = [C.int_, C.float_, C.str_, C.bool_, C.list_, C.tuple_, C.dict_, C.set_, C.frozenset_, C.bytes_, C.bytearray_].some((t) => isSubtype(cls, t));
      if (self && i === 0 && n === 1) return v;
      throw mkExc(TypeError_, `${cls.name}() accepts 0 positional sub-patterns (${n} given)`);
    }
    const names = O.toArray(ma);
    if (n > names.length) throw mkExc(TypeError_, `${cls.name}() accepts ${names.length} positional sub-patterns (${n} given)`);
    return O.getattrOpt(v, names[i]);
  },
};
void NS;
void AttributeError_;
void object_;
void PySet;
void PyComplex;
void str;
void repr;
