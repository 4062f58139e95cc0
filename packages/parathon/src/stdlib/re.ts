// re: Python regular expressions translated to JS RegExp (named groups, \A \Z, $ before a final
// newline, verbose mode, inline flags), with Pattern and Match objects and sub() templates.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyType, PyTuple, type_, object_, mkExc, ValueError_, TypeError_, IndexError_, excTypes } from '../runtime/core.js';
import { PyDict } from '../runtime/dict.js';
import * as O from '../runtime/ops.js';
import { call, Kw } from '../runtime/calls.js';
import { def, repr } from '../builtins/types.js';

const I = 2, L = 4, M = 8, S = 16, U = 32, X = 64, A = 256;

/** Translate Python pattern syntax to JS; returns [source, extra flags]. */
export function translate(p: string, flags: number): [string, number] {
  let out = '';
  let i = 0;
  const m0 = /^\(\?([aiLmsux]+)\)/.exec(p);
  if (m0) {
    for (const c of m0[1]!) flags |= { a: A, i: I, L, m: M, s: S, u: U, x: X }[c as 'a']!;
    i = m0[0].length;
  }
  let inClass = false;
  while (i < p.length) {
    const c = p[i]!;
    if (flags & X && !inClass) {
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      if (c === '#') {
        while (i < p.length && p[i] !== '\n') i++;
        continue;
      }
    }
    if (c === '\\') {
      const n = p[i + 1];
      if (n === 'A') out += '(?<![\\s\\S])';
      else if (n === 'Z') out += '(?![\\s\\S])';
      else if (n === 'd' && !(flags & A)) out += inClass ? '\\d' : '\\d';
      else if (n !== undefined && /[0-9]/.test(n) && !inClass) {
        let j = i + 1;
        while (j < p.length && /[0-9]/.test(p[j]!) && j - i <= 2) j++;
        out += '\\' + p.slice(i + 1, j);
        i = j;
        continue;
      } else out += c + (n ?? '');
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      if (c === '[') out += '\\[';
      else out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (p[i] === '^') (out += '^'), i++;
      if (p[i] === ']') (out += '\\]'), i++;
      continue;
    }
    if (c === '(' && p.startsWith('(?P<', i)) {
      out += '(?<';
      i += 4;
      continue;
    }
    if (c === '(' && p.startsWith('(?P=', i)) {
      const j = p.indexOf(')', i);
      out += '\\k<' + p.slice(i + 4, j) + '>';
      i = j + 1;
      continue;
    }
    const scoped = c === '(' ? /^\(\?([aiLmsux]+):/.exec(p.slice(i, i + 10)) : null;
    if (scoped) {
      // JS has no scoped inline flags: apply them to the whole pattern
      for (const f of scoped[1]!) flags |= { a: A, i: I, L, m: M, s: S, u: U, x: X }[f as 'a']!;
      out += '(?:';
      i += scoped[0].length;
      continue;
    }
    if (c === '(' && p.startsWith('(?#', i)) {
      i = p.indexOf(')', i) + 1;
      continue;
    }
    if (c === '$') {
      out += flags & M ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))';
      i++;
      continue;
    }
    if (c === '{' && !/^\{\d*(,\d*)?\}/.test(p.slice(i))) {
      out += '\\{';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return [out, flags];
}

interface Compiled {
  $c: PyType;
  pattern: string;
  flags: number;
  re: RegExp;
  names: string[];
  ngroups: number;
}
const cache = new Map<string, Compiled>();

/** Fill the re module. */
export function reModule(d: any): void {
  const error = new PyType(type_, 'error', [excTypes.Exception!], null);
  (error as any).$user = true;
  error.module = 're';
  const patT = new PyType(type_, 'Pattern', [object_], null, 'pattern');
  patT.module = 're';
  const matchT = new PyType(type_, 'Match', [object_], null, 'match');
  matchT.module = 're';
  Object.assign(d, { I, IGNORECASE: I, L, LOCALE: L, M, MULTILINE: M, S, DOTALL: S, U, UNICODE: U, X, VERBOSE: X, A, ASCII: A, error, Pattern: patT, Match: matchT, NOFLAG: 0 });

  const compile = (p: any, flags: any = 0): Compiled => {
    if (p?.$c === patT) return p;
    if (typeof p !== 'string') throw mkExc(TypeError_, 'first argument must be string or compiled pattern');
    const f = Number(O.intVal(flags) ?? 0);
    const key = f + ':' + p;
    const have = cache.get(key);
    if (have) return have;
    const [src, fl] = translate(p, f);
    let re: RegExp;
    const jsFlags = 'gd' + (fl & I ? 'i' : '') + (fl & M ? 'm' : '') + (fl & S ? 's' : '');
    try {
      re = new RegExp(src, jsFlags + 'u');
    } catch {
      try {
        re = new RegExp(src, jsFlags);
      } catch (e: any) {
        throw mkExc(error, String(e.message).replace(/^Invalid regular expression: /, ''));
      }
    }
    const names: string[] = [];
    const nre = /\(\?P?<([A-Za-z_]\w*)>/g;
    let m;
    while ((m = nre.exec(p))) names.push(m[1]!);
    const ngroups = (new RegExp(src + '|', jsFlags.replace('g', '').replace('d', '')).exec('')!.length) - 1;
    const c: Compiled = { $c: patT, pattern: p, flags: fl, re, names, ngroups };
    cache.set(key, c);
    return c;
  };
  class Match {
    $c = matchT;
    constructor(public pat: Compiled, public m: RegExpExecArray, public string: string, public pos: number, public endpos: number) {}
    idx(g: any): number {
      if (typeof g === 'string') {
        const k = this.pat.names.indexOf(g);
        if (k < 0) throw mkExc(IndexError_, 'no such group');
        return groupNumber(this.pat, g);
      }
      const n = Number(O.intVal(g));
      if (n < 0 || n > this.pat.ngroups) throw mkExc(IndexError_, 'no such group');
      return n;
    }
    group(g: any = 0): any {
      const v = this.m[this.idx(g)];
      return v === undefined ? null : v;
    }
    span(g: any = 0): [number, number] {
      const ix = (this.m as any).indices[this.idx(g)];
      return ix ? [cp(this.string, ix[0]), cp(this.string, ix[1])] : [-1, -1];
    }
  }
  const cp = (s: string, i: number): number => (O.hasSur(s) ? Array.from(s.slice(0, i)).length : i);
  const groupNumber = (pat: Compiled, name: string): number => {
    // named groups are numbered in order of their opening parenthesis
    const src = pat.pattern;
    let n = 0;
    for (let i = 0; i < src.length; i++) {
      if (src[i] === '\\') {
        i++;
        continue;
      }
      if (src[i] === '(' && src[i + 1] !== '?') n++;
      else if (src[i] === '(' && (src.startsWith('(?P<', i) || (src.startsWith('(?<', i) && src[i + 3] !== '=' && src[i + 3] !== '!'))) {
        n++;
        const m = /^\(\?P?<(\w+)>/.exec(src.slice(i));
        if (m && m[1] === name) return n;
      }
    }
    return 0;
  };
  def(matchT, 'group', (m: Match, ...gs: any[]) => (gs.length <= 1 ? m.group(gs[0] ?? 0) : new PyTuple(gs.map((g) => m.group(g)))));
  def(matchT, '__getitem__', (m: Match, g: any) => m.group(g));
  def(matchT, 'groups', (m: Match, dflt: any = null) => new PyTuple(Array.from({ length: m.pat.ngroups }, (_, i) => m.m[i + 1] ?? dflt)));
  def(matchT, 'groupdict', (m: Match, dflt: any = null) => {
    const r = new PyDict();
    for (const n of m.pat.names) r.set(n, m.m.groups?.[n] ?? dflt);
    return r;
  });
  def(matchT, 'start', (m: Match, g: any = 0) => m.span(g)[0]);
  def(matchT, 'end', (m: Match, g: any = 0) => m.span(g)[1]);
  def(matchT, 'span', (m: Match, g: any = 0) => new PyTuple(m.span(g)));
  def(matchT, 'expand', (m: Match, t: string) => expand(m, t));
  def(matchT, '__repr__', (m: Match) => `<re.Match object; span=(${m.span().join(', ')}), match=${repr(m.group())}>`);
  def(matchT, '__bool__', () => true);
  (matchT as any).$gattr = (m: Match, n: string) => {
    if (n === 'string') return m.string;
    if (n === 're') return m.pat;
    if (n === 'pos') return m.pos;
    if (n === 'endpos') return m.endpos;
    if (n === 'lastindex') {
      let last: any = null;
      for (let i = 1; i <= m.pat.ngroups; i++) if (m.m[i] !== undefined) last = i;
      return last;
    }
    if (n === 'lastgroup') return null;
    return undefined;
  };
  const toUnits = (s: string, pos: number): number => (O.hasSur(s) ? Array.from(s).slice(0, pos).join('').length : pos);
  const exec = (pat: Compiled, s: string, pos: number, mode: 'search' | 'match' | 'full', endpos?: number): Match | null => {
    if (typeof s !== 'string') throw mkExc(TypeError_, `expected string or bytes-like object, got '${O.getattr(s, '__class__').name}'`);
    const subject = endpos !== undefined ? s.slice(0, toUnits(s, endpos)) : s;
    let re = pat.re;
    if (mode !== 'search') {
      const key = mode + '$' + re.source + re.flags;
      let r2 = anchored.get(key);
      if (!r2) {
        r2 = new RegExp(mode === 'full' ? `(?:${re.source})(?![\\s\\S])` : re.source, re.flags.replace('g', '') + 'y');
        anchored.set(key, r2);
      }
      re = r2;
    }
    re.lastIndex = toUnits(s, pos);
    const m = re.exec(subject);
    return m ? new Match(pat, m, s, pos, endpos ?? O.strLen(s)) : null;
  };
  const anchored = new Map<string, RegExp>();
  const finditer = (pat: Compiled, s: string): Match[] => {
    const out: Match[] = [];
    const re = pat.re;
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(s))) {
      out.push(new Match(pat, m, s, 0, s.length));
      if (m[0] === '') re.lastIndex++;
    }
    return out;
  };
  const findall = (pat: Compiled, s: string): any[] =>
    finditer(pat, s).map((m) => (pat.ngroups === 0 ? m.m[0] : pat.ngroups === 1 ? m.m[1] ?? '' : new PyTuple(Array.from({ length: pat.ngroups }, (_, i) => m.m[i + 1] ?? ''))));
  const expand = (m: Match, t: string): string =>
    t.replace(/\\(?:g<(\w+)>|(\d{1,2})|(.))/g, (all, name, num, other) => {
      if (name !== undefined) return m.group(/^\d+$/.test(name) ? Number(name) : name) ?? '';
      if (num !== undefined) return m.group(Number(num)) ?? '';
      const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v', a: '\x07', b: '\b' };
      if (other in esc) return esc[other]!;
      return all;
    });
  const subn = (pat: Compiled, repl: any, s: string, count: number): [string, number] => {
    let n = 0, last = 0, out = '';
    for (const m of finditer(pat, s)) {
      if (count > 0 && n >= count) break;
      const st = m.m.index;
      out += s.slice(last, st);
      out += typeof repl === 'string' ? expand(m, repl) : call(repl, [m], null);
      last = st + m.m[0].length;
      n++;
    }
    return [out + s.slice(last), n];
  };
  const split = (pat: Compiled, s: string, maxsplit: number): any[] => {
    const out: any[] = [];
    let last = 0, n = 0;
    for (const m of finditer(pat, s)) {
      if (maxsplit > 0 && n >= maxsplit) break;
      out.push(s.slice(last, m.m.index));
      for (let i = 1; i <= pat.ngroups; i++) out.push(m.m[i] ?? null);
      last = m.m.index + m.m[0].length;
      n++;
    }
    out.push(s.slice(last));
    return out;
  };
  const kwf = (f: (args: any[], kw: Kw) => any): any => Object.assign((...a: any[]) => f(a, null), { $s: false, $kw: f });
  const kget = (args: any[], kw: Kw, i: number, name: string, dflt: any): any => (kw?.has(name) ? kw.get(name) : args[i] ?? dflt);
  d.compile = kwf((a, kw) => compile(a[0], kget(a, kw, 1, 'flags', 0)));
  d.search = kwf((a, kw) => exec(compile(a[0], kget(a, kw, 2, 'flags', 0)), a[1], 0, 'search'));
  d.match = kwf((a, kw) => exec(compile(a[0], kget(a, kw, 2, 'flags', 0)), a[1], 0, 'match'));
  d.fullmatch = kwf((a, kw) => exec(compile(a[0], kget(a, kw, 2, 'flags', 0)), a[1], 0, 'full'));
  d.findall = kwf((a, kw) => findall(compile(a[0], kget(a, kw, 2, 'flags', 0)), a[1]));
  d.finditer = kwf((a, kw) => new O.ArrIt(finditer(compile(a[0], kget(a, kw, 2, 'flags', 0)), a[1])));
  d.sub = kwf((a, kw) => subn(compile(a[0], kget(a, kw, 4, 'flags', 0)), a[1], a[2], Number(kget(a, kw, 3, 'count', 0)))[0]);
  d.subn = kwf((a, kw) => new PyTuple(subn(compile(a[0], kget(a, kw, 4, 'flags', 0)), a[1], a[2], Number(kget(a, kw, 3, 'count', 0)))));
  d.split = kwf((a, kw) => split(compile(a[0], kget(a, kw, 3, 'flags', 0)), a[1], Number(kget(a, kw, 2, 'maxsplit', 0))));
  d.escape = Object.assign((s: string) => s.replace(/[^\w]/gu, (c) => '\\' + c), { $s: true });
  d.purge = Object.assign(() => (cache.clear(), null), { $s: true });
  def(patT, 'search', (p: Compiled, s: string, pos: any = 0, end?: any) => exec(p, s, Number(pos), 'search', end === undefined ? undefined : Number(end)));
  def(patT, 'match', (p: Compiled, s: string, pos: any = 0, end?: any) => exec(p, s, Number(pos), 'match', end === undefined ? undefined : Number(end)));
  def(patT, 'fullmatch', (p: Compiled, s: string, pos: any = 0, end?: any) => exec(p, s, Number(pos), 'full', end === undefined ? undefined : Number(end)));
  def(patT, 'findall', (p: Compiled, s: string) => findall(p, s));
  def(patT, 'finditer', (p: Compiled, s: string) => new O.ArrIt(finditer(p, s)));
  def(patT, 'sub', (p: Compiled, r: any, s: string, c: any = 0) => subn(p, r, s, Number(c))[0], (a, kw) => subn(a[0], a[1], a[2], Number(kget(a, kw, 3, 'count', 0)))[0]);
  def(patT, 'subn', (p: Compiled, r: any, s: string, c: any = 0) => new PyTuple(subn(p, r, s, Number(c))));
  def(patT, 'split', (p: Compiled, s: string, m: any = 0) => split(p, s, Number(m)), (a, kw) => split(a[0], a[1], Number(kget(a, kw, 2, 'maxsplit', 0))));
  def(patT, '__repr__', (p: Compiled) => `re.compile(${repr(p.pattern)})`);
  (patT as any).$gattr = (p: Compiled, n: string) => {
    if (n === 'pattern') return p.pattern;
    if (n === 'flags') return p.flags | U;
    if (n === 'groups') return p.ngroups;
    if (n === 'groupindex') {
      const r = new PyDict();
      for (const nm of p.names) r.set(nm, groupNumber(p, nm));
      return r;
    }
    return undefined;
  };
  void ValueError_;
}
