// _random: CPython's Mersenne Twister (MT19937 with init_by_array seeding), so seeded sequences
// match python3 exactly. The rest of `random` is lib/random.py, as in CPython.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyType, PyFloat, PyObject, type_, object_, mkExc, ValueError_ } from '../runtime/core.js';
import * as O from '../runtime/ops.js';
import { def } from '../builtins/types.js';

/** MT19937 state. */
class MT {
  mt = new Uint32Array(624);
  mti = 625;
  initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) {
      const p = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = (Math.imul(1812433253, p) + i) >>> 0;
    }
    this.mti = 624;
  }
  initByArray(key: number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1, j = 0;
    const n = 624, len = Math.max(1, key.length);
    for (let k = Math.max(n, len); k; k--) {
      const p = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(p, 1664525)) + (key[j] ?? 0) + j) >>> 0;
      i++;
      j++;
      if (i >= n) {
        mt[0] = mt[n - 1]!;
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = n - 1; k; k--) {
      const p = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
      mt[i] = ((mt[i]! ^ Math.imul(p, 1566083941)) - i) >>> 0;
      i++;
      if (i >= n) {
        mt[0] = mt[n - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.mti = 624;
  }
  genrand(): number {
    const mt = this.mt;
    if (this.mti >= 624) {
      if (this.mti === 625) this.initGenrand(5489);
      let kk = 0;
      for (; kk < 624 - 397; kk++) {
        const y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
        mt[kk] = mt[kk + 397]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < 623; kk++) {
        const y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
        mt[kk] = mt[kk + (397 - 624)]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      const y = (mt[623]! & 0x80000000) | (mt[0]! & 0x7fffffff);
      mt[623] = mt[396]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

/** Fill the _random module: class Random with seed/random/getrandbits/getstate/setstate. */
export function randomModule(d: any): void {
  const t = new PyType(type_, 'Random', [object_], null, 'object');
  t.module = '_random';
  const st = (self: any): MT => (self.$mt ??= new MT());
  def(t, 'seed', (self: any, n: any = null) => {
    const m = st(self);
    let v: bigint;
    if (n === null) v = BigInt(Date.now()) * 1000003n + BigInt(process.pid) + BigInt(Math.floor(Math.random() * 2 ** 32));
    else if (typeof n === 'string') {
      let h = 0n;
      for (const c of new TextEncoder().encode(n)) h = (h * 131n + BigInt(c)) & ((1n << 512n) - 1n);
      v = h;
    } else if (O.intVal(n) !== undefined) v = BigInt(O.intVal(n));
    else v = BigInt(O.hash(n));
    if (v < 0n) v = -v;
    const key: number[] = [];
    while (v > 0n) {
      key.push(Number(v & 0xffffffffn));
      v >>= 32n;
    }
    if (!key.length) key.push(0);
    m.initByArray(key);
    return null;
  });
  def(t, 'random', (self: any) => {
    const m = st(self);
    const a = m.genrand() >>> 5, b = m.genrand() >>> 6;
    return new PyFloat((a * 67108864 + b) / 9007199254740992);
  });
  def(t, 'getrandbits', (self: any, k0: any) => {
    const m = st(self);
    let k = Number(O.intVal(k0));
    if (k < 0) throw mkExc(ValueError_, 'number of bits must be non-negative');
    if (k === 0) return 0;
    if (k <= 32) return m.genrand() >>> (32 - k);
    let r = 0n, shift = 0n;
    while (k > 0) {
      let w = m.genrand();
      if (k < 32) w >>>= 32 - k;
      r |= BigInt(w) << shift;
      shift += 32n;
      k -= 32;
    }
    return O.norm(r);
  });
  def(t, 'getstate', (self: any) => {
    const m = st(self);
    return [...m.mt, m.mti];
  });
  def(t, 'setstate', (self: any, s: any) => {
    const m = st(self);
    const a = O.toArray(s).map(Number);
    m.mt.set(a.slice(0, 624));
    m.mti = a[624]!;
    return null;
  });
  def(t, '__init__', (self: any, n: any = null) => {
    t.$d.seed(self, n);
    return null;
  });
  d.Random = t;
  void PyObject;
}
