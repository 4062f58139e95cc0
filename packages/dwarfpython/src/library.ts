// A C library as a Python module: its DWARF (libpmirror) is the interface. Functions, global
// variables, enumerators, #define constants and types become attributes, resolved on first use.
/* eslint-disable @typescript-eslint/no-explicit-any */
import koffi from 'koffi';
import { basename } from 'node:path';
import { DebugInfo, Mirror, type Type } from 'libpmirror';
import { builtin, isBytes, NS, object_, pyErr, PyFloat, PyType, pyTypeName, type_ } from './bridge.js';
import { cinfo, cname } from './ctypes.js';
import { CPtr, CRef, arrayOf, blockAt, foreignBlock, newObject, pointerTo, readValue, sizeOf, writeValue } from './cdata.js';
import { makeFunction, pyStreams } from './calls.js';
import { headerDwarf, headerPrototype, lacksPrototype, packageHeaders } from './headers.js';
import { dwarfpython_stdio_flush } from './native.js';
export { findLibrary } from './find.js';
export { pyStreams } from './calls.js';

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
  if (/^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?[fFlL]?$/.test(s) && /[.eE]/.test(s)) return new PyFloat(parseFloat(s));
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
      // -g3 object-like macros from the library's own headers (those that evaluate appear in dir()).
      let macros: string[] = [];
      try {
        // Only the library's own: its sources, or the headers its -dev package installs.
        const own = new Set(packageHeaders(this.path));
        macros = this.debug.macros().filter((m) => m.params === undefined && !m.name.startsWith('_') && m.file !== undefined &&
          (!m.file.startsWith('/usr/include/') || own.has(m.file))).map((m) => m.name);
      } catch {
        /* no macro information */
      }
      this.nameList = [...new Set([...fns, ...vars, ...macros])].sort();
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
  const d = new NS();
  d.__call__ = builtin('__call__', (self: CTypeObj, init?: any) => newObject(self.type, init));
  d.__repr__ = builtin('__repr__', (self: CTypeObj) => `<C type '${cname(self.type)}'>`);
  ctypePy = new PyType(type_, 'ctype', [object_], d, 'object');
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
  // Heap memory: libmemtable's record (dwarfpython's own typed allocations carry their type).
  const b = blockAt(addr);
  if (b?.type) return describeAt(b.type, Number(addr - b.addr));
  if (b) return undefined;
  // Static storage of a loaded object: libpmirror's process mirror names the variable.
  const q = processMirror().query(addr);
  if (q?.variable === undefined) return undefined;
  let v;
  try {
    v = DebugInfo.open(q.path).variable(q.variable);
  } catch {
    return undefined;
  }
  if (!v) return undefined;
  return `${describeAt(v.type, q.variableOffset ?? 0)} (${basename(q.path)}!${q.variable})`;
}

/** "int (element 2 of int [4])", "struct point + 4", or the type itself at offset 0. */
function describeAt(t: Type, off: number): string {
  if (off === 0) return cname(t);
  const c = cinfo(t);
  if (c.shape === 'array' && c.target && sizeOf(c.target)) return `${cname(c.target)} (element ${Math.floor(off / sizeOf(c.target))} of ${cname(t)})`;
  return `${cname(t)} + ${off}`;
}

let mirror: Mirror | null = null;
/** The process mirror, refreshed so libraries loaded since are seen. */
function processMirror(): Mirror {
  if (!mirror) mirror = new Mirror();
  else mirror.refresh();
  return mirror;
}
