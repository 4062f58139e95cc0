// The process mirror: every object loaded in this process, and what any address in it is.
import { check, takeJson } from './errors.js';
import * as N from './native.js';

/** An object loaded in this process. */
export interface LoadedObject {
  /** The name the dynamic linker gives (empty for the main program). */
  name: string;
  /** The file's path. */
  path: string;
  /** Load bias: process address = file address + bias. */
  bias: number;
  /** Loaded ranges [start, end) in the process. */
  segments: [number, number][];
}

/** The scopes at an address: the out-of-line function and the calls inlined there. */
export interface ScopeInfo {
  /** The function containing the address. */
  function: {
    /** DIE offset. */
    die: number;
    /** Name. */
    name: string | null;
    /** Lowest file address. */
    low: number;
  };
  /** Inlined calls, outermost first. */
  inlined: {
    /** DIE offset of the DW_TAG_inlined_subroutine. */
    die: number;
    /** The inlined function's name. */
    name: string | null;
    /** Call site file. */
    callFile: string | null;
    /** Call site line. */
    callLine: number;
    /** Call site column. */
    callColumn: number;
  }[];
}

/** What an address of this process is. Fields are absent when unknown. */
export interface AddressQuery {
  /** The object's name as the dynamic linker reports it. */
  object: string;
  /** The object's file. */
  path: string;
  /** Its load bias. */
  bias: number;
  /** The address as the file sees it. */
  fileAddress: number;
  /** The nearest containing symbol ... */
  symbol?: string;
  /** ... and the offset into it. */
  offset?: number;
  /** The DWARF function containing it. */
  function?: string;
  /** The function and the calls inlined at this address (innermost last). */
  scope?: ScopeInfo;
  /** The global or static variable whose storage holds the address ... */
  variable?: string;
  /** ... and the offset into it. */
  variableOffset?: number;
  /** Source file and line. */
  file?: string;
  /** Source line. */
  line?: number;
  /** Source column. */
  column?: number;
}

/**
 * Mirrors the objects loaded in this process (`dl_iterate_phdr`), refreshed whenever libraries are
 * loaded or unloaded, so any address maps to its object, symbol, function and source line.
 *
 * @example
 * const m = new Mirror();
 * m.query(someNativeAddress); // { object: '/lib/x86_64-linux-gnu/libc.so.6', symbol: 'qsort', ... }
 */
export class Mirror {
  private handle: N.Handle;

  /** Creates a mirror of this process. */
  constructor() {
    const out: N.Out<N.Handle | null> = [null];
    check(N.pmirror_mirror_create(out));
    this.handle = out[0]!;
  }

  /** Rereads the object list if objects came or went; returns whether it changed. */
  refresh(): boolean {
    const changed: N.Out<number> = [0];
    check(N.pmirror_mirror_refresh(this.handle, changed));
    return changed[0] !== 0;
  }

  /**
   * Forgets what was read of the loaded object at `path` (symbols, DWARF), so the next query reads
   * the file again: for objects rewritten in place after loading, as libdl-ext does when it adds
   * symbols. Returns false when no loaded object has that path.
   */
  forget(path: string): boolean {
    return check(N.pmirror_mirror_forget(this.handle, path));
  }

  /** The loaded objects, in the dynamic linker's order. */
  objects(): LoadedObject[] {
    const out: N.Out<unknown> = [null];
    return takeJson<LoadedObject[]>(N.pmirror_mirror_objects(this.handle, out), out)!;
  }

  /** What a process address is, or undefined when no loaded object contains it. */
  query(addr: number | bigint): AddressQuery | undefined {
    const out: N.Out<unknown> = [null];
    return takeJson<AddressQuery>(N.pmirror_mirror_query(this.handle, addr, out), out);
  }

  /** Releases the mirror. */
  close(): void {
    if (this.handle) N.pmirror_mirror_destroy(this.handle);
    this.handle = 0n;
  }
}
