// The dwarfpython interpreter: parathon's Interpreter plus the native world. `import <name>` falls
// back to a C library lib<name>.so when no Python module of that name exists, and the `dwarfpython`
// module offers load(), typeof(), addressof(), sizeof(), cast(), string().
/* eslint-disable @typescript-eslint/no-explicit-any */
import { resolve as resolvePath } from 'node:path';
import koffi from 'koffi';
import { Interpreter, type InterpreterOptions } from 'parathon';
import { builtin, builtins, pyErr, PyTuple, pyTypeName } from './bridge.js';
import { CPtr, CRef, addressOf, blockAt, readCString, sizeOf } from './cdata.js';
import { cinfo } from './ctypes.js';
import { exportFunction, moduleFiles } from './callbacks.js';
import { Type } from 'libpmirror';
import { CTypeObj, NativeLibrary, findLibrary, flushC, pyStreams, whatIs } from './library.js';
import { dwarfpython_stdio_line_buffered } from './native.js';

const libraries = new Map<string, NativeLibrary>();

/** Open a library once per path (realpath'd by the caller). */
function openLibrary(path: string): NativeLibrary {
  let l = libraries.get(path);
  if (!l) {
    l = new NativeLibrary(path);
    libraries.set(path, l);
  }
  return l;
}

/** A Python interpreter that imports C libraries through their DWARF. */
export class DwarfInterpreter extends Interpreter {
  constructor(opts: InterpreterOptions = {}) {
    super(opts);
    this.hookStreams();
    moduleFiles.of = (module: string) => {
      const m = this.modules.get(module);
      const f = m?.$d?.__file__;
      return typeof f === 'string' ? f : undefined;
    };
  }

  /** Flush Python's buffered output before C runs, and C's stdio before Python writes again. */
  private hookStreams(): void {
    dwarfpython_stdio_line_buffered();
    const sys = this.sys.$d;
    const streams = [sys.stdout, sys.stderr].filter((s) => s && typeof s.flush === 'function' && 'buf' in s);
    pyStreams.out = streams;
    for (const s of streams) {
      if (s.$dwarfpythonHooked) continue;
      const write = s.write;
      s.write = function (this: any, text: string) {
        flushC();
        return write.call(this, text);
      };
      s.$dwarfpythonHooked = true;
    }
  }

  /** Import: Python modules first; a missing top-level module may be a C library. */
  override importModule(name: string): any {
    const have = this.modules.get(name);
    if (have !== undefined && have !== null) return have;
    if (name === 'dwarfpython') return this.dwarfpythonModule();
    try {
      return super.importModule(name);
    } catch (e: any) {
      if (name.includes('.') || e?.$c !== builtins.ModuleNotFoundError) throw e;
      const path = findLibrary(name, this.searchDirs());
      if (!path) throw e;
      try {
        return this.nativeModule(name, path);
      } catch (err: any) {
        if (err?.$c) throw err;
        const ie = pyErr('ImportError', `cannot import C library '${name}': ${err?.message ?? err}`);
        ie.$d.name = name;
        throw ie;
      }
    }
  }

  /** Directories searched for lib<name>.so before the linker's: sys.path ('' is the cwd). */
  private searchDirs(): string[] {
    const p = this.sys.$d.path;
    const list: any[] = Array.isArray(p) ? p : [];
    return list.filter((x) => typeof x === 'string').map((x: string) => (x === '' ? process.cwd() : x));
  }

  /** A module whose attributes resolve lazily from the library's DWARF. */
  nativeModule(name: string, path: string, register = true): any {
    const lib = openLibrary(path);
    const m = this.newModule(name, path);
    const target = m.$d;
    const vars = new Map<string, { addr: bigint; type: any }>();
    const missing = new Set<string>();
    const find = (key: string): boolean => {
      if (key in target) return true;
      if (key.startsWith('__') || missing.has(key) || vars.has(key)) return vars.has(key);
      const r = lib.resolve(key);
      if (!r) {
        missing.add(key);
        return false;
      }
      if (r.variable) vars.set(key, r.variable);
      else target[key] = r.value;
      return true;
    };
    m.$d = new Proxy(target, {
      get(t, key) {
        if (typeof key !== 'string') return (t as any)[key];
        const v = t[key];
        if (v !== undefined) return v;
        if (!find(key)) return undefined;
        const g = vars.get(key);
        return g ? lib.readVariable(g.addr, g.type) : t[key];
      },
      set(t, key, v) {
        if (typeof key === 'string' && !(key in t) && find(key) && vars.has(key)) {
          const g = vars.get(key)!;
          lib.writeVariable(g.addr, g.type, v, key);
          return true;
        }
        t[key as any] = v;
        return true;
      },
      has(t, key) {
        return typeof key === 'string' ? find(key) : key in t;
      },
      // dir(lib) and `from lib import *`: every callable function and global variable in the DWARF.
      ownKeys(t) {
        const keys = new Set(Reflect.ownKeys(t));
        for (const n of lib.names()) keys.add(n);
        return [...keys];
      },
      getOwnPropertyDescriptor(t, key) {
        const own = Reflect.getOwnPropertyDescriptor(t, key);
        if (own || typeof key !== 'string' || !find(key)) return own;
        return { value: this.get!(t, key, t), writable: true, enumerable: true, configurable: true };
      },
    });
    m.$d.__library__ = path;
    m.$d.__dwarf__ = lib.dwarfSource === 'headers' ? 'headers' : lib.debug.debugFile;
    if (register) this.modules.set(name, m);
    return m;
  }

  private dpModule: any = null;

  /** The `dwarfpython` module. */
  private dwarfpythonModule(): any {
    if (this.dpModule) return this.dpModule;
    const m = this.newModule('dwarfpython', null);
    const d = m.$d;
    d.load = builtin('load', (path: any, name?: any) => {
      if (typeof path !== 'string') throw pyErr('TypeError', `load() argument must be str, not ${pyTypeName(path)}`);
      const abs = resolvePath(path);
      try {
        openLibrary(abs);
      } catch (e: any) {
        throw pyErr('OSError', `cannot load ${path}: ${e?.message ?? e}`);
      }
      const modName = typeof name === 'string' ? name : abs.replace(/^.*\/lib|^.*\//, '').replace(/\.so.*$/, '');
      // Registered in sys.modules under its name only when that name is free (never shadows a module).
      return this.nativeModule(modName, abs, !this.modules.get(modName));
    });
    d.typeof = builtin('typeof', (x: any) => whatIs(x) ?? null);
    d.addressof = builtin('addressof', (x: any) => {
      const a = addressOf(x);
      return a <= 9007199254740991n ? Number(a) : a;
    });
    d.sizeof = builtin('sizeof', (x: any) => {
      if (x instanceof CTypeObj) return sizeOf(x.type);
      if (x instanceof CRef) return sizeOf(x.info.type);
      if (x instanceof CPtr) return 8;
      throw pyErr('TypeError', `sizeof() expects a C type or object, not ${pyTypeName(x)}`);
    });
    d.cast = builtin('cast', (x: any, t: any) => {
      if (!(t instanceof CTypeObj)) throw pyErr('TypeError', 'cast() needs a C type as its second argument');
      const c = cinfo(t.type);
      if (c.shape !== 'pointer') throw pyErr('TypeError', `cast() target must be a pointer type, not '${t.type.toString()}'`);
      const a = x === null ? 0n : typeof x === 'number' || typeof x === 'bigint' ? BigInt(x) : addressOf(x);
      return a === 0n ? null : new CPtr(a, c);
    });
    d.allocation = builtin('allocation', (x: any) => {
      const a = typeof x === 'number' || typeof x === 'bigint' ? BigInt(x) : addressOf(x);
      const b = blockAt(a);
      if (!b) return null;
      const base = b.addr <= 9007199254740991n ? Number(b.addr) : b.addr;
      return new PyTuple([base, b.size, b.type ? b.type.toString() : null]);
    });
    d.errno = builtin('errno', () => koffi.errno());
    // export(f, ret, *params): f becomes a native function named after it (or name=...), for dlsym.
    const exportOne = (f: any, name: string | undefined, ret: any, params: any[]): any => {
      if (typeof f !== 'function') throw pyErr('TypeError', `export() needs a function, not ${pyTypeName(f)}`);
      const types = [ret, ...params];
      if (!types.every((t) => t === null || t instanceof CTypeObj)) throw pyErr('TypeError', 'export() types must be C types (e.g. libc.int) or None for void');
      const retT = ret === null ? Type.void : ret.type;
      const fname = name ?? f.$sig?.name ?? f.$name;
      const addr = exportFunction(f, String(fname), retT, params.map((p: CTypeObj) => p.type));
      return addr <= 9007199254740991n ? Number(addr) : addr;
    };
    d.export = builtin('export', (f: any, ret: any, ...params: any[]) => exportOne(f, undefined, ret, params));
    d.cfunc = builtin('cfunc', (ret: any, ...params: any[]) =>
      builtin('cfunc_decorator', (f: any) => {
        exportOne(f, undefined, ret, params);
        return f;
      }));
    d.string = builtin('string', (x: any) => {
      const a = addressOf(x);
      return readCString(a);
    });
    this.modules.set('dwarfpython', m);
    this.dpModule = m;
    return m;
  }
}
