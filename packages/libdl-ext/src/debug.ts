// DebugInfo: a builder for what gdb learns about a generated function (DWARF + .eh_frame).
import { check } from './errors.js';
import * as n from './native.js';

/** DWARF constants the builder accepts, spelled as in the DWARF spec. */
export const DW = Object.freeze({
  LANG_C99: 0x0c,
  LANG_Python: 0x14,
  ATE_boolean: 0x02,
  ATE_float: 0x04,
  ATE_signed: 0x05,
  ATE_signed_char: 0x06,
  ATE_unsigned: 0x07,
  ATE_unsigned_char: 0x08,
});

/** Where a parameter lives: an offset from the CFA (the caller's stack pointer) or a DWARF register. */
export type Location = { cfa: number } | { register: number };

/** Source-level facts of a function: file (relative to `compDir`), declaration line and DW_LANG language. */
export interface SourceInfo {
  file: string;
  compDir?: string;
  line?: number;
  language?: number;
}

/**
 * A debug description for one generated function, built in the C core. Pass it to
 * {@link DynamicLibrary.bind}; call {@link DebugInfo.destroy} afterwards (bound functions keep a copy).
 *
 * @example
 * const d = DebugInfo.create({ file: 'f.py', line: 3, language: DW.LANG_Python });
 * const int = d.baseType('int', DW.ATE_signed, 4);
 * d.param('x', int, { cfa: -24 }); d.line(0, 3); d.frameRbp(1, 4, 20);
 */
export class DebugInfo {
  /** The C description (`struct dlext_debug *`). */
  readonly pointer: bigint;

  private constructor(pointer: bigint) {
    this.pointer = pointer;
  }

  /** Start a description for a function declared at `file:line`. */
  static create(src: SourceInfo): DebugInfo {
    const out: (bigint | null)[] = [null];
    check(n.dlext_debug_create(src.file, src.compDir ?? null, src.line ?? 0, src.language ?? 0, out));
    return new DebugInfo(out[0]!);
  }

  /** A base type (`int`, `double`, ...): returns its type id. */
  baseType(name: string, encoding: number, byteSize: number): number {
    const out = [0];
    check(n.dlext_debug_base_type(this.pointer, name, encoding, byteSize, out));
    return out[0]!;
  }

  /** A pointer to `target` (a type id), or to void when omitted. */
  pointerType(target = -1): number {
    const out = [0];
    check(n.dlext_debug_pointer_type(this.pointer, target, out));
    return out[0]!;
  }

  /** A struct of `byteSize` bytes with the given members (types must already exist). */
  structType(name: string | null, byteSize: number, members: { name: string; type: number; offset: number }[]): number {
    const out = [0];
    check(n.dlext_debug_struct_type(this.pointer, name, byteSize, out));
    for (const m of members) check(n.dlext_debug_member(this.pointer, out[0]!, m.name, m.type, m.offset));
    return out[0]!;
  }

  /** Set the return type (a type id; -1 for void). */
  returnType(type: number): this {
    check(n.dlext_debug_return_type(this.pointer, type));
    return this;
  }

  /** Append a formal parameter. */
  param(name: string, type: number, where: Location): this {
    const [kind, loc] = 'cfa' in where ? [1, where.cfa] : [2, where.register];
    check(n.dlext_debug_param(this.pointer, name, type, kind, loc));
    return this;
  }

  /** Append a line-table row: code at byte `offset` of the function is source line `line`. */
  line(offset: number, line: number): this {
    check(n.dlext_debug_line(this.pointer, offset, line));
    return this;
  }

  /** Describe a frame-pointer frame (offsets after push rbp, after mov rsp,rbp, after leave). */
  frameRbp(pushEnd: number, movEnd: number, leaveEnd = 0): this {
    check(n.dlext_debug_frame_rbp(this.pointer, pushEnd, movEnd, leaveEnd));
    return this;
  }

  /** Free the C description. */
  destroy(): void {
    n.dlext_debug_destroy(this.pointer);
  }
}
