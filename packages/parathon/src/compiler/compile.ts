// The compiler: CPython-shaped AST -> JavaScript source. Python functions become JS functions
// (locals as JS `let`s, closures as JS closures, generators as JS generator functions); operators
// become calls of small runtime helpers with inline-able fast paths. Every emitted JS line records
// the Python line it came from, so tracebacks map V8 stack frames back to Python source lines.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Scope, analyse, resolve } from './scope.js';

/** The product of compiling one module. */
export interface CompiledModule {
  /** JS source of `(function($rt, $g, $b) { ... return function <module>() {...} })`. */
  js: string;
  /** Python line per JS line (1-based JS lines; index 0 unused). */
  lines: number[];
  /** Python function name per JS line. */
  funcs: string[];
}

const JS_RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined NaN Infinity').split(' '),
);
/** JS identifier for a Python local. */
function jsName(n: string): string {
  return JS_RESERVED.has(n) || n.startsWith('$') ? n + '$' : n;
}
const BINOP: Record<string, string> = {
  Add: '+', Sub: '-', Mult: '*', Div: '/', FloorDiv: '//', Mod: '%', Pow: '**', LShift: '<<', RShift: '>>',
  BitOr: '|', BitXor: '^', BitAnd: '&', MatMult: '@',
};
const BINFN: Record<string, string> = {
  '+': '$add', '-': '$sub', '*': '$mul', '/': '$truediv', '//': '$floordiv', '%': '$mod', '**': '$pow', '<<': '$lshift',
  '>>': '$rshift', '|': '$or', '^': '$xor', '&': '$and',
};
const CMPFN: Record<string, string> = { Lt: '$lt', LtE: '$le', Gt: '$gt', GtE: '$ge' };
const CMPSYM: Record<string, string> = { Lt: '<', LtE: '<=', Gt: '>', GtE: '>=' };
/** Builtins that consume a generator-expression argument completely (or until they can stop). */
const CONSUMERS = new Set(['sum', 'any', 'all', 'list', 'tuple', 'set', 'frozenset', 'sorted', 'min', 'max']);
/** Builtins whose direct use may skip the globals lookup when the module never rebinds them. */
const PURE_BUILTINS = new Set(['len', 'isinstance', 'abs', 'min', 'max', 'range', 'str', 'int', 'float', 'print', 'repr', 'ord', 'chr', 'sorted', 'enumerate', 'zip', 'list', 'dict', 'set', 'tuple', 'sum', 'any', 'all', 'hasattr', 'getattr', 'iter', 'next', 'divmod', 'round', 'bool', 'type', 'map', 'filter', 'reversed', 'hash', 'id', 'super', 'object', 'callable', 'format', 'pow']);

/** Per-function code generation state. */
interface Fn {
  scope: Scope;
  temps: number;
  name: string;
  /** JS name of the enclosing class cell for zero-argument super(), and the first parameter. */
  classCell: string | null;
  firstParam: string | null;
  isGen: boolean;
  /** Loop labels for break/continue with else-clauses. */
  loops: { label: string | null }[];
  /** JS names of handled exceptions in enclosing except blocks (for bare raise). */
  handlers: string[];
}

/** Compile a Module AST. `moduleName` is `__name__`; `filename` appears in tracebacks. */
export function compileModule(mod: any, moduleName: string, mode: 'exec' | 'eval' | 'single' = 'exec', source?: string): CompiledModule {
  return new Compiler(moduleName, source).module(mod, mode);
}

class Compiler {
  out: string[] = [];
  lines: number[] = [0];
  funcs: string[] = [''];
  ind = '';
  curLine = 0;
  fn!: Fn;
  consts: string[] = [];
  constMap = new Map<string, string>();
  uid = 0;
  top!: Scope;
  rebound = new Set<string>();
  futureAnnotations = false;
  srcLines: Buffer[] = [];
  constructor(public moduleName: string, source?: string) {
    if (source !== undefined) this.srcLines = source.split('\n').map((l) => Buffer.from(l, 'utf8'));
  }
  /** The source text of a node (positions count UTF-8 bytes). */
  sourceOf(n: any): string {
    const ls = this.srcLines;
    if (!ls.length || !n.end_lineno) return '';
    if (n.lineno === n.end_lineno) return ls[n.lineno - 1]?.subarray(n.col_offset, n.end_col_offset).toString('utf8') ?? '';
    const parts = [ls[n.lineno - 1]!.subarray(n.col_offset).toString('utf8')];
    for (let i = n.lineno; i < n.end_lineno - 1; i++) parts.push(ls[i]!.toString('utf8'));
    parts.push(ls[n.end_lineno - 1]!.subarray(0, n.end_col_offset).toString('utf8'));
    return parts.join('\n');
  }

  emit(code: string): void {
    this.out.push(this.ind + code);
    this.lines.push(this.curLine);
    this.funcs.push(this.fn?.name ?? '<module>');
  }
  indent(f: () => void): void {
    const old = this.ind;
    this.ind += '  ';
    f();
    this.ind = old;
  }
  tmp(): string {
    return '$t' + ++this.fn.temps;
  }
  id(p: string): string {
    return p + ++this.uid;
  }
  konst(key: string, js: string): string {
    let n = this.constMap.get(key);
    if (!n) {
      n = '$k' + this.constMap.size;
      this.constMap.set(key, n);
      this.consts.push(`const ${n} = ${js};`);
    }
    return n;
  }

  module(mod: any, mode: string): CompiledModule {
    this.top = analyse(mod._type === 'Expression' ? { body: [{ _type: 'Expr', value: mod.body, lineno: 1 }] } : mod);
    for (const n of this.top.assigned) this.rebound.add(n);
    const collect = (s: Scope): void => {
      for (const n of s.globals) this.rebound.add(n);
      for (const c of s.children.values()) collect(c);
    };
    collect(this.top);
    this.fn = { scope: this.top, temps: 0, name: '<module>', classCell: null, firstParam: null, isGen: false, loops: [], handlers: [] };
    this.emit('return function $module() {');
    const bodyStart = this.out.length;
    this.indent(() => {
      if (mod._type === 'Expression') {
        this.curLine = mod.body.lineno ?? 1;
        this.emit(`return ${this.expr(mod.body)};`);
      } else {
        const body = mod.body as any[];
        body.forEach((st, i) => {
          if (mode === 'single' && st._type === 'Expr') {
            this.curLine = st.lineno;
            this.emit(`$displayhook(${this.expr(st.value)});`);
          } else if (mode === 'eval' && i === body.length - 1 && st._type === 'Expr') {
            this.curLine = st.lineno;
            this.emit(`return ${this.expr(st.value)};`);
          } else this.stmt(st);
        });
        this.emit('return null;');
      }
    });
    this.insertTemps(bodyStart);
    this.emit('};');
    const header = ['(function($rt, $g, $b) {', '"use strict";', `const {${RT_NAMES.map((n) => `${n}: $${n}`).join(', ')}} = $rt;`, ...this.consts];
    const js = [...header, ...this.out, '})'].join('\n');
    const lines = [0, ...header.map(() => 0), ...this.lines.slice(1), 0];
    const funcs = ['', ...header.map(() => ''), ...this.funcs.slice(1), ''];
    return { js, lines, funcs };
  }
  /** Declare the current function's temporaries at `at` (the first body line). */
  insertTemps(at: number): void {
    if (this.fn.temps === 0) return;
    const names = [];
    for (let i = 1; i <= this.fn.temps; i++) names.push('$t' + i);
    this.out.splice(at, 0, this.ind + '  let ' + names.join(', ') + ';');
    this.lines.splice(at + 1, 0, this.curLine);
    this.funcs.splice(at + 1, 0, this.fn.name);
  }

  // -- names --

  load(name: string): string {
    const r = resolve(this.fn.scope, name);
    const j = jsName(name);
    switch (r) {
      case 'local':
        if (this.fn.scope.params.has(name)) return j;
        return `(${j} !== undefined ? ${j} : $unboundLocal(${JSON.stringify(name)}))`;
      case 'closure':
        return `(${j} !== undefined ? ${j} : $unboundFree(${JSON.stringify(name)}))`;
      case 'class':
        return `($ns[${JSON.stringify(name)}] !== undefined ? $ns[${JSON.stringify(name)}] : ${this.globalLoad(name)})`;
      case 'global':
        return this.globalLoad(name);
    }
  }
  globalLoad(name: string): string {
    const k = JSON.stringify(name);
    if (PURE_BUILTINS.has(name) && !this.rebound.has(name) && !this.top.hasStarImport) return `$b[${k}]`;
    return `($g[${k}] !== undefined ? $g[${k}] : $loadBuiltin($b, ${k}))`;
  }
  store(name: string, v: string): string {
    const r = resolve(this.fn.scope, name);
    switch (r) {
      case 'local':
      case 'closure':
        return `${jsName(name)} = ${v}`;
      case 'class':
        return `$ns[${JSON.stringify(name)}] = ${v}`;
      case 'global':
        return `$g[${JSON.stringify(name)}] = ${v}`;
    }
  }
  del(name: string): string {
    const r = resolve(this.fn.scope, name);
    const k = JSON.stringify(name);
    switch (r) {
      case 'local':
      case 'closure':
        return `if (${jsName(name)} === undefined) $unboundLocal(${k}); ${jsName(name)} = undefined;`;
      case 'class':
        return `if ($ns[${k}] === undefined) $nameError(${k}); delete $ns[${k}];`;
      case 'global':
        return `if ($g[${k}] === undefined) $nameError(${k}); delete $g[${k}];`;
    }
  }

  // -- statements --

  stmts(b: any[]): void {
    for (const s of b) this.stmt(s);
  }
  stmt(s: any): void {
    this.curLine = s.lineno;
    switch (s._type) {
      case 'Expr': this.emit(this.expr(s.value) + ';'); return;
      case 'Assign': return this.assign(s);
      case 'AugAssign': return this.augAssign(s);
      case 'AnnAssign': {
        if (s.value) this.assignTo(s.target, this.expr(s.value));
        const k = this.fn.scope.kind;
        if (s.simple && s.target._type === 'Name' && (k === 'module' || k === 'class')) {
          const ann = this.futureAnnotations ? JSON.stringify(this.sourceOf(s.annotation)) : this.expr(s.annotation);
          const holder = k === 'module' ? '$g' : '$ns';
          this.emit(`$annotate(${holder}, ${JSON.stringify(s.target.id)}, ${ann});`);
        }
        return;
      }
      case 'Return': this.emit(`return ${s.value ? this.expr(s.value) : 'null'};`); return;
      case 'If': return this.ifStmt(s);
      case 'While': return this.whileStmt(s);
      case 'For': return this.forStmt(s);
      case 'FunctionDef': case 'AsyncFunctionDef': return this.funcDef(s);
      case 'ClassDef': return this.classDef(s);
      case 'Pass': return;
      case 'Break': {
        const l = this.fn.loops[this.fn.loops.length - 1];
        this.emit(l?.label ? `break ${l.label};` : 'break;');
        return;
      }
      case 'Continue': this.emit('continue;'); return;
      case 'Try': return this.tryStmt(s);
      case 'Raise': return this.raise(s);
      case 'Assert': {
        const msg = s.msg ? this.expr(s.msg) : 'undefined';
        this.emit(`if (!${this.test(s.test)}) throw $assertFail(${msg});`);
        return;
      }
      case 'Delete':
        for (const t of s.targets) this.delTarget(t);
        return;
      case 'Global': case 'Nonlocal': return;
      case 'Import': return this.importStmt(s);
      case 'ImportFrom': return this.importFrom(s);
      case 'With': case 'AsyncWith': return this.withStmt(s, 0);
      case 'AsyncFor': return this.asyncFor(s);
      case 'Match': return this.matchStmt(s);
    }
    this.emit(`throw $notSupported(${JSON.stringify(s._type)});`);
  }
  assign(s: any): void {
    const v = this.expr(s.value);
    if (s.targets.length === 1) return this.assignTo(s.targets[0], v);
    const t = this.tmp();
    this.emit(`${t} = ${v};`);
    for (const tg of s.targets) this.assignTo(tg, t);
  }
  assignTo(t: any, v: string): void {
    switch (t._type) {
      case 'Name': this.emit(this.store(t.id, v) + ';'); return;
      case 'Attribute': this.emit(`${this.konst('s:' + t.attr, `$attrSetter(${JSON.stringify(t.attr)})`)}(${this.expr(t.value)}, ${v});`); return;
      case 'Subscript': {
        const o = this.tmp();
        this.emit(`${o} = ${this.expr(t.value)};`);
        this.emit(`$setitem(${o}, ${this.subscriptKey(t.slice)}, ${v});`);
        return;
      }
      case 'Tuple': case 'List': {
        const star = t.elts.findIndex((e: any) => e._type === 'Starred');
        const a = this.tmp();
        this.emit(`${a} = $unpack(${v}, ${t.elts.length}, ${star});`);
        t.elts.forEach((e: any, i: number) => this.assignTo(e._type === 'Starred' ? e.value : e, `${a}[${i}]`));
        return;
      }
      case 'Starred': this.assignTo(t.value, v); return;
    }
    this.emit(`throw $notSupported("assignment to ${t._type}");`);
  }
  augAssign(s: any): void {
    const op = BINOP[s.op._type]!;
    const fnName = op === '+' ? '$iadd' : op === '-' ? '$isub' : op === '*' ? '$imul' : null;
    const apply = (cur: string, v: string): string => (fnName ? `${fnName}(${cur}, ${v})` : `$inplace(${JSON.stringify(op)}, ${cur}, ${v})`);
    const t = s.target;
    if (t._type === 'Name') {
      this.emit(this.store(t.id, apply(this.load(t.id), this.expr(s.value))) + ';');
    } else if (t._type === 'Attribute') {
      const o = this.tmp();
      this.emit(`${o} = ${this.expr(t.value)};`);
      const k = JSON.stringify(t.attr);
      this.emit(`$setattr(${o}, ${k}, ${apply(`$getattr(${o}, ${k})`, this.expr(s.value))});`);
    } else if (t._type === 'Subscript') {
      const o = this.tmp(), k = this.tmp();
      this.emit(`${o} = ${this.expr(t.value)}; ${k} = ${this.subscriptKey(t.slice)};`);
      this.emit(`$setitem(${o}, ${k}, ${apply(`$getitem(${o}, ${k})`, this.expr(s.value))});`);
    }
  }
  delTarget(t: any): void {
    switch (t._type) {
      case 'Name': this.emit(this.del(t.id)); return;
      case 'Attribute': this.emit(`$delattr(${this.expr(t.value)}, ${JSON.stringify(t.attr)});`); return;
      case 'Subscript': this.emit(`$delitem(${this.expr(t.value)}, ${this.subscriptKey(t.slice)});`); return;
      case 'Tuple': case 'List': for (const e of t.elts) this.delTarget(e); return;
    }
  }
  block(body: any[]): void {
    this.indent(() => this.stmts(body));
  }
  ifStmt(s: any): void {
    this.emit(`if (${this.test(s.test)}) {`);
    this.block(s.body);
    let orelse = s.orelse;
    while (orelse.length === 1 && orelse[0]._type === 'If') {
      const e = orelse[0];
      this.curLine = e.lineno;
      this.emit(`} else if (${this.test(e.test)}) {`);
      this.block(e.body);
      orelse = e.orelse;
    }
    if (orelse.length) {
      this.emit('} else {');
      this.block(orelse);
    }
    this.emit('}');
  }
  loop(orelse: any[], head: () => void, body: () => void): void {
    const label = orelse.length ? this.id('$L') : null;
    if (label) this.emit(`${label}: {`);
    this.fn.loops.push({ label });
    head();
    this.indent(body);
    this.emit('}');
    this.fn.loops.pop();
    if (label) {
      this.block(orelse);
      this.emit('}');
    }
  }
  whileStmt(s: any): void {
    this.loop(s.orelse, () => this.emit(`while (${this.test(s.test)}) {`), () => this.stmts(s.body));
  }
  forStmt(s: any): void {
    const it = s.iter;
    const simpleTarget = s.target._type === 'Name';
    if (it._type === 'Call' && it.func._type === 'Name' && it.func.id === 'range' && resolve(this.fn.scope, 'range') === 'global' &&
      !this.rebound.has('range') && !this.top.hasStarImport && it.keywords.length === 0 && it.args.length >= 1 && it.args.length <= 3 &&
      !it.args.some((a: any) => a._type === 'Starred')) {
      const lit = (e: any): number | null => {
        if (e._type === 'Constant' && typeof e.value === 'bigint' && e.value < 2n ** 50n && e.value > -(2n ** 50n)) return Number(e.value);
        if (e._type === 'UnaryOp' && e.op._type === 'USub' && e.operand._type === 'Constant' && typeof e.operand.value === 'bigint' && e.operand.value < 2n ** 50n) return -Number(e.operand.value);
        return null;
      };
      const a = it.args;
      const step = a.length === 3 ? lit(a[2]) : 1;
      if (step !== null && step !== 0) {
        const i = this.id('$i'), e = this.id('$e');
        const start = a.length === 1 ? '0' : `$rangeLo(${this.expr(a[0])})`;
        const stop = `$rangeHi(${this.expr(a.length === 1 ? a[0] : a[1])})`;
        const cond = step > 0 ? `${i} < ${e}` : `${i} > ${e}`;
        this.loop(s.orelse, () => this.emit(`for (let ${i} = ${start}, ${e} = ${stop}; ${cond}; ${i} += ${step}) {`), () => {
          if (simpleTarget) this.emit(this.store(s.target.id, i) + ';');
          else this.assignTo(s.target, i);
          this.stmts(s.body);
        });
        return;
      }
    }
    const itv = this.id('$it'), v = this.id('$v');
    this.emit(`const ${itv} = $iter(${this.expr(it)});`);
    this.emit(`let ${v};`);
    // A generator made just for this loop is closed when the loop exits early, as CPython's
    // reference counting does.
    const temp = it._type === 'Call' || it._type === 'GeneratorExp';
    if (temp) this.emit('try {');
    this.loop(s.orelse, () => this.emit(`while ((${v} = ${itv}.nx()) !== undefined) {`), () => {
      this.assignTo(s.target, v);
      this.stmts(s.body);
    });
    if (temp) this.emit(`} finally { $closeTemp(${itv}); }`);
  }
  params(a: any): { names: string[]; sig: string; simple: boolean } {
    const pos = [...a.posonlyargs, ...a.args].map((p: any) => p.arg);
    const kwonly = a.kwonlyargs.map((p: any) => p.arg);
    const simple = !a.vararg && !a.kwarg && kwonly.length === 0;
    const names = [...pos, ...kwonly];
    if (a.vararg) names.push(a.vararg.arg);
    if (a.kwarg) names.push(a.kwarg.arg);
    return { names, simple, sig: '' };
  }
  /** Emit a function object expression; returns JS for the value. */
  funcValue(node: any, name: string, body: any[] | null, bodyExpr: any, qualname: string): string {
    const a = node.args;
    const defaults = a.defaults.map((d: any) => this.expr(d));
    const kwd: string[] = [];
    a.kwonlyargs.forEach((p: any, i: number) => {
      if (a.kw_defaults[i]) kwd.push(`${JSON.stringify(p.arg)}: ${this.expr(a.kw_defaults[i])}`);
    });
    const scope = this.top && this.fn.scope.children.get(node)!;
    const { names, simple } = this.params(a);
    const pos = [...a.posonlyargs, ...a.args].map((p: any) => p.arg);
    const sig = `{name: ${JSON.stringify(name)}, qualname: ${JSON.stringify(qualname)}, params: ${JSON.stringify(pos)}, posonly: ${a.posonlyargs.length}, ` +
      `kwonly: ${JSON.stringify(a.kwonlyargs.map((p: any) => p.arg))}, vararg: ${a.vararg ? JSON.stringify(a.vararg.arg) : 'null'}, ` +
      `kwarg: ${a.kwarg ? JSON.stringify(a.kwarg.arg) : 'null'}, simple: ${simple}, module: ${JSON.stringify(this.moduleName)}}`;
    const fnId = (name === '<lambda>' ? 'lambda' : name.replace(/[^\w]/g, '_')) + '$' + ++this.uid;
    const outer = this.fn;
    const f: Fn = {
      scope, temps: 0, name: qualname.endsWith('<lambda>') ? '<lambda>' : name, classCell: outer.classCell, firstParam: names[0] ? jsName(names[0]) : null,
      isGen: scope.isGenerator, loops: [], handlers: [],
    };
    const t = this.tmp();
    const params = names.map(jsName).join(', ');
    this.emit(`${t} = $mkfunc(function ${fnId}(${params}) {`);
    this.fn = f;
    this.indent(() => {
      const start = this.out.length;
      if (simple) {
        // Positional calls that leave trailing parameters to their defaults fill them inline;
        // anything else takes the general binder (which also raises the TypeErrors).
        const nd = a.defaults.length;
        if (nd === 0) this.emit(`if (arguments.length !== ${pos.length}) return ${fnId}(...$bind(${fnId}, arguments));`);
        else {
          this.emit(`if (arguments.length !== ${pos.length}) {`);
          this.emit(`  if (arguments.length < ${pos.length - nd} || arguments.length > ${pos.length}) return ${fnId}(...$bind(${fnId}, arguments));`);
          for (let i = 0; i < nd; i++) {
            const pn = jsName(pos[pos.length - nd + i]);
            this.emit(`  if (${pn} === undefined) ${pn} = ${fnId}.$dv[${i}];`);
          }
          this.emit('}');
        }
      }
      const locals = [...scope.assigned].filter((n) => !scope.params.has(n) && !scope.globals.has(n) && !scope.nonlocals.has(n));
      if (scope.isAsync && scope.hasYield) this.emit('throw $notSupported("async generator functions");');
      if (f.isGen) {
        this.emit(`return new ${scope.isAsync ? '$PyCoro' : '$PyGen'}((function* () {`);
        this.indent(() => {
          if (locals.length) this.emit(`let ${locals.map(jsName).join(', ')};`);
          const gstart = this.out.length;
          const savedTemps = f.temps;
          if (body) this.stmts(body);
          this.emit('return null;');
          if (f.temps > savedTemps) {
            const ns = [];
            for (let i = savedTemps + 1; i <= f.temps; i++) ns.push('$t' + i);
            this.out.splice(gstart, 0, this.ind + 'let ' + ns.join(', ') + ';');
            this.lines.splice(gstart + 1, 0, this.curLine);
            this.funcs.splice(gstart + 1, 0, f.name);
          }
          f.temps = 0;
        });
        this.emit(`})(), ${JSON.stringify(name)});`);
      } else {
        if (locals.length) this.emit(`let ${locals.map(jsName).join(', ')};`);
        if (body) {
          this.stmts(body);
          this.emit('return null;');
        } else this.emit(`return ${this.expr(bodyExpr)};`);
        this.fn = f;
        const ns = [];
        for (let i = 1; i <= f.temps; i++) ns.push('$t' + i);
        if (ns.length) {
          this.out.splice(start, 0, this.ind + 'let ' + ns.join(', ') + ';');
          this.lines.splice(start + 1, 0, this.curLine);
          this.funcs.splice(start + 1, 0, f.name);
        }
      }
    });
    this.fn = outer;
    this.curLine = node.lineno;
    this.emit(`}, ${sig}, [${defaults.join(', ')}], ${kwd.length ? `{${kwd.join(', ')}}` : 'null'});`);
    return t;
  }
  qual(name: string): string {
    const parts: string[] = [];
    let s: Scope | null = this.fn.scope;
    for (; s && s.kind !== 'module'; s = s.parent) {
      if (s.kind === 'function') parts.unshift(s.name, '<locals>');
      else if (s.kind === 'class') parts.unshift(s.name);
    }
    return [...parts, name].join('.');
  }
  funcDef(s: any): void {
    const decs = s.decorator_list.map((d: any) => {
      const t = this.tmp();
      this.emit(`${t} = ${this.expr(d)};`);
      return t;
    });
    this.curLine = s.lineno;
    let v = this.funcValue(s, s.name, s.body, null, this.qual(s.name));
    const doc = s.body[0]?._type === 'Expr' && s.body[0].value._type === 'Constant' && typeof s.body[0].value.value === 'string';
    if (doc) this.emit(`${v}.$d.__doc__ = ${JSON.stringify(s.body[0].value.value)};`);
    for (const d of decs.reverse()) v = `$call1(${d}, ${v})`;
    this.emit(this.store(s.name, v) + ';');
  }
  classDef(s: any): void {
    const decs = s.decorator_list.map((d: any) => {
      const t = this.tmp();
      this.emit(`${t} = ${this.expr(d)};`);
      return t;
    });
    const bases = this.seqItems(s.bases);
    const kw = s.keywords.length ? this.kwMap(s.keywords) : 'null';
    const cell = this.id('$cls');
    const scope = this.fn.scope.children.get(s)!;
    const outer = this.fn;
    const qual = this.qual(s.name);
    this.emit(`var ${cell} = $buildClass(($ns) => {`);
    this.fn = { scope, temps: 0, name: s.name, classCell: cell, firstParam: null, isGen: false, loops: [], handlers: [] };
    this.indent(() => {
      const start = this.out.length;
      const doc = s.body[0]?._type === 'Expr' && s.body[0].value._type === 'Constant' && typeof s.body[0].value.value === 'string';
      if (doc) this.emit(`$ns.__doc__ = ${JSON.stringify(s.body[0].value.value)};`);
      this.stmts(s.body);
      this.insertTempsAt(start);
    });
    this.fn = outer;
    this.curLine = s.lineno;
    this.emit(`}, ${JSON.stringify(s.name)}, ${bases}, ${kw}, ${JSON.stringify(qual)}, $g.__name__);`);
    let v = cell;
    for (const d of decs.reverse()) v = `$call1(${d}, ${v})`;
    this.emit(this.store(s.name, v) + ';');
  }
  insertTempsAt(start: number): void {
    if (!this.fn.temps) return;
    const ns = [];
    for (let i = 1; i <= this.fn.temps; i++) ns.push('$t' + i);
    this.out.splice(start, 0, this.ind + 'let ' + ns.join(', ') + ';');
    this.lines.splice(start + 1, 0, this.curLine);
    this.funcs.splice(start + 1, 0, this.fn.name);
  }
  tryStmt(s: any): void {
    const hasFinally = s.finalbody.length > 0;
    const fe = hasFinally ? this.id('$fe') : '';
    if (hasFinally) this.emit(`let ${fe};`);
    if (hasFinally) this.emit('try {');
    const inner = (): void => {
      if (!s.handlers.length) {
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      }
      const ok = s.orelse.length ? this.id('$ok') : null;
      if (ok) this.emit(`let ${ok} = false;`);
      this.emit('try {');
      this.block(s.body);
      if (ok) this.emit(`  ${ok} = true;`);
      const e = this.id('$e');
      this.emit(`} catch (${e}$) {`);
      this.indent(() => {
        this.emit(`const ${e} = $toPyExc(${e}$);`);
        let first = true;
        for (const h of s.handlers) {
          this.curLine = h.lineno;
          const cond = h.type ? `$excMatch(${e}, ${this.expr(h.type)})` : 'true';
          this.emit(`${first ? '' : '} else '}if (${cond}) {`);
          first = false;
          this.indent(() => {
            if (h.name) this.emit(this.store(h.name, e) + ';');
            this.emit(`$excPush(${e});`);
            this.emit('try {');
            this.fn.handlers.push(e);
            this.block(h.body);
            this.fn.handlers.pop();
            this.emit(`} catch ($x) { throw $chain($x, ${e}); } finally {`);
            this.emit('  $excPop();');
            if (h.name) {
              const r = resolve(this.fn.scope, h.name);
              this.emit(r === 'global' ? `  delete $g[${JSON.stringify(h.name)}];` : r === 'class' ? `  delete $ns[${JSON.stringify(h.name)}];` : `  ${jsName(h.name)} = undefined;`);
            }
            this.emit('}');
          });
        }
        this.emit(`} else throw ${e};`);
      });
      this.emit('}');
      if (ok) {
        this.emit(`if (${ok}) {`);
        this.block(s.orelse);
        this.emit('}');
      }
    };
    if (hasFinally) {
      // an exception raised by the finally block while another is in flight gets it as __context__
      this.indent(inner);
      this.emit(`} catch (${fe}$) { ${fe} = ${fe}$; throw ${fe}$; } finally {`);
      this.emit('  try {');
      this.indent(() => this.block(s.finalbody));
      this.emit(`  } catch ($x) { throw ${fe} !== undefined ? $chain($x, $toPyExc(${fe})) : $x; }`);
      this.emit('}');
    } else inner();
  }
  raise(s: any): void {
    if (!s.exc) {
      const h = this.fn.handlers[this.fn.handlers.length - 1];
      this.emit(`throw $reraise(${h ?? 'undefined'});`);
      return;
    }
    const cause = s.cause ? `, ${this.expr(s.cause)}` : '';
    this.emit(`throw $raise(${this.expr(s.exc)}${cause});`);
  }
  withStmt(s: any, i: number): void {
    if (i >= s.items.length) return this.stmts(s.body);
    const item = s.items[i];
    const isAsync = s._type === 'AsyncWith';
    const aw = (e: string): string => (isAsync ? `(yield* $awaitIt(${e}))` : e);
    const m = this.id('$m'), x = this.id('$x'), ok = this.id('$ok');
    this.emit(`const ${m} = ${this.expr(item.context_expr)};`);
    this.emit(`const ${x} = ${isAsync ? '$aexitOf' : '$exitOf'}(${m});`);
    const entered = isAsync ? aw(`$aenter(${m})`) : `$enter(${m})`;
    if (item.optional_vars) this.assignTo(item.optional_vars, entered);
    else this.emit(entered + ';');
    this.emit(`let ${ok} = true;`);
    this.emit('try {');
    this.indent(() => this.withStmt(s, i + 1));
    this.emit(`} catch (${m}$e) {`);
    this.emit(`  ${ok} = false;`);
    this.emit(`  const ${m}$p = $toPyExc(${m}$e);`);
    this.emit(`  if (!$truthy(${aw(`$callN(${x}, [${m}, $typeOf(${m}$p), ${m}$p, null])`)})) throw ${m}$p;`);
    this.emit('} finally {');
    this.emit(`  if (${ok}) ${aw(`$callN(${x}, [${m}, null, null, null])`)};`);
    this.emit('}');
  }
  /** `async for`: __aiter__, then await __anext__() until StopAsyncIteration. */
  asyncFor(s: any): void {
    const it = this.id('$ai'), v = this.id('$v');
    this.emit(`const ${it} = $aiter(${this.expr(s.iter)});`);
    this.emit(`let ${v};`);
    this.loop(s.orelse, () => this.emit(`while ((${v} = (yield* $anext(${it}))) !== undefined) {`), () => {
      this.assignTo(s.target, v);
      this.stmts(s.body);
    });
  }
  importStmt(s: any): void {
    for (const a of s.names) {
      if (a.asname) this.emit(this.store(a.asname, `$importAs(${JSON.stringify(a.name)}, $g)`) + ';');
      else this.emit(this.store(a.name.split('.')[0], `$import(${JSON.stringify(a.name)}, $g)`) + ';');
    }
  }
  importFrom(s: any): void {
    if (s.module === '__future__' && s.names.some((a: any) => a.name === 'annotations')) this.futureAnnotations = true;
    const m = this.tmp();
    const names = s.names.map((a: any) => a.name);
    this.emit(`${m} = $importFrom(${JSON.stringify(s.module ?? '')}, ${s.level ?? 0}, ${JSON.stringify(names)}, $g);`);
    for (const a of s.names) {
      if (a.name === '*') this.emit(`$importStar(${m}, $g);`);
      else this.emit(this.store(a.asname ?? a.name, `$fromGet(${m}, ${JSON.stringify(a.name)})`) + ';');
    }
  }

  // -- match --

  matchStmt(s: any): void {
    const subj = this.tmp();
    this.emit(`${subj} = ${this.expr(s.subject)};`);
    const label = this.id('$match');
    this.emit(`${label}: {`);
    this.indent(() => {
      for (const c of s.cases) {
        this.curLine = c.pattern.lineno ?? this.curLine;
        const cond = this.pattern(c.pattern, subj);
        const guard = c.guard ? ` && ${this.test(c.guard)}` : '';
        this.emit(`if (${cond}${guard}) {`);
        this.block(c.body);
        this.emit(`  break ${label};`);
        this.emit('}');
      }
    });
    this.emit('}');
  }
  /** A JS boolean expression that matches `v` against a pattern, binding captures as it goes. */
  pattern(p: any, v: string): string {
    switch (p._type) {
      case 'MatchValue': return `$eq(${v}, ${this.expr(p.value)})`;
      case 'MatchSingleton': return `${v} === ${p.value === null ? 'null' : p.value}`;
      case 'MatchAs': {
        const inner = p.pattern ? this.pattern(p.pattern, v) : 'true';
        if (!p.name) return inner;
        return `(${inner} && (${this.store(p.name, v)}, true))`;
      }
      case 'MatchOr': return '(' + p.patterns.map((q: any) => this.pattern(q, v)).join(' || ') + ')';
      case 'MatchSequence': {
        const star = p.patterns.findIndex((q: any) => q._type === 'MatchStar');
        const a = this.tmp();
        const n = p.patterns.length;
        const parts = [`($${'isSeq'}(${v}) && (${a} = $items(${v}), ${star < 0 ? `${a}.length === ${n}` : `${a}.length >= ${n - 1}`}))`];
        p.patterns.forEach((q: any, i: number) => {
          if (q._type === 'MatchStar') {
            if (q.name) parts.push(`(${this.store(q.name, `${a}.slice(${i}, ${a}.length - ${n - 1 - i})`)}, true)`);
          } else {
            const idx = star >= 0 && i > star ? `${a}[${a}.length - ${n - i}]` : `${a}[${i}]`;
            parts.push(this.pattern(q, idx));
          }
        });
        return '(' + parts.join(' && ') + ')';
      }
      case 'MatchMapping': {
        const parts = [`$isMapping(${v})`];
        p.keys.forEach((k: any, i: number) => {
          const t = this.tmp();
          parts.push(`((${t} = $mapGet(${v}, ${this.expr(k)})) !== undefined)`);
          parts.push(this.pattern(p.patterns[i], t));
        });
        if (p.rest) parts.push(`(${this.store(p.rest, `$mapRest(${v}, [${p.keys.map((k: any) => this.expr(k)).join(', ')}])`)}, true)`);
        return '(' + parts.join(' && ') + ')';
      }
      case 'MatchClass': {
        const cls = this.expr(p.cls);
        const parts = [`$isinstance(${v}, ${cls})`];
        p.patterns.forEach((q: any, i: number) => {
          const t = this.tmp();
          parts.push(`((${t} = $matchPos(${v}, ${cls}, ${i}, ${p.patterns.length})) !== undefined)`);
          parts.push(this.pattern(q, t));
        });
        p.kwd_attrs.forEach((k: string, i: number) => {
          const t = this.tmp();
          parts.push(`((${t} = $getattrOpt(${v}, ${JSON.stringify(k)})) !== undefined)`);
          parts.push(this.pattern(p.kwd_patterns[i], t));
        });
        return '(' + parts.join(' && ') + ')';
      }
      case 'MatchStar': return 'true';
    }
    return 'false';
  }

  // -- expressions --

  /** A JS boolean for a Python condition. */
  test(e: any): string {
    switch (e._type) {
      case 'BoolOp': {
        const j = e.op._type === 'And' ? ' && ' : ' || ';
        return '(' + e.values.map((v: any) => this.test(v)).join(j) + ')';
      }
      case 'UnaryOp':
        if (e.op._type === 'Not') return `!${this.test(e.operand)}`;
        break;
      case 'Compare':
        if (e.ops.length === 1) {
          const op = e.ops[0]._type;
          const a = this.expr(e.left), b = this.expr(e.comparators[0]);
          switch (op) {
            case 'Is': return `(${a} === ${b})`;
            case 'IsNot': return `(${a} !== ${b})`;
            case 'In': return `$contains(${b}, ${a})`;
            case 'NotIn': return `!$contains(${b}, ${a})`;
            case 'Eq': return `$eq(${a}, ${b})`;
            case 'NotEq': return `!$eq(${a}, ${b})`;
          }
          return `$truthy(${CMPFN[op]}(${a}, ${b}))`;
        }
        break;
      case 'Constant':
        if (e.value === true) return 'true';
        break;
    }
    return `$truthy(${this.expr(e)})`;
  }
  expr(e: any): string {
    switch (e._type) {
      case 'Constant': return this.constant(e.value, e.kind);
      case 'Name': return this.load(e.id);
      case 'BinOp': {
        const op = BINOP[e.op._type]!;
        const f = BINFN[op];
        const a = this.expr(e.left), b = this.expr(e.right);
        return f ? `${f}(${a}, ${b})` : `$binop(${JSON.stringify(op)}, ${a}, ${b})`;
      }
      case 'UnaryOp': {
        const v = this.expr(e.operand);
        switch (e.op._type) {
          case 'Not': return `!$truthy(${v})`;
          case 'USub':
            if (e.operand._type === 'Constant' && typeof e.operand.value === 'bigint') return this.constant(-e.operand.value, null);
            return `$neg(${v})`;
          case 'UAdd': return `$pos(${v})`;
          case 'Invert': return `$invert(${v})`;
        }
        break;
      }
      case 'BoolOp': {
        const vals = e.values.map((v: any) => this.expr(v));
        let out = vals[vals.length - 1]!;
        for (let i = vals.length - 2; i >= 0; i--) {
          const t = this.tmp();
          out = e.op._type === 'And' ? `($truthy(${t} = ${vals[i]}) ? ${out} : ${t})` : `($truthy(${t} = ${vals[i]}) ? ${t} : ${out})`;
        }
        return out;
      }
      case 'Compare': return this.compare(e);
      case 'IfExp': return `(${this.test(e.test)} ? ${this.expr(e.body)} : ${this.expr(e.orelse)})`;
      case 'Call': return this.call(e);
      case 'Attribute': return `${this.konst('g:' + e.attr, `$attrGetter(${JSON.stringify(e.attr)})`)}(${this.expr(e.value)})`;
      case 'Subscript': return `$getitem(${this.expr(e.value)}, ${this.subscriptKey(e.slice)})`;
      case 'Slice': return this.slice(e);
      case 'List': return this.seqItems(e.elts);
      case 'Tuple': return `new $PyTuple(${this.seqItems(e.elts)})`;
      case 'Set':
        // CPython folds a display of 3+ constants into a frozenset and merges it (iteration order!)
        if (e.elts.length > 2 && e.elts.every(isConst)) return `$mksetConst(${this.seqItems(e.elts)})`;
        return `$mkset(${this.seqItems(e.elts)})`;
      case 'Dict': {
        if (!e.keys.some((k: any) => k === null)) {
          return `$mkdict([${e.keys.map((k: any, i: number) => `${this.expr(k)}, ${this.expr(e.values[i])}`).join(', ')}])`;
        }
        const parts = e.keys.map((k: any, i: number) => (k === null ? `[$DSTAR, ${this.expr(e.values[i])}]` : `[${this.expr(k)}, ${this.expr(e.values[i])}]`));
        return `$mkdictStar([${parts.join(', ')}])`;
      }
      case 'JoinedStr': return this.joined(e);
      case 'FormattedValue': return this.formatted(e);
      case 'Lambda': return this.funcValue(e, '<lambda>', null, e.body, this.qual('<lambda>'));
      case 'NamedExpr': {
        const v = this.expr(e.value);
        const t = this.tmp();
        return `(${t} = ${v}, ${this.store(e.target.id, t)}, ${t})`;
      }
      case 'ListComp': case 'SetComp': case 'DictComp': case 'GeneratorExp': return this.comprehension(e);
      case 'Yield': return `(yield ${e.value ? this.expr(e.value) : 'null'})`;
      case 'YieldFrom': return `(yield* $yieldFrom(${this.expr(e.value)}))`;
      case 'Starred': return `$notSupported("starred expression here")`;
      case 'Await': return `(yield* $awaitIt(${this.expr(e.value)}))`;
    }
    return `$notSupported(${JSON.stringify(e._type)})`;
  }
  constant(v: any, _kind: any): string {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'boolean': return String(v);
      case 'string': return JSON.stringify(v);
      case 'bigint':
        if (v <= 9007199254740991n && v >= -9007199254740991n) return v < 0n ? `(${v})` : String(v);
        return `${v}n`;
      case 'number': {
        const js = Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : !Number.isFinite(v) ? (v > 0 ? 'Infinity' : '-Infinity') : String(v);
        return this.konst('f' + js, `new $PyFloat(${js})`);
      }
    }
    if (v instanceof Uint8Array) return `new $PyBytes(Uint8Array.from(${JSON.stringify(Array.from(v))}))`;
    if (v._type === 'complex') return this.konst(`c${v.real},${v.imag}`, `new $PyComplex(${v.real}, ${v.imag})`);
    if (v._type === 'Ellipsis') return '$Ellipsis';
    return 'null';
  }
  compare(e: any): string {
    const one = (op: string, a: string, b: string): string => {
      switch (op) {
        case 'Is': return `(${a} === ${b})`;
        case 'IsNot': return `(${a} !== ${b})`;
        case 'In': return `$contains(${b}, ${a})`;
        case 'NotIn': return `!$contains(${b}, ${a})`;
        case 'Eq': return `$eqObj(${a}, ${b})`;
        case 'NotEq': return `$neObj(${a}, ${b})`;
      }
      return `${CMPFN[op]}(${a}, ${b})`;
    };
    if (e.ops.length === 1) return one(e.ops[0]._type, this.expr(e.left), this.expr(e.comparators[0]));
    // a < b < c: evaluate each operand once, stop at the first false result
    const r = this.tmp();
    let prev = this.expr(e.left);
    const parts: string[] = [];
    e.ops.forEach((op: any, i: number) => {
      const last = i === e.ops.length - 1;
      const cur = last ? this.expr(e.comparators[i]) : this.tmp();
      const curExpr = last ? cur : `(${cur} = ${this.expr(e.comparators[i])})`;
      parts.push(`$truthy(${r} = ${one(op._type, prev, curExpr)})`);
      prev = cur;
    });
    return `((${parts.join(' && ')}), ${r})`;
  }
  subscriptKey(s: any): string {
    if (s._type === 'Slice') return this.slice(s);
    if (s._type === 'Tuple') return `new $PyTuple([${s.elts.map((x: any) => (x._type === 'Slice' ? this.slice(x) : this.expr(x))).join(', ')}])`;
    return this.expr(s);
  }
  slice(s: any): string {
    const f = (x: any): string => (x ? this.expr(x) : 'null');
    return `new $PySlice(${f(s.lower)}, ${f(s.upper)}, ${f(s.step)})`;
  }
  seqItems(elts: any[]): string {
    return '[' + elts.map((x: any) => (x._type === 'Starred' ? `...$items(${this.expr(x.value)})` : this.expr(x))).join(', ') + ']';
  }
  kwMap(kws: any[]): string {
    const simple = kws.every((k: any) => k.arg !== null);
    if (simple) return `new Map([${kws.map((k: any) => `[${JSON.stringify(k.arg)}, ${this.expr(k.value)}]`).join(', ')}])`;
    return `$kwmap([${kws.map((k: any) => (k.arg === null ? `[null, ${this.expr(k.value)}]` : `[${JSON.stringify(k.arg)}, ${this.expr(k.value)}]`)).join(', ')}])`;
  }
  call(e: any): string {
    const f = e.func;
    const hasStar = e.args.some((a: any) => a._type === 'Starred');
    const kw = e.keywords.length > 0;
    if (f._type === 'Name') {
      const r = resolve(this.fn.scope, f.id);
      if (r === 'global' && !this.rebound.has(f.id)) {
        if (f.id === 'super' && e.args.length === 0 && this.fn.classCell) {
          return `$super(${this.fn.classCell}, ${this.fn.firstParam ?? 'undefined'})`;
        }
        if (f.id === 'globals' && e.args.length === 0) return '$globals($g)';
        if ((f.id === 'locals' || f.id === 'vars') && e.args.length === 0) return this.localsDict();
        if (f.id === 'dir' && e.args.length === 0) return `$sortedKeys(${this.localsDict()})`;
        if ((f.id === 'exec' || f.id === 'eval') && !hasStar && !kw) {
          const a = e.args.map((x: any) => this.expr(x));
          return `$${f.id}(${a[0]}, ${a[1] ?? 'undefined'}, ${a[2] ?? 'undefined'}, $g)`;
        }
        // names a star import may rebind keep the generic call below
        if (!this.top.hasStarImport && !hasStar && !kw) {
          if (f.id === 'print') return `$print1([${e.args.map((x: any) => this.expr(x)).join(', ')}])`;
          if (f.id === 'len' && e.args.length === 1) return `$lenOf(${this.expr(e.args[0])})`;
          if (f.id === 'isinstance' && e.args.length === 2) return `$isinstance(${this.expr(e.args[0])}, ${this.expr(e.args[1])})`;
        }
      }
    }
    // A generator expression consumed at once by a builtin (or str.join) runs as internal iteration.
    if (e.args.length === 1 && e.args[0]._type === 'GeneratorExp' && !kw) {
      if (f._type === 'Name' && CONSUMERS.has(f.id) && resolve(this.fn.scope, f.id) === 'global' && !this.rebound.has(f.id) && !this.top.hasStarImport) {
        const { fn, first } = this.compFn(e.args[0], true);
        return `$consume(${JSON.stringify(f.id)}, ${first}, ${fn})`;
      }
      if (f._type === 'Attribute' && f.attr === 'join') {
        const o = this.expr(f.value);
        const { fn, first } = this.compFn(e.args[0], true);
        const { fn: gfn } = this.compFn(e.args[0], false, '$unused');
        return `$joinGen(${o}, ${first}, ${fn}, ${gfn})`;
      }
    }
    if (f._type === 'Attribute' && !hasStar && !kw) {
      const o = this.expr(f.value), k = JSON.stringify(f.attr);
      const a = e.args.map((x: any) => this.expr(x));
      if (a.length <= 3) return `${this.konst(`m:${f.attr}/${a.length}`, `$methodCaller(${k}, ${a.length})`)}(${o}${a.map((x: string) => ', ' + x).join('')})`;
      return `$cmN(${o}, ${k}, [${a.join(', ')}])`;
    }
    const fn = this.expr(f);
    if (!hasStar && !kw) {
      const a = e.args.map((x: any) => this.expr(x));
      if (a.length <= 3) return `$call${a.length}(${fn}${a.map((x: string) => ', ' + x).join('')})`;
      return `$callN(${fn}, [${a.join(', ')}])`;
    }
    return `$call(${fn}, ${this.seqItems(e.args)}, ${kw ? this.kwMap(e.keywords) : 'null'})`;
  }
  localsDict(): string {
    const s = this.fn.scope;
    if (s.kind === 'module') return '$globals($g)';
    if (s.kind === 'class') return '$nsDict($ns)';
    const names = [...s.assigned].filter((n) => !s.globals.has(n));
    return `$localsDict([${names.map((n) => JSON.stringify(n)).join(', ')}], [${names.map((n) => jsName(n)).join(', ')}])`;
  }
  joined(e: any): string {
    if (!e.values.length) return '""';
    return '(' + e.values.map((v: any) => (v._type === 'Constant' ? JSON.stringify(v.value) : this.formatted(v))).join(' + ') + ')';
  }
  formatted(v: any): string {
    let x = this.expr(v.value);
    if (v.conversion === 115) x = `$str(${x})`;
    else if (v.conversion === 114) x = `$repr(${x})`;
    else if (v.conversion === 97) x = `$ascii(${x})`;
    const spec = v.format_spec ? this.joined(v.format_spec) : '""';
    return `$format(${x}, ${spec})`;
  }
  comprehension(e: any): string {
    const { fn, first } = this.compFn(e, false);
    return e._type === 'GeneratorExp' ? `new $PyGen(${fn}(${first}), "<genexpr>")` : `${fn}(${first})`;
  }
  /**
   * Emit the function for a comprehension; returns its temp and the (once evaluated) first iterator.
   * `push` turns a generator expression into internal iteration: `f($it0, $emit)` calls `$emit(v)`
   * per element and stops when it returns true, with no generator objects.
   */
  compFn(e: any, push: boolean, firstIt?: string): { fn: string; first: string } {
    const scope = this.fn.scope.children.get(e)!;
    const outer = this.fn;
    const gens = e.generators;
    const first = firstIt ?? `$iter(${this.expr(gens[0].iter)})`;
    const isGen = e._type === 'GeneratorExp' && !push;
    const f: Fn = { scope, temps: 0, name: e._type === 'GeneratorExp' ? '<genexpr>' : e._type === 'ListComp' ? '<listcomp>' : e._type === 'SetComp' ? '<setcomp>' : '<dictcomp>', classCell: outer.classCell, firstParam: outer.firstParam, isGen, loops: [], handlers: [] };
    const t = this.tmp();
    const locals = [...scope.assigned].filter((n) => !scope.nonlocals.has(n) && !scope.globals.has(n));
    const id = this.id('$c');
    this.emit(`${t} = (${isGen ? 'function*' : 'function'} ${f.name.replace(/[<>]/g, '')}$${id}($it0${push ? ', $emit' : ''}) {`);
    this.fn = f;
    this.indent(() => {
      const start = this.out.length;
      if (locals.length) this.emit(`let ${locals.map(jsName).join(', ')};`);
      if (!isGen && !push) this.emit(e._type === 'ListComp' ? 'const $r = [];' : e._type === 'SetComp' ? 'const $r = $mkset([]);' : 'const $r = $mkdict([]);');
      let depth = 0;
      gens.forEach((g: any, i: number) => {
        const itv = `$it${i}`, v = this.id('$v');
        if (i > 0) this.emit(`const ${itv} = $iter(${this.expr(g.iter)});`);
        this.emit(`let ${v};`);
        this.emit(`while ((${v} = ${itv}.nx()) !== undefined) {`);
        this.ind += '  ';
        depth++;
        this.assignTo(g.target, v);
        for (const c of g.ifs) this.emit(`if (!${this.test(c)}) continue;`);
      });
      if (push) this.emit(`if ($emit(${this.expr(e.elt)})) return null;`);
      else {
        switch (e._type) {
          case 'ListComp': this.emit(`$r.push(${this.expr(e.elt)});`); break;
          case 'SetComp': this.emit(`$r.add(${this.expr(e.elt)});`); break;
          case 'DictComp': {
            const k = this.tmp();
            this.emit(`${k} = ${this.expr(e.key)};`);
            this.emit(`$setitem($r, ${k}, ${this.expr(e.value)});`);
            break;
          }
          case 'GeneratorExp': this.emit(`yield ${this.expr(e.elt)};`); break;
        }
      }
      for (let i = 0; i < depth; i++) {
        this.ind = this.ind.slice(2);
        this.emit('}');
      }
      this.emit(isGen || push ? 'return null;' : 'return $r;');
      this.insertTempsAt(start);
    });
    this.fn = outer;
    this.emit('});');
    return { fn: t, first };
  }
}

/** Would CPython's AST optimiser fold this expression into a constant? */
function isConst(e: any): boolean {
  switch (e._type) {
    case 'Constant': return true;
    case 'Tuple': return e.elts.every(isConst);
    case 'UnaryOp': return e.op._type !== 'Not' && isConst(e.operand);
    case 'BinOp': return isConst(e.left) && isConst(e.right);
  }
  return false;
}

/** Runtime helpers every compiled module destructures (each available as `$name`). */
export const RT_NAMES = [
  'add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'or', 'xor', 'and', 'binop', 'inplace',
  'iadd', 'isub', 'imul', 'neg', 'pos', 'invert', 'truthy', 'eq', 'eqObj', 'neObj', 'lt', 'le', 'gt', 'ge', 'contains',
  'getattr', 'setattr', 'delattr', 'getattrOpt', 'getitem', 'setitem', 'delitem', 'iter', 'items', 'unpack', 'lenOf',
  'call', 'call0', 'call1', 'call2', 'call3', 'callN', 'cm0', 'cm1', 'cm2', 'cmN', 'bind', 'mkfunc', 'buildClass',
  'super', 'PyTuple', 'PyFloat', 'PyComplex', 'PyBytes', 'PySlice', 'PyGen', 'Ellipsis', 'mkdict', 'mkdictStar', 'DSTAR',
  'mkset', 'kwmap', 'format', 'str', 'repr', 'ascii', 'print1', 'isinstance', 'typeOf', 'toPyExc', 'excMatch', 'chain',
  'excPush', 'excPop', 'raise', 'reraise', 'assertFail', 'exitOf', 'enter', 'unboundLocal', 'unboundFree', 'nameError',
  'loadBuiltin', 'notSupported', 'rangeLo', 'rangeHi', 'yieldFrom', 'import', 'importAs', 'importFrom', 'importStar',
  'fromGet', 'globals', 'localsDict', 'nsDict', 'exec', 'eval', 'displayhook', 'isSeq', 'isMapping', 'mapGet', 'mapRest',
  'matchPos', 'closeTemp', 'attrGetter', 'attrSetter', 'methodCaller', 'mksetConst', 'annotate', 'sortedKeys', 'consume', 'joinGen', 'PyCoro', 'awaitIt', 'aexitOf', 'aenter', 'aiter', 'anext',
];
