// itertools, as JS generators behind the parathon iterator protocol.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyType, PyTuple, mkExc, type_, iterator_, ValueError_, TypeError_ } from '../runtime/core.js';
import * as O from '../runtime/ops.js';
import { call, Kw } from '../runtime/calls.js';
import { def } from '../builtins/types.js';

/** An iterator over a JS generator, typed as a Python iterator class. */
class GenIt {
  constructor(public $c: PyType, public g: Iterator<any>) {}
  nx(): any {
    const r = this.g.next();
    return r.done ? undefined : r.value;
  }
}
function* pyIter(x: any): Generator<any> {
  const it = O.iter(x);
  let v;
  while ((v = it.nx()) !== undefined) yield v;
}
/** Define an itertools class whose constructor makes a generator. */
function cls(d: any, name: string, make: (args: any[], kw: Kw) => Iterator<any>): PyType {
  const t = new PyType(type_, name, [iterator_], null, 'iterator');
  t.module = 'itertools';
  def(t, '__new__', (_t: any, ...a: any[]) => new GenIt(t, make(a, null)), (args, kw) => new GenIt(t, make(args.slice(1), kw)));
  t.$d.__new__.$nobind = true;
  d[name] = t;
  return t;
}
const tup = (a: any[]): PyTuple => new PyTuple(a);

/** Fill the itertools module. */
export function itertoolsModule(d: any): void {
  cls(d, 'count', function* (a, kw) {
    let n = kw?.get('start') ?? a[0] ?? 0;
    const step = kw?.get('step') ?? a[1] ?? 1;
    for (;;) {
      yield n;
      n = O.add(n, step);
    }
  });
  cls(d, 'cycle', function* (a) {
    const saved: any[] = [];
    for (const v of pyIter(a[0])) {
      yield v;
      saved.push(v);
    }
    if (!saved.length) return;
    for (;;) yield* saved;
  });
  cls(d, 'repeat', function* (a, kw) {
    const v = a[0];
    const n = kw?.get('times') ?? a[1];
    if (n === undefined) for (;;) yield v;
    for (let i = 0; i < Number(n); i++) yield v;
  });
  cls(d, 'accumulate', function* (a, kw) {
    const f = kw?.get('func') ?? a[1] ?? null;
    let acc: any = kw?.get('initial');
    if (acc !== undefined && acc !== null) yield acc;
    else acc = undefined;
    for (const v of pyIter(a[0])) {
      acc = acc === undefined ? v : f === null ? O.add(acc, v) : call(f, [acc, v], null);
      yield acc;
    }
  });
  const chain = cls(d, 'chain', function* (a) {
    for (const x of a) yield* pyIter(x);
  });
  chain.$d.from_iterable = Object.assign((_t: any, it: any) => new GenIt(chain, (function* () {
    for (const x of pyIter(it)) yield* pyIter(x);
  })()), { $s: true });
  chain.$d.from_iterable = classMethod(chain.$d.from_iterable);
  cls(d, 'compress', function* (a) {
    const s = O.iter(a[1]);
    for (const v of pyIter(a[0])) {
      const k = s.nx();
      if (k === undefined) return;
      if (O.truthy(k)) yield v;
    }
  });
  cls(d, 'dropwhile', function* (a) {
    let dropping = true;
    for (const v of pyIter(a[1])) {
      if (dropping && O.truthy(call(a[0], [v], null))) continue;
      dropping = false;
      yield v;
    }
  });
  cls(d, 'takewhile', function* (a) {
    for (const v of pyIter(a[1])) {
      if (!O.truthy(call(a[0], [v], null))) return;
      yield v;
    }
  });
  cls(d, 'filterfalse', function* (a) {
    for (const v of pyIter(a[1])) if (!O.truthy(a[0] === null ? v : call(a[0], [v], null))) yield v;
  });
  cls(d, 'starmap', function* (a) {
    for (const v of pyIter(a[1])) yield call(a[0], O.toArray(v), null);
  });
  cls(d, 'islice', function* (a) {
    let start = 0, stop: number | null, step = 1;
    if (a.length === 2) stop = a[1] === null ? null : Number(a[1]);
    else {
      start = a[1] === null ? 0 : Number(a[1]);
      stop = a[2] === null || a[2] === undefined ? null : Number(a[2]);
      step = a[3] === null || a[3] === undefined ? 1 : Number(a[3]);
    }
    if (start < 0 || (stop !== null && stop < 0) || step < 1) {
      throw mkExc(ValueError_, 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
    }
    const it = O.iter(a[0]);
    let i = 0, next = start;
    for (;;) {
      if (stop !== null && next >= stop) return;
      const v = it.nx();
      if (v === undefined) return;
      if (i === next) {
        yield v;
        next += step;
      }
      i++;
    }
  });
  cls(d, 'zip_longest', function* (a, kw) {
    const fill = kw?.get('fillvalue') ?? null;
    const its = a.map(O.iter);
    let active = its.length;
    const done = its.map(() => false);
    if (!active) return;
    for (;;) {
      const row: any[] = [];
      for (let i = 0; i < its.length; i++) {
        let v = done[i] ? undefined : its[i]!.nx();
        if (v === undefined) {
          if (!done[i]) {
            done[i] = true;
            active--;
          }
          v = fill;
        }
        row.push(v);
      }
      if (!active) return;
      yield tup(row);
    }
  });
  cls(d, 'pairwise', function* (a) {
    let prev: any = undefined;
    for (const v of pyIter(a[0])) {
      if (prev !== undefined) yield tup([prev, v]);
      prev = v;
    }
  });
  cls(d, 'groupby', function* (a, kw) {
    const key = kw?.get('key') ?? a[1] ?? null;
    const it = O.iter(a[0]);
    let v = it.nx();
    while (v !== undefined) {
      const k = key === null ? v : call(key, [v], null);
      const group: any[] = [v];
      for (;;) {
        v = it.nx();
        if (v === undefined) break;
        const k2 = key === null ? v : call(key, [v], null);
        if (!O.eq(k, k2)) break;
        group.push(v);
      }
      yield tup([k, new O.ArrIt(group)]);
    }
  });
  cls(d, 'product', function* (a, kw) {
    const rep = Number(kw?.get('repeat') ?? 1);
    const pools0 = a.map((x) => O.toArray(x));
    const pools: any[][] = [];
    for (let r = 0; r < rep; r++) pools.push(...pools0);
    if (pools.some((p) => p.length === 0)) return;
    const idx = pools.map(() => 0);
    for (;;) {
      yield tup(idx.map((i, k) => pools[k]![i]));
      let k = pools.length - 1;
      while (k >= 0 && ++idx[k]! >= pools[k]!.length) idx[k--] = 0;
      if (k < 0) return;
    }
  });
  cls(d, 'permutations', function* (a) {
    const pool = O.toArray(a[0]);
    const n = pool.length;
    const r = a[1] === undefined || a[1] === null ? n : Number(a[1]);
    if (r > n) return;
    const idx = pool.map((_, i) => i);
    const cycles = Array.from({ length: r }, (_, i) => n - i);
    yield tup(idx.slice(0, r).map((i) => pool[i]));
    for (;;) {
      let i = r - 1;
      for (; i >= 0; i--) {
        cycles[i]!--;
        if (cycles[i] === 0) {
          idx.push(...idx.splice(i, 1));
          cycles[i] = n - i;
        } else {
          const j = cycles[i]!;
          [idx[i], idx[n - j]] = [idx[n - j]!, idx[i]!];
          yield tup(idx.slice(0, r).map((k) => pool[k]));
          break;
        }
      }
      if (i < 0) return;
    }
  });
  const combos = function* (pool: any[], r: number, repl: boolean): Generator<PyTuple> {
    const n = pool.length;
    if (!repl && r > n) return;
    if (repl && n === 0 && r > 0) return;
    const idx = repl ? new Array(r).fill(0) : Array.from({ length: r }, (_, i) => i);
    yield tup(idx.map((i) => pool[i]));
    for (;;) {
      let i = r - 1;
      if (repl) while (i >= 0 && idx[i] === n - 1) i--;
      else while (i >= 0 && idx[i] === i + n - r) i--;
      if (i < 0) return;
      idx[i]++;
      for (let j = i + 1; j < r; j++) idx[j] = repl ? idx[i] : idx[j - 1] + 1;
      yield tup(idx.map((k) => pool[k]));
    }
  };
  cls(d, 'combinations', (a) => combos(O.toArray(a[0]), Number(a[1]), false));
  cls(d, 'combinations_with_replacement', (a) => combos(O.toArray(a[0]), Number(a[1]), true));
  d.tee = Object.assign((it: any, n: any = 2) => {
    const src = O.iter(it);
    const bufs: any[][] = Array.from({ length: Number(n) }, () => []);
    const t = d.chain;
    return tup(bufs.map((buf) => new GenIt(t, (function* () {
      for (;;) {
        if (!buf.length) {
          const v = src.nx();
          if (v === undefined) return;
          for (const b of bufs) b.push(v);
        }
        yield buf.shift();
      }
    })())));
  }, { $s: true, $name: 'tee' });
  void TypeError_;
}
import { PyClassMethod } from '../runtime/core.js';
function classMethod(f: any): any {
  return new PyClassMethod(f);
}
