// A C library as a Python module: its DWARF (libpmirror) is the interface. Functions, global
// variables, enumerators, #define constants and types become attributes, resolved on first use.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
export { findLibrary } from './find.js';
import koffi from 'koffi';
import { DebugInfo, type Func, type Type } from 'libpmirror';
import { builtin, isBytes, isFloat, pyErr, pyTypeName, R } from './bridge.js';
import { cinfo, cname, type CInfo } from './ctypes.js';
import {
  CPtr, CRef, arrayOf, handleFor, pointerCompatible, blockAt, foreignBlock, newObject, pointerTo, pointerValue, readValue, sizeOf,
  toCBool, toCFloat, toCInt, writeValue,
} from './cdata.js';
import { callbackAddress, takePendingError } from './callbacks.js';
import { dwarfpython_stdio_flush } from './native.js';

// -- Debug information when the library ships none: compiled from its installed headers --

let scratch: string | null = null;

/** A private scratch directory (0700, unpredictable name), removed at exit. */
function scratchDir(): string {
  if (!scratch) {
    scratch = mkdtempSync(join(tmpdir(), 'dwarfpython-'));
    const dir = scratch;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return scratch;
}

/** Headers of the -dev package that owns the library's `lib<name>.so` link (dpkg's file lists). */
function packageHeaders(path: string): string[] {
  const dev = join(dirname(realpathSync(path)), basename(path).replace(/\.so(\..*)?$/, '.so'));
  const cands = [dev, join('/usr/lib/x86_64-linux-gnu', basename(dev))];
  for (const c of cands) {
    const r = spawnSync('dpkg', ['-S', c], { encoding: 'utf8' });
    const pkg = r.status === 0 ? r.stdout.split(':')[0] : undefined;
    if (!pkg) continue;
    const l = spawnSync('dpkg', ['-L', pkg], { encoding: 'utf8' });
    const hs = (l.stdout ?? '').split('\n').filter((f) => /^\/usr\/include\/.*\.h$/.test(f));
    if (hs.length) return hs;
  }
  return [];
}

/**
 * DWARF for a library without debug information: compile its installed headers with gcc -g3,
 * taking the address of every function the library exports that the headers declare, so the
 * compiler records each prototype (and every #define). The library itself is still what is called.
 */
function headerDwarf(path: string): string | undefined {
  const headers = packageHeaders(path);
  if (!headers.length) return undefined;
  const nm = spawnSync('nm', ['-D', '--defined-only', path], { encoding: 'utf8' });
  let names = (nm.stdout ?? '').split('\n').map((l) => l.trim().replace(/@.*$/, '').split(/\s+/)).filter((f) => f[1] === 'T' && /^[A-Za-z_]\w*$/.test(f[2] ?? '')).map((f) => f[2]!);
  const dir = scratchDir();
  const src = join(dir, basename(path) + '-decls.c');
  const out = join(dir, basename(path) + '-decls.so');
  for (let attempt = 0; attempt < 2; attempt++) {
    const text = headers.map((h) => `#include "${h}"\n`).join('') +
      `void *dwarfpython_refs[] = {\n${names.map((n) => `  (void *)&${n},\n`).join('')}  0 };\n`;
    writeFileSync(src, text, { mode: 0o600 });
    const r = spawnSync('gcc', ['-g3', '-shared', '-fPIC', '-w', '-o', out, src], { encoding: 'utf8' });
    if (r.status === 0) return out;
    const bad = new Set([...(r.stderr ?? '').matchAll(/‘(\w+)’ undeclared|'(\w+)' undeclared/g)].map((m) => m[1] ?? m[2]));
    if (!bad.size) return undefined;
    names = names.filter((n) => !bad.has(n));
  }
  return undefined;
}

/**
 * The prototype of one function from the library's installed headers, for functions whose DWARF
 * has none (glibc's memcpy is written in assembly: its DWARF says `void memcpy(void)`). The header
 * that declares it is found by a text search of the -dev package's headers (top-level ones first),
 * compiled alone with gcc -g, and the declaration's DWARF is read back.
 */
function headerPrototype(path: string, name: string): Func | undefined {
  const headers = packageHeaders(path);
  const decl = new RegExp(`\\b${name}\\s*\\(`);
  const ranked = [...headers].sort((a, b) => a.split('/').length - b.split('/').length);
  const dir = scratchDir();
  for (const h of ranked.slice(0, 400)) {
    let text: string;
    try {
      text = readFileSync(h, 'utf8');
    } catch {
      continue;
    }
    if (!decl.test(text)) continue;
    const src = join(dir, `${name}-proto.c`);
    const out = join(dir, `${name}-proto.so`);
    writeFileSync(src, `#define _GNU_SOURCE\n#include "${h}"\nvoid *dwarfpython_ref = (void *)&${name};\n`, { mode: 0o600 });
    const r = spawnSync('gcc', ['-g', '-shared', '-fPIC', '-w', '-o', out, src], { encoding: 'utf8' });
    if (r.status !== 0) continue;
    try {
      const f = DebugInfo.open(out).func(name);
      if (f && (f.params.length > 0 || f.returnType.kind !== 'void')) return f;
    } catch {
      /* try the next header */
    }
  }
  return undefined;
}

/** A DWARF description without a prototype: an assembly unit's `void f(void)` under another name. */
function lacksPrototype(f: Func): boolean {
  const k = f.returnType.kind;
  return f.params.length === 0 && (k === 'void' || k === 'unspecified') && f.dwarfName !== f.name && !f.dwarfName.endsWith('_ifunc');
}

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
  return (v) => {
    if (v === null) return null;
    if (v instanceof CPtr || v instanceof CRef) {
      if (!pointerCompatible(c, v)) throw pyErr('TypeError', `${what} must be '${cname(c.type)}', not '${cname(v.info.type)}'`);
      return v.addr;
    }
    if (typeof v === 'string' && (c.charTarget || voidTarget)) return cString(v);
    if (isBytes(v) && (c.charTarget || voidTarget)) {
      // bytes are immutable: C gets a NUL-terminated copy; a bytearray is passed in place.
      if (v.$c === R().bytearray_) return v.b;
      const b = Buffer.alloc(v.b.length + 1);
      b.set(v.b);
      return b;
    }
    if (fnTarget && (typeof v === 'function' || v?.$c?.$d?.__call__ !== undefined)) return callbackAddress(v, fnTarget);
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
  switch (c.shape) {
    case 'void':
      return () => null;
    case 'int':
      return (v) => (typeof v === 'bigint' ? (v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v) : v);
    case 'float':
      return (v) => new (R().PyFloat)(v);
    case 'bool':
      return (v) => !!v;
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
    if (v.$c === R().bytearray_) return ['void *', v.b];
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
function makeFunction(kl: any, f: Func): any {
  const name = f.name;
  const sig = signatureOf(f);
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
      if (fn === null) fn = kl.func(name, retK, paramK);
      flushBefore();
      const r = fn(...args);
      takePendingError();
      return rconv(r);
    };
    // Fixed arities get a straight-line path (no rest array) for the common small cases.
    if (n === 0) return builtin(name, (...a: any[]) => (a.length === 0 ? (flushBefore(), rconv((fn ??= kl.func(name, retK, paramK))())) : call(...a)));
    if (n === 2) {
      const c0 = convs[0]!, c1 = convs[1]!;
      return builtin(name, (...a: any[]) => {
        if (a.length !== 2) throw argsErr(a.length);
        const x = c0(a[0]), y = c1(a[1]);
        if (fn === null) fn = kl.func(name, retK, paramK);
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
      pf = kl.func(name, retK, types);
      protos.set(key, pf);
    }
    flushBefore();
    const r = pf(...vals);
    takePendingError();
    return rconv(r);
  });
}

// -- Constants from #define --

/** A macro body as a Python value: integer, float and string literals, and aliases of names. */
function macroValue(body: string, resolve: (n: string) => any, depth = 0): any {
  let s = body.trim();
  while (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1).trim();
  const int = /^([-+]?)\s*(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[uUlL]*$/.exec(s);
  if (int) {
    const digits = int[2]!;
    const v = digits.length > 1 && digits[0] === '0' && !/[xX]/.test(digits) ? BigInt('0o' + digits.slice(1)) : BigInt(digits);
    const x = int[1] === '-' ? -v : v;
    return x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x;
  }
  if (/^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?[fFlL]?$/.test(s) && /[.eE]/.test(s)) return new (R().PyFloat)(parseFloat(s));
  const str = /^"((?:[^"\\]|\\.)*)"$/.exec(s);
  if (str) return JSON.parse(`"${str[1]!.replace(/\\([0-7]{1,3})/g, (_, o) => `\\u${parseInt(o, 8).toString(16).padStart(4, '0')}`)}"`);
  if (/^[A-Za-z_]\w*$/.test(s) && depth < 8) return resolve(s);
  return undefined;
}

// -- The library --

/** A loaded C library with its debug information. */
export class NativeLibrary {
  /** The library's path. */
  readonly path: string;
  /** Where its DWARF came from (the library, its separate debug file, or its compiled headers). */
  readonly dwarfSource: 'library' | 'headers';
  readonly debug: DebugInfo;
  private readonly kl: any;
  private handle: bigint | null = null;

  constructor(path: string) {
    this.path = path;
    this.kl = koffi.load(path);
    let debug: DebugInfo | undefined;
    let source: 'library' | 'headers' = 'library';
    let why = '';
    try {
      debug = DebugInfo.open(path); // throws when the library has no DWARF and no debug file
    } catch (e: any) {
      why = e?.message ?? String(e);
    }
    if (!debug) {
      const synth = headerDwarf(path);
      if (!synth) throw new Error(`${path}: no DWARF (${why || 'no units'}) and no installed headers to compile it from`);
      debug = DebugInfo.open(synth);
      source = 'headers';
    }
    this.debug = debug;
    this.dwarfSource = source;
  }

  /** The process address of an exported data symbol (dlsym), or undefined. */
  private dataAddress(name: string): bigint | undefined {
    const dl = dlfuncs();
    if (this.handle === null) this.handle = BigInt(dl.dlopen(this.path, 2 | 4 /* RTLD_NOW | RTLD_NOLOAD */) ?? 0n);
    const p = dl.dlsym(this.handle, name);
    return p ? BigInt(p) : undefined;
  }

  /** A function, as a Python callable; undefined when DWARF has no such callable function. */
  func(name: string): any {
    let f = this.debug.func(name);
    if (!f || f.declaration && this.dwarfSource === 'library') return undefined;
    if (this.dwarfSource === 'library' && !f.callable) return undefined;
    if (this.dwarfSource === 'library' && lacksPrototype(f)) f = headerPrototype(this.path, name) ?? f;
    return makeFunction(this.kl, f);
  }

  private nameList: string[] | null = null;

  /** Names of every callable function and global variable (for dir() and `import *`). */
  names(): string[] {
    if (!this.nameList) {
      const fns = this.debug.functionEntries().filter((e) => (e.callable || this.dwarfSource === 'headers') && /^[A-Za-z_]\w*$/.test(e.name)).map((e) => e.name);
      const vars = this.debug.variableNames().filter((n) => /^[A-Za-z_]\w*$/.test(n));
      this.nameList = [...new Set([...fns, ...vars])].sort();
    }
    return this.nameList;
  }

  /** Resolve an attribute name: function, global variable, enumerator, #define, or type. */
  resolve(name: string): { value?: any; variable?: { addr: bigint; type: Type } } | undefined {
    const fn = this.func(name);
    if (fn) return { value: fn };
    const v = this.debug.variable(name);
    if (v && !v.declaration) {
      if (v.constValue !== undefined) return { value: v.constValue };
      const addr = this.dataAddress(name);
      if (addr !== undefined) return { variable: { addr, type: v.type } };
    }
    const e = this.debug.enumerator(name);
    if (e) return { value: typeof e.value === 'bigint' && e.value >= -9007199254740991n && e.value <= 9007199254740991n ? Number(e.value) : e.value };
    const m = this.debug.macro(name);
    if (m && m.params === undefined) {
      const val = macroValue(m.body, (n) => {
        const r = this.resolve(n);
        return r?.value;
      });
      if (val !== undefined) return { value: val };
    }
    const t = this.typeByAttr(name);
    if (t) return { value: new CTypeObj(t) };
    return undefined;
  }

  /** `struct_tm` -> struct tm, `union_x`, `enum_x`, else a typedef or base type (`size_t`, `int`). */
  typeByAttr(name: string): Type | undefined {
    const m = /^(struct|union|enum)_(.+)$/.exec(name);
    if (m) return this.debug.type(`${m[1]} ${m[2]}`);
    const spaced = name.replace(/_/g, ' ');
    return this.debug.type(name) ?? (spaced !== name && /^(unsigned|signed|long|short|char|int|double|float| )+$/.test(spaced) ? this.debug.type(spaced) : undefined);
  }

  /** A type by its C spelling: 'struct tm', 'int', 'uLong', or any of those followed by '*'s. */
  typeByName(spelling: string): Type | undefined {
    const m = /^(.*?)\s*(\**)$/.exec(spelling.trim())!;
    let t = this.debug.type(m[1]!);
    if (!t) return undefined;
    for (let i = 0; i < m[2]!.length; i++) t = pointerTo(t);
    return t;
  }

  /** Read a global variable's current value. */
  readVariable(addr: bigint, type: Type): any {
    const size = sizeOf(type);
    const b = foreignBlock(Number(addr), size, () => 'variable');
    return readValue(b, Number(addr) - b.base, cinfo(type));
  }

  /** Assign a global variable. */
  writeVariable(addr: bigint, type: Type, v: any, name: string): void {
    const size = sizeOf(type);
    const b = foreignBlock(Number(addr), size, () => name);
    writeValue(b, Number(addr) - b.base, cinfo(type), v, name);
  }
}

let dl: { dlopen: any; dlsym: any } | null = null;
function dlfuncs(): { dlopen: any; dlsym: any } {
  if (!dl) {
    const libc = koffi.load('libc.so.6');
    dl = { dlopen: libc.func('void *dlopen(const char *file, int mode)'), dlsym: libc.func('void *dlsym(void *handle, const char *name)') };
  }
  return dl;
}

// -- C types as Python objects (constructors) --

/** A C type as a Python object: call it to allocate, `.array(n)`, `.pointer`, `.size`, `.name`. */
export class CTypeObj {
  declare $c: any;
  constructor(readonly type: Type) {
    this.$c = ctypeType();
  }
}

let ctypePy: any = null;
function ctypeType(): any {
  if (ctypePy) return ctypePy;
  const r = R();
  const d = new r.NS();
  d.__call__ = builtin('__call__', (self: CTypeObj, init?: any) => newObject(self.type, init));
  d.__repr__ = builtin('__repr__', (self: CTypeObj) => `<C type '${cname(self.type)}'>`);
  ctypePy = new r.PyType(r.type_, 'ctype', [r.object_], d, 'object');
  ctypePy.module = 'dwarfpython';
  ctypePy.$gattr = (o: any, name: string) => {
    if (!(o instanceof CTypeObj)) return undefined;
    switch (name) {
      case 'size': return sizeOf(o.type);
      case 'name': return cname(o.type);
      case 'pointer': return new CTypeObj(pointerTo(o.type));
      case 'array':
        return builtin('array', (n: any) => {
          if (Array.isArray(n)) return newObject(arrayOf(o.type, n.length), n);
          // bytes for a character type: a NUL-terminated C string that lives as long as the object.
          if (isBytes(n) && sizeOf(o.type) === 1) return newObject(arrayOf(o.type, n.b.length + 1), n);
          if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw pyErr('TypeError', 'array() takes a length or a list');
          return newObject(arrayOf(o.type, n));
        });
    }
    return undefined;
  };
  return ctypePy;
}

/** Flush C stdio after C code ran, before Python writes (called from the stream hook). */
export function flushC(): void {
  if (pyStreams.cDirty) {
    pyStreams.cDirty = false;
    dwarfpython_stdio_flush();
  }
}

/** What is at this address? The C type recorded for it, or undefined (libmemtable lookup). */
export function whatIs(x: any): string | undefined {
  let addr: bigint;
  if (x instanceof CRef) return cname(x.info.type);
  if (x instanceof CPtr) {
    if (x.info.target?.strip().kind !== 'void') return cname(x.info.type);
    addr = x.addr;
  } else if (typeof x === 'number' || typeof x === 'bigint') addr = BigInt(x);
  else throw pyErr('TypeError', `typeof() expects a C object, pointer or address, not ${pyTypeName(x)}`);
  const b = blockAt(addr);
  if (!b?.type) return undefined;
  const off = Number(addr - b.addr);
  const c = cinfo(b.type);
  if (off === 0) return cname(b.type);
  if (c.shape === 'array' && c.target) return `${cname(c.target)} (element ${Math.floor(off / sizeOf(c.target))} of ${cname(b.type)})`;
  return `${cname(b.type)} + ${off}`;
}

