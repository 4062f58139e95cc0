// dict and set: one insertion-ordered JS Map per container. Keys that are JS primitives (str, int,
// bool, integral float) are normalised so that 1 == 1.0 == True share a slot; other hashable keys go
// through Python hashing, each distinct key getting a private token object as its Map key.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyFloat, PyType, dict_, set_, frozenset_, MAXS } from './core.js';

/** Hooks into ops (set at start-up to avoid an import cycle). */
export const dictHooks: { hash: (x: any) => number; eq: (a: any, b: any) => boolean; ident: (x: any) => boolean } = {
  ident: () => false,
  hash: () => 0,
  eq: (a, b) => a === b,
};

/** Key normalisation: a primitive Map key, or undefined when the key needs hashing. */
function prim(k: any): any {
  switch (typeof k) {
    case 'string':
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
      return undefined;
    case 'function':
      return k;
  }
  return undefined;
}

/** Entries of the hashed side table: hash -> [key, token][]. */
type HashTable = Map<number, [any, object][]>;

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
    const p = typeof k === 'string' ? k : this.mk(k, false);
    if (p === undefined) return undefined;
    const e = this.m.get(p);
    return e === undefined ? undefined : e[1];
  }
  has(k: any): boolean {
    const p = typeof k === 'string' ? k : this.mk(k, false);
    return p !== undefined && this.m.has(p);
  }
  set(k: any, v: any): void {
    const p = typeof k === 'string' ? k : this.mk(k, true);
    const e = this.m.get(p);
    if (e !== undefined) e[1] = v;
    else this.m.set(p, [k, v]);
  }
  delete(k: any): boolean {
    const p = typeof k === 'string' ? k : this.mk(k, false);
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

/** A Python set or frozenset. */
export class PySet {
  $c: PyType;
  m = new Map<any, any>();
  hk: HashTable | null = null;
  $d: any;
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
    if (!this.m.has(p)) this.m.set(p, k);
  }
  delete(k: any): boolean {
    const p = this.mk(k, false);
    if (p === undefined) return false;
    const ok = this.m.delete(p);
    if (ok && typeof p === 'object' && this.hk) dropToken(this.hk, k);
    return ok;
  }
  get size(): number {
    return this.m.size;
  }
  clear(): void {
    this.m.clear();
    this.hk = null;
  }
  values(): IterableIterator<any> {
    return this.m.values();
  }
}
