// The interpreter: compiles modules to JS and runs them in this V8 context, imports (.py files,
// packages, sys.path, builtin modules), exec/eval, and CPython-format tracebacks.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';
import {
  PyModule, PyExc, PyTuple, NS, mkExc, typeOf, isSubtype, excTypes, ModuleNotFoundError_, SystemExit_, ImportError_,
  TypeError_, BaseException_, PyType, RecursionError_,
} from './core.js';
import { PyDict } from './dict.js';
import * as O from './ops.js';
import { rt, importHooks, GlobalsDict, excStack } from './rt.js';
import { compileModule, CompiledModule } from '../compiler/compile.js';
import { parse, PySyntaxError, PyParserRecursionError } from '../parser.js';
import { formatSyntaxError } from '../errors/syntax.js';
import { repr, str } from '../builtins/types.js';
import { B, flushAll, stderr, stdout, streams } from '../builtins/functions.js';
import { makeSys } from '../stdlib/sys.js';
import { nativeModules } from '../stdlib/index.js';

/** Where the Python-written standard modules live. */
export const libDir = fileURLToPath(new URL('../../lib', import.meta.url));

/** What tracebacks need to know about a compiled file. */
interface FileInfo {
  pyFile: string;
  source: string[];
  code: CompiledModule;
}
const files = new Map<string, FileInfo>();
let fileCounter = 0;

/** Options for a new interpreter. */
export interface InterpreterOptions {
  /** sys.argv (argv[0] is the script). */
  argv?: string[];
  /** Extra sys.path entries, searched before the standard library. */
  path?: string[];
}

/** A Python interpreter: one set of modules, one sys. */
export class Interpreter {
  /** This interpreter's `sys` module. */
  sys: PyModule;
  /** `sys.modules`: every imported module by name. */
  modules: PyDict;
  /** The `__main__` module, once {@link Interpreter.runMain} has run. */
  main: PyModule | null = null;
  constructor(opts: InterpreterOptions = {}) {
    Error.stackTraceLimit = 64;
    this.sys = makeSys(opts.argv ?? [''], [...(opts.path ?? []), libDir]);
    this.modules = this.sys.$d.modules;
    this.modules.set('sys', this.sys);
    const bm = new PyModule(B);
    this.modules.set('builtins', bm);
    (streams as any).sysd = this.sys.$d;
    current = this;
  }

  /** Parse and compile Python source to a runnable module body. */
  compile(source: string, filename: string, moduleName: string, mode: 'exec' | 'eval' | 'single' = 'exec'): (g: any) => any {
    let tree: any;
    try {
      tree = parse(source, filename, mode);
    } catch (e) {
      if (e instanceof PySyntaxError) throw toPySyntaxError(e);
      // CPython's compile() of such source raises RecursionError (MemoryError for some shapes).
      if (e instanceof PyParserRecursionError) throw mkExc(RecursionError_, 'maximum recursion depth exceeded during compilation');
      throw e;
    }
    const code = compileModule(tree, moduleName, mode, source);
    const jsFile = `${filename}.parathon-${++fileCounter}.js`;
    files.set(jsFile, { pyFile: filename, source: source.split('\n'), code });
    const factory = vm.runInThisContext(code.js, { filename: jsFile });
    return (g: any) => factory(rt, g, B)();
  }

  /** Create a module namespace with the standard dunders. */
  newModule(name: string, file: string | null): PyModule {
    const g = new NS();
    g.__name__ = name;
    g.__doc__ = null;
    g.__package__ = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
    g.__builtins__ = this.modules.get('builtins');
    g.__spec__ = null;
    g.__loader__ = null;
    if (file !== null) g.__file__ = file;
    return new PyModule(g);
  }

  /** Run source as the __main__ module (raises Python exceptions). */
  runMain(source: string, filename: string): PyModule {
    const m = this.newModule('__main__', filename === '<string>' || filename === '<stdin>' ? null : filename);
    this.main = m;
    this.modules.set('__main__', m);
    const body = this.compile(source, filename, '__main__');
    body(m.$d);
    return m;
  }

  /** Import a module by absolute dotted name. */
  importModule(name: string): PyModule {
    const have = this.modules.get(name);
    if (have !== undefined && have !== null) return have;
    const dot = name.lastIndexOf('.');
    let searchPath: string[];
    if (dot >= 0) {
      const parent = this.importModule(name.slice(0, dot));
      const have2 = this.modules.get(name);
      if (have2 !== undefined) return have2;
      const p = parent.$d.__path__;
      if (p === undefined) throw notFound(name, `No module named '${name}'; '${name.slice(0, dot)}' is not a package`);
      searchPath = O.toArray(p);
    } else {
      const native = nativeModules[name];
      if (native) {
        const m = this.newModule(name, null);
        this.modules.set(name, m);
        try {
          native(m.$d, this);
        } catch (e) {
          this.modules.delete(name);
          if (e instanceof PyExc) throw e;
          const x = mkExc(ImportError_, `cannot initialise module '${name}': ${(e as Error)?.message ?? e}`);
          x.$d.name = name;
          throw x;
        }
        return m;
      }
      searchPath = O.toArray(this.sys.$d.path).map(String);
    }
    const last = name.slice(dot + 1);
    for (const dir0 of searchPath) {
      const dir = dir0 === '' ? process.cwd() : dir0;
      const pkgInit = join(dir, last, '__init__.py');
      const file = join(dir, last + '.py');
      if (existsSync(pkgInit)) return this.load(name, pkgInit, join(dir, last));
      if (existsSync(file) && statSync(file).isFile()) return this.load(name, file, null);
    }
    throw notFound(name, `No module named '${name}'`);
  }
  private load(name: string, file: string, pkgDir: string | null): PyModule {
    const m = this.newModule(name, file);
    if (pkgDir !== null) {
      m.$d.__path__ = [pkgDir];
      m.$d.__package__ = name;
    }
    this.modules.set(name, m);
    try {
      const body = this.compile(readSourceFile(file), file, name);
      body(m.$d);
    } catch (e) {
      this.modules.delete(name);
      throw e;
    }
    const dot = name.lastIndexOf('.');
    if (dot >= 0) {
      const parent = this.modules.get(name.slice(0, dot));
      if (parent) parent.$d[name.slice(dot + 1)] = m;
    }
    return m;
  }
  /** The file `-m name` runs: name.py, or name/__main__.py for a package. */
  findModuleFile(name: string): string {
    const parts = name.split('.');
    for (const dir0 of O.toArray(this.sys.$d.path).map(String)) {
      const base = join(dir0 === '' ? process.cwd() : dir0, ...parts);
      if (existsSync(base + '.py')) return base + '.py';
      if (existsSync(join(base, '__main__.py'))) return join(base, '__main__.py');
    }
    throw notFound(name, `No module named ${name}`);
  }

  /** Absolute name for a relative import from the module whose globals are g. */
  resolveName(mod: string, level: number, g: any): string {
    if (level === 0) return mod;
    let pkg: string = g.__package__ ?? '';
    if (!pkg && g.__path__ === undefined) pkg = '';
    if (!pkg && level > 0) throw mkExc(ImportError_, 'attempted relative import with no known parent package');
    const parts = pkg.split('.');
    if (level - 1 > parts.length - 1 && level > 1) throw mkExc(ImportError_, 'attempted relative import beyond top-level package');
    const base = parts.slice(0, parts.length - (level - 1)).join('.');
    return mod ? `${base}.${mod}` : base;
  }

  /** exec()/eval() of a string in a namespace. */
  execString(src: any, globals: any, _locals: any, g: any, mode: 'exec' | 'eval'): any {
    let ns: any, back: PyDict | null = null;
    if (globals === undefined || globals === null) ns = g;
    else if (globals instanceof GlobalsDict) ns = globals.ns;
    else if (globals instanceof PyDict) {
      ns = new NS();
      for (const [k, v] of globals.m.values()) ns[k] = v;
      if (ns.__builtins__ === undefined) ns.__builtins__ = this.modules.get('builtins');
      back = globals;
    } else throw mkExc(TypeError_, `${mode}() globals must be a dict, not ${typeOf(globals).name}`);
    if (typeof src !== 'string') {
      if (typeof src === 'function' && src.$compiled) return src.$compiled(ns);
      throw mkExc(TypeError_, `${mode}() arg 1 must be a string, bytes or code object`);
    }
    const source = mode === 'eval' ? src.trim() : src;
    const body = this.compile(source, '<string>', ns.__name__ ?? '__main__', mode);
    try {
      const r = body(ns);
      return mode === 'eval' ? r : null;
    } finally {
      if (back) {
        for (const k of Object.keys(ns)) back.set(k, ns[k]);
      }
    }
  }

  /** The exit status for an uncaught exception, printing its traceback (or SystemExit's message). */
  handleUncaught(e: any): number {
    const pe = O.toPyExc(e);
    flushAll();
    if (isSubtype(pe.$c, SystemExit_)) {
      const code = pe.$d.code ?? (pe.args.a.length ? pe.args.a[0] : null);
      if (code === null || code === undefined) return 0;
      const iv = O.intVal(code);
      if (iv !== undefined && typeof code !== 'boolean') return Number(iv) & 0xff;
      if (typeof code === 'boolean') return code ? 1 : 0;
      stderr.write(str(code) + '\n');
      stderr.flush();
      return 1;
    }
    stderr.write(formatException(pe));
    stderr.flush();
    return 1;
  }
}

/**
 * A Python source file's text as CPython's tokenizer sees it: UTF-8 with a leading byte order mark
 * dropped (CPython skips it in files and on stdin, but not in `-c` or `exec` strings).
 */
export function readSourceFile(file: string | number): string {
  const src = readFileSync(file, 'utf8');
  return src.charCodeAt(0) === 0xfeff ? src.slice(1) : src;
}

/** The interpreter that module hooks talk to. */
export let current: Interpreter | null = null;

function notFound(name: string, msg: string): PyExc {
  const e = mkExc(ModuleNotFoundError_, msg);
  e.$d.name = name;
  return e;
}

/** A front-end PySyntaxError as a Python SyntaxError instance. */
export function toPySyntaxError(e: PySyntaxError): PyExc {
  const t = excTypes[e.pyType] ?? excTypes.SyntaxError!;
  const x = mkExc(t, e.msg, new PyTuple([e.filename, e.lineno, e.offset, e.text ?? null, e.end_lineno ?? null, e.end_offset ?? null]));
  x.$d.msg = e.msg;
  x.$d.filename = e.filename;
  x.$d.lineno = e.lineno;
  x.$d.offset = e.offset;
  x.$d.text = e.text;
  (x as any).$syntax = e;
  return x;
}

// -- tracebacks --

interface Frame {
  file: string;
  line: number;
  name: string;
  text: string;
}
/** Python frames of a JS stack trace, outermost first. */
function framesOf(stack: string | undefined): Frame[] {
  if (!stack) return [];
  const out: Frame[] = [];
  for (const l of stack.split('\n')) {
    const m = /at (?:.*? \()?(.*\.parathon-\d+\.js):(\d+):\d+\)?$/.exec(l.trim());
    if (!m) continue;
    const info = files.get(m[1]!);
    if (!info) continue;
    const jsLine = +m[2]!;
    const line = info.code.lines[jsLine] ?? 0;
    const name = info.code.funcs[jsLine] ?? '?';
    if (!line) continue;
    // python3 shows source lines through linecache, which has none for `<string>`, `<stdin>`, ...
    const text = info.pyFile.startsWith('<') ? '' : (info.source[line - 1] ?? '').trim();
    out.push({ file: info.pyFile, line, name, text });
  }
  return out.reverse();
}
/** The last line of a traceback: `ValueError: message`. */
export function excLine(e: PyExc): string {
  const t = e.$c;
  const name = t.module === 'builtins' || t.module === '__main__' ? t.qualname : `${t.module}.${t.qualname}`;
  let msg: string;
  try {
    msg = isSubtype(t, excTypes.SyntaxError!) && typeof e.$d.msg === 'string' ? e.$d.msg : str(e);
  } catch {
    msg = '<exception str() failed>';
  }
  return msg === '' ? name : `${name}: ${msg}`;
}
/** CPython's full traceback text for an exception, with its cause/context chain. */
export function formatException(e: PyExc, seen = new Set<PyExc>(), after: Frame[] | null = null): string {
  seen.add(e);
  let out = '';
  let frames = framesOf(e.stack);
  if (after) {
    // A chained exception's traceback runs from the frame that caught it down to where it was
    // raised: drop the outer frames it shares (same line) with the exception raised while handling it.
    let k = 0;
    while (k < frames.length && k < after.length && frames[k]!.file === after[k]!.file && frames[k]!.line === after[k]!.line && frames[k]!.name === after[k]!.name) k++;
    frames = frames.slice(k);
  }
  if (e.cause instanceof PyExc && !seen.has(e.cause)) {
    out += formatException(e.cause, seen, framesOf(e.stack)) + '\nThe above exception was the direct cause of the following exception:\n\n';
  } else if (e.context instanceof PyExc && !e.suppress && !seen.has(e.context)) {
    out += formatException(e.context, seen, framesOf(e.stack)) + '\nDuring handling of the above exception, another exception occurred:\n\n';
  }
  if (frames.length) {
    out += 'Traceback (most recent call last):\n';
    let prev = '', repeat = 0;
    const flush = (): void => {
      if (repeat > 3) out += `  [Previous line repeated ${repeat - 3} more time${repeat - 3 > 1 ? 's' : ''}]\n`;
    };
    for (const f of frames) {
      const key = `${f.file}:${f.line}:${f.name}`;
      if (key === prev) {
        repeat++;
        if (repeat > 3) continue;
      } else {
        flush();
        repeat = 1;
        prev = key;
      }
      out += `  File "${f.file}", line ${f.line}, in ${f.name}\n`;
      if (f.text) out += `    ${f.text}\n`;
    }
    flush();
  }
  // A SyntaxError from the front end prints its file, line and carets as python3 does.
  const se = (e as any).$syntax as PySyntaxError | undefined;
  if (se) return out + formatSyntaxError(se);
  out += excLine(e) + '\n';
  return out;
}

// -- hooks used by compiled code --

importHooks.import = (name: string): any => {
  current!.importModule(name);
  return current!.importModule(name.split('.')[0]!);
};
importHooks.importAs = (name: string): any => current!.importModule(name);
importHooks.importFrom = (mod: string, level: number, names: string[], g: any): any => {
  const full = current!.resolveName(mod, level, g);
  const m = current!.importModule(full);
  for (const n of names) {
    if (n !== '*' && m.$d[n] === undefined && m.$d.__path__ !== undefined) {
      try {
        current!.importModule(`${full}.${n}`);
      } catch (e) {
        if (!(e instanceof PyExc && isSubtype(e.$c, ModuleNotFoundError_))) throw e;
      }
    }
  }
  return m;
};
importHooks.exec = (src, gl, lo, g, mode) => current!.execString(src, gl, lo, g, mode);
importHooks.displayhook = (v: any): void => {
  if (v === null) return;
  B._ = v;
  stdout.write(repr(v) + '\n');
  stdout.flush();
};
B.__import__ = Object.assign((name: string) => importHooks.import(name, null), { $s: true, $name: '__import__' });
B.exec = Object.assign((src: any, gl?: any, lo?: any) => current!.execString(src, gl, lo, current!.main?.$d ?? new NS(), 'exec'), { $s: true, $name: 'exec' });
B.eval = Object.assign((src: any, gl?: any, lo?: any) => current!.execString(src, gl, lo, current!.main?.$d ?? new NS(), 'eval'), { $s: true, $name: 'eval' });
B.globals = Object.assign(() => rt.globals(current!.main!.$d), { $s: true, $name: 'globals' });
B.compile = Object.assign((src: string, filename: string, mode: string) => {
  const f: any = () => null;
  const body = current!.compile(String(src), String(filename), '__main__', mode as any);
  f.$compiled = (ns: any) => body(ns);
  return f;
}, { $s: true, $name: 'compile' });

void resolvePath;
void dirname;
void excStack;
void BaseException_;
void PyType;
