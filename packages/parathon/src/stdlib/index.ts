// Builtin modules implemented in TypeScript: each fills a module namespace when first imported.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { readdirSync, opendirSync, statSync, existsSync, mkdirSync, rmSync, unlinkSync, renameSync, rmdirSync, lstatSync } from 'node:fs';
import * as pathm from 'node:path';
import { PyType, type_, tuple_, PyFloat, PyTuple, PyBytes, PyExc, NS, mkExc, typeOf, isSubtype, ValueError_, TypeError_, OverflowError_, OSError_, FileNotFoundError_, excTypes, MAXS, PyModule } from '../runtime/core.js';
import { PyDict } from '../runtime/dict.js';
import * as O from '../runtime/ops.js';
import { call } from '../runtime/calls.js';
import { floatFrom, intFrom, def, repr } from '../builtins/types.js';
import { bf } from './sys.js';
import { itertoolsModule } from './itertools.js';
import { jsonModule } from './json.js';
import { reModule } from './re.js';
import { randomModule } from './random.js';
import { collectionsModule } from './collections.js';
import { hashlibModule, base64Module } from './hashing.js';
import { natives } from '../runtime/natives.js';

/** Module initialisers by name. */
export const nativeModules: Record<string, (d: any, interp: any) => void> = {
  math: mathModule,
  time: timeModule,
  os: osModule,
  _random: randomModule,
  itertools: itertoolsModule,
  json: jsonModule,
  re: reModule,
  _collections: collectionsModule,
  hashlib: hashlibModule,
  base64: base64Module,
};

const F = (v: number): PyFloat => new PyFloat(v);
const num = (x: any): number => floatFrom(x);
function domain(): PyExc {
  return mkExc(ValueError_, 'math domain error');
}
function checked(v: number, x?: number): PyFloat {
  if (Number.isNaN(v) && !Number.isNaN(x ?? 0)) throw domain();
  if (!Number.isFinite(v) && Number.isFinite(x ?? 0)) throw mkExc(OverflowError_, 'math range error');
  return F(v);
}

/** math. */
function mathModule(d: any): void {
  const nat = natives();
  d.pi = F(Math.PI);
  d.e = F(Math.E);
  d.tau = F(2 * Math.PI);
  d.inf = F(Infinity);
  d.nan = F(NaN);
  const f1 = (name: string, f: (x: number) => number, dom?: (x: number) => boolean): void => {
    d[name] = bf(name, (x: any) => {
      const v = num(x);
      if (dom && !dom(v)) throw domain();
      return checked(f(v), v);
    });
  };
  f1('sqrt', Math.sqrt, (x) => x >= 0 || Number.isNaN(x));
  f1('exp', Math.exp);
  f1('sin', Math.sin, (x) => Number.isFinite(x) || Number.isNaN(x));
  f1('cos', Math.cos, (x) => Number.isFinite(x) || Number.isNaN(x));
  f1('tan', Math.tan, (x) => Number.isFinite(x) || Number.isNaN(x));
  f1('asin', Math.asin, (x) => Math.abs(x) <= 1 || Number.isNaN(x));
  f1('acos', Math.acos, (x) => Math.abs(x) <= 1 || Number.isNaN(x));
  f1('atan', Math.atan);
  f1('sinh', Math.sinh);
  f1('cosh', Math.cosh);
  f1('tanh', Math.tanh);
  f1('asinh', Math.asinh);
  f1('acosh', Math.acosh, (x) => x >= 1 || Number.isNaN(x));
  f1('atanh', Math.atanh, (x) => Math.abs(x) < 1 || Number.isNaN(x));
  f1('expm1', nat['math.expm1']!);
  f1('log1p', nat['math.log1p']!, (x) => x > -1 || Number.isNaN(x));
  f1('log2', Math.log2, (x) => x > 0 || Number.isNaN(x));
  f1('log10', Math.log10, (x) => x > 0 || Number.isNaN(x));
  f1('fabs', Math.abs);
  f1('degrees', (x) => (x * 180) / Math.PI);
  f1('radians', (x) => (x * Math.PI) / 180);
  f1('erf', nat['math.erf']!);
  f1('erfc', nat['math.erfc']!);
  f1('cbrt', nat['math.cbrt']!);
  f1('gamma', gamma, (x) => !(x <= 0 && Number.isInteger(x)));
  f1('lgamma', (x) => Math.log(Math.abs(gamma(x))), (x) => !(x <= 0 && Number.isInteger(x)));
  d.log = bf('log', (x: any, base?: any) => {
    const lg = (v: any): number => {
      const iv = O.intVal(v);
      if (typeof iv === 'bigint') {
        if (iv <= 0n) throw domain();
        const s = iv.toString(2);
        return Math.log(Number('0b' + s.slice(0, 53))) + (s.length - 53) * Math.LN2;
      }
      const n = num(v);
      if (n <= 0 && !Number.isNaN(n)) throw domain();
      return Math.log(n);
    };
    const r = lg(x);
    if (base === undefined) return F(r);
    const b = lg(base);
    if (b === 0) throw mkExc(excTypes.ZeroDivisionError!, 'float division by zero');
    return F(r / b);
  });
  d.pow = bf('pow', (x: any, y: any) => {
    const a = num(x), b = num(y);
    if (a === 0 && b < 0) throw domain();
    if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) throw domain();
    return checked(Math.pow(a, b), a + b);
  });
  d.atan2 = bf('atan2', (y: any, x: any) => F(Math.atan2(num(y), num(x))));
  d.hypot = bf('hypot', (...a: any[]) => F(Math.hypot(...a.map(num))));
  d.dist = bf('dist', (p: any, q: any) => {
    const a = O.toArray(p).map(num), b = O.toArray(q).map(num);
    return F(Math.hypot(...a.map((v, i) => v - b[i]!)));
  });
  d.copysign = bf('copysign', (x: any, y: any) => {
    const a = Math.abs(num(x)), b = num(y);
    return F(b < 0 || Object.is(b, -0) ? -a : a);
  });
  d.fmod = bf('fmod', (x: any, y: any) => {
    const a = num(x), b = num(y);
    if (b === 0 && !Number.isNaN(a) || !Number.isFinite(a) && !Number.isNaN(a)) throw domain();
    return F(nat['math.fmod']!(a, b));
  });
  d.nextafter = bf('nextafter', (x: any, y: any) => F(nat['math.nextafter']!(num(x), num(y))));
  d.ulp = bf('ulp', (x: any) => {
    const v = Math.abs(num(x));
    if (!Number.isFinite(v)) return F(v);
    const n = nat['math.nextafter']!(v, Infinity);
    return F(Number.isFinite(n) ? n - v : v - nat['math.nextafter']!(v, -Infinity));
  });
  d.modf = bf('modf', (x: any) => {
    const v = num(x);
    const i = Math.trunc(v);
    return new PyTuple([F(v - i), F(i)]);
  });
  d.frexp = bf('frexp', (x: any) => {
    let v = num(x);
    if (v === 0 || !Number.isFinite(v)) return new PyTuple([F(v), 0]);
    let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(v))) + 1);
    v = v * Math.pow(2, -e);
    while (Math.abs(v) < 0.5) { v *= 2; e--; }
    while (Math.abs(v) >= 1) { v /= 2; e++; }
    return new PyTuple([F(v), e]);
  });
  d.ldexp = bf('ldexp', (x: any, i: any) => checked(num(x) * Math.pow(2, Number(i)), num(x)));
  const toInt = (v: number, f: (x: number) => number): any => {
    if (Number.isNaN(v)) throw mkExc(ValueError_, 'cannot convert float NaN to integer');
    if (!Number.isFinite(v)) throw mkExc(OverflowError_, 'cannot convert float infinity to integer');
    const r = f(v);
    return Math.abs(r) <= MAXS ? (r === 0 ? 0 : r) : BigInt(r);
  };
  const rounder = (name: string, f: (x: number) => number, dunder: string): void => {
    d[name] = bf(name, (x: any) => {
      const iv = O.intVal(x);
      if (iv !== undefined) return iv;
      if (x instanceof PyFloat) return toInt(x.v, f);
      const m = O.getattrOpt(x, dunder);
      if (m !== undefined) return call(m, [], null);
      return toInt(num(x), f);
    });
  };
  rounder('floor', Math.floor, '__floor__');
  rounder('ceil', Math.ceil, '__ceil__');
  rounder('trunc', Math.trunc, '__trunc__');
  d.isnan = bf('isnan', (x: any) => Number.isNaN(num(x)));
  d.isinf = bf('isinf', (x: any) => {
    const v = num(x);
    return !Number.isFinite(v) && !Number.isNaN(v);
  });
  d.isfinite = bf('isfinite', (x: any) => Number.isFinite(num(x)));
  d.isclose = Object.assign(bf('isclose', (a: any, b: any) => isclose(num(a), num(b), 1e-9, 0)), {
    $s: false,
    $kw: (args: any[], kw: any) => isclose(num(args[0]), num(args[1]), kw?.has('rel_tol') ? num(kw.get('rel_tol')) : 1e-9, kw?.has('abs_tol') ? num(kw.get('abs_tol')) : 0),
  });
  const big = (x: any): bigint => {
    const v = O.intVal(x);
    if (v === undefined) throw mkExc(TypeError_, `'${typeOf(x).name}' object cannot be interpreted as an integer`);
    return BigInt(v);
  };
  const gcd2 = (a: bigint, b: bigint): bigint => {
    a = a < 0n ? -a : a;
    b = b < 0n ? -b : b;
    while (b) [a, b] = [b, a % b];
    return a;
  };
  d.gcd = bf('gcd', (...a: any[]) => O.norm(a.map(big).reduce(gcd2, 0n)));
  d.lcm = bf('lcm', (...a: any[]) => O.norm(a.map(big).reduce((x, y) => (x === 0n || y === 0n ? 0n : ((x * y < 0n ? -(x * y) : x * y) / gcd2(x, y))), 1n)));
  d.factorial = bf('factorial', (x: any) => {
    if (x instanceof PyFloat) throw mkExc(TypeError_, "'float' object cannot be interpreted as an integer");
    const n = big(x);
    if (n < 0n) throw mkExc(ValueError_, 'factorial() not defined for negative values');
    let r = 1n;
    for (let i = 2n; i <= n; i++) r *= i;
    return O.norm(r);
  });
  d.comb = bf('comb', (n0: any, k0: any) => {
    const n = big(n0), k = big(k0);
    if (n < 0n || k < 0n) throw mkExc(ValueError_, `${n < 0n ? 'n' : 'k'} must be a non-negative integer`);
    if (k > n) return 0;
    let r = 1n;
    const kk = k < n - k ? k : n - k;
    for (let i = 0n; i < kk; i++) r = (r * (n - i)) / (i + 1n);
    return O.norm(r);
  });
  d.perm = bf('perm', (n0: any, k0?: any) => {
    const n = big(n0), k = k0 === undefined || k0 === null ? n : big(k0);
    if (k > n) return 0;
    let r = 1n;
    for (let i = 0n; i < k; i++) r *= n - i;
    return O.norm(r);
  });
  d.isqrt = bf('isqrt', (x: any) => {
    const n = big(x);
    if (n < 0n) throw mkExc(ValueError_, 'isqrt() argument must be nonnegative');
    if (n < 2n) return O.norm(n);
    let r = BigInt(Math.floor(Math.sqrt(Number(n))));
    while (r * r > n) r--;
    while ((r + 1n) * (r + 1n) <= n) r++;
    return O.norm(r);
  });
  d.prod = Object.assign(bf('prod', (it: any) => O.toArray(it).reduce((a, b) => O.mul(a, b), 1)), {
    $s: false,
    $kw: (args: any[], kw: any) => O.toArray(args[0]).reduce((a, b) => O.mul(a, b), kw?.get('start') ?? 1),
  });
  d.fsum = bf('fsum', (it: any) => F(fsum(O.toArray(it).map(num))));
}
function isclose(a: number, b: number, rel: number, abs: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(b - a);
  return diff <= Math.abs(rel * b) || diff <= Math.abs(rel * a) || diff <= abs;
}
/** Shewchuk's exact summation, as CPython's math.fsum. */
function fsum(xs: number[]): number {
  const partials: number[] = [];
  for (let x of xs) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  let hi = 0;
  let n = partials.length;
  if (n > 0) {
    hi = partials[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1]! < 0) || (lo > 0 && partials[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}
function gamma(x: number): number {
  if (Number.isInteger(x) && x > 0 && x < 171) {
    let r = 1;
    for (let i = 2; i < x; i++) r *= i;
    return r;
  }
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}

/** A tuple type with named fields (time.struct_time, posix.uname_result). */
function structSeq(qual: string, fields: string[], nvisible: number): PyType {
  const t = new PyType(type_, qual.slice(qual.lastIndexOf('.') + 1), [tuple_], null);
  t.module = qual.slice(0, qual.lastIndexOf('.'));
  (t as any).$user = true;
  (t as any).$fields = fields;
  def(t, '__repr__', (x: PyTuple) => `${qual}(${fields.slice(0, nvisible).map((f, i) => `${f}=${repr(x.a[i])}`).join(', ')})`);
  (t as any).$gattr = (x: PyTuple, n: string) => {
    const i = fields.indexOf(n);
    return i < 0 ? undefined : i < x.a.length ? x.a[i] : (x as any).$extra?.[n];
  };
  return t;
}
function mkSeq(t: PyType, vals: any[], extra?: Record<string, any>): PyTuple {
  const x: any = new PyTuple(vals);
  x.$c = t;
  x.$d = new NS();
  if (extra) x.$extra = extra;
  return x;
}

/** time: clocks and calendar functions from the C core (bound through its DWARF). */
function timeModule(d: any): void {
  const nat = natives();
  const clock = (c: number): bigint => BigInt(nat['time.clock_ns']!(c));
  const structTime = structSeq('time.struct_time', ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst', 'tm_zone', 'tm_gmtoff'], 9);
  d.struct_time = structTime;
  const toSeq = (tm: any): PyTuple => mkSeq(structTime, [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst], { tm_zone: tm.zone, tm_gmtoff: Number(tm.gmtoff) });
  const fromSeq = (x: any): any => {
    const a = O.toArray(x).map((v: any) => Number(O.intVal(v) ?? 0));
    if (a.length !== 9) throw mkExc(TypeError_, 'function takes exactly 9 arguments (' + a.length + ' given)');
    return { year: a[0], mon: a[1], mday: a[2], hour: a[3], min: a[4], sec: a[5], wday: a[6], yday: a[7], isdst: a[8], gmtoff: Number(x?.$extra?.tm_gmtoff ?? 0), zone: String(x?.$extra?.tm_zone ?? '') };
  };
  const secs = (s: any): bigint => {
    if (s === undefined || s === null) return clock(0) / 1000000000n;
    const v = num(s);
    if (!Number.isFinite(v)) throw mkExc(OverflowError_, 'timestamp out of range for platform time_t');
    return BigInt(Math.floor(v));
  };
  const broken = (which: 'localtime' | 'gmtime') => (s?: any): PyTuple => {
    const tm: any = {};
    const rc = nat[`time.${which}`]!(secs(s), tm);
    if (rc !== 0) throw mkExc(OverflowError_, 'timestamp out of range for platform time_t');
    return toSeq(tm);
  };
  d.time = bf('time', () => F(Number(clock(0)) / 1e9));
  d.time_ns = bf('time_ns', () => O.norm(clock(0)));
  d.monotonic = bf('monotonic', () => F(Number(clock(1)) / 1e9));
  d.monotonic_ns = bf('monotonic_ns', () => O.norm(clock(1)));
  d.perf_counter = d.monotonic;
  d.perf_counter_ns = d.monotonic_ns;
  d.process_time = bf('process_time', () => F(Number(clock(2)) / 1e9));
  d.process_time_ns = bf('process_time_ns', () => O.norm(clock(2)));
  d.thread_time = bf('thread_time', () => F(Number(clock(3)) / 1e9));
  d.sleep = bf('sleep', (s: any) => {
    const ms = num(s) * 1000;
    if (ms < 0) throw mkExc(ValueError_, 'sleep length must be non-negative');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return null;
  });
  d.localtime = bf('localtime', broken('localtime'));
  d.gmtime = bf('gmtime', broken('gmtime'));
  d.mktime = bf('mktime', (x: any) => {
    const ok: any = [0];
    const r = nat['time.mktime']!(fromSeq(x), ok);
    if (!ok[0]) throw mkExc(OverflowError_, 'mktime argument out of range');
    return F(Number(r));
  });
  d.strftime = bf('strftime', (fmt: any, t?: any) => {
    const tm = fromSeq(t === undefined ? d.localtime() : t);
    for (let size = 256; size <= 1 << 20; size *= 4) {
      const buf = Buffer.alloc(size);
      const n = Number(nat['time.strftime']!(buf, size, String(fmt), tm));
      if (n > 0 || String(fmt) === '') return buf.toString('utf8', 0, n);
    }
    return '';
  });
  d.asctime = bf('asctime', (t?: any) => d.strftime('%a %b %e %H:%M:%S %Y', t === undefined ? d.localtime() : t));
  d.ctime = bf('ctime', (s?: any) => d.asctime(d.localtime(s)));
  const tz: any = {};
  nat['time.localtime']!(0n, tz);
  d.timezone = -Number(tz.gmtoff);
  d.tzname = new PyTuple([tz.zone, tz.zone]);
  d.daylight = 0;
}

/** os and os.path. */
function osModule(d: any, interp: any): void {
  d.name = 'posix';
  d.sep = '/';
  d.linesep = '\n';
  d.curdir = '.';
  d.pardir = '..';
  d.pathsep = ':';
  d.devnull = '/dev/null';
  const env = new PyDict();
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env.set(k, v);
  d.environ = env;
  d.getcwd = bf('getcwd', () => process.cwd());
  d.getpid = bf('getpid', () => process.pid);
  const nat = natives();
  for (const n of ['getppid', 'getuid', 'geteuid', 'getgid', 'getegid']) d[n] = bf(n, () => nat[`os.${n}`]!());
  d.strerror = bf('strerror', (e: any) => nat['os.strerror']!(Number(O.intVal(e))));
  const unameT = structSeq('posix.uname_result', ['sysname', 'nodename', 'release', 'version', 'machine'], 5);
  d.uname = bf('uname', () => {
    const u: any = {};
    const rc = nat['os.uname']!(u);
    if (rc !== 0) throw mkExc(OSError_, -rc, nat['os.strerror']!(-rc));
    return mkSeq(unameT, [u.sysname, u.nodename, u.release, u.version, u.machine]);
  });
  d.cpu_count = bf('cpu_count', () => {
    const n = nat['os.cpu_count']!();
    return n > 0 ? n : null;
  });
  d.getenv = bf('getenv', (k: string, dflt: any = null) => {
    const v = process.env[k];
    return v === undefined ? dflt : v;
  });
  const oserr = (e: any, path: string): PyExc => {
    const codes: Record<string, [number, string, string]> = {
      ENOENT: [2, 'No such file or directory', 'FileNotFoundError'], EEXIST: [17, 'File exists', 'FileExistsError'],
      ENOTDIR: [20, 'Not a directory', 'NotADirectoryError'], EISDIR: [21, 'Is a directory', 'IsADirectoryError'],
      EACCES: [13, 'Permission denied', 'PermissionError'], ENOTEMPTY: [39, 'Directory not empty', 'OSError'],
    };
    const c = codes[e.code] ?? [5, String(e.message), 'OSError'];
    const x = mkExc(excTypes[c[2]] ?? OSError_, c[0], c[1], path);
    x.$d.errno = c[0];
    x.$d.strerror = c[1];
    x.$d.filename = path;
    return x;
  };
  const wrap = <T>(path: string, f: () => T): T => {
    try {
      return f();
    } catch (e: any) {
      if (e instanceof PyExc) throw e;
      throw oserr(e, path);
    }
  };
  // Directory order as python3 sees it (readdirSync sorts; a Dir handle does not).
  const listdir = (path: string): string[] => {
    const dir = opendirSync(path);
    const out: string[] = [];
    try {
      let e;
      while ((e = dir.readSync()) !== null) out.push(e.name);
    } finally {
      dir.closeSync();
    }
    return out;
  };
  d.listdir = bf('listdir', (p: any = '.') => wrap(String(p), () => listdir(String(p))));
  d.mkdir = bf('mkdir', (p: string) => wrap(p, () => (mkdirSync(p), null)));
  d.makedirs = Object.assign(bf('makedirs', (p: string) => wrap(p, () => (mkdirSync(p, { recursive: true }), null))), {
    $s: false,
    $kw: (args: any[], kw: any) => {
      const p = String(args[0]);
      if (existsSync(p) && !O.truthy(kw?.get('exist_ok') ?? args[2] ?? false)) throw oserr({ code: 'EEXIST' }, p);
      return wrap(p, () => (mkdirSync(p, { recursive: true }), null));
    },
  });
  d.remove = bf('remove', (p: string) => wrap(p, () => (unlinkSync(p), null)));
  d.unlink = d.remove;
  d.rmdir = bf('rmdir', (p: string) => wrap(p, () => (rmdirSync(p), null)));
  d.rename = bf('rename', (a: string, b: string) => wrap(a, () => (renameSync(a, b), null)));
  d.replace = d.rename;
  d.chdir = bf('chdir', (p: string) => wrap(p, () => (process.chdir(p), null)));
  d.walk = bf('walk', (top: string) => {
    const out: any[] = [];
    const rec = (dir: string): void => {
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch {
        return;
      }
      const dirs = names.filter((n) => {
        try {
          return statSync(pathm.join(dir, n)).isDirectory();
        } catch {
          return false;
        }
      });
      const filesL = names.filter((n) => !dirs.includes(n));
      out.push(new PyTuple([dir, dirs, filesL]));
      for (const x of dirs) rec(pathm.join(dir, x));
    };
    rec(top);
    return new O.ArrIt(out);
  });
  d.stat = bf('stat', (p: string) => wrap(p, () => {
    const s = statSync(p);
    const r = new PyModule(new NS());
    Object.assign(r.$d, { st_size: s.size, st_mtime: F(s.mtimeMs / 1000), st_mode: s.mode, st_ino: s.ino, st_nlink: s.nlink, st_uid: s.uid, st_gid: s.gid, st_atime: F(s.atimeMs / 1000), st_ctime: F(s.ctimeMs / 1000) });
    return r;
  }));
  d.urandom = bf('urandom', (n: any) => {
    const b = new Uint8Array(Number(n));
    for (let i = 0; i < b.length; i++) b[i] = Math.floor(Math.random() * 256);
    return new PyBytes(b);
  });
  d.system = bf('system', () => {
    throw mkExc(OSError_, 'os.system is not supported by parathon');
  });
  d._exit = bf('_exit', (n: any) => process.exit(Number(n)));
  // os.path
  const p = new PyModule(new NS());
  const pd = p.$d;
  pd.__name__ = 'posixpath';
  pd.sep = '/';
  pd.join = bf('join', (...a: any[]) => {
    let r = '';
    for (const x of a.map(String)) {
      if (x.startsWith('/')) r = x;
      else if (r === '' || r.endsWith('/')) r += x;
      else r += '/' + x;
    }
    return r;
  });
  pd.exists = bf('exists', (x: any) => existsSync(String(x)));
  pd.isfile = bf('isfile', (x: any) => existsSync(String(x)) && statSync(String(x)).isFile());
  pd.isdir = bf('isdir', (x: any) => existsSync(String(x)) && statSync(String(x)).isDirectory());
  pd.islink = bf('islink', (x: any) => {
    try {
      return lstatSync(String(x)).isSymbolicLink();
    } catch {
      return false;
    }
  });
  pd.isabs = bf('isabs', (x: any) => String(x).startsWith('/'));
  pd.basename = bf('basename', (x: any) => String(x).slice(String(x).lastIndexOf('/') + 1));
  pd.dirname = bf('dirname', (x: any) => {
    const s = String(x), i = s.lastIndexOf('/') + 1;
    let h = s.slice(0, i);
    if (h && h !== '/'.repeat(h.length)) h = h.replace(/\/+$/, '');
    return h;
  });
  pd.split = bf('split', (x: any) => new PyTuple([pd.dirname(x), pd.basename(x)]));
  pd.splitext = bf('splitext', (x: any) => {
    const s = String(x);
    const base = s.slice(s.lastIndexOf('/') + 1);
    const i = base.lastIndexOf('.');
    if (i <= 0 || /^\.+$/.test(base.slice(0, i + 1))) return new PyTuple([s, '']);
    const cut = s.length - base.length + i;
    return new PyTuple([s.slice(0, cut), s.slice(cut)]);
  });
  pd.abspath = bf('abspath', (x: any) => pathm.resolve(String(x)));
  pd.realpath = pd.abspath;
  pd.normpath = bf('normpath', (x: any) => {
    const s = String(x);
    if (s === '') return '.';
    const n = pathm.posix.normalize(s).replace(/\/+$/, '');
    return n === '' ? '/' : s.startsWith('//') && !s.startsWith('///') ? '/' + n : n;
  });
  pd.getsize = bf('getsize', (x: any) => wrap(String(x), () => statSync(String(x)).size));
  pd.getmtime = bf('getmtime', (x: any) => wrap(String(x), () => F(statSync(String(x)).mtimeMs / 1000)));
  pd.expanduser = bf('expanduser', (x: any) => String(x).replace(/^~(?=$|\/)/, process.env.HOME ?? '~'));
  pd.relpath = bf('relpath', (x: any, start: any = '.') => pathm.relative(String(start), String(x)) || '.');
  pd.commonprefix = bf('commonprefix', (xs: any) => {
    const a = O.toArray(xs).map(String);
    if (!a.length) return '';
    let pre = a[0]!;
    for (const s of a) while (!s.startsWith(pre)) pre = pre.slice(0, -1);
    return pre;
  });
  d.path = p;
  interp.modules.set('os.path', p);
  interp.modules.set('posixpath', p);
  void rmSync;
  void FileNotFoundError_;
  void isSubtype;
  void intFrom;
}
