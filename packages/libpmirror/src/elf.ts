// ELF files: sections, segments, symbols, build-id, debuglink.
import koffi from 'koffi';
import { check, PmirrorError, takeJson } from './errors.js';
import * as N from './native.js';

/** A section header, as the file has it. */
export interface Section {
  /** Section name, e.g. ".debug_info". */
  name: string;
  /** sh_type. */
  type: number;
  /** sh_flags (SHF_COMPRESSED is 0x800). */
  flags: number;
  /** Address when loaded (0 for non-allocated sections). */
  addr: number;
  /** File offset. */
  offset: number;
  /** Size in the file (compressed size for compressed sections). */
  size: number;
}

/** A program header (segment). */
export interface Segment {
  /** p_type (PT_LOAD is 1). */
  type: number;
  /** p_flags (PF_X 1, PF_W 2, PF_R 4). */
  flags: number;
  /** File offset. */
  offset: number;
  /** Virtual address. */
  vaddr: number;
  /** Bytes in the file. */
  filesz: number;
  /** Bytes in memory. */
  memsz: number;
}

interface ElfJson {
  path: string;
  type: number;
  machine: number;
  entry: number;
  buildId: string;
  debuglink: string | null;
  sections: Section[];
  segments: Segment[];
}

/** A symbol's value (its address in the file, for code and data) and size. */
export interface SymbolInfo {
  /** st_value. */
  value: number;
  /** st_size. */
  size: number;
}

/** A symbol found by address: its name and the offset of the address inside it. */
export interface SymbolAt {
  /** Symbol name. */
  name: string;
  /** Offset of the queried address from the symbol's value. */
  offset: number;
}

/**
 * An ELF64 file, read-only. Sections (compressed ones decompressed on first use), segments and
 * symbols. Call {@link Elf.close} when done, or let a {@link DebugInfo} own it.
 *
 * @example
 * const elf = Elf.open('/lib/x86_64-linux-gnu/libc.so.6');
 * elf.buildId; elf.symbol('printf'); elf.isDynamic('printf');
 */
export class Elf {
  /** The C handle (pmirror_elf *). @internal */
  handle: N.Handle;
  private readonly owned: boolean;
  private described?: ElfJson;

  /** @internal */
  constructor(handle: N.Handle, owned: boolean) {
    this.handle = handle;
    this.owned = owned;
  }

  /** Opens an ELF file; throws {@link PmirrorError} for a missing, non-ELF or corrupt file. */
  static open(path: string): Elf {
    const out: N.Out<N.Handle | null> = [null];
    check(N.pmirror_elf_open(path, out));
    return new Elf(out[0]!, true);
  }

  private describe(): ElfJson {
    if (!this.described) {
      const out: N.Out<unknown> = [null];
      this.described = takeJson<ElfJson>(N.pmirror_elf_describe(this.live(), out), out)!;
    }
    return this.described;
  }

  private live(): N.Handle {
    if (!this.handle) throw new PmirrorError(-2, 'the ELF file is closed');
    return this.handle;
  }

  /** The file's path. */
  get path(): string {
    return this.describe().path;
  }
  /** The GNU build-id as lowercase hex, or "" when the file has none. */
  get buildId(): string {
    return N.pmirror_elf_build_id(this.live());
  }
  /** The file name recorded in .gnu_debuglink, if any. */
  get debuglink(): string | undefined {
    return this.describe().debuglink ?? undefined;
  }
  /** e_type: 2 executable, 3 shared object (or PIE), 1 relocatable. */
  get type(): number {
    return this.describe().type;
  }
  /** Section headers in file order. */
  get sections(): Section[] {
    return this.describe().sections;
  }
  /** Program headers in file order. */
  get segments(): Segment[] {
    return this.describe().segments;
  }

  /** A copy of a section's contents (decompressed), or undefined if the file has no such section. */
  section(name: string): Uint8Array | undefined {
    const data: N.Out<unknown> = [null];
    const size: N.Out<number> = [0];
    if (!check(N.pmirror_elf_section(this.live(), name, data, size))) return undefined;
    if (size[0] === 0) return new Uint8Array(0);
    return new Uint8Array(koffi.view(data[0], size[0]).slice(0));
  }

  /** A symbol's value and size by name (.symtab first, then .dynsym), or undefined. */
  symbol(name: string): SymbolInfo | undefined {
    const value: N.Out<number> = [0];
    const size: N.Out<number> = [0];
    return check(N.pmirror_elf_symbol(this.live(), name, value, size)) ? { value: value[0], size: size[0] } : undefined;
  }

  /** Whether `name` is exported in .dynsym (so `dlsym` finds it). */
  isDynamic(name: string): boolean {
    return check(N.pmirror_elf_dynamic(this.live(), name));
  }

  /** The function or object symbol containing a file address. */
  symbolAt(addr: number | bigint): SymbolAt | undefined {
    const name: N.Out<string | null> = [null];
    const offset: N.Out<number> = [0];
    return check(N.pmirror_elf_symbol_at(this.live(), addr, name, offset)) ? { name: name[0]!, offset: offset[0] } : undefined;
  }

  /** Closes the file (a no-op for files owned by a DebugInfo). */
  close(): void {
    if (this.owned && this.handle) N.pmirror_elf_destroy(this.handle);
    if (this.owned) this.handle = 0n;
  }
}
