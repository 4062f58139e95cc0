// json: dumps/loads/dump/load with CPython's output format and error messages.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyType, PyFloat, PyTuple, PyExc, type_, mkExc, ValueError_, TypeError_, typeOf, excTypes } from '../runtime/core.js';
import { PyDict } from '../runtime/dict.js';
import * as O from '../runtime/ops.js';
import { call, Kw } from '../runtime/calls.js';
import { floatRepr } from '../runtime/format.js';
import { str } from '../builtins/types.js';

interface DumpOpts {
  indent: string | null;
  sep: string;
  kvsep: string;
  sortKeys: boolean;
  ensureAscii: boolean;
  dflt: any;
}
function quote(s: string, ascii: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || (ascii && c > 0x7e)) {
      if (c > 0xffff) {
        const v = c - 0x10000;
        out += '\\u' + (0xd800 + (v >> 10)).toString(16).padStart(4, '0') + '\\u' + (0xdc00 + (v & 0x3ff)).toString(16).padStart(4, '0');
      } else out += '\\u' + c.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}
function keyStr(k: any): string {
  if (typeof k === 'string') return k;
  if (k === null) return 'null';
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (typeof k === 'number' || typeof k === 'bigint') return String(k);
  if (k instanceof PyFloat) return fl(k.v);
  throw mkExc(TypeError_, `keys must be str, int, float, bool or None, not ${typeOf(k).name}`);
}
function fl(v: number): string {
  if (v !== v) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return floatRepr(v);
}
function dump(x: any, o: DumpOpts, level: number, stack: any[]): string {
  if (x === null) return 'null';
  if (x === true) return 'true';
  if (x === false) return 'false';
  if (typeof x === 'string') return quote(x, o.ensureAscii);
  if (typeof x === 'number' || typeof x === 'bigint') return String(x);
  if (x instanceof PyFloat) return fl(x.v);
  const nl = o.indent === null ? '' : '\n' + o.indent.repeat(level + 1);
  const end = o.indent === null ? '' : '\n' + o.indent.repeat(level);
  if (stack.includes(x)) throw mkExc(ValueError_, 'Circular reference detected');
  if (Array.isArray(x) || x instanceof PyTuple) {
    const a = Array.isArray(x) ? x : x.a;
    if (!a.length) return '[]';
    stack.push(x);
    const r = '[' + nl + a.map((v) => dump(v, o, level + 1, stack)).join(o.sep + nl) + end + ']';
    stack.pop();
    return r;
  }
  if (x instanceof PyDict) {
    if (!x.size) return '{}';
    let es = [...x.m.values()];
    if (o.sortKeys) {
      const keys = es.map((e) => e[0]);
      const idx = keys.map((_, i) => i).sort((i, j) => (O.truthy(O.lt(keys[i], keys[j])) ? -1 : O.truthy(O.lt(keys[j], keys[i])) ? 1 : 0));
      es = idx.map((i) => es[i]!);
    }
    stack.push(x);
    const r = '{' + nl + es.map(([k, v]) => quote(keyStr(k), o.ensureAscii) + o.kvsep + dump(v, o, level + 1, stack)).join(o.sep + nl) + end + '}';
    stack.pop();
    return r;
  }
  if (o.dflt !== null) return dump(call(o.dflt, [x], null), o, level, stack);
  throw mkExc(TypeError_, `Object of type ${typeOf(x).name} is not JSON serializable`);
}
function dumpsKw(args: any[], kw: Kw): string {
  const g = (k: string, d: any): any => (kw?.has(k) ? kw.get(k) : d);
  let indent = g('indent', null);
  if (typeof indent === 'number') indent = ' '.repeat(indent);
  const seps = g('separators', null);
  let sep = ', ', kvsep = ': ';
  if (indent !== null) sep = ',';
  if (seps !== null) [sep, kvsep] = O.toArray(seps);
  return dump(args[0], { indent, sep, kvsep, sortKeys: O.truthy(g('sort_keys', false)), ensureAscii: O.truthy(g('ensure_ascii', true)), dflt: g('default', null) }, 0, []);
}

/** A JSON parser with Python's error messages (JSONDecodeError is a ValueError). */
class Parser {
  i = 0;
  constructor(public s: string, public err: PyType) {}
  fail(msg: string, at = this.i): never {
    const before = this.s.slice(0, at);
    const line = before.split('\n').length;
    const col = at - before.lastIndexOf('\n');
    const e = mkExc(this.err, `${msg}: line ${line} column ${col} (char ${at})`);
    e.$d.msg = msg;
    e.$d.pos = at;
    e.$d.lineno = line;
    e.$d.colno = col;
    throw e;
  }
  ws(): void {
    while (/[ \t\n\r]/.test(this.s[this.i] ?? '')) this.i++;
  }
  value(): any {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      if (m[1] || m[2]) return new PyFloat(Number(m[0]));
      return O.norm(BigInt(m[0]));
    }
    for (const [w, v] of [['null', null], ['true', true], ['false', false], ['NaN', new PyFloat(NaN)], ['Infinity', new PyFloat(Infinity)], ['-Infinity', new PyFloat(-Infinity)]] as const) {
      if (this.s.startsWith(w, this.i)) {
        this.i += w.length;
        return v;
      }
    }
    this.fail('Expecting value');
  }
  object(): PyDict {
    const d = new PyDict();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return d;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const k = this.string();
      this.ws();
      if (this.s[this.i] !== ':') this.fail("Expecting ':' delimiter");
      this.i++;
      d.set(k, this.value());
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        this.ws();
        if (this.s[this.i] !== '"') this.fail('Expecting property name enclosed in double quotes');
        continue;
      }
      if (this.s[this.i] === '}') {
        this.i++;
        return d;
      }
      this.fail("Expecting ',' delimiter");
    }
  }
  array(): any[] {
    const a: any[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return a;
    }
    for (;;) {
      a.push(this.value());
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (this.s[this.i] === ']') {
        this.i++;
        return a;
      }
      this.fail("Expecting ',' delimiter");
    }
  }
  string(): string {
    const start = this.i;
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) this.fail('Unterminated string starting at', start);
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === '\\') {
        const e = this.s[this.i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const h = this.s.slice(this.i + 2, this.i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(h)) this.fail('Invalid \\uXXXX escape', this.i);
          out += String.fromCharCode(parseInt(h, 16));
          this.i += 6;
          continue;
        }
        if (e === undefined || !(e in map)) this.fail('Invalid \\escape', this.i);
        out += map[e]!;
        this.i += 2;
        continue;
      }
      if (c < ' ') this.fail('Invalid control character at', this.i);
      out += c;
      this.i++;
    }
  }
}

/** Fill the json module. */
export function jsonModule(d: any): void {
  const err = new PyType(type_, 'JSONDecodeError', [ValueError_], null);
  (err as any).$user = true;
  err.module = 'json.decoder';
  d.JSONDecodeError = err;
  const loads = (s: any): any => {
    const text = typeof s === 'string' ? s : str(s);
    const p = new Parser(text, err);
    const v = p.value();
    p.ws();
    if (p.i < text.length) p.fail('Extra data');
    return v;
  };
  const fn = (name: string, f: any, kwf?: any): void => {
    f.$s = !kwf;
    f.$name = name;
    if (kwf) f.$kw = kwf;
    d[name] = f;
  };
  fn('dumps', (x: any) => dumpsKw([x], null), dumpsKw);
  fn('loads', loads, (args: any[]) => loads(args[0]));
  fn('dump', (x: any, f: any) => O.cm1(f, 'write', dumpsKw([x], null)), (args: any[], kw: Kw) => O.cm1(args[1], 'write', dumpsKw([args[0]], kw)));
  fn('load', (f: any) => loads(O.cm0(f, 'read')), (args: any[]) => loads(O.cm0(args[0], 'read')));
  void PyExc;
  void excTypes;
}
