// _collections: deque and defaultdict in TypeScript (the rest of collections is lib/collections).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyType, PyTuple, NS, type_, object_, dict_, mkExc, IndexError_, TypeError_, ValueError_, NotImplemented, lookup, typeOf } from '../runtime/core.js';
import { PyDict } from '../runtime/dict.js';
import * as O from '../runtime/ops.js';
import { call, allocate } from '../runtime/calls.js';
import { def, repr } from '../builtins/types.js';
import { dictUpdate } from '../builtins/containers.js';

/** A deque: a ring-free JS array with a head offset (amortised O(1) at both ends). */
export class Deque {
  $c: PyType;
  $d: any = new NS();
  a: any[] = [];
  h = 0;
  constructor(t: PyType, public maxlen: number | null) {
    this.$c = t;
  }
  get n(): number {
    return this.a.length - this.h;
  }
  compact(): void {
    if (this.h > 1024 && this.h * 2 > this.a.length) {
      this.a = this.a.slice(this.h);
      this.h = 0;
    }
  }
  push(v: any): void {
    this.a.push(v);
    if (this.maxlen !== null && this.n > this.maxlen) this.shift();
  }
  unshift(v: any): void {
    if (this.h > 0) this.a[--this.h] = v;
    else this.a.unshift(v);
    if (this.maxlen !== null && this.n > this.maxlen) this.a.pop();
  }
  shift(): any {
    const v = this.a[this.h];
    this.a[this.h++] = undefined;
    this.compact();
    return v;
  }
  items(): any[] {
    return this.a.slice(this.h);
  }
}

/** Fill the _collections module. */
export function collectionsModule(d: any): void {
  const dq = new PyType(type_, 'deque', [object_], null, 'deque');
  dq.module = 'collections';
  const mk = (t: PyType, it: any, maxlen: any): Deque => {
    const q = new Deque(t, maxlen === null || maxlen === undefined ? null : Number(maxlen));
    if (it !== undefined && it !== null) for (const v of O.items(it)) q.push(v);
    return q;
  };
  def(dq, '__new__', (t: PyType, it?: any, maxlen?: any) => mk(t, it, maxlen), (args, kw) => mk(args[0], kw?.get('iterable') ?? args[1], kw?.get('maxlen') ?? args[2]));
  dq.$d.__new__.$nobind = true;
  def(dq, '__init__', () => null, () => null);
  def(dq, 'append', (q: Deque, v: any) => (q.push(v), null));
  def(dq, 'appendleft', (q: Deque, v: any) => (q.unshift(v), null));
  def(dq, 'pop', (q: Deque) => {
    if (!q.n) throw mkExc(IndexError_, 'pop from an empty deque');
    return q.a.pop();
  });
  def(dq, 'popleft', (q: Deque) => {
    if (!q.n) throw mkExc(IndexError_, 'pop from an empty deque');
    return q.shift();
  });
  def(dq, 'extend', (q: Deque, it: any) => {
    for (const v of O.toArray(it)) q.push(v);
    return null;
  });
  def(dq, 'extendleft', (q: Deque, it: any) => {
    for (const v of O.toArray(it)) q.unshift(v);
    return null;
  });
  def(dq, 'clear', (q: Deque) => {
    q.a = [];
    q.h = 0;
    return null;
  });
  def(dq, 'rotate', (q: Deque, k: any = 1) => {
    const a = q.items();
    const n = a.length;
    if (!n) return null;
    let r = Number(k) % n;
    if (r < 0) r += n;
    q.a = a.slice(n - r).concat(a.slice(0, n - r));
    q.h = 0;
    return null;
  });
  def(dq, 'count', (q: Deque, v: any) => q.items().filter((x) => O.eq(x, v)).length);
  def(dq, 'index', (q: Deque, v: any) => {
    const i = q.items().findIndex((x) => O.eq(x, v));
    if (i < 0) throw mkExc(ValueError_, `${repr(v)} is not in deque`);
    return i;
  });
  def(dq, 'remove', (q: Deque, v: any) => {
    const a = q.items();
    const i = a.findIndex((x) => O.eq(x, v));
    if (i < 0) throw mkExc(ValueError_, `${repr(v)} is not in deque`);
    a.splice(i, 1);
    q.a = a;
    q.h = 0;
    return null;
  });
  def(dq, 'reverse', (q: Deque) => {
    q.a = q.items().reverse();
    q.h = 0;
    return null;
  });
  def(dq, 'copy', (q: Deque) => mk(q.$c, q.items(), q.maxlen));
  def(dq, '__len__', (q: Deque) => q.n);
  def(dq, '__bool__', (q: Deque) => q.n > 0);
  def(dq, '__iter__', (q: Deque) => new O.ArrIt(q.items()));
  def(dq, '__reversed__', (q: Deque) => new O.ArrIt(q.items().reverse()));
  def(dq, '__contains__', (q: Deque, v: any) => q.items().some((x) => O.eq(x, v)));
  def(dq, '__getitem__', (q: Deque, i: any) => {
    const k = O.seqIndex(i, q.n, 'deque');
    return q.a[q.h + k];
  });
  def(dq, '__setitem__', (q: Deque, i: any, v: any) => {
    q.a[q.h + O.seqIndex(i, q.n, 'deque')] = v;
    return null;
  });
  def(dq, '__delitem__', (q: Deque, i: any) => {
    q.a.splice(q.h + O.seqIndex(i, q.n, 'deque'), 1);
    return null;
  });
  def(dq, '__eq__', (q: Deque, o: any) => (o instanceof Deque ? O.eq(q.items(), o.items()) : NotImplemented));
  def(dq, '__repr__', (q: Deque) => `deque([${q.items().map(repr).join(', ')}]${q.maxlen === null ? '' : `, maxlen=${q.maxlen}`})`);
  (dq as any).$gattr = (q: Deque, n: string) => (n === 'maxlen' ? q.maxlen : undefined);
  dq.$d.__hash__ = null;
  d.deque = dq;

  const dd = new PyType(type_, 'defaultdict', [dict_], null);
  dd.module = 'collections';
  (dd as any).$user = true;
  def(dd, '__init__', (self: any, f: any = null, src?: any) => {
    self.$d.default_factory = f;
    dictUpdate(self, src, null);
    return null;
  }, (args, kw) => {
    const self = args[0];
    const f = args[1] ?? null;
    if (f !== null && typeof f !== 'function' && lookup(typeOf(f), '__call__') === undefined && !(f instanceof PyType)) {
      throw mkExc(TypeError_, 'first argument must be callable or None');
    }
    self.$d.default_factory = f;
    dictUpdate(self, args[2], kw);
    return null;
  });
  def(dd, '__missing__', (self: any, k: any) => {
    const f = self.$d.default_factory;
    if (f === null || f === undefined) throw O.keyError(k);
    const v = call(f, [], null);
    self.set(k, v);
    return v;
  });
  def(dd, '__repr__', (self: any) => {
    const f = self.$d.default_factory;
    return `defaultdict(${f === null || f === undefined ? 'None' : repr(f)}, ${dict_.$d.__repr__(self)})`;
  });
  def(dd, 'copy', (self: any) => {
    const c = allocate(dd) as PyDict;
    (c as any).$d.default_factory = self.$d.default_factory;
    for (const [k, v] of self.m.values()) c.set(k, v);
    return c;
  });
  d.defaultdict = dd;
  void PyTuple;
}
