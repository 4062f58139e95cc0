// DynamicLibrary: the talk's dlcreate family as a class; generated code as a loaded library.
import { DebugInfo, DW } from './debug.js';
import { check, DlextError, ErrorCode } from './errors.js';
import * as n from './native.js';

/** Sizes and flags of a library's generated objects (defaults as in the C header). */
export interface LibraryOptions {
  /** Symbol slots per object (default 65536). */
  symbols?: number;
  /** Bytes of symbol names per object (default 4 MiB). */
  strtab?: number;
  /** Bytes of code per object (default 16 MiB). */
  text?: number;
  /** Bytes of data per object (default 16 MiB). */
  data?: number;
  /** dlopen RTLD_LOCAL: invisible to dlsym(RTLD_DEFAULT). Default false (global). */
  local?: boolean;
  /** Register plain bound functions with gdb's JIT interface (default true). */
  gdb?: boolean;
  /** Describe bound functions to perf: a jitdump for `perf inject --jit` and perf map entries
   * (default false; perf map entries are still added to node's own `--perf-basic-prof` map). */
  perf?: boolean;
}

/** What a symbol names: ELF STT_FUNC, STT_OBJECT or STT_NOTYPE. */
export type SymbolKind = 'function' | 'object' | 'notype';

/** Source facts of an entry point for gdb; without `file`, the entry point gets a symbol only. */
export interface EntryDebugInfo {
  /** The symbol name of the entry point (what dlsym, dladdr, gdb and perf show). */
  name: string;
  /** Source file, relative to `compDir`. */
  file?: string;
  compDir?: string;
  /** Declaration line. */
  line?: number;
  /** A DW_LANG value, or `'python'` / `'c'`. */
  language?: number | 'python' | 'c';
  /** Parameter names (default a0, a1, ...). */
  params?: string[];
}

const KIND = { notype: 0, object: 1, function: 2 } as const;
const FLAGS = { local: 1, nogdb: 2, perf: 4 } as const;

/**
 * A library of generated code: one or more real ELF shared objects, dlopen'ed, whose symbols
 * plain `dlsym`, `dladdr`, gdb and perf see as soon as they are bound.
 *
 * @example
 * const lib = DynamicLibrary.create('jit');
 * const code = lib.alloc(16);
 * lib.write(code, Uint8Array.of(0xb8, 42, 0, 0, 0, 0xc3)); // mov eax, 42; ret
 * lib.bind('answer', code, 6);
 * lib.destroy();
 */
export class DynamicLibrary {
  /** The dlopen handle of the library's first object (usable with plain dlsym). */
  readonly handle: bigint;
  /** The name given at creation. */
  readonly name: string;
  private destroyed = false;

  private constructor(handle: bigint, name: string) {
    this.handle = handle;
    this.name = name;
  }

  /** Create a library (a generated object in /dev/shm, loaded with dlopen). */
  static create(name: string, options: LibraryOptions = {}): DynamicLibrary {
    const flags = (options.local ? FLAGS.local : 0) | (options.gdb === false ? FLAGS.nogdb : 0) |
      (options.perf ? FLAGS.perf : 0);
    const cfg = { symbols: options.symbols ?? 0, strtab: options.strtab ?? 0, text: options.text ?? 0,
      data: options.data ?? 0, flags };
    const out: (bigint | null)[] = [null];
    check(n.dlext_create(name, cfg, out));
    return new DynamicLibrary(out[0]!, name);
  }

  private live(): bigint {
    if (this.destroyed) throw new DlextError(ErrorCode.HANDLE!, `library '${this.name}' was destroyed`);
    return this.handle;
  }

  /** Allocate `size` bytes of code (executable; write it with {@link write}) or data. */
  alloc(size: number, kind: 'code' | 'data' = 'code'): bigint {
    const out: (bigint | null)[] = [null];
    check(n.dlext_alloc(this.live(), size, kind === 'code' ? 1 : 2, out));
    return out[0]!;
  }

  /** Copy bytes into an allocation (code goes through the writable alias; no page is ever W+X). */
  write(address: bigint, bytes: Uint8Array): void {
    check(n.dlext_write(this.live(), address, bytes, bytes.length));
  }

  /** Name `[address, address + size)`; with `debug`, gdb also gets its DWARF and .eh_frame. */
  bind(symbol: string, address: bigint, size: number, kind: SymbolKind = 'function', debug?: DebugInfo): void {
    if (debug && kind !== 'function') throw new DlextError(ErrorCode.INVAL!, 'debug info applies to functions only');
    check(debug ? n.dlext_bind_debug(this.live(), symbol, address, size, debug.pointer)
      : n.dlbind(this.live(), symbol, address, size, KIND[kind]));
  }

  /** Remove a bound name (from dlsym, dladdr and gdb). */
  unbind(symbol: string): void {
    check(n.dlunbind(this.live(), symbol));
  }

  /** Free an allocation (unbind the names inside it first). */
  free(address: bigint): void {
    check(n.dlfree(this.live(), address));
  }

  /** The address bound to `symbol` in any of the library's objects, or undefined. */
  lookup(symbol: string): bigint | undefined {
    const out: (bigint | null)[] = [null];
    return check(n.dlext_lookup(this.live(), symbol, out)) === 0 ? out[0]! : undefined;
  }

  /** The files of the library's objects (more than one once it has grown). */
  get paths(): string[] {
    const count = check(n.dlext_object_count(this.live()));
    return Array.from({ length: count }, (_, i) => n.dlext_object_path(this.handle, i)!);
  }

  /**
   * Generate a named native function with a C signature that forwards every argument to
   * `target` (for example a `koffi.register` callback) and returns its result.
   * Signature codes: c C s S i I l L (integers), p (void *), z (char *), f d, `{...}` structs,
   * v (void return); e.g. `"d(ip{ff})"`.
   * Returns the entry point's address.
   */
  entryPoint(signature: string, target: bigint, debugInfo: EntryDebugInfo): bigint {
    const lang = debugInfo.language === 'python' ? DW.LANG_Python
      : debugInfo.language === 'c' ? DW.LANG_C99 : debugInfo.language ?? 0;
    const names = debugInfo.params?.length ? debugInfo.params.join(',') : null;
    if (debugInfo.params?.some((p) => p.includes(',') || p === '')) {
      throw new DlextError(ErrorCode.INVAL!, 'parameter names must be non-empty and without commas');
    }
    const out: (bigint | null)[] = [null];
    check(n.dlext_entry_point_flat(this.live(), debugInfo.name, signature, target, debugInfo.file ?? null,
      debugInfo.compDir ?? null, debugInfo.line ?? 0, lang, names, out));
    return out[0]!;
  }

  /** Unregister everything, unload the objects and delete their files. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    check(n.dldestroy(this.handle));
  }
}
