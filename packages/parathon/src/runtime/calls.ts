// Calling anything: compiled functions (argument binding with defaults, *args, **kwargs, keyword-only
// and positional-only parameters), bound methods, types (instance creation), builtins.
/* eslint-disable @typescript-eslint/no-explicit-any */
import {
  PyType, PyObject, PyTuple, PyMethod, PyExc, PyClassMethod, PyStaticMethod, NS, hooks, typeOf, lookup, mkExc,
  TypeError_, type_, object_, function_, tname, isSubtype, BaseException_, bumpEpoch, PyFloat, int_, float_, str_,
} from './core.js';
import { PyDict, PySet } from './dict.js';
import { objSetattr, noteClassAttr } from './ops.js';

/** Keyword arguments in a call: names and values in call order. */
export type Kw = Map<string, any> | null;

/** Signature metadata of a compiled Python function (`fn.$sig`). */
export interface Sig {
  name: string;
  qualname: string;
  params: string[];
  posonly: number;
  kwonly: string[];
  vararg: string | null;
  kwarg: string | null;
  /** 0 = plain positional; otherwise the function takes the full bound argument list. */
  simple: boolean;
  module: string;
}

/** Make a Python function object out of compiled JS. */
export function mkfunc(fn: any, sig: Sig, defaults: any[], kwdefaults: any, gen = false): any {
  fn.$c = function_;
  fn.$sig = sig;
  fn.$dv = defaults;
  fn.$kwd = kwdefaults;
  fn.$s = sig.simple;
  fn.$d = new NS();
  fn.$gen = gen;
  return fn;
}

function qn(f: any): string {
  return f.$sig?.qualname ?? f.name;
}

/** Bind positional and keyword arguments to a function's full parameter list. */
export function bindArgs(f: any, args: any[], kw: Kw): any[] {
  const sig: Sig = f.$sig;
  const np = sig.params.length;
  const out = new Array(np + sig.kwonly.length + (sig.vararg ? 1 : 0) + (sig.kwarg ? 1 : 0));
  let extra: any[] | null = null;
  if (args.length > np) {
    if (!sig.vararg) {
      const nd = f.$dv.length;
      const given = args.length;
      const want = nd ? `from ${np - nd} to ${np}` : `${np}`;
      throw mkExc(TypeError_, `${qn(f)}() takes ${want} positional argument${np === 1 && !nd ? '' : 's'} but ${given} ${given === 1 ? 'was' : 'were'} given`);
    }
    extra = args.slice(np);
  }
  const n = Math.min(args.length, np);
  for (let i = 0; i < n; i++) out[i] = args[i];
  let kwd: PyDict | null = sig.kwarg ? new PyDict() : null;
  if (kw) {
    for (const [k, v] of kw) {
      let i = sig.params.indexOf(k);
      if (i >= 0 && i < sig.posonly) {
        if (kwd) {
          kwd.set(k, v);
          continue;
        }
        throw mkExc(TypeError_, `${qn(f)}() got some positional-only arguments passed as keyword arguments: '${k}'`);
      }
      if (i < 0) {
        const j = sig.kwonly.indexOf(k);
        if (j >= 0) i = np + j;
      }
      if (i < 0) {
        if (kwd) {
          kwd.set(k, v);
          continue;
        }
        throw mkExc(TypeError_, `${qn(f)}() got an unexpected keyword argument '${k}'`);
      }
      if (out[i] !== undefined) throw mkExc(TypeError_, `${qn(f)}() got multiple values for argument '${k}'`);
      out[i] = v;
    }
  }
  const dv: any[] = f.$dv;
  const firstDefault = np - dv.length;
  const missing: string[] = [];
  for (let i = 0; i < np; i++) {
    if (out[i] === undefined) {
      if (i >= firstDefault) out[i] = dv[i - firstDefault];
      else missing.push(sig.params[i]!);
    }
  }
  if (missing.length) throw missingErr(f, missing, 'positional');
  const kmiss: string[] = [];
  for (let j = 0; j < sig.kwonly.length; j++) {
    if (out[np + j] === undefined) {
      const d = f.$kwd?.[sig.kwonly[j]!];
      if (d !== undefined) out[np + j] = d;
      else kmiss.push(sig.kwonly[j]!);
    }
  }
  if (kmiss.length) throw missingErr(f, kmiss, 'keyword-only');
  let p = np + sig.kwonly.length;
  if (sig.vararg) out[p++] = new PyTuple(extra ?? []);
  if (sig.kwarg) out[p] = kwd;
  return out;
}
function missingErr(f: any, names: string[], kind: string): PyExc {
  const q = names.map((n) => `'${n}'`);
  const list = q.length === 1 ? q[0] : q.length === 2 ? `${q[0]} and ${q[1]}` : q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
  return mkExc(TypeError_, `${qn(f)}() missing ${names.length} required ${kind} argument${names.length > 1 ? 's' : ''}: ${list}`);
}

/** Too few / too many positional arguments in a direct call of a simple function. */
export function argcountErr(f: any, got: number): never {
  const args = new Array(got).fill(0);
  bindArgs(f, args, null);
  throw mkExc(TypeError_, `${qn(f)}() argument error`);
}

/** The general call: any callable, positional args, keyword args. */
export function call(f: any, args: any[], kw: Kw): any {
  if (typeof f === 'function') {
    if (f.$sig !== undefined) {
      if (f.$sig.simple && (kw === null || kw.size === 0)) {
        if (args.length > f.$sig.params.length) bindArgs(f, args, null);
        if (args.length < f.$sig.params.length) return f(...bindArgs(f, args, null));
        return f(...args);
      }
      return f(...bindArgs(f, args, kw));
    }
    if (kw !== null && kw.size !== 0) {
      if (f.$kw) return f.$kw(args, kw);
      throw mkExc(TypeError_, `${f.$name ?? f.name}() takes no keyword arguments`);
    }
    if (f.$kw) return f.$kw(args, null);
    return f(...args);
  }
  if (f instanceof PyMethod) return call(f.fn, [f.self, ...args], kw);
  if (f instanceof PyType) {
    if (args.length === 1 && (kw === null || kw.size === 0)) {
      // int(x) / float(x) / str(x) of builtin values: skip the __new__/__init__ machinery
      const x = args[0];
      if (f === int_ && typeof x === 'number') return x;
      if (f === float_ && x instanceof PyFloat) return x;
      if (f === str_ && typeof x === 'string') return x;
    }
    return callType(f, args, kw);
  }
  if (f instanceof PyClassMethod || f instanceof PyStaticMethod) {
    if (f instanceof PyStaticMethod) return call(f.fn, args, kw);
  }
  const c = lookup(typeOf(f), '__call__');
  if (c !== undefined) return call(c, [f, ...args], kw);
  throw mkExc(TypeError_, `'${tname(f)}' object is not callable`);
}
hooks.call = call;

/** Calling a type: type(x), or __new__ then __init__. */
function callType(t: PyType, args: any[], kw: Kw): any {
  const meta = t.$c;
  if (meta !== type_) {
    const mc = lookup(meta, '__call__');
    if (mc !== undefined && mc !== type_.$d.__call__) return call(mc, [t, ...args], kw);
  }
  if (t === type_) {
    if (args.length === 1 && (kw === null || kw.size === 0)) return typeOf(args[0]);
    if (args.length === 3) return newClass(type_, args[0], args[1].a, args[2], kw);
    throw mkExc(TypeError_, 'type() takes 1 or 3 arguments');
  }
  return construct(t, args, kw);
}
/** type.__call__(t, *args, **kw). */
export function construct(t: PyType, args: any[], kw: Kw): any {
  const nw = lookup(t, '__new__');
  let obj: any;
  const init = lookup(t, '__init__');
  if (nw === object_.$d.__new__) {
    if ((args.length || (kw && kw.size)) && init === object_.$d.__init__) {
      throw mkExc(TypeError_, `${t.name}() takes no arguments`);
    }
    checkAbstract(t);
    obj = allocate(t);
  } else {
    const f = nw instanceof PyStaticMethod ? nw.fn : nw;
    obj = call(f, [t, ...args], kw);
    if (!isSubtype(typeOf(obj), t)) return obj;
  }
  if (init !== undefined && init !== object_.$d.__init__) {
    const r = call(init, [obj, ...args], kw);
    if (r !== null) throw mkExc(TypeError_, `__init__() should return None, not '${tname(r)}'`);
  }
  return obj;
}
/** object.__new__ refuses classes that still have abstract methods (abc). */
export function checkAbstract(t: PyType): void {
  const am = lookup(t, '__abstractmethods__');
  if (am === undefined || am === null || !(am instanceof PySet) || am.size === 0) return;
  const names = [...am.values()].map(String).sort();
  throw mkExc(TypeError_, `Can't instantiate abstract class ${t.name} with abstract method${names.length > 1 ? 's' : ''} ${names.join(', ')}`);
}
/** A fresh, uninitialised instance of t with the right JS representation. */
export function allocate(t: PyType): any {
  switch (t.layout) {
    case 'object': {
      const o = new PyObject(t);
      return o;
    }
    case 'exc':
      return new PyExc(t, []);
    case 'list': {
      const a: any = [];
      a.$c = t;
      a.$d = new NS();
      return a;
    }
    case 'dict': {
      const d = new PyDict();
      d.$c = t;
      d.$d = new NS();
      return d;
    }
    case 'set':
    case 'frozenset': {
      const s = new PySet(t.layout === 'frozenset');
      s.$c = t;
      s.$d = new NS();
      return s;
    }
    case 'tuple': {
      const x: any = new PyTuple([]);
      x.$c = t;
      x.$d = new NS();
      return x;
    }
    case 'int': {
      const o: any = new PyObject(t);
      o.$iv = 0;
      return o;
    }
    case 'float': {
      const o: any = new PyObject(t);
      o.$fv = 0;
      return o;
    }
    case 'str': {
      const o: any = new PyObject(t);
      o.$sv = '';
      return o;
    }
    case 'type':
      return new PyType(t, '?', [object_], null);
  }
  throw mkExc(TypeError_, `cannot create '${t.name}' instances`);
}

/** Create a class: the `class` statement and type(name, bases, ns). */
export function newClass(meta: PyType, name: string, bases: any[], ns: PyDict | any, kw: Kw): PyType {
  for (const b of bases) if (!(b instanceof PyType)) throw mkExc(TypeError_, 'bases must be types');
  const bs: PyType[] = bases.length ? bases : [object_];
  for (const b of bs) {
    if ((b as any).$final) throw mkExc(TypeError_, `type '${b.name}' is not an acceptable base type`);
  }
  const d = new NS();
  if (ns instanceof PyDict) {
    for (const [k, v] of ns.m.values()) d[k] = v;
  } else Object.assign(d, ns);
  const t = new PyType(meta, name, bs, d);
  (t as any).$user = true;
  if (typeof d.__qualname__ === 'string') t.qualname = d.__qualname__;
  delete d.__qualname__;
  if (typeof d.__module__ === 'string') t.module = d.__module__;
  for (const k of ['__init_subclass__', '__class_getitem__']) {
    if (typeof d[k] === 'function') d[k] = new PyClassMethod(d[k]);
  }
  if (typeof d.__new__ === 'function') d.__new__ = new PyStaticMethod(d.__new__);
  if (d.__eq__ !== undefined && d.__hash__ === undefined) d.__hash__ = null;
  if (d.__slots__ !== undefined) {
    const sl = d.__slots__;
    const names: string[] = typeof sl === 'string' ? [sl] : Array.isArray(sl) ? sl : sl instanceof PyTuple ? sl.a : [...(sl as any)];
    const inherited: string[] = [];
    let hasDict = names.includes('__dict__');
    for (const b of bs) {
      if (b.slots) inherited.push(...b.slots);
      else if (b !== object_ && b.layout === 'object') hasDict = true;
    }
    t.slots = [...inherited, ...names];
    (t as any).$hasDict = hasDict;
  } else if (bs.some((b) => b.slots !== null && !(b as any).$hasDict) && bs.every((b) => b.slots !== null || b === object_)) {
    t.slots = null;
  }
  bumpEpoch();
  for (const k of Object.keys(d)) noteClassAttr(k, d[k]);
  if (lookup(t, '__getattribute__') !== object_.$d.__getattribute__) (t as any).$userGA = true;
  // __set_name__ on descriptors
  for (const k of Object.keys(d)) {
    const v = d[k];
    if (v instanceof PyObject) {
      const sn = lookup(v.$c, '__set_name__');
      if (sn !== undefined) call(sn, [v, t, k], null);
    }
  }
  // __init_subclass__ of the parent
  const parent = t.mro[1];
  if (parent) {
    const is = lookup(parent, '__init_subclass__');
    if (is instanceof PyClassMethod) call(is.fn, [t], kw);
  }
  return t;
}
/** The `class` statement: find the metaclass, run the body, build the type. */
export function buildClass(body: (ns: any) => void, name: string, bases: any[], kw: Kw, qualname: string, module: string): any {
  let meta: any = type_;
  let kwds: Kw = kw;
  if (kw && kw.has('metaclass')) {
    meta = kw.get('metaclass');
    kwds = new Map(kw);
    kwds.delete('metaclass');
  }
  for (const b of bases) {
    if (b instanceof PyType && isSubtype(b.$c, meta)) meta = b.$c;
  }
  const ns = new NS();
  ns.__module__ = module;
  ns.__qualname__ = qualname;
  body(ns);
  if (meta === type_) return newClass(type_, name, bases, ns, kwds);
  const d = new PyDict();
  for (const k of Object.keys(ns)) d.set(k, ns[k]);
  return call(meta, [name, new PyTuple(bases), d], kwds);
}

/** super() for a method of class `cls` with first argument `self`. */
export class PySuper {
  $c: PyType;
  constructor(public cls: PyType, public self: any) {
    this.$c = superType!;
  }
}
let superType: PyType | null = null;
/** Register the `super` type (set once by the builtins module). */
export function setSuperType(t: PyType): void {
  superType = t;
}
/** Attribute lookup through super(). */
export function superGetattr(s: PySuper, name: string): any {
  const self = s.self;
  const start = self instanceof PyType && isSubtype(self, s.cls) ? self : typeOf(self);
  const mro = start.mro;
  let i = mro.indexOf(s.cls);
  for (i = i + 1; i < mro.length; i++) {
    const v = mro[i]!.$d[name];
    if (v === undefined) continue;
    if (typeof v === 'function') return v.$nobind ? v : new PyMethod(v, self);
    if (v instanceof PyClassMethod) return new PyMethod(v.fn, self instanceof PyType ? self : typeOf(self));
    if (v instanceof PyStaticMethod) return v.fn;
    if (v instanceof PyObject) {
      const g = lookup(v.$c, '__get__');
      if (g !== undefined) return call(g, [v, self, start], null);
    }
    if (v !== null && typeof v === 'object' && 'fget' in v) return call(v.fget, [self], null);
    return v;
  }
  throw mkExc(excTypeAttr(), `'super' object has no attribute '${name}'`);
}
let attrErrT: PyType | null = null;
function excTypeAttr(): PyType {
  return attrErrT!;
}
/** Register AttributeError for super() lookups (set once by the builtins module). */
export function setAttrErr(t: PyType): void {
  attrErrT = t;
}
void objSetattr;
void BaseException_;
void PyFloat;
