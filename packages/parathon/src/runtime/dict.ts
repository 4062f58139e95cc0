// dict and set: one insertion-ordered JS Map per container. Keys that are JS primitives (str, int,
// bool, integral float) are normalised so that 1 == 1.0 == True share a slot; other hashable keys go
// through Python hashing, each distinct key getting a private token object as its Map key.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyFloat, PyTuple, PyType, dict_, set_, frozenset_, tuple_, MAXS } from './core.js';

/** Hooks into ops (set at start-up to avoid an import cycle). */
export const dictHooks: { hash: (x: any) => any; exactHash: (x: any) => any; eq: (a: any, b: any) => boolean; ident: (x: any) => boolean; plainTupleType: (t: PyType) => boolean; subPrim: (x: any) => any } = {
  plainTupleType: () => false,
  subPrim: () => undefined,
  exactHash: () => 0,
  ident: () => false,
  hash: () => 0,
  eq: (a, b) => a === b,
};

/** Key normalisation: a primitive Map key, or undefined when the key needs hashing. */
function prim(k: any): any {
  switch (typeof k) {
    case 'string':
      return k.charCodeAt(0) === 1 ? '\u0001s' + k : k;
    case 'number':
      return k;
    case 'boolean':
      return k ? 1 : 0;
    case 'bigint':
      return k;
    case 'object':
      if (k instanceof PyFloat) {
        const v = k.v;
        if (Number.isInteger(v)) return Math.abs(v) <= MAXS ? v : BigInt(v);
        return undefined;
      }
      if (k === null) return k;
      if (k instanceof PyTuple && plainTuple(k)) return tupleKey(k.a);
      // int/str subclass instances that keep int's/str's hash and == (IntEnum members...) share slots
      if (k.$iv !== undefined || k.$sv !== undefined) {
        const v = dictHooks.subPrim(k);
        if (v !== undefined) return prim(v);
      }
      return undefined;
    case 'function':
      return k;
  }
  return undefined;
}
/** Tuples that hash and compare as tuple does (not user subclasses overriding either). */
function plainTuple(t: PyTuple): boolean {
  return t.$c === tuple_ || dictHooks.plainTupleType(t.$c);
}
/**
 * A string that identifies a tuple of numbers/strs/None/nested tuples by value, with Python's
 * equalities (1 == 1.0 == True). It starts with U+0001 't'; str keys starting with U+0001 are
 * escaped with 's', so the two never collide. Undefined for tuples holding anything else.
 */
function tupleKey(a: any[]): string | undefined {
  let s = '\u0001t(';
  for (const v of a) {
    switch (typeof v) {
      case 'number':
        s += 'n' + v + ',';
        break;
      case 'bigint':
        s += 'n' + v + ',';
        break;
      case 'string':
        s += 's' + v.length + ':' + v + ',';
        break;
      case 'boolean':
        s += v ? 'n1,' : 'n0,';
        break;
      case 'object':
        if (v === null) s += 'N,';
        else if (v instanceof PyFloat) {
          const x = v.v;
          if (x !== x) return undefined;
          s += Number.isInteger(x) ? 'n' + (Math.abs(x) <= MAXS ? String(x === 0 ? 0 : x) : BigInt(x).toString()) + ',' : 'f' + x + ',';
        } else if (v instanceof PyTuple && plainTuple(v)) {
          const inner = tupleKey(v.a);
          if (inner === undefined) return undefined;
          s += inner + ',';
        } else return undefined;
        break;
      default:
        return undefined;
    }
  }
  return s + ')';
}

/** Entries of the hashed side table: hash -> [key, token][]. */
export type HashTable = Map<number, [any, object][]>;

function token(hk: HashTable, k: any, create: boolean): object | undefined {
  const h = dictHooks.hash(k);
  let b = hk.get(h);
  if (b) {
    for (const [k2, t] of b) if (k2 === k || dictHooks.eq(k2, k)) return t;
  }
  if (!create) return undefined;
  const t = {};
  if (!b) hk.set(h, (b = []));
  b.push([k, t]);
  return t;
}
function dropToken(hk: HashTable, k: any): void {
  const h = dictHooks.hash(k);
  const b = hk.get(h);
  if (!b) return;
  const i = b.findIndex(([k2]) => k2 === k || dictHooks.eq(k2, k));
  if (i >= 0) b.splice(i, 1);
}

/** A Python dict. Map values are [key, value] entries so the original key object is kept. */
export class PyDict {
  $c: PyType = dict_;
  m = new Map<any, [any, any]>();
  hk: HashTable | null = null;
  $d: any;
  private mk(k: any, create: boolean): any {
    const p = prim(k);
    if (p !== undefined) return p;
    if (dictHooks.ident(k)) return k;
    return token((this.hk ??= new Map()), k, create);
  }
  get(k: any): any {
    const p = typeof k === 'string' && k.charCodeAt(0) !== 1 ? k : this.mk(k, false);
    if (p === undefined) return undefined;
    const e = this.m.get(p);
    return e === undefined ? undefined : e[1];
  }
  has(k: any): boolean {
    const p = typeof k === 'string' && k.charCodeAt(0) !== 1 ? k : this.mk(k, false);
    return p !== undefined && this.m.has(p);
  }
  set(k: any, v: any): void {
    const p = typeof k === 'string' && k.charCodeAt(0) !== 1 ? k : this.mk(k, true);
    const e = this.m.get(p);
    if (e !== undefined) e[1] = v;
    else this.m.set(p, [k, v]);
  }
  delete(k: any): boolean {
    const p = typeof k === 'string' && k.charCodeAt(0) !== 1 ? k : this.mk(k, false);
    if (p === undefined) return false;
    const ok = this.m.delete(p);
    if (ok && typeof p === 'object' && this.hk && prim(k) === undefined) dropToken(this.hk, k);
    return ok;
  }
  get size(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
    this.hk = null;
  }
  *keys(): IterableIterator<any> {
    for (const e of this.m.values()) yield e[0];
  }
}

/** A Python set or frozenset. Besides the membership Map, sets of numbers keep a model of
 * CPython's open-addressed table (same probing, growth and merge rules) so that they iterate and print
 * in the order python3 does; sets holding anything else iterate in insertion order. */
export class PySet {
  $c: PyType;
  m = new Map<any, any>();
  hk: HashTable | null = null;
  $d: any;
  /** CPython table model: slot keys (EMPTY / DUMMY / key), their hashes, fill, finger. */
  t: any[] | null = new Array(8).fill(EMPTY);
  th: bigint[] = new Array(8).fill(0n);
  fill = 0;
  finger = 0;
  constructor(frozen = false) {
    this.$c = frozen ? frozenset_ : set_;
  }
  private mk(k: any, create: boolean): any {
    const p = prim(k);
    if (p !== undefined) return p;
    if (dictHooks.ident(k)) return k;
    return token((this.hk ??= new Map()), k, create);
  }
  has(k: any): boolean {
    const p = this.mk(k, false);
    return p !== undefined && this.m.has(p);
  }
  add(k: any): void {
    const p = this.mk(k, true);
    if (this.m.has(p)) return;
    this.m.set(p, k);
    if (this.t) {
      const h = numHash(k);
      if (h === undefined) this.t = null;
      else this.tblAdd(k, h);
    }
  }
  delete(k: any): boolean {
    const p = this.mk(k, false);
    if (p === undefined) return false;
    const ok = this.m.delete(p);
    if (ok && typeof p === 'object' && this.hk) dropToken(this.hk, k);
    if (ok && this.t) this.tblDel(k);
    return ok;
  }
  get size(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
    this.hk = null;
    this.t = new Array(8).fill(EMPTY);
    this.th = new Array(8).fill(0n);
    this.fill = 0;
    this.finger = 0;
  }
  /** Iteration order (CPython's for number sets). */
  order(): any[] {
    if (!this.t) return [...this.m.values()];
    const out: any[] = [];
    for (const k of this.t) if (k !== EMPTY && k !== DUMMY) out.push(k);
    return out;
  }
  values(): IterableIterator<any> {
    return this.order()[Symbol.iterator]();
  }
  /** set.pop(): CPython scans from its finger. */
  popKey(): any {
    if (!this.t) return this.m.values().next().value;
    const t = this.t;
    let i = this.finger & (t.length - 1);
    while (t[i] === EMPTY || t[i] === DUMMY) i = (i + 1) & (t.length - 1);
    this.finger = i + 1;
    return t[i];
  }
  /** Add every element of another set the way CPython's set_merge does. */
  merge(o: PySet): void {
    if (!this.t || !o.t) {
      for (const k of o.order()) this.add(k);
      return;
    }
    const used = this.m.size;
    const mask = this.t.length - 1;
    if ((this.fill + o.m.size) * 5 >= mask * 3) this.tblResize((used + o.m.size) * 2);
    const empty = this.fill === 0;
    const ot = o.t, oth = o.th;
    if (empty && this.t.length === ot.length && o.fill === o.m.size) {
      for (const [p, k] of o.m) this.m.set(p, k);
      this.t = ot.slice();
      this.th = oth.slice();
      this.fill = o.fill;
      return;
    }
    if (empty) {
      for (let i = 0; i < ot.length; i++) {
        const k = ot[i];
        if (k === EMPTY || k === DUMMY) continue;
        this.m.set(this.mk(k, true), k);
        insertClean(this.t, this.th, k, oth[i]!);
      }
      this.fill = this.m.size;
      return;
    }
    for (let i = 0; i < ot.length; i++) {
      const k = ot[i];
      if (k !== EMPTY && k !== DUMMY) this.add(k);
    }
  }
  private tblAdd(k: any, h: bigint): void {
    insertClean(this.t!, this.th, k, h);
    this.fill++;
    const mask = this.t!.length - 1;
    if (this.fill * 5 < mask * 3) return;
    const used = this.m.size;
    this.tblResize(used > 50000 ? used * 2 : used * 4);
  }
  private tblDel(k: any): void {
    const t = this.t!;
    for (let i = 0; i < t.length; i++) {
      if (t[i] !== EMPTY && t[i] !== DUMMY && (t[i] === k || dictHooks.eq(t[i], k))) {
        t[i] = DUMMY;
        return;
      }
    }
  }
  private tblResize(minused: number): void {
    let size = 8;
    while (size <= minused) size <<= 1;
    const ot = this.t!, oth = this.th;
    const nt = new Array(size).fill(EMPTY), nth = new Array(size).fill(0n);
    for (let i = 0; i < ot.length; i++) if (ot[i] !== EMPTY && ot[i] !== DUMMY) insertClean(nt, nth, ot[i], oth[i]!);
    this.t = nt;
    this.th = nth;
    this.fill = this.m.size;
  }
}
const EMPTY = Symbol('empty');
const DUMMY = Symbol('dummy');
/** CPython's set_insert_clean: linear probes of 9, then perturbed probing. */
function insertClean(t: any[], th: bigint[], k: any, h: bigint): void {
  const mask = t.length - 1;
  const bm = BigInt(mask);
  let perturb = h;
  let i = Number(h & bm);
  for (;;) {
    if (t[i] === EMPTY) {
      t[i] = k;
      th[i] = h;
      return;
    }
    if (i + 9 <= mask) {
      for (let j = 1; j <= 9; j++) {
        if (t[i + j] === EMPTY) {
          t[i + j] = k;
          th[i + j] = h;
          return;
        }
      }
    }
    perturb >>= 5n;
    i = Number((BigInt(i) * 5n + 1n + perturb) & bm);
  }
}
/** CPython's (unsigned) hash of a number-like element, or undefined for anything else. */
function numHash(v: any): bigint | undefined {
  switch (typeof v) {
    case 'number':
    case 'bigint':
    case 'boolean':
      break;
    case 'object':
      if (v instanceof PyFloat) break;
      if (v instanceof PyTuple && v.$c === tuple_ && v.a.every((e: any) => numHash(e) !== undefined)) break;
      return undefined;
    default:
      return undefined;
  }
  let b = BigInt(dictHooks.exactHash(v));
  if (b < 0n) b += 1n << 64n;
  return b;
}
/** Iteration order of a set. */
export function setOrder(s: PySet): any[] {
  return s.order();
}

