// The C core's functions, bound by reading libparathon.so's own DWARF through libpmirror: every
// signature and struct layout comes from the debug information (no hand-written declarations).
// koffi types are derived from DWARF types; struct offsets koffi computes are checked against DWARF.
/* eslint-disable @typescript-eslint/no-explicit-any */
import koffi from 'koffi';
import type { Type } from 'libpmirror';
import { lib, libraryPath } from '../native.js';

/** A bound native function plus the C prototype it was bound from. */
export interface NativeFn {
  (...args: any[]): any;
  /** The prototype as DWARF describes it (gdb's `info functions` text). */
  prototype: string;
}

const structs = new Map<number, any>();

/** The koffi type for a DWARF type (`out` marks a pointer parameter the callee writes through). */
function koffiType(t: Type, param: boolean): any {
  const s = t.strip();
  switch (s.kind) {
    case 'void':
      return 'void';
    case 'base':
    case 'enum': {
      const size = s.byteSize ?? 4;
      if (s.encoding === 'float') return size === 8 ? 'double' : size === 4 ? 'float' : 'long double';
      if (s.encoding === 'bool') return 'bool';
      if (s.encoding === 'signed char' || s.encoding === 'unsigned char') return 'char';
      const u = s.encoding === 'unsigned';
      return (u ? 'uint' : 'int') + size * 8 + '_t';
    }
    case 'pointer': {
      const target = s.target ?? t;
      const isConst = target.kind === 'const' || (target.kind === 'typedef' && target.target?.kind === 'const');
      const ts = target.strip();
      if (ts.kind === 'base' && (ts.encoding === 'signed char' || ts.encoding === 'unsigned char')) {
        return isConst ? 'const char *' : 'uint8_t *';
      }
      if (ts.kind === 'struct') {
        const st = structType(ts);
        return param && !isConst ? koffi.out(koffi.pointer(st)) : koffi.pointer(st);
      }
      if (ts.kind === 'base' || ts.kind === 'enum') {
        const bt = koffiType(ts, false);
        return param && !isConst ? koffi.out(koffi.pointer(bt)) : koffi.pointer(bt);
      }
      return 'void *';
    }
    case 'struct':
      return structType(s);
    case 'array': {
      const el = (s.target ?? t).strip();
      const n = typeof s.dims[0] === 'number' ? s.dims[0] : 0;
      if (el.kind === 'base' && (el.encoding === 'signed char' || el.encoding === 'unsigned char')) return koffi.array('char', n, 'String');
      return koffi.array(koffiType(el, false), n, 'Array');
    }
  }
  throw new Error(`parathon natives: no koffi mapping for DWARF type ${t.toString()}`);
}
/** A koffi struct built from DWARF members, with every offset verified against DWARF. */
function structType(s: Type): any {
  let st = structs.get(s.die);
  if (st) return st;
  const def: Record<string, any> = {};
  for (const m of s.members) def[m.name!] = koffiType(m.type, false);
  st = koffi.struct(`parathon_dwarf_${s.name ?? s.die}`, def);
  for (const m of s.members) {
    if (koffi.offsetof(st, m.name!) !== m.offset) {
      throw new Error(`parathon natives: koffi lays out ${s.name}.${m.name} at ${koffi.offsetof(st, m.name!)}, DWARF says ${m.offset}`);
    }
  }
  if (s.byteSize !== undefined && koffi.sizeof(st) !== s.byteSize) throw new Error(`parathon natives: size of struct ${s.name} differs from DWARF`);
  structs.set(s.die, st);
  return st;
}

// libpmirror is loaded here, not by a static import, so that a missing or rebuilding libpmirror
// only disables the native functions (with a clear error) instead of every program.
let pmirror: typeof import('libpmirror') | null = null;
let pmirrorError: unknown = null;
try {
  pmirror = await import('libpmirror');
} catch (e) {
  pmirrorError = e;
}

let table: Record<string, NativeFn> | null = null;

/**
 * Every `parathon_<module>_<name>` function of the C core, bound from its DWARF, keyed
 * `<module>.<name>`. Throws if the debug information is missing or a layout cannot be matched.
 */
export function natives(): Record<string, NativeFn> {
  if (table) return table;
  if (!pmirror) throw new Error(`parathon natives: libpmirror could not be loaded (${(pmirrorError as Error)?.message ?? pmirrorError})`);
  const dbg = pmirror.DebugInfo.open(libraryPath);
  const out: Record<string, NativeFn> = {};
  for (const f of dbg.functions(/^parathon_(math|time|os)_/)) {
    if (!f.callable || f.declaration) continue;
    const ret = koffiType(f.returnType, false);
    const params = f.params.map((p) => koffiType(p.type, true));
    const fn = lib.func(f.name, ret, params) as any;
    const m = /^parathon_([a-z]+)_(.*)$/.exec(f.name)!;
    const bound = ((...a: any[]) => fn(...a)) as NativeFn;
    bound.prototype = f.toC();
    out[`${m[1]}.${m[2]}`] = bound;
  }
  table = out;
  return out;
}
