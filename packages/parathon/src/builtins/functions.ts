// The `builtins` namespace: functions, types and exceptions every module sees.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { readSync, writeSync, openSync, closeSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import * as C from '../runtime/core.js';
import {
  PyType, PyFloat, PyComplex, PyTuple, PyBytes, PyExc, PyMethod, NS, mkExc, typeOf, lookup, isSubtype, tname, call1,
  call2, TypeError_, ValueError_, StopIteration_, object_, type_, int_, float_, str_, list_, tuple_, dict_, set_,
  frozenset_, bytes_, bytearray_, range_, slice_, iterator_, NotImplemented, Ellipsis, excTypes, MAXS, OSError_,
  FileNotFoundError_, EOFError_, AttributeError_,
} from '../runtime/core.js';
import { PyDict, PySet } from '../runtime/dict.js';
import * as O from '../runtime/ops.js';
import { call, Kw, PySuper } from '../runtime/calls.js';
import { format, fixed } from '../runtime/format.js';
import { arg, repr, str, absOf, intFrom, floatFrom, dirOf, nsDict, def } from './types.js';
import { sortList, decode, encode, PyGen } from './containers.js';

/** The builtins namespace. */
export const B: any = new NS();

/** Register a builtin function (positional only, or with a keyword entry point). */
function fn(name: string, f: (...a: any[]) => any, kw?: (args: any[], kw: Kw) => any): void {
  const g: any = f;
  g.$s = !kw;
  g.$name = name;
  if (kw) g.$kw = kw;
  B[name] = g;
}

/** Builtins that take exactly one argument report a wrong count as CPython does. */
function oneArg(name: string): void {
  const f = B[name];
  const g: any = (...a: any[]) => {
    if (a.length !== 1) throw mkExc(TypeError_, `${name}() takes exactly one argument (${a.length} given)`);
    return f(a[0]);
  };
  g.$s = true;
  g.$name = name;
  B[name] = g;
}

// -- output --

const stdoutRef: { s: TextStream | null } = { s: null };
/** A text stream over a file descriptor, buffered until newline-heavy output or exit. */
export class TextStream {
  $c: PyType = textIOType;
  buf = '';
  closed = false;
  constructor(public fd: number, public name: string, public lineBuffered: boolean) {}
  write(s: string): number {
    if (this.fd === 2 && this !== stdoutRef.s) stdoutRef.s?.flush();
    this.buf += s;
    if (this.buf.length > 1 << 16 || (this.lineBuffered && s.includes('\n'))) this.flush();
    return s.length;
  }
  flush(): void {
    if (this.buf) {
      const b = Buffer.from(this.buf, 'utf8');
      this.buf = '';
      let off = 0;
      while (off < b.length) {
        try {
          off += writeSync(this.fd, b, off);
        } catch (e: any) {
          if (e.code === 'EAGAIN') continue;
          if (e.code === 'EPIPE') return;
          throw e;
        }
      }
    }
  }
}
const textIOType = new PyType(type_, 'TextIOWrapper', [object_], null, 'stream');
textIOType.module = '_io';
def(textIOType, 'write', (s: any, x: any) => {
  if (typeof x !== 'string') throw mkExc(TypeError_, `write() argument must be str, not ${tname(x)}`);
  if (s instanceof TextStream) return s.write(x);
  return (s as PyFile).write(x);
});
def(textIOType, 'flush', (s: any) => {
  s.flush();
  return null;
});
def(textIOType, 'fileno', (s: any) => s.fd);
def(textIOType, 'isatty', (s: any) => (s.fd >= 0 ? require_tty(s.fd) : false));
function require_tty(fd: number): boolean {
  try {
    return (process.stdout.isTTY && fd === 1) || (process.stdin.isTTY && fd === 0) || (process.stderr.isTTY && fd === 2) || false;
  } catch {
    return false;
  }
}
/** sys.stdout / sys.stderr / sys.stdin. */
export const stdout = new TextStream(1, '<stdout>', !!process.stdout.isTTY);
stdoutRef.s = stdout;
/** sys.stderr (unbuffered per write; flushes stdout first). */
export const stderr = new TextStream(2, '<stderr>', true);
/** Flush the standard streams (at exit, before tracebacks). */
export function flushAll(): void {
  stdout.flush();
  stderr.flush();
}

/** Where print() writes by default; sys replaces this when sys.stdout is reassigned. */
export const streams: { stdout: any; stderr: any; stdin: any } = { stdout, stderr, stdin: null };

/** print(*args, sep=' ', end='\n', file=None, flush=False). */
export function print(args: any[], kw: Kw): any {
  let sep = ' ', end = '\n', file: any = null, fl = false;
  if (kw) {
    for (const [k, v] of kw) {
      if (k === 'sep') sep = v === null ? ' ' : v;
      else if (k === 'end') end = v === null ? '\n' : v;
      else if (k === 'file') file = v;
      else if (k === 'flush') fl = O.truthy(v);
      else throw mkExc(TypeError_, `'${k}' is an invalid keyword argument for print()`);
    }
    if (typeof sep !== 'string') throw mkExc(TypeError_, `sep must be None or a string, not ${tname(sep)}`);
    if (typeof end !== 'string') throw mkExc(TypeError_, `end must be None or a string, not ${tname(end)}`);
  }
  let s = '';
  for (let i = 0; i < args.length; i++) s += (i ? sep : '') + str(args[i]);
  s += end;
  const f = file ?? (streams as any).sysd?.stdout ?? streams.stdout;
  if (f instanceof TextStream) {
    if (f === stderr) stdout.flush();
    f.write(s);
    if (fl) f.flush();
  } else {
    O.cm1(f, 'write', s);
    if (fl) O.cm0(f, 'flush');
  }
  return null;
}
fn('print', (...args: any[]) => print(args, null), print);

// -- input --

/** Read one line from fd 0 (without the newline); null at EOF. */
export function readLine(): string | null {
  const bytes: number[] = [];
  const b = Buffer.alloc(1);
  for (;;) {
    let n = 0;
    try {
      n = readSync(0, b, 0, 1, null);
    } catch (e: any) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') n = 0;
      else throw e;
    }
    if (n === 0) {
      if (!bytes.length) return null;
      break;
    }
    if (b[0] === 10) break;
    bytes.push(b[0]!);
  }
  return Buffer.from(bytes).toString('utf8');
}
fn('input', (prompt?: any) => {
  if (prompt !== undefined) {
    stdout.write(str(prompt));
  }
  stdout.flush();
  const l = streams.stdin && !(streams.stdin instanceof StdinStream) ? O.cm0(streams.stdin, 'readline') : readLine();
  if (l === null || l === '') throw mkExc(EOFError_, 'EOF when reading a line');
  return typeof l === 'string' ? l.replace(/\n$/, '') : l;
});
/** sys.stdin. */
export class StdinStream {
  $c: PyType = stdinType;
  fd = 0;
  readline(): string {
    const l = readLine();
    return l === null ? '' : l + '\n';
  }
  read(): string {
    return readFileSync(0, 'utf8');
  }
}
const stdinType = new PyType(type_, 'TextIOWrapper', [object_], null, 'stream');
def(stdinType, 'readline', (s: StdinStream) => s.readline());
def(stdinType, 'read', (s: StdinStream) => s.read());
def(stdinType, 'readlines', (s: StdinStream) => s.read().split(/(?<=\n)/).filter((x) => x));
def(stdinType, '__iter__', (s: StdinStream) => new O.ArrIt(s.read().split(/(?<=\n)/).filter((x) => x)));
def(stdinType, 'fileno', () => 0);
def(stdinType, 'isatty', () => !!process.stdin.isTTY);
streams.stdin = new StdinStream();

// -- files --

/** A file from open(): text or binary, read eagerly, written on flush/close. */
export class PyFile {
  $c: PyType = fileType;
  data: string | Uint8Array = '';
  pos = 0;
  out: (string | Uint8Array)[] = [];
  closed = false;
  fd: number;
  constructor(public name: string, public mode: string, public binary: boolean, public encoding: string) {
    const reading = mode.includes('r') && !mode.includes('+');
    try {
      if (reading || mode.includes('+') && mode.includes('r')) {
        const raw = readFileSync(name);
        this.data = binary ? new Uint8Array(raw) : decode(new Uint8Array(raw), encoding).replace(/\r\n/g, '\n');
      }
      const flags = mode.includes('w') ? 'w' : mode.includes('a') ? 'a' : mode.includes('x') ? 'wx' : 'r';
      this.fd = openSync(name, flags);
    } catch (e: any) {
      const errno = e.code === 'ENOENT' ? 2 : e.code === 'EACCES' ? 13 : e.code === 'EISDIR' ? 21 : e.code === 'EEXIST' ? 17 : 5;
      const msg = e.code === 'ENOENT' ? 'No such file or directory' : e.code === 'EACCES' ? 'Permission denied' : e.code === 'EISDIR' ? 'Is a directory' : e.code === 'EEXIST' ? 'File exists' : String(e.message);
      const t = errno === 2 ? FileNotFoundError_ : errno === 13 ? excTypes.PermissionError! : errno === 21 ? excTypes.IsADirectoryError! : errno === 17 ? excTypes.FileExistsError! : OSError_;
      const ex = mkExc(t, errno, msg, name);
      ex.$d.errno = errno;
      ex.$d.strerror = msg;
      ex.$d.filename = name;
      throw ex;
    }
  }
  check(): void {
    if (this.closed) throw mkExc(ValueError_, 'I/O operation on closed file.');
  }
  read(n = -1): any {
    this.check();
    const d = this.data;
    const end = n < 0 ? d.length : Math.min(d.length, this.pos + n);
    const r = d.slice(this.pos, end);
    this.pos = end;
    return this.binary ? new PyBytes(r as Uint8Array) : r;
  }
  readline(): any {
    this.check();
    const d = this.data;
    let end: number;
    if (typeof d === 'string') {
      const i = d.indexOf('\n', this.pos);
      end = i < 0 ? d.length : i + 1;
    } else {
      const i = d.indexOf(10, this.pos);
      end = i < 0 ? d.length : i + 1;
    }
    const r = d.slice(this.pos, end);
    this.pos = end;
    return this.binary ? new PyBytes(r as Uint8Array) : r;
  }
  write(x: any): number {
    this.check();
    if (this.binary) {
      if (!(x instanceof PyBytes)) throw mkExc(TypeError_, `a bytes-like object is required, not '${tname(x)}'`);
      this.out.push(x.b.slice());
      return x.b.length;
    }
    if (typeof x !== 'string') throw mkExc(TypeError_, `write() argument must be str, not ${tname(x)}`);
    this.out.push(x);
    if (this.out.length > 4096) this.flush();
    return O.strLen(x);
  }
  flush(): void {
    if (!this.out.length) return;
    for (const p of this.out) writeSync(this.fd, typeof p === 'string' ? Buffer.from(encode(p, this.encoding)) : p);
    this.out = [];
  }
  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}
const fileType = new PyType(type_, 'TextIOWrapper', [object_], null, 'stream');
fileType.module = '_io';
def(fileType, 'read', (f: PyFile, n?: any) => f.read(n === undefined || n === null ? -1 : Number(n)));
def(fileType, 'readline', (f: PyFile) => f.readline());
def(fileType, 'readlines', (f: PyFile) => {
  const out: any[] = [];
  for (;;) {
    const l = f.readline();
    if ((l instanceof PyBytes ? l.b.length : l.length) === 0) return out;
    out.push(l);
  }
});
def(fileType, 'write', (f: PyFile, x: any) => f.write(x));
def(fileType, 'writelines', (f: PyFile, xs: any) => {
  for (const x of O.items(xs)) f.write(x);
  return null;
});
def(fileType, 'close', (f: PyFile) => {
  f.close();
  return null;
});
def(fileType, 'flush', (f: PyFile) => {
  f.flush();
  return null;
});
def(fileType, '__enter__', (f: PyFile) => f);
def(fileType, '__exit__', (f: PyFile) => {
  f.close();
  return null;
});
def(fileType, '__iter__', (f: PyFile) => ({
  $c: fileIterType,
  nx: () => {
    const l = f.readline();
    return (l instanceof PyBytes ? l.b.length : l.length) === 0 ? undefined : l;
  },
}));
const fileIterType = new PyType(type_, 'file_iterator', [iterator_], null, 'iterator');
(fileType as any).$gattr = (f: PyFile, n: string) => (n === 'name' ? f.name : n === 'mode' ? f.mode : n === 'closed' ? f.closed : undefined);
const openImpl = (file: any, mode: any = 'r', encoding: any = null): PyFile => {
  const m = String(mode);
  const path = typeof file === 'string' ? file : str(file);
  if (existsSync(path) && statSync(path).isDirectory() && !m.includes('w')) {
    const e = mkExc(excTypes.IsADirectoryError!, 21, 'Is a directory', path);
    throw e;
  }
  return new PyFile(path, m, m.includes('b'), encoding ?? 'utf-8');
};
fn('open', openImpl, (args, kw) => openImpl(arg(args, kw, 0, 'file', null), arg(args, kw, 1, 'mode', 'r'), arg(args, kw, 3, 'encoding', null)));
void writeFileSync;

// -- numbers --

fn('abs', absOf);
fn('hex', (x: any) => fmtBase(x, 16, '0x'));
fn('oct', (x: any) => fmtBase(x, 8, '0o'));
fn('bin', (x: any) => fmtBase(x, 2, '0b'));
function fmtBase(x: any, b: number, p: string): string {
  const v = O.indexVal(x);
  const neg = v < 0;
  const s = (neg ? -BigInt(v) : BigInt(v)).toString(b);
  return (neg ? '-' : '') + p + s;
}
fn('chr', (x: any) => {
  const v = Number(O.indexVal(x));
  if (!(v >= 0 && v <= 0x10ffff)) throw mkExc(ValueError_, 'chr() arg not in range(0x110000)');
  return String.fromCodePoint(v);
});
fn('ord', (x: any) => {
  if (typeof x === 'string') {
    const cps = O.codePoints(x);
    if (cps.length !== 1) throw mkExc(TypeError_, `ord() expected a character, but string of length ${cps.length} found`);
    return cps[0]!.codePointAt(0);
  }
  if (x instanceof PyBytes && x.b.length === 1) return x.b[0];
  throw mkExc(TypeError_, `ord() expected string of length 1, but ${tname(x)} found`);
});
/** round(x[, n]) with CPython's half-even rounding of the exact value. */
export function round(x: any, n?: any): any {
  if (x instanceof PyFloat) {
    const v = x.v;
    if (n === undefined || n === null) {
      if (!Number.isFinite(v)) throw mkExc(v !== v ? ValueError_ : C.OverflowError_, v !== v ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
      let r = Math.round(v);
      if (Math.abs(v % 1) === 0.5) r = 2 * Math.round(v / 2);
      return Math.abs(r) <= MAXS ? (r === 0 ? 0 : r) : BigInt(r);
    }
    const d = Number(O.indexVal(n));
    if (!Number.isFinite(v) || v === 0) return x;
    if (d > 300) return x;
    if (d >= 0) return new PyFloat(Number((v < 0 ? '-' : '') + fixed(Math.abs(v), d)));
    const p = 10 ** -d;
    let q = v / p;
    const rq = Math.round(q);
    q = Math.abs(q % 1) === 0.5 ? 2 * Math.round(q / 2) : rq;
    return new PyFloat(q * p);
  }
  const iv = O.intVal(x);
  if (iv !== undefined) {
    if (n === undefined || n === null || O.intVal(n) >= 0) return iv;
    const p = 10n ** BigInt(-O.intVal(n));
    const b = BigInt(iv);
    let q = b / p, r = b % p;
    if (r < 0n) {
      q -= 1n;
      r += p;
    }
    if (2n * r > p || (2n * r === p && (q & 1n) === 1n)) q += 1n;
    return O.norm(q * p);
  }
  const f = lookup(typeOf(x), '__round__');
  if (f === undefined) throw mkExc(TypeError_, `type ${tname(x)} doesn't define __round__ method`);
  return n === undefined ? call1(f, x) : call2(f, x, n);
}
fn('round', round, (args, kw) => round(arg(args, kw, 0, 'number', undefined), arg(args, kw, 1, 'ndigits', undefined)));
fn('divmod', (a: any, b: any) => {
  if (O.numVal(a) !== undefined && O.numVal(b) !== undefined) return new PyTuple([O.floordiv(a, b), O.mod(a, b)]);
  const f = lookup(typeOf(a), '__divmod__');
  if (f !== undefined) return call2(f, a, b);
  throw mkExc(TypeError_, `unsupported operand type(s) for divmod(): '${tname(a)}' and '${tname(b)}'`);
});
fn('pow', (a: any, b: any, m?: any) => O.pow(a, b, m));
fn('hash', (x: any) => O.exactHash(x));
fn('id', (x: any) => O.idOf(x));
fn('len', (x: any) => O.lenOf(x));

// -- iteration --

class EnumIt {
  declare $c: PyType;
  constructor(public it: O.It, public i: any) {}
  nx(): any {
    const v = this.it.nx();
    if (v === undefined) return undefined;
    const r = new PyTuple([this.i, v]);
    this.i = typeof this.i === 'number' && this.i < MAXS ? this.i + 1 : O.add(this.i, 1);
    return r;
  }
}
class ZipIt {
  declare $c: PyType;
  constructor(public its: O.It[], public strict: boolean) {}
  nx(): any {
    if (!this.its.length) return undefined;
    const out = new Array(this.its.length);
    for (let i = 0; i < this.its.length; i++) {
      const v = this.its[i]!.nx();
      if (v === undefined) {
        if (this.strict) {
          if (i > 0) throw mkExc(ValueError_, `zip() argument ${i + 1} is shorter than argument${i > 1 ? 's 1-' + i : ' 1'}`);
          for (let j = 1; j < this.its.length; j++) {
            if (this.its[j]!.nx() !== undefined) throw mkExc(ValueError_, `zip() argument ${j + 1} is longer than argument${j > 1 ? 's 1-' + j : ' 1'}`);
          }
        }
        return undefined;
      }
      out[i] = v;
    }
    return new PyTuple(out);
  }
}
class MapIt {
  declare $c: PyType;
  constructor(public f: any, public its: O.It[]) {}
  nx(): any {
    if (this.its.length === 1) {
      const v = this.its[0]!.nx();
      return v === undefined ? undefined : call1(this.f, v);
    }
    const args = [];
    for (const it of this.its) {
      const v = it.nx();
      if (v === undefined) return undefined;
      args.push(v);
    }
    return call(this.f, args, null);
  }
}
class FilterIt {
  declare $c: PyType;
  constructor(public f: any, public it: O.It) {}
  nx(): any {
    for (;;) {
      const v = this.it.nx();
      if (v === undefined) return undefined;
      if (this.f === null ? O.truthy(v) : O.truthy(call1(this.f, v))) return v;
    }
  }
}
class RevIt {
  declare $c: PyType;
  constructor(public a: any, public i: number, public get: (i: number) => any) {}
  nx(): any {
    if (this.i < 0) return undefined;
    if (Array.isArray(this.a) && this.i >= this.a.length) {
      this.i = -1;
      return undefined;
    }
    return this.get(this.i--);
  }
}
/** Builtin iterator types (enumerate, zip, map, filter are classes in Python). */
function iterType(name: string, cls: any, ctor: (args: any[], kw: Kw) => any): PyType {
  const t = new PyType(type_, name, [iterator_], null, 'iterator');
  cls.prototype.$c = t;
  def(t, '__new__', (_t: any, ...a: any[]) => ctor(a, null), (args, kw) => ctor(args.slice(1), kw));
  t.$d.__new__.$nobind = true;
  B[name] = t;
  return t;
}
iterType('enumerate', EnumIt, (a, kw) => new EnumIt(O.iter(arg(a, kw, 0, 'iterable', undefined)), arg(a, kw, 1, 'start', 0)));
iterType('zip', ZipIt, (a, kw) => new ZipIt(a.map(O.iter), O.truthy(kw?.get('strict') ?? false)));
iterType('map', MapIt, (a) => {
  if (a.length < 2) throw mkExc(TypeError_, 'map() must have at least two arguments.');
  return new MapIt(a[0], a.slice(1).map(O.iter));
});
iterType('filter', FilterIt, (a) => new FilterIt(a[0], O.iter(a[1])));
iterType('reversed', RevIt, (a) => {
  const x = a[0];
  if (Array.isArray(x)) return new RevIt(x, x.length - 1, (i) => x[i]);
  if (x instanceof PyTuple) return new RevIt(x.a, x.a.length - 1, (i) => x.a[i]);
  if (typeof x === 'string') {
    const cps = O.codePoints(x);
    return new RevIt(cps, cps.length - 1, (i) => cps[i]);
  }
  const f = lookup(typeOf(x), '__reversed__');
  if (f !== undefined) return O.asIt(call1(f, x));
  if (x instanceof C.PyRange || lookup(typeOf(x), '__getitem__') !== undefined) {
    const n = O.lenOf(x);
    return new RevIt(null, n - 1, (i) => O.getitem(x, i));
  }
  throw mkExc(TypeError_, `'${tname(x)}' object is not reversible`);
});
fn('iter', (x: any, sentinel?: any) => {
  if (sentinel !== undefined) {
    return { $c: callIterType, nx: () => {
      const v = call(x, [], null);
      return O.eq(v, sentinel) ? undefined : v;
    } };
  }
  const it = O.iter(x);
  if (it instanceof O.PyIt) return it.o;
  return it;
});
const callIterType = new PyType(type_, 'callable_iterator', [iterator_], null, 'iterator');
/** next(it[, default]). */
export function next(it: any, dflt?: any): any {
  if (typeof it?.nx === 'function' && !(it.$c as any)?.$user) {
    const v = it.nx();
    if (v !== undefined) return v;
    if (dflt !== undefined) return dflt;
    if (it instanceof PyGen) throw it.stop();
    throw mkExc(StopIteration_);
  }
  const f = lookup(typeOf(it), '__next__');
  if (f === undefined) throw mkExc(TypeError_, `'${tname(it)}' object is not an iterator`);
  if (dflt === undefined) return call1(f, it);
  try {
    return call1(f, it);
  } catch (e) {
    if (e instanceof PyExc && isSubtype(e.$c, StopIteration_)) return dflt;
    throw e;
  }
}
fn('next', next);
fn('sorted', (x: any) => {
  const a = O.toArray(x);
  sortList(a, null, false);
  return a;
}, (args, kw) => {
  if (args.length !== 1) throw mkExc(TypeError_, `sorted expected 1 argument, got ${args.length}`);
  const a = O.toArray(args[0]);
  sortList(a, kw?.get('key') ?? null, O.truthy(kw?.get('reverse') ?? false));
  return a;
});
function minmax(args: any[], kw: Kw, isMax: boolean): any {
  const name = isMax ? 'max' : 'min';
  const key = kw?.get('key') ?? null;
  const dflt = kw?.get('default');
  const items = args.length === 1 ? O.items(args[0]) : args;
  if (args.length === 0) throw mkExc(TypeError_, `${name} expected at least 1 argument, got 0`);
  if (!items.length) {
    if (dflt !== undefined) return dflt;
    throw mkExc(ValueError_, `${name}() arg is an empty sequence`);
  }
  let best = items[0], bk = key === null ? best : call1(key, best);
  for (let i = 1; i < items.length; i++) {
    const v = items[i], k = key === null ? v : call1(key, v);
    if (O.truthy(isMax ? O.gt(k, bk) : O.lt(k, bk))) {
      best = v;
      bk = k;
    }
  }
  return best;
}
fn('min', (...a: any[]) => minmax(a, null, false), (a, kw) => minmax(a, kw, false));
fn('max', (...a: any[]) => minmax(a, null, true), (a, kw) => minmax(a, kw, true));
/** sum(iterable, start=0), exact for ints, Neumaier-free plain addition for floats like CPython. */
function sum(x: any, start: any = 0): any {
  if (typeof start === 'string') throw mkExc(TypeError_, "sum() can't sum strings [use ''.join(seq) instead]");
  let acc = start;
  const it = O.iter(x);
  let v;
  while ((v = it.nx()) !== undefined) acc = O.add(acc, v);
  return acc;
}
fn('sum', sum, (a, kw) => sum(a[0], arg(a, kw, 1, 'start', 0)));
fn('any', (x: any) => {
  const it = O.iter(x);
  let v;
  while ((v = it.nx()) !== undefined) if (O.truthy(v)) return true;
  return false;
});
fn('all', (x: any) => {
  const it = O.iter(x);
  let v;
  while ((v = it.nx()) !== undefined) if (!O.truthy(v)) return false;
  return true;
});

// -- objects --

/** isinstance(x, t) with tuples and __instancecheck__. */
export function isinstance(x: any, t: any): boolean {
  if (t instanceof PyType) {
    if (isSubtype(typeOf(x), t)) return true;
    if (t.$c !== type_) {
      const f = lookup(t.$c, '__instancecheck__');
      if (f !== undefined && f !== type_.$d.__instancecheck__) return O.truthy(call2(f, t, x));
    }
    return false;
  }
  if (t instanceof PyTuple) return t.a.some((u) => isinstance(x, u));
  if (t?.$union) return t.$union.some((u: any) => isinstance(x, u));
  throw mkExc(TypeError_, 'isinstance() arg 2 must be a type, a tuple of types, or a union');
}
fn('isinstance', isinstance);
fn('issubclass', function issubclass(x: any, t: any): boolean {
  if (!(x instanceof PyType)) throw mkExc(TypeError_, 'issubclass() arg 1 must be a class');
  if (t instanceof PyTuple) return t.a.some((u) => issubclass(x, u));
  if (!(t instanceof PyType)) throw mkExc(TypeError_, 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
  if (t.$c !== type_) {
    const f = lookup(t.$c, '__subclasscheck__');
    if (f !== undefined && f !== type_.$d.__subclasscheck__) return O.truthy(call2(f, t, x));
  }
  return isSubtype(x, t);
});
fn('getattr', (o: any, name: any, dflt?: any) => {
  if (typeof name !== 'string') throw mkExc(TypeError_, `attribute name must be string, not '${tname(name)}'`);
  if (dflt === undefined) return O.getattr(o, name);
  const v = O.getattrOpt(o, name);
  return v === undefined ? dflt : v;
});
fn('setattr', (o: any, name: any, v: any) => {
  O.setattr(o, name, v);
  return null;
});
fn('delattr', (o: any, name: any) => {
  O.delattr(o, name);
  return null;
});
fn('hasattr', (o: any, name: any) => O.getattrOpt(o, name) !== undefined);
fn('repr', repr);
fn('ascii', (x: any) => repr(x).replace(/[^\x00-\x7f]/gu, (c) => {
  const n = c.codePointAt(0)!;
  return n <= 0xff ? '\\x' + n.toString(16).padStart(2, '0') : n <= 0xffff ? '\\u' + n.toString(16).padStart(4, '0') : '\\U' + n.toString(16).padStart(8, '0');
}));
fn('format', (x: any, spec: any = '') => format(x, spec));
fn('callable', (x: any) => typeof x === 'function' || x instanceof PyType || x instanceof PyMethod || lookup(typeOf(x), '__call__') !== undefined);
fn('vars', (x?: any) => {
  if (x === undefined) throw mkExc(TypeError_, 'vars() without arguments is compiled as locals()');
  if (x instanceof PyType) return nsDict(x.$d);
  if (x?.$d) return O.getattr(x, '__dict__');
  throw mkExc(TypeError_, 'vars() argument must have __dict__ attribute');
});
fn('dir', (x?: any) => {
  if (x === undefined) return [];
  const f = lookup(typeOf(x), '__dir__');
  if (f !== undefined && f !== object_.$d.__dir__) {
    const a = O.toArray(call1(f, x));
    sortList(a, null, false);
    return a;
  }
  return dirOf(x);
});
fn('__build_class__', () => {
  throw mkExc(TypeError_, '__build_class__ is not supported directly');
});

for (const n of ['len', 'abs', 'chr', 'ord', 'hash', 'id', 'repr', 'callable', 'ascii', 'bin', 'hex', 'oct']) oneArg(n);

// exit() / quit() (site's builtins): raise SystemExit
for (const n of ['exit', 'quit']) {
  fn(n, (code: any = null) => {
    throw mkExc(C.SystemExit_, ...(code === null ? [] : [code]));
  });
}

// -- types and constants --

Object.assign(B, {
  object: object_, type: type_, int: int_, float: float_, complex: C.complex_, bool: C.bool_, str: str_, list: list_,
  tuple: tuple_, dict: dict_, set: set_, frozenset: frozenset_, bytes: bytes_, bytearray: bytearray_, range: range_,
  slice: slice_, property: C.property_, classmethod: C.classmethod_, staticmethod: C.staticmethod_, super: C.super_,
  NotImplemented, Ellipsis, None: null, True: true, False: false, __debug__: true,
});
for (const [k, v] of Object.entries(excTypes)) B[k] = v;
B.__name__ = 'builtins';

void PyComplex;
void PySet;
void PyDict;
void PySuper;
void floatFrom;
void intFrom;
void AttributeError_;
void PyGen;
