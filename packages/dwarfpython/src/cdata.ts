// C objects as Python objects: an address plus a DWARF type. Fields are read and written through a
// DataView over the object's own native memory (koffi.view), never by marshalling whole structs.
// Objects dwarfpython allocates come from libmemtable's typed allocator, so any pointer into them,
// even a `void *` handed back by C, maps back to its DWARF type.
/* eslint-disable @typescript-eslint/no-explicit-any */
import koffi from 'koffi';
import { Memtable } from 'libmemtable';
import type { Type } from 'libpmirror';
import { builtin, builtins, isBytes, isFloat, makeType, PyBytes, pyCall, pyErr, PyFloat, pyTypeName } from './bridge.js';
import { cinfo, cname, type CInfo } from './ctypes.js';
import { dwarfpython_probe } from './native.js';

// -- Native memory --

/** One block of memory with a view over it; `owned` blocks are freed when no object uses them. */
export class Block {
  /** The base address as a JS number (user-space addresses are below 2^47): cheap arithmetic. */
  readonly base: number;
  /** For typed blocks: the element a `void *` into it reads as (set on first use). */
  elem: { type: Type; c: CInfo; size: number } | undefined = undefined;
  constructor(
    readonly addr: bigint,
    readonly size: number,
    readonly view: DataView,
    /** The type recorded for it (for blocks dwarfpython allocated). */
    readonly type: Type | undefined,
  ) {
    this.base = Number(addr);
  }
}

const memtable = new Memtable();
/** Types recorded with libmemtable: the opaque type word is an index into this table (+1). */
const typeTable: Type[] = [];
const typeIds = new Map<Type, bigint>();
/** Blocks dwarfpython allocated, by base address (the JS side of the same facts libmemtable holds). */
const owned = new Map<bigint, WeakRef<Block>>();
let lastBlock: Block | undefined;
// Registered on the Block itself: every object over the memory (fields, elements, pointers
// dereferenced into it) holds the Block, so the memory lives exactly as long as any of them.
const freer = new FinalizationRegistry<bigint>((addr) => {
  owned.delete(addr);
  if (lastBlock?.addr === addr) lastBlock = undefined;
  memtable.free(addr);
});

/** The libmemtable type word for a DWARF type. */
function typeId(t: Type): bigint {
  let id = typeIds.get(t);
  if (id === undefined) {
    typeTable.push(t);
    id = BigInt(typeTable.length);
    typeIds.set(t, id);
  }
  return id;
}

/** Allocate a zeroed object of type `t` (size bytes) with libmemtable's typed allocator. */
export function allocate(t: Type, size: number): Block {
  const n = Math.max(size, 1);
  const addr = memtable.allocTyped(n, typeId(t));
  const view = new DataView(koffi.view(addr, n) as ArrayBuffer);
  new Uint8Array(view.buffer).fill(0);
  const b = new Block(addr, n, view, t);
  owned.set(addr, new WeakRef(b));
  freer.register(b, addr);
  return b;
}

/** The allocation containing `addr` (libmemtable), as a block with its DWARF type when known. */
export function blockAt(addr: bigint | number): Block | undefined {
  const lb = lastBlock;
  const n = Number(addr);
  if (lb !== undefined && n >= lb.base && n < lb.base + lb.size) return lb;
  const info = memtable.lookup(addr);
  if (!info) return undefined;
  let b = owned.get(info.base)?.deref();
  if (!b) {
    const t = info.type > 0n && info.type <= BigInt(typeTable.length) ? typeTable[Number(info.type) - 1] : undefined;
    b = new Block(info.base, info.size, new DataView(koffi.view(info.base, info.size) as ArrayBuffer), t);
  }
  lastBlock = b;
  return b;
}

/** A view over `len` bytes at a pointer C gave us: NULL and unreadable ranges raise, never fault. */
export function foreignBlock(addr: number, len: number, what: () => string): Block {
  if (addr === 0) throw pyErr('ValueError', `NULL pointer access (${what()})`);
  const known = blockAt(addr);
  if (known) {
    const off = addr - known.base;
    if (off + len > known.size) throw pyErr('IndexError', `${what()}: ${len} bytes at offset ${off} overrun the ${known.size}-byte allocation at 0x${known.addr.toString(16)}`);
    return known;
  }
  if (dwarfpython_probe(addr, Math.max(len, 1)) !== 0) throw pyErr('ValueError', `${what()}: address 0x${addr.toString(16)} is not readable`);
  return new Block(BigInt(addr), len, new DataView(koffi.view(BigInt(addr), Math.max(len, 1)) as ArrayBuffer), undefined);
}

/** How a function pointer becomes callable (set by calls.ts, which depends on this module). */
export const fnPointerHook: {
  make: (addr: bigint, fnType: Type, label: string) => any;
  entry: (f: any, fnType: Type) => bigint;
} = {
  make: () => {
    throw new Error('dwarfpython: calls not initialised');
  },
  entry: () => {
    throw new Error('dwarfpython: callbacks not initialised');
  },
};

// -- Python-visible objects --

/** A C object in memory (struct, union, array, or a boxed scalar): an lvalue. */
export class CRef {
  declare $c: any;
  /** Its address (what C gets when the object is passed where a pointer is expected). */
  readonly addr: bigint;
  constructor(
    /** The memory holding it (keeps an owned block alive). */
    readonly block: Block,
    /** Byte offset of the object inside the block. */
    readonly off: number,
    readonly info: CInfo,
  ) {
    this.$c = info.pyObj ?? (info.pyObj = pyTypeFor(info.type, false));
    this.addr = off === 0 ? block.addr : block.addr + BigInt(off);
  }
}

/** A C pointer value (not NULL: NULL is None). */
export class CPtr {
  declare $c: any;
  /** The address as a JS number, for arithmetic. */
  readonly n: number;
  /** For function pointers: the Python callable over it (made on first call). */
  callable: any = undefined;
  /** The pointee's block and offset, once element 0 has been reached (the probe is done once). */
  first: { b: Block; off: number; c: CInfo } | undefined = undefined;
  constructor(readonly addr: bigint, readonly info: CInfo) {
    this.$c = info.pyPtr ?? (info.pyPtr = pyTypeFor(info.type, true));
    this.n = Number(addr);
  }
}

/** Byte size of a type, arrays included. */
export function sizeOf(t: Type): number {
  const c = cinfo(t);
  if (c.size) return c.size;
  if (c.shape === 'array' && c.count !== undefined && c.target) return c.count * sizeOf(c.target);
  return 0;
}

// -- Reading and writing scalars through views --

function normInt(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** Read a value of type `c` at `off` in block `b`, as a Python value. */
export function readValue(b: Block, off: number, c: CInfo): any {
  const dv = b.view;
  switch (c.shape) {
    case 'int':
      switch (c.size) {
        case 1: return c.signed ? dv.getInt8(off) : dv.getUint8(off);
        case 2: return c.signed ? dv.getInt16(off, true) : dv.getUint16(off, true);
        case 4: return c.signed ? dv.getInt32(off, true) : dv.getUint32(off, true);
        default: return normInt(c.signed ? dv.getBigInt64(off, true) : dv.getBigUint64(off, true));
      }
    case 'float':
      return new PyFloat(c.size === 4 ? dv.getFloat32(off, true) : dv.getFloat64(off, true));
    case 'bool':
      return dv.getUint8(off) !== 0;
    case 'pointer':
      return pointerValue(dv.getBigUint64(off, true), c);
    case 'struct':
    case 'array':
      return new CRef(b, off, c);
  }
  throw pyErr('TypeError', `cannot read a value of C type '${cname(c.type)}'`);
}

/** A pointer as Python sees it: None for NULL, str for `char *`, else a CPtr. */
export function pointerValue(p: bigint, c: CInfo): any {
  if (p === 0n) return null;
  if (c.stringTarget) return readCString(p);
  if (handleType !== undefined && c.target?.strip().kind === 'void') {
    const b = blockAt(p);
    if (b !== undefined && b.type === handleType) return handleObject(b);
  }
  return new CPtr(p, c);
}

// -- Python objects through `void *` (user data) --

/** The DWARF-style type of a handle block: `struct python_object { unsigned long id; }`. */
let handleType: Type | undefined;
const handles = new WeakMap<object, CRef>();
const handleTargets = new Map<bigint, WeakRef<object>>();

/**
 * The address C gets for a Python object passed as `void *` (callback user data): an 8-byte block
 * typed `struct python_object` in libmemtable, mapped back to the object when C hands it to a
 * Python callback. The caller keeps the object alive while C holds the pointer (as with ctypes).
 */
export function handleFor(obj: object, like: Type): bigint {
  let r = handles.get(obj);
  if (!r) {
    if (!handleType) {
      const u = Object.create(Object.getPrototypeOf(like)) as Type;
      Object.assign(u, { kind: 'base', name: 'unsigned long', die: -1, byteSize: 8, encoding: 'unsigned', target: undefined,
        members: [], enumerators: [], dims: [], params: [], variadic: false, prototyped: false, declaration: false, vector: false });
      const t = Object.create(Object.getPrototypeOf(like)) as Type;
      Object.assign(t, { kind: 'struct', name: 'python_object', die: -1, byteSize: 8, encoding: undefined, target: undefined,
        members: [{ name: 'id', type: u, offset: 0 }], enumerators: [], dims: [], params: [], variadic: false, prototyped: false,
        declaration: false, vector: false });
      handleType = t;
    }
    r = newObject(handleType);
    handles.set(obj, r);
    handleTargets.set(r.addr, new WeakRef(obj));
    r.block.view.setBigUint64(0, BigInt(handleTargets.size), true);
  }
  return r.addr;
}

function handleObject(b: Block): any {
  const o = handleTargets.get(b.addr)?.deref();
  if (o === undefined) throw pyErr('ValueError', `the Python object behind 0x${b.addr.toString(16)} no longer exists`);
  return o;
}

/**
 * Python value of koffi's value of a scalar C type (int: a JS number when it fits, else bigint;
 * float: a Python float; bool), as a converter; undefined for other shapes.
 */
export function scalarFromC(c: CInfo): ((v: any) => any) | undefined {
  switch (c.shape) {
    case 'int':
      return (v) => (typeof v === 'bigint' ? (v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v) : v);
    case 'float':
      return (v) => new PyFloat(v);
    case 'bool':
      return (v) => !!v;
  }
  return undefined;
}

/** Read a NUL-terminated string at `p` (UTF-8, invalid bytes replaced). */
export function readCString(p: bigint): string {
  return koffi.decode(p, 'char', -1) as string;
}

/** Write the Python value `v` as type `c` at `off` in block `b`. */
export function writeValue(b: Block, off: number, c: CInfo, v: any, what: string): void {
  const dv = b.view;
  switch (c.shape) {
    case 'int': {
      const x = toCInt(v, c, what);
      switch (c.size) {
        case 1: dv.setUint8(off, Number(BigInt.asUintN(8, x))); return;
        case 2: dv.setUint16(off, Number(BigInt.asUintN(16, x)), true); return;
        case 4: dv.setUint32(off, Number(BigInt.asUintN(32, x)), true); return;
        default: dv.setBigUint64(off, BigInt.asUintN(64, x), true); return;
      }
    }
    case 'float': {
      const x = toCFloat(v, what);
      if (c.size === 4) dv.setFloat32(off, x, true);
      else dv.setFloat64(off, x, true);
      return;
    }
    case 'bool':
      dv.setUint8(off, toCBool(v, what) ? 1 : 0);
      return;
    case 'pointer':
      dv.setBigUint64(off, toCAddress(v, c, what), true);
      return;
    case 'struct':
    case 'array':
      if (v instanceof CRef && sizeOf(v.info.type) === sizeOf(c.type)) {
        new Uint8Array(dv.buffer, dv.byteOffset + off, sizeOf(c.type)).set(new Uint8Array(v.block.view.buffer, v.block.view.byteOffset + v.off, sizeOf(c.type)));
        return;
      }
      if (c.shape === 'array' && isBytes(v) && c.target && sizeOf(c.target) === 1) {
        const src: Uint8Array = v.b;
        const n = sizeOf(c.type);
        if (src.length > n) throw pyErr('ValueError', `${what}: ${src.length} bytes do not fit in '${cname(c.type)}'`);
        const dst = new Uint8Array(dv.buffer, dv.byteOffset + off, n);
        dst.fill(0);
        dst.set(src);
        return;
      }
  }
  throw pyErr('TypeError', `${what}: cannot assign ${pyTypeName(v)} to C type '${cname(c.type)}'`);
}

// -- Python values to C (shared by field writes and call arguments) --

/** Whether an integer type is a C character type (char, signed char, unsigned char). */
function isCharType(c: CInfo): boolean {
  return c.bare.kind === 'base' && (c.bare.encoding === 'signed char' || c.bare.encoding === 'unsigned char');
}

/**
 * A Python int (or bool; for character types also a 1-byte bytes or an ASCII 1-character str, as
 * ctypes' c_char takes) as a C integer of type c: TypeError otherwise, OverflowError out of range.
 */
export function toCInt(v: any, c: CInfo, what: string): bigint {
  let x: bigint;
  if (typeof v === 'number' && Number.isInteger(v)) x = BigInt(v);
  else if (typeof v === 'bigint') x = v;
  else if (typeof v === 'boolean') x = v ? 1n : 0n;
  else if (c.size === 1 && isCharType(c) && isBytes(v) && v.b.length === 1) x = c.signed ? BigInt((v.b[0] << 24) >> 24) : BigInt(v.b[0]);
  else if (c.size === 1 && isCharType(c) && typeof v === 'string' && v.length === 1 && v.charCodeAt(0) < 128) x = BigInt(v.charCodeAt(0));
  else throw pyErr('TypeError', `${what} must be int${c.size === 1 && isCharType(c) ? ' or a single character' : ''}, not ${pyTypeName(v)}`);
  if (x < c.min || x > c.max) throw pyErr('OverflowError', `${what}: int ${x} out of range for C type '${cname(c.type)}'`);
  return x;
}

/** A Python float or int as a C double. */
export function toCFloat(v: any, what: string): number {
  if (isFloat(v)) return v.v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw pyErr('TypeError', `${what} must be float, not ${pyTypeName(v)}`);
}

/** A Python truth value for a C _Bool (ints and bools only, as ctypes' c_bool takes). */
export function toCBool(v: any, what: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return v != 0;
  throw pyErr('TypeError', `${what} must be bool, not ${pyTypeName(v)}`);
}

/** The C spelling of a type without qualifiers, for compatibility checks ("const char *" ~ "char *"). */
function plain(t: Type): string {
  return t.strip().toString().replace(/\b(const|volatile|restrict|_Atomic) /g, '');
}

const compat = new WeakMap<CInfo, Map<CInfo, boolean>>();

/**
 * Whether a C value may be passed for pointer type `to`: a pointer (or an object, by address, or an
 * array, decayed) whose pointee is the same type; `void *` and character pointers take any.
 */
export function pointerCompatible(to: CInfo, v: CRef | CPtr): boolean {
  if (!to.target || to.charTarget || to.target.strip().kind === 'void') return true;
  const from = v.info;
  let m = compat.get(to);
  if (!m) compat.set(to, (m = new Map()));
  let ok = m.get(from);
  if (ok === undefined) {
    const want = plain(to.target);
    let pointee: Type | undefined;
    if (v instanceof CPtr) pointee = from.target;
    else pointee = from.shape === 'array' ? from.target : from.type;
    ok = pointee === undefined || pointee.strip().kind === 'void' || plain(pointee) === want ||
      (v instanceof CRef && plain(from.type) === want);
    m.set(from, ok);
  }
  return ok;
}

/** An address for a pointer of type c: None, a C pointer, a C object (its address). */
export function toCAddress(v: any, c: CInfo, what: string): bigint {
  if (v === null) return 0n;
  if (v instanceof CPtr || v instanceof CRef) {
    if (!pointerCompatible(c, v)) throw pyErr('TypeError', `${what} must be '${cname(c.type)}', not '${cname(v.info.type)}'`);
    return v.addr;
  }
  if ((typeof v === 'number' || typeof v === 'bigint') && c.target?.strip().kind === 'void') return BigInt(v);
  const fnType = c.target?.strip();
  if (fnType?.kind === 'function' && (typeof v === 'function' || pyCall(builtins.callable, [v]) === true)) return fnPointerHook.entry(v, fnType);
  throw pyErr('TypeError', `${what} must be a C pointer or object (for '${cname(c.type)}'), not ${pyTypeName(v)}`);
}

// -- Python types of C objects --

const pyTypes = new Map<string, any>();
const refTypeMemo = new WeakMap<Type, any>();
const ptrTypeMemo = new WeakMap<Type, any>();
let refBase: any = null;
let ptrBase: any = null;

/** The Python type for objects (or pointers) of C type t, named as C spells it. */
function pyTypeFor(t: Type, pointer: boolean): any {
  const memo = pointer ? ptrTypeMemo : refTypeMemo;
  const have = memo.get(t);
  if (have) return have;
  const name = cname(t);
  const key = (pointer ? 'p:' : 'o:') + name;
  let pt = pyTypes.get(key);
  if (!pt) {
    initBases();
    pt = makeType(name, pointer ? ptrBase : refBase, {});
    // The attribute hook on the type itself: parathon finds it at the first step of the MRO walk.
    pt.$gattr = (pointer ? ptrBase : refBase).$gattr;
    pyTypes.set(key, pt);
  }
  memo.set(t, pt);
  return pt;
}

/** A struct member by name (anonymous struct/union members searched through), with its offset. */
function member(t: Type, name: string): { type: Type; offset: number; bitSize?: number; bitOffset?: number } | undefined {
  for (const m of t.members) {
    if (m.name === name) return m;
    if (m.name === undefined) {
      const inner = member(m.type.strip(), name);
      if (inner) return { ...inner, offset: m.offset + inner.offset, bitOffset: inner.bitOffset !== undefined ? inner.bitOffset + m.offset * 8 : undefined };
    }
  }
  return undefined;
}

function readBits(b: Block, off: number, bitOffset: number, bitSize: number, c: CInfo): number | bigint {
  const first = off * 8 + bitOffset;
  let v = 0n;
  const lo = Math.floor(first / 8), hi = Math.floor((first + bitSize - 1) / 8);
  for (let i = hi; i >= lo; i--) v = (v << 8n) | BigInt(b.view.getUint8(i));
  v = (v >> BigInt(first - lo * 8)) & ((1n << BigInt(bitSize)) - 1n);
  if (c.signed && (v >> BigInt(bitSize - 1)) & 1n) v -= 1n << BigInt(bitSize);
  return normInt(v);
}

function writeBits(b: Block, off: number, bitOffset: number, bitSize: number, x: bigint): void {
  const first = off * 8 + bitOffset;
  for (let i = 0; i < bitSize; i++) {
    const bit = first + i;
    const byte = b.view.getUint8(bit >> 3);
    const set = (x >> BigInt(i)) & 1n;
    b.view.setUint8(bit >> 3, set ? byte | (1 << (bit & 7)) : byte & ~(1 << (bit & 7)));
  }
}

/** A member resolved once per struct type: offset, classified type, bit position. */
interface Field {
  offset: number;
  c: CInfo;
  bitSize: number | undefined;
  bitOffset: number;
  /** A direct reader for plain scalar fields. */
  read: ((dv: DataView, off: number) => any) | undefined;
}
/** Field `name` of the struct whose classified type is c (cached on c), or null. */
function field(c: CInfo, name: string): Field | null {
  const m = c.fields ?? (c.fields = new Map());
  let f = m.get(name);
  if (f === undefined) {
    const mm = member(c.bare, name);
    f = mm ? { offset: mm.offset, c: cinfo(mm.type), bitSize: mm.bitSize, bitOffset: mm.bitOffset ?? 0, read: undefined } : null;
    if (f && f.bitSize === undefined) f.read = scalarReader(f.c);
    m.set(name, f);
  }
  return f;
}

/** A direct DataView reader for the common scalar shapes (one closure per field, no dispatch). */
function scalarReader(c: CInfo): ((dv: DataView, off: number) => any) | undefined {
  if (c.shape === 'int' && c.size === 4) return c.signed ? (dv, off) => dv.getInt32(off, true) : (dv, off) => dv.getUint32(off, true);
  if (c.shape === 'int' && c.size === 2) return c.signed ? (dv, off) => dv.getInt16(off, true) : (dv, off) => dv.getUint16(off, true);
  if (c.shape === 'int' && c.size === 1) return c.signed ? (dv, off) => dv.getInt8(off) : (dv, off) => dv.getUint8(off);
  if (c.shape === 'float' && c.size === 8) return (dv, off) => new PyFloat(dv.getFloat64(off, true));
  return undefined;
}

/** Read field `name` of the struct/union object (off in b); undefined when there is no such field. */
function getField(b: Block, off: number, c: CInfo, name: string): any {
  const f = field(c, name);
  if (f === null) return undefined;
  if (f.read !== undefined) return f.read(b.view, off + f.offset);
  if (f.bitSize !== undefined) return readBits(b, off, f.bitOffset, f.bitSize, f.c);
  return readValue(b, off + f.offset, f.c);
}

function setField(b: Block, off: number, t: Type, name: string, v: any): void {
  const m = member(t, name);
  if (!m) throw pyErr('AttributeError', `'${cname(t)}' has no field '${name}'`);
  const c = cinfo(m.type);
  const what = `field '${name}'`;
  if (m.bitSize !== undefined) {
    const x = toCInt(v, c, what);
    const lim = c.signed ? 1n << BigInt(m.bitSize - 1) : 1n << BigInt(m.bitSize);
    if (c.signed ? x < -lim || x >= lim : x < 0n || x >= lim) throw pyErr('OverflowError', `${what}: int ${x} out of range for a ${m.bitSize}-bit field`);
    writeBits(b, off, m.bitOffset ?? 0, m.bitSize, BigInt.asUintN(m.bitSize, x));
    return;
  }
  writeValue(b, off + m.offset, c, v, what);
}

/** The block and offset an element `i` of pointer p lives at, bounds-checked where bounds are known. */
function pointee(p: CPtr, i: number): { b: Block; off: number; c: CInfo } {
  if (i === 0 && p.first !== undefined) return p.first;
  let target = p.info.target!;
  let c = p.info.tinfo ?? (p.info.tinfo = cinfo(target));
  if (c.shape === 'void') {
    // void *: ask libmemtable what the pointer points into, as the talk's "what is this pointer?".
    const known = blockAt(p.n);
    const t = known?.type;
    if (!t) throw pyErr('TypeError', `cannot dereference 'void *' 0x${p.addr.toString(16)}: no type is known for that memory`);
    let e = known.elem;
    if (e === undefined) {
      const tc = cinfo(t);
      const et = tc.shape === 'array' && tc.target ? tc.target : t;
      e = known.elem = { type: et, c: cinfo(et), size: sizeOf(et) };
    }
    const addr = p.n + i * e.size;
    if (addr < known.base || addr + e.size > known.base + known.size) throw pyErr('IndexError', `void *[${i}]: outside the ${known.size}-byte allocation it points into`);
    const r = { b: known, off: addr - known.base, c: e.c };
    if (i === 0) p.first = r;
    return r;
  }
  const size = sizeOf(target);
  if (!size) throw pyErr('TypeError', `cannot dereference a pointer to '${cname(target)}' (size unknown)`);
  const addr = p.n + i * size;
  // Bounds come from the allocation the pointer itself points into, when libmemtable knows it.
  const home = blockAt(p.n);
  let b: Block;
  if (home !== undefined) {
    if (addr < home.base || addr + size > home.base + home.size) {
      throw pyErr('IndexError', `${cname(p.info.type)}[${i}]: outside the ${home.size}-byte allocation at 0x${home.addr.toString(16)} it points into`);
    }
    b = home;
  } else b = foreignBlock(addr, size, () => `${cname(p.info.type)}[${i}]`);
  const r = { b, off: addr - b.base, c };
  if (i === 0) p.first = r;
  return r;
}

function index(x: any): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'bigint') throw pyErr('IndexError', 'C index out of range');
  throw pyErr('TypeError', `C indices must be integers, not ${pyTypeName(x)}`);
}

/** Element i of an array object, with Python's negative indices and an IndexError outside. */
function arraySlot(r: CRef, k: any): { off: number; c: CInfo } {
  const n = r.info.count;
  let i = index(k);
  if (n !== undefined && i < 0) i += n;
  if (i < 0 || (n !== undefined && i >= n)) throw pyErr('IndexError', `index ${index(k)} out of range for '${cname(r.info.type)}'`);
  const ec = cinfo(r.info.target!);
  const es = sizeOf(r.info.target!);
  const off = r.off + i * es;
  if (off + es > r.block.size) throw pyErr('IndexError', `index ${i} beyond the end of the allocation`);
  return { off, c: ec };
}

function hex(a: bigint): string {
  return '0x' + a.toString(16);
}

function initBases(): void {
  if (refBase) return;
  refBase = makeType('cobject', null, {
    __repr__: builtin('__repr__', (o: CRef) => {
      if (o.info.shape === 'int' || o.info.shape === 'float' || o.info.shape === 'bool') {
        return `<${cname(o.info.type)} ${String(readValue(o.block, o.off, o.info)?.v ?? readValue(o.block, o.off, o.info))} at ${hex(o.addr)}>`;
      }
      return `<${cname(o.info.type)} at ${hex(o.addr)}>`;
    }),
    __setattr__: builtin('__setattr__', (o: CRef, name: string, v: any) => {
      if (o.info.shape === 'struct') setField(o.block, o.off, o.info.bare, name, v);
      else if (name === 'value' && o.info.shape !== 'array') writeValue(o.block, o.off, o.info, v, 'value');
      else throw pyErr('AttributeError', `'${cname(o.info.type)}' object has no attribute '${name}'`);
      return null;
    }),
    __getitem__: builtin('__getitem__', (o: CRef, k: any) => {
      if (o.info.shape !== 'array') throw pyErr('TypeError', `'${cname(o.info.type)}' object is not subscriptable`);
      const s = arraySlot(o, k);
      return readValue(o.block, s.off, s.c);
    }),
    __setitem__: builtin('__setitem__', (o: CRef, k: any, v: any) => {
      if (o.info.shape !== 'array') throw pyErr('TypeError', `'${cname(o.info.type)}' object does not support item assignment`);
      const s = arraySlot(o, k);
      writeValue(o.block, s.off, s.c, v, `element ${index(k)}`);
      return null;
    }),
    __len__: builtin('__len__', (o: CRef) => {
      if (o.info.shape !== 'array' || o.info.count === undefined) throw pyErr('TypeError', `object of type '${cname(o.info.type)}' has no len()`);
      return o.info.count;
    }),
    __iter__: builtin('__iter__', (o: CRef) => {
      if (o.info.shape !== 'array' || o.info.count === undefined) throw pyErr('TypeError', `'${cname(o.info.type)}' object is not iterable`);
      const out: any[] = [];
      for (let i = 0; i < o.info.count; i++) {
        const s = arraySlot(o, i);
        out.push(readValue(o.block, s.off, s.c));
      }
      return pyCall(builtins.iter, [out]);
    }),
    __bytes__: builtin('__bytes__', (o: CRef) => {
      const n = sizeOf(o.info.type);
      return new PyBytes(new Uint8Array(o.block.view.buffer, o.block.view.byteOffset + o.off, n).slice());
    }),
    __eq__: builtin('__eq__', (a: any, b: any) => (b instanceof CRef ? a.addr === b.addr : builtins.NotImplemented ?? false)),
    __hash__: builtin('__hash__', (o: CRef) => Number(o.addr & 0xfffffffffffn)),
  }, (o: any, name: string) => {
    if (!(o instanceof CRef)) return undefined;
    if (o.info.shape === 'struct') return getField(o.block, o.off, o.info, name);
    if (name === 'value' && o.info.shape !== 'array') return readValue(o.block, o.off, o.info);
    return undefined;
  });
  ptrBase = makeType('cpointer', null, {
    __repr__: builtin('__repr__', (p: CPtr) => `<${cname(p.info.type)} ${hex(p.addr)}>`),
    __getitem__: builtin('__getitem__', (p: CPtr, k: any) => {
      const s = pointee(p, index(k));
      return readValue(s.b, s.off, s.c);
    }),
    __setitem__: builtin('__setitem__', (p: CPtr, k: any, v: any) => {
      const s = pointee(p, index(k));
      writeValue(s.b, s.off, s.c, v, `element ${index(k)}`);
      return null;
    }),
    __setattr__: builtin('__setattr__', (p: CPtr, name: string, v: any) => {
      const s = pointee(p, 0);
      if (s.c.shape !== 'struct') throw pyErr('AttributeError', `'${cname(p.info.type)}' object has no attribute '${name}'`);
      setField(s.b, s.off, s.c.bare, name, v);
      return null;
    }),
    __call__: builtin('__call__', (p: CPtr, ...args: any[]) => {
      const ft = p.info.target?.strip();
      if (ft?.kind !== 'function') throw pyErr('TypeError', `'${cname(p.info.type)}' object is not callable`);
      p.callable ??= fnPointerHook.make(p.addr, ft, `(${cname(p.info.type)}) 0x${p.addr.toString(16)}`);
      return pyCall(p.callable, args);
    }),
    __int__: builtin('__int__', (p: CPtr) => normInt(p.addr)),
    __index__: builtin('__index__', (p: CPtr) => normInt(p.addr)),
    __bool__: builtin('__bool__', () => true),
    __eq__: builtin('__eq__', (a: CPtr, b: any) => (b instanceof CPtr || b instanceof CRef ? a.addr === b.addr : false)),
    __hash__: builtin('__hash__', (p: CPtr) => Number(p.addr & 0xfffffffffffn)),
  }, (p: any, name: string) => {
    if (!(p instanceof CPtr)) return undefined;
    const tc = p.info.tinfo ?? (p.info.tinfo = cinfo(p.info.target!));
    if (tc.shape === 'struct' || tc.shape === 'void') {
      const s = pointee(p, 0);
      if (s.c.shape === 'struct') return getField(s.b, s.off, s.c, name);
    }
    return undefined;
  });
}

/** A new zeroed C object of type t (scalar init value optional), from libmemtable's typed allocator. */
export function newObject(t: Type, init?: any): CRef {
  const c = cinfo(t);
  const size = sizeOf(t);
  if (!size) throw pyErr('TypeError', `cannot allocate '${cname(t)}': its size is unknown`);
  const b = allocate(t, size);
  const r = new CRef(b, 0, c.shape === 'array' ? { ...c, count: c.count ?? Math.floor(size / sizeOf(c.target!)) } : c);
  if (init !== undefined && init !== null) fill(r, init);
  return r;
}

/** Initialise a fresh object from a Python value (scalar, list for arrays, bytes for char arrays). */
function fill(r: CRef, init: any): void {
  if (r.info.shape === 'array' && Array.isArray(init)) {
    for (let i = 0; i < init.length; i++) {
      const s = arraySlot(r, i);
      writeValue(r.block, s.off, s.c, init[i], `element ${i}`);
    }
    return;
  }
  writeValue(r.block, r.off, r.info, init, 'initial value');
}

/** A synthetic array type `elem[n]`, built on a libpmirror Type so it prints as C. */
export function arrayOf(elem: Type, n: number): Type {
  const key = `${n}`;
  let perElem = arrays.get(elem);
  if (!perElem) arrays.set(elem, (perElem = new Map()));
  let t = perElem.get(key);
  if (!t) {
    const proto = Object.getPrototypeOf(elem);
    t = Object.create(proto) as Type;
    Object.assign(t, { kind: 'array', name: undefined, die: -1, byteSize: n * sizeOf(elem), encoding: undefined, target: elem,
      members: [], enumerators: [], dims: [n], params: [], variadic: false, prototyped: false, declaration: false, vector: false });
    perElem.set(key, t);
  }
  return t;
}
const arrays = new WeakMap<Type, Map<string, Type>>();

/** A synthetic pointer type `t *`. */
export function pointerTo(t: Type): Type {
  let p = pointers.get(t);
  if (!p) {
    p = Object.create(Object.getPrototypeOf(t)) as Type;
    Object.assign(p, { kind: 'pointer', name: undefined, die: -1, byteSize: 8, encoding: undefined, target: t,
      members: [], enumerators: [], dims: [], params: [], variadic: false, prototyped: false, declaration: false, vector: false });
    pointers.set(t, p);
  }
  return p;
}
const pointers = new WeakMap<Type, Type>();

/** The DWARF type recorded for the memory at an address (libmemtable), or undefined. */
export function typeAtAddress(addr: bigint): { type: Type; base: bigint; offset: number } | undefined {
  const b = blockAt(addr);
  if (!b?.type) return undefined;
  return { type: b.type, base: b.addr, offset: Number(addr - b.addr) };
}

/** The address of a C object or pointer value. */
export function addressOf(x: any): bigint {
  if (x instanceof CRef || x instanceof CPtr) return x.addr;
  throw pyErr('TypeError', `expected a C object or pointer, not ${pyTypeName(x)}`);
}
