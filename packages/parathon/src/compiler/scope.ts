// Symbol tables: which names each scope binds, declares global/nonlocal, and where a name resolves.
/* eslint-disable @typescript-eslint/no-explicit-any */

/** One Python scope (module, function, lambda, class body or comprehension). */
export class Scope {
  assigned = new Set<string>();
  globals = new Set<string>();
  nonlocals = new Set<string>();
  params = new Set<string>();
  children = new Map<any, Scope>();
  isGenerator = false;
  isAsync = false;
  hasYield = false;
  usesSuper = false;
  hasStarImport = false;
  constructor(public kind: 'module' | 'function' | 'class' | 'comp', public parent: Scope | null, public name: string) {}
  /** The nearest enclosing scope that is not a class or comprehension (where walrus binds). */
  owner(): Scope {
    let s: Scope = this;
    while (s.kind === 'comp' && s.parent) s = s.parent;
    return s;
  }
}

/** How a name is accessed at a use site. */
export type Resolution = 'local' | 'global' | 'class' | 'closure';

/** Resolve `name` as seen from scope `s`. */
export function resolve(s: Scope, name: string): Resolution {
  if (s.globals.has(name)) return 'global';
  if (s.kind === 'module') return 'global';
  if (s.nonlocals.has(name)) return 'closure';
  if (s.assigned.has(name)) return s.kind === 'class' ? 'class' : 'local';
  for (let p = s.parent; p; p = p.parent) {
    if (p.kind === 'class') continue;
    if (p.kind === 'module') return 'global';
    if (p.globals.has(name)) return 'global';
    if (p.assigned.has(name) || p.nonlocals.has(name)) return 'closure';
  }
  return 'global';
}

/** Build the scope tree for a module. */
export function analyse(mod: any): Scope {
  const top = new Scope('module', null, '<module>');
  new Analyser(top).stmts(mod.body);
  return top;
}

class Analyser {
  constructor(public s: Scope) {}
  bind(name: string): void {
    this.s.assigned.add(name);
  }
  stmts(b: any[]): void {
    for (const st of b) this.stmt(st);
  }
  target(t: any): void {
    switch (t._type) {
      case 'Name': this.bind(t.id); break;
      case 'Tuple': case 'List': for (const e of t.elts) this.target(e); break;
      case 'Starred': this.target(t.value); break;
      default: this.expr(t);
    }
  }
  args(a: any): void {
    for (const d of a.defaults) this.expr(d);
    for (const d of a.kw_defaults) if (d) this.expr(d);
  }
  fn(node: any, name: string, body: any[] | null, bodyExpr: any): void {
    const sc = new Scope('function', this.s, name);
    this.s.children.set(node, sc);
    const a = node.args;
    for (const p of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) {
      sc.params.add(p.arg);
      sc.assigned.add(p.arg);
    }
    if (a.vararg) (sc.params.add(a.vararg.arg), sc.assigned.add(a.vararg.arg));
    if (a.kwarg) (sc.params.add(a.kwarg.arg), sc.assigned.add(a.kwarg.arg));
    const an = new Analyser(sc);
    if (body) an.stmts(body);
    else an.expr(bodyExpr);
  }
  stmt(st: any): void {
    switch (st._type) {
      case 'FunctionDef': case 'AsyncFunctionDef':
        for (const d of st.decorator_list) this.expr(d);
        this.args(st.args);
        this.bind(st.name);
        this.fn(st, st.name, st.body, null);
        if (st._type === 'AsyncFunctionDef') {
          const sc = this.s.children.get(st)!;
          sc.isGenerator = true;
          sc.isAsync = true;
        }
        break;
      case 'ClassDef': {
        for (const d of st.decorator_list) this.expr(d);
        for (const b of st.bases) this.expr(b);
        for (const k of st.keywords) this.expr(k.value);
        this.bind(st.name);
        const sc = new Scope('class', this.s, st.name);
        this.s.children.set(st, sc);
        new Analyser(sc).stmts(st.body);
        break;
      }
      case 'Return': if (st.value) this.expr(st.value); break;
      case 'Delete': for (const t of st.targets) this.target(t); break;
      case 'Assign': this.expr(st.value); for (const t of st.targets) this.target(t); break;
      case 'AugAssign': this.expr(st.value); this.target(st.target); break;
      case 'AnnAssign':
        if (st.value) this.expr(st.value);
        if (st.target._type === 'Name') {
          if (st.value || this.s.kind !== 'module') this.bind(st.target.id);
        } else this.expr(st.target);
        if (this.s.kind !== 'function') this.expr(st.annotation);
        break;
      case 'For': case 'AsyncFor':
        this.expr(st.iter); this.target(st.target); this.stmts(st.body); this.stmts(st.orelse); break;
      case 'While': this.expr(st.test); this.stmts(st.body); this.stmts(st.orelse); break;
      case 'If': this.expr(st.test); this.stmts(st.body); this.stmts(st.orelse); break;
      case 'With': case 'AsyncWith':
        for (const it of st.items) {
          this.expr(it.context_expr);
          if (it.optional_vars) this.target(it.optional_vars);
        }
        this.stmts(st.body);
        break;
      case 'Match':
        this.expr(st.subject);
        for (const c of st.cases) {
          this.pattern(c.pattern);
          if (c.guard) this.expr(c.guard);
          this.stmts(c.body);
        }
        break;
      case 'Raise': if (st.exc) this.expr(st.exc); if (st.cause) this.expr(st.cause); break;
      case 'Try': case 'TryStar':
        this.stmts(st.body);
        for (const h of st.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.bind(h.name);
          this.stmts(h.body);
        }
        this.stmts(st.orelse);
        this.stmts(st.finalbody);
        break;
      case 'Assert': this.expr(st.test); if (st.msg) this.expr(st.msg); break;
      case 'Import':
        for (const a of st.names) this.bind(a.asname ?? a.name.split('.')[0]);
        break;
      case 'ImportFrom':
        for (const a of st.names) {
          if (a.name === '*') this.s.hasStarImport = true;
          else this.bind(a.asname ?? a.name);
        }
        break;
      case 'Global': for (const n of st.names) this.s.globals.add(n); break;
      case 'Nonlocal': for (const n of st.names) this.s.nonlocals.add(n); break;
      case 'Expr': this.expr(st.value); break;
    }
  }
  pattern(p: any): void {
    if (!p) return;
    switch (p._type) {
      case 'MatchValue': this.expr(p.value); break;
      case 'MatchSequence': for (const x of p.patterns) this.pattern(x); break;
      case 'MatchStar': if (p.name) this.bind(p.name); break;
      case 'MatchMapping':
        for (const k of p.keys) this.expr(k);
        for (const x of p.patterns) this.pattern(x);
        if (p.rest) this.bind(p.rest);
        break;
      case 'MatchClass':
        this.expr(p.cls);
        for (const x of p.patterns) this.pattern(x);
        for (const x of p.kwd_patterns) this.pattern(x);
        break;
      case 'MatchAs': if (p.pattern) this.pattern(p.pattern); if (p.name) this.bind(p.name); break;
      case 'MatchOr': for (const x of p.patterns) this.pattern(x); break;
    }
  }
  comp(node: any, gens: any[], elts: any[]): void {
    this.expr(gens[0].iter);
    const sc = new Scope('comp', this.s, '<comp>');
    this.s.children.set(node, sc);
    const an = new Analyser(sc);
    gens.forEach((g, i) => {
      if (i > 0) an.expr(g.iter);
      an.target(g.target);
      for (const c of g.ifs) an.expr(c);
    });
    for (const e of elts) an.expr(e);
    if (node._type === 'GeneratorExp') sc.isGenerator = true;
  }
  expr(e: any): void {
    if (!e || typeof e !== 'object') return;
    switch (e._type) {
      case 'Name':
        if (e.id === 'super' || e.id === '__class__') {
          for (let s: Scope | null = this.s; s; s = s.parent) if (s.kind === 'function') s.usesSuper = true;
        }
        return;
      case 'NamedExpr': {
        this.expr(e.value);
        const o = this.s.owner();
        if (o !== this.s && !this.s.globals.has(e.target.id)) {
          if (o.kind !== 'module' && !o.globals.has(e.target.id)) o.assigned.add(e.target.id);
          this.s.nonlocals.add(e.target.id);
          if (o.kind === 'module' || o.globals.has(e.target.id)) {
            this.s.nonlocals.delete(e.target.id);
            this.s.globals.add(e.target.id);
          }
        } else this.bind(e.target.id);
        return;
      }
      case 'Lambda':
        this.args(e.args);
        this.fn(e, '<lambda>', null, e.body);
        return;
      case 'ListComp': case 'SetComp': case 'GeneratorExp': this.comp(e, e.generators, [e.elt]); return;
      case 'DictComp': this.comp(e, e.generators, [e.key, e.value]); return;
      case 'Yield': case 'YieldFrom':
        this.s.isGenerator = true;
        this.s.hasYield = true;
        if (e.value) this.expr(e.value);
        return;
      case 'Await': this.expr(e.value); return;
    }
    for (const k in e) {
      if (k === '_type' || k === 'ctx') continue;
      const v = e[k];
      if (Array.isArray(v)) for (const x of v) this.expr(x);
      else if (v && typeof v === 'object' && v._type) this.expr(v);
    }
  }
}
