// Calls into C: Python values to C arguments by the DWARF parameter types, C results to Python
// values, structs by value as koffi struct types built from DWARF, variadic prototypes per call.
/* eslint-disable @typescript-eslint/no-explicit-any */
import koffi from 'koffi';
import type { Func, Type } from 'libpmirror';
import { builtin, builtins, bytearray_, isBytes, isFloat, pyCall, pyErr, pyTypeName } from './bridge.js';
import { cinfo, cname, type CInfo } from './ctypes.js';
import { CPtr, CRef, arrayOf, fnPointerHook, handleFor, newObject, pointerCompatible, pointerValue, scalarFromC, toCBool, toCFloat, toCInt } from './cdata.js';
import { callbackAddress, takePendingError } from './callbacks.js';

// -- Structs by value: a koffi struct type built from the DWARF members --

const koffiStructs = new WeakMap<Type, any>();

/** The koffi type of a member or element type, or undefined when koffi cannot express it. */
function koffiMemberType(t: Type): any {
  const c = cinfo(t);
  switch (c.shape) {
    case 'int':
    case 'float':
    case 'bool':
      return c.koffi;
    case 'pointer':
      return 'void *';
    case 'struct':
      return koffiStruct(c.bare);
    case 'array': {
      const e = c.target ? koffiMemberType(c.target) : undefined;
      return e !== undefined && c.count !== undefined ? koffi.array(e, c.count, 'Array') : undefined;
    }
  }
  return undefined;
}

/**
 * A koffi struct (or union) type with the DWARF layout, for passing and returning by value;
 * undefined for bit fields, anonymous members or a layout koffi would compute differently.
 */
function koffiStruct(t: Type): any {
  if (koffiStructs.has(t)) return koffiStructs.get(t);
  let kt: any;
  const members: Record<string, any> = {};
  let ok = t.members.length > 0;
  for (const m of t.members) {
    const mt = m.bitSize === undefined && m.name !== undefined ? koffiMemberType(m.type) : undefined;
    if (mt === undefined) ok = false;
    else members[m.name!] = mt;
  }
  if (ok) {
    kt = t.kind === 'union' ? koffi.union(members) : koffi.struct(members);
    const size = t.byteSize ?? 0;
    if (koffi.sizeof(kt) !== size || t.members.some((m) => m.name !== undefined && koffi.offsetof(kt, m.name) !== m.offset)) kt = undefined;
  }
  koffiStructs.set(t, kt);
  return kt;
}

// -- Calls: Python values to C arguments, C results to Python values --

type Conv = (v: any) => any;

/** Python streams flushed before a C call (so output appears in program order). */
export const pyStreams: { out: any[]; cDirty: boolean } = { out: [], cDirty: false };

function flushBefore(): void {
  const s = pyStreams.out;
  for (let i = 0; i < s.length; i++) if (s[i].buf) s[i].flush();
  pyStreams.cDirty = true;
}

/** An argument converter for a parameter of type c (position i of function fname). */
function argConv(c: CInfo, fname: string, i: number): Conv {
  const what = `${fname}() argument ${i + 1}`;
  switch (c.shape) {
    case 'int': {
      const lo = Number(c.min), hi = Number(c.max);
      const big = c.size === 8;
      return (v) => {
        if (typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi) return v;
        const x = toCInt(v, c, what);
        return big ? x : Number(x);
      };
    }
    case 'float':
      return (v) => (isFloat(v) ? v.v : toCFloat(v, what));
    case 'bool':
      return (v) => toCBool(v, what);
    case 'pointer':
      return pointerArg(c, what);
    case 'struct': {
      const kt = koffiStruct(c.bare);
      if (kt === undefined) break;
      // The object's bytes, decoded once into the value koffi passes (structs are passed rarely).
      return (v) => {
        if (!(v instanceof CRef) || cname(v.info.bare) !== cname(c.bare)) {
          throw pyErr('TypeError', `${what} must be a '${cname(c.type)}' object, not ${v instanceof CRef ? `'${cname(v.info.type)}'` : pyTypeName(v)}`);
        }
        return koffi.decode(v.addr, kt);
      };
    }
  }
  return () => {
    throw pyErr('TypeError', `${what}: passing '${cname(c.type)}' ${c.shape === 'struct' ? 'by value ' : ''}is not supported`);
  };
}

/** NUL-terminated UTF-8 copy of a str, for a `char *` parameter. */
function cString(s: string): Buffer {
  return Buffer.from(s + '\0', 'utf8');
}

function pointerArg(c: CInfo, what: string): Conv {
  const fnTarget = c.target?.strip().kind === 'function' ? c.target.strip() : undefined;
  const voidTarget = c.target?.strip().kind === 'void';
  const ts = c.target ? cinfo(c.target).shape : undefined;
  const elemTarget = ts === 'int' || ts === 'float' || ts === 'bool' || ts === 'pointer' || ts === 'struct' ? c.target : undefined;
  // One-entry cache: the last C type found compatible (a call site usually passes one type).
  let okInfo: CInfo | undefined;
  return (v) => {
    if (v === null) return null;
    if (v instanceof CPtr || v instanceof CRef) {
      if (v.info === okInfo) return v.addr;
      if (!pointerCompatible(c, v)) throw pyErr('TypeError', `${what} must be '${cname(c.type)}', not '${cname(v.info.type)}'`);
      okInfo = v.info;
      return v.addr;
    }
    if (typeof v === 'string' && (c.charTarget || voidTarget)) return cString(v);
    if (isBytes(v) && (c.charTarget || voidTarget)) {
      // bytes are immutable: C gets a NUL-terminated copy; a bytearray is passed in place.
      if (v.$c === bytearray_) return v.b;
      const b = Buffer.alloc(v.b.length + 1);
      b.set(v.b);
      return b;
    }
    if (fnTarget && (typeof v === 'function' || pyCall(builtins.callable, [v]) === true)) return callbackAddress(v, fnTarget);
    if (Array.isArray(v) && elemTarget) {
      // A list becomes a temporary C array for the call (as cffi does): C's writes are not copied
      // back. The block stays alive until the call returns (finalizers never run mid-call).
      return newObject(arrayOf(elemTarget, v.length), v).addr;
    }
    if ((typeof v === 'number' || typeof v === 'bigint') && voidTarget) return BigInt(v);
    // Any other Python object where C takes `void *` (user data): a typed handle that maps back.
    if (voidTarget && v !== undefined && typeof v === 'object' || voidTarget && typeof v === 'function') return handleFor(v, c.type);
    throw pyErr('TypeError', `${what} must be ${c.charTarget ? 'str, bytes, ' : elemTarget ? 'a list, ' : ''}a C pointer or None (for '${cname(c.type)}'), not ${pyTypeName(v)}`);
  };
}

/** The result converter for a return type. */
function retConv(c: CInfo): Conv {
  const scalar = scalarFromC(c);
  if (scalar) return scalar;
  switch (c.shape) {
    case 'void':
      return () => null;
    case 'pointer':
      return (v) => (v === null ? null : pointerValue(BigInt(v), c));
    case 'struct': {
      // A struct result becomes an object dwarfpython owns (typed allocation), filled by koffi.
      const kt = koffiStruct(c.bare);
      return (v) => {
        const r = newObject(c.type);
        koffi.encode(r.addr, kt, v);
        return r;
      };
    }
  }
  return () => null;
}

/** The koffi type and converter for a variadic argument, from its Python type (C's promotions). */
function varArg(v: any, what: string): [string, any] {
  if (typeof v === 'boolean') return ['int32', v ? 1 : 0];
  if (typeof v === 'number' && Number.isInteger(v)) return v >= -2147483648 && v <= 2147483647 ? ['int32', v] : ['int64', v];
  if (typeof v === 'bigint') {
    if (v < -(1n << 63n) || v >= 1n << 64n) throw pyErr('OverflowError', `${what}: int ${v} out of range for a C long`);
    return [v < 0n ? 'int64' : 'uint64', v];
  }
  if (isFloat(v)) return ['double', v.v];
  if (typeof v === 'string') return ['void *', cString(v)];
  if (isBytes(v)) {
    if (v.$c === bytearray_) return ['void *', v.b];
    const b = Buffer.alloc(v.b.length + 1);
    b.set(v.b);
    return ['void *', b];
  }
  if (v === null) return ['void *', null];
  if (v instanceof CPtr || v instanceof CRef) return ['void *', v.addr];
  throw pyErr('TypeError', `${what}: cannot pass ${pyTypeName(v)} as a variadic C argument`);
}

/**
 * The signature callers see. glibc's IFUNC symbols (strlen, time, ...) are described by their
 * resolver, `strlen_ifunc`, a function of no arguments returning a pointer to the real function
 * type: the real signature is that pointer's target.
 */
function signatureOf(f: Func): { params: { type: Type }[]; returnType: Type; variadic: boolean } {
  const r = f.returnType.strip();
  const fnType = r.kind === 'pointer' ? r.target?.strip() : undefined;
  if (f.dwarfName.endsWith('_ifunc') && f.params.length === 0 && fnType?.kind === 'function') {
    return { params: fnType.params, returnType: fnType.target ?? f.returnType, variadic: fnType.variadic };
  }
  return f;
}

/** Build the Python callable for a C function. Declared with koffi on first call, then cached. */
export function makeFunction(kl: any, f: Func): any {
  return makeCallable(f.name, signatureOf(f), (retK, paramK) => kl.func(f.name, retK, paramK));
}

let protoCount = 0;

/**
 * A Python callable for a C function pointer (a struct field, a result, a `dlsym` address cast to
 * a function pointer type): decoded by koffi once per prototype, then called like any function.
 */
export function makePointerCallable(addr: bigint, fnType: Type, label: string): any {
  const sig = { params: fnType.params, returnType: fnType.target ?? voidOf(fnType), variadic: fnType.variadic };
  return makeCallable(label, sig, (retK, paramK) => koffi.decode(addr, koffi.proto(`dwarfpython_fp${++protoCount}`, retK, paramK)));
}

fnPointerHook.make = makePointerCallable;

function voidOf(t: Type): Type {
  return (Object.getPrototypeOf(t).constructor as { void: Type }).void;
}

/** The callable for a signature; `declare` makes the koffi function for return and parameter types. */
function makeCallable(name: string, sig: { params: { type: Type }[]; returnType: Type; variadic: boolean }, declare: (retK: any, paramK: any[]) => any): any {
  const params = sig.params.map((p) => cinfo(p.type));
  const convs = params.map((c, i) => argConv(c, name, i));
  const ret = cinfo(sig.returnType);
  const rconv = retConv(ret);
  const n = params.length;
  const retStruct = ret.shape === 'struct' ? koffiStruct(ret.bare) : undefined;
  const retK = ret.shape === 'void' ? 'void' : retStruct ?? (ret.koffi || 'void');
  if ((ret.shape === 'struct' && retStruct === undefined) || ret.shape === 'unsupported') {
    return builtin(name, () => {
      throw pyErr('TypeError', ret.shape === 'struct'
        ? `${name}() returns '${cname(sig.returnType)}' by value, which dwarfpython cannot receive yet`
        : `${name}() returns '${cname(sig.returnType)}', which dwarfpython cannot convert`);
    });
  }
  const paramK = params.map((c) => (c.shape === 'struct' ? koffiStruct(c.bare) ?? 'void *' : c.koffi || 'void *'));
  let fn: any = null;
  const argsErr = (got: number): any =>
    pyErr('TypeError', `${name}() takes ${sig.variadic ? 'at least' : 'exactly'} ${n} argument${n === 1 ? '' : 's'} (${got} given)`);
  if (!sig.variadic) {
    const call = (...args: any[]): any => {
      if (args.length !== n) throw argsErr(args.length);
      for (let i = 0; i < n; i++) args[i] = convs[i]!(args[i]);
      if (fn === null) fn = declare(retK, paramK);
      flushBefore();
      const r = fn(...args);
      takePendingError();
      return rconv(r);
    };
    // Fixed arities get a straight-line path (no rest array) for the common small cases.
    if (n === 0) return builtin(name, (...a: any[]) => (a.length === 0 ? (flushBefore(), rconv((fn ??= declare(retK, paramK))())) : call(...a)));
    if (n === 1) {
      const c0 = convs[0]!;
      return builtin(name, (...a: any[]) => {
        if (a.length !== 1) throw argsErr(a.length);
        const x = c0(a[0]);
        if (fn === null) fn = declare(retK, paramK);
        flushBefore();
        const r = fn(x);
        takePendingError();
        return rconv(r);
      });
    }
    if (n === 3) {
      const c0 = convs[0]!, c1 = convs[1]!, c2 = convs[2]!;
      return builtin(name, (...a: any[]) => {
        if (a.length !== 3) throw argsErr(a.length);
        const x = c0(a[0]), y = c1(a[1]), z = c2(a[2]);
        if (fn === null) fn = declare(retK, paramK);
        flushBefore();
        const r = fn(x, y, z);
        takePendingError();
        return rconv(r);
      });
    }
    if (n === 2) {
      const c0 = convs[0]!, c1 = convs[1]!;
      return builtin(name, (...a: any[]) => {
        if (a.length !== 2) throw argsErr(a.length);
        const x = c0(a[0]), y = c1(a[1]);
        if (fn === null) fn = declare(retK, paramK);
        flushBefore();
        const r = fn(x, y);
        takePendingError();
        return rconv(r);
      });
    }
    return builtin(name, call);
  }
  // Variadic: one koffi prototype per tuple of promoted argument types, cached.
  const protos = new Map<string, any>();
  return builtin(name, (...args: any[]) => {
    if (args.length < n) throw argsErr(args.length);
    const types = paramK.slice();
    const vals: any[] = new Array(args.length);
    for (let i = 0; i < n; i++) vals[i] = convs[i]!(args[i]);
    for (let i = n; i < args.length; i++) {
      const [t, v] = varArg(args[i], `${name}() argument ${i + 1}`);
      types.push(t);
      vals[i] = v;
    }
    const key = types.join(',');
    let pf = protos.get(key);
    if (!pf) {
      pf = declare(retK, types);
      protos.set(key, pf);
    }
    flushBefore();
    const r = pf(...vals);
    takePendingError();
    return rconv(r);
  });
}
