// Debug information of one object: functions, variables, types, enumerators, lines.
import { Elf } from './elf.js';
import { check, ErrorCode, PmirrorError, takeJson } from './errors.js';
import * as N from './native.js';
import { buildTypes, Type, type Param, type RawType } from './types.js';

const KIND_TYPE = 1;
const KIND_FUNCTION = 2;
const KIND_VARIABLE = 3;
const KIND_ENUMERATOR = 4;
const KIND_MACRO = 5;

/** A preprocessor macro recorded by gcc -g3. */
export interface Macro {
  /** Its name. */
  name: string;
  /** Parameter names of a function-like macro; undefined for an object-like one. */
  params: string[] | undefined;
  /** The replacement text. */
  body: string;
  /** The whole definition as DWARF records it ("NAME(a, b) body" or "NAME body"). */
  definition: string;
  /** Where it is defined. */
  file: string | undefined;
  /** The line of the #define. */
  line: number;
}

/** Splits "NAME(a, b) body" / "NAME body" into its parts. */
function parseMacro(definition: string, file: string | undefined, line: number): Macro {
  const m = /^([A-Za-z_$][\w$]*)(\(([^)]*)\))?\s?([\s\S]*)$/.exec(definition);
  if (!m) return { name: definition, params: undefined, body: '', definition, file, line };
  const params = m[2] !== undefined ? m[3]!.split(',').map((p) => p.trim()).filter((p) => p !== '') : undefined;
  return { name: m[1]!, params, body: m[4] ?? '', definition, file, line };
}

interface Described {
  root: number;
  types: Record<string, RawType>;
  entity?: {
    kind: 'function' | 'variable';
    die: number;
    name: string | null;
    linkage: string | null;
    external: boolean;
    decl: boolean;
    line: number;
    type: number | null;
    symbol?: number;
    callable: boolean;
    prototyped?: boolean;
    ranges?: [number, number][];
    params?: { name: string | null; type: number | null }[];
    variadic?: boolean;
    address?: number;
    constValue?: number;
  };
}

/** A function: its C signature from DWARF, where its code is, and whether `dlsym` can reach it. */
export class Func {
  /** The name looked up (an alias like `printf` keeps its own name). */
  readonly name: string;
  /** The DWARF name of the definition (e.g. `__printf` for `printf`). */
  readonly dwarfName: string;
  /** The linkage (mangled) name, if DWARF gives one. */
  readonly linkageName: string | undefined;
  /** DIE offset. */
  readonly die: number;
  /** Whether it has external linkage. */
  readonly external: boolean;
  /** True when only a declaration is known (no code in this object). */
  readonly declaration: boolean;
  /** Return type ({@link Type.void} for void). */
  readonly returnType: Type;
  /** Parameters with names and types. */
  readonly params: Param[];
  /** Whether it takes `...`. */
  readonly variadic: boolean;
  /** Whether it is prototyped (false for old-style `int f()`). */
  readonly prototyped: boolean;
  /** Whether it is in the object's .dynsym, so callable through dlsym. */
  readonly callable: boolean;
  /** Its symbol's address in the file (add the load bias for the process address). */
  readonly address: number | undefined;
  /** Code ranges [low, high) as file addresses. */
  readonly ranges: [number, number][];
  /** Declaration line. */
  readonly line: number;
  /** The function's type (a `function` Type), as gdb's `ptype` shows it. */
  readonly type: Type;

  /** @internal */
  constructor(name: string, e: NonNullable<Described['entity']>, ref: (o: number | null) => Type, callable: boolean) {
    this.name = name;
    this.dwarfName = e.name ?? name;
    this.linkageName = e.linkage ?? undefined;
    this.die = e.die;
    this.external = e.external;
    this.declaration = e.decl;
    this.returnType = ref(e.type);
    this.params = (e.params ?? []).map((p) => ({ name: p.name ?? undefined, type: ref(p.type) }));
    this.variadic = e.variadic === true;
    this.prototyped = e.prototyped === true;
    this.callable = callable;
    this.address = e.symbol ?? e.ranges?.[0]?.[0];
    this.ranges = e.ranges ?? [];
    this.line = e.line;
    const t = new Type(e.die, 'function');
    t.target = this.returnType;
    t.params = this.params;
    t.variadic = this.variadic;
    t.prototyped = this.prototyped;
    this.type = t;
  }

  /** A C prototype as gdb's `info functions` prints it: `int printf(const char *, ...)`, `static int f()`. */
  toC(): string {
    return (this.external ? '' : 'static ') + this.type.declare(this.name);
  }
}

/** A global (or static) variable: type and address. */
export class Variable {
  /** Its name. */
  readonly name: string;
  /** DIE offset. */
  readonly die: number;
  /** Its type. */
  readonly type: Type;
  /** File address (DW_OP_addr location, else the symbol's value). */
  readonly address: number | undefined;
  /** Whether it has external linkage. */
  readonly external: boolean;
  /** True when only a declaration is known. */
  readonly declaration: boolean;
  /** A compile-time constant value, when DWARF gives one instead of a location. */
  readonly constValue: number | undefined;

  /** @internal */
  constructor(name: string, e: NonNullable<Described['entity']>, ref: (o: number | null) => Type) {
    this.name = name;
    this.die = e.die;
    this.type = ref(e.type);
    this.address = e.address ?? e.symbol;
    this.external = e.external;
    this.declaration = e.decl;
    this.constValue = e.constValue;
  }
}

/** A source position. */
export interface SourceLine {
  /** Full path of the source file as the line table records it. */
  file: string;
  /** 1-based line. */
  line: number;
  /** Column (0 when unknown). */
  column: number;
}

/** x86-64 registers by name as DWARF numbers them (index = DWARF register number). */
export const DWARF_REGISTERS = [
  'rax', 'rdx', 'rcx', 'rbx', 'rsi', 'rdi', 'rbp', 'rsp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'rip',
] as const;

/** Register values of one frame (any subset), plus its canonical frame address (CFA) if known. */
export type Registers = Partial<Record<(typeof DWARF_REGISTERS)[number] | 'cfa', number | bigint>>;

/** What every {@link Location} carries. */
export interface LocationBase {
  /** The DWARF operations, as text ("DW_OP_fbreg -20"). */
  expression?: string;
}
/** The variable is in memory at `address`. */
export interface MemoryLocation extends LocationBase {
  /** Discriminant. */
  kind: 'memory';
  /** Its address in the frame's process. */
  address: bigint;
}
/** The variable lives in a register. */
export interface RegisterLocation extends LocationBase {
  /** Discriminant. */
  kind: 'register';
  /** DWARF register number. */
  register: number;
  /** Its x86-64 name ("rbx"). */
  registerName: string;
}
/** The variable has no storage; this is its value (DW_OP_stack_value). */
export interface ValueLocation extends LocationBase {
  /** Discriminant. */
  kind: 'value';
  /** The value, as a 64-bit pattern. */
  value: bigint;
}
/** The variable's bytes are given literally (DW_OP_implicit_value). */
export interface ImplicitLocation extends LocationBase {
  /** Discriminant. */
  kind: 'implicit';
  /** The bytes. */
  bytes: Uint8Array;
}
/** The variable does not exist at this pc. */
export interface OptimizedOutLocation extends LocationBase {
  /** Discriminant. */
  kind: 'optimized-out';
}
/** The location needs something not supplied: a register, the CFA, memory, an entry value. */
export interface UnavailableLocation extends LocationBase {
  /** Discriminant. */
  kind: 'unavailable';
  /** What is missing. */
  reason: string;
}
/** The variable is split across several locations (DW_OP_piece). */
export interface PiecesLocation extends LocationBase {
  /** Discriminant. */
  kind: 'pieces';
  /** The pieces in order, each with its size in bytes. */
  pieces: (Location & { /** Bytes in this piece. */ size: number })[];
}
/** Where a variable lives at some pc, as its DWARF location says. */
export type Location =
  | MemoryLocation
  | RegisterLocation
  | ValueLocation
  | ImplicitLocation
  | OptimizedOutLocation
  | UnavailableLocation
  | PiecesLocation;

/** A function or variable found by address, and the offset of the address into it. */
export interface EntityAt {
  /** Its name. */
  name: string | undefined;
  /** Its DIE offset. */
  die: number;
  /** The address minus its start. */
  offset: number;
}

/** An address where a source line starts. */
export interface LineAddress {
  /** File address. */
  address: number;
  /** The full path of the file, as the line table spells it. */
  file: string;
}

/** One place a function was inlined. */
export interface InlinedInstance {
  /** DIE offset of the DW_TAG_inlined_subroutine. */
  die: number;
  /** Entry address (DW_AT_entry_pc, else the lowest address). */
  entry: number;
  /** Code ranges [low, high). */
  ranges: [number, number][];
  /** Call site file. */
  callFile: string | undefined;
  /** Call site line. */
  callLine: number;
  /** The out-of-line function the instance sits in. */
  caller: string | undefined;
}

/** An enumerator with its enum type. */
export interface EnumeratorInfo {
  /** Its name. */
  name: string;
  /** Its value. */
  value: number | bigint;
  /** The enum type it belongs to. */
  type: Type;
}

/** A parameter or local variable in scope at some pc. */
export interface Local {
  /** Its name. */
  name: string;
  /** DIE offset (for {@link DebugInfo.location}). */
  die: number;
  /** Whether it is a parameter. */
  isParameter: boolean;
  /** Scope depth: 0 the function, higher for nested blocks and inlined calls. */
  depth: number;
  /** Its type. */
  type: Type;
}

/** A call inlined into a function: which function, and where it was called from. */
export interface InlinedCall {
  /** The inlined function's name. */
  name: string | undefined;
  /** DIE offset of the DW_TAG_inlined_subroutine. */
  die: number;
  /** The source file of the call site. */
  callFile: string | undefined;
  /** The line of the call site. */
  callLine: number;
  /** The column of the call site (0 when unknown). */
  callColumn: number;
}

/** Where a file address is: function, inlined calls, and source position. */
export interface AddressInfo {
  /** The (out-of-line) function containing it. */
  function?: string;
  /** Offset from that function's lowest address. */
  functionOffset?: number;
  /** Calls inlined at this address, outermost first: the last is the code actually there. */
  inlined?: InlinedCall[];
  /** The innermost function at the address (the last inlined call, else `function`), as addr2line -f names it. */
  innermost?: string;
  /** Source position. */
  line?: SourceLine;
}

/** Summary of a function in the index (cheap: no types resolved). */
export interface FunctionEntry {
  /** DWARF name. */
  name: string;
  /** DIE offset. */
  die: number;
  /** External linkage. */
  external: boolean;
  /** Has code in this object. */
  defined: boolean;
  /** Exported in .dynsym. */
  callable: boolean;
  /** Lowest address (0 for declarations). */
  low: number;
}

/** What `pmirror info` reports. */
export interface DebugStats {
  /** The object's path. */
  path: string;
  /** Its build-id. */
  buildId: string;
  /** The file the DWARF came from. */
  debugFile: string;
  /** DWARF versions present. */
  dwarfVersions: number[];
  /** Compilation + type units. */
  units: number;
  /** Type units. */
  typeUnits: number;
  /** Size of .debug_info, decompressed. */
  debugInfoBytes: number;
  /** Every DIE in .debug_info and .debug_types (a full walk made for this report). */
  dies: number;
  /** DIEs the name index visited (unit DIEs, their children, enumerators). */
  visitedDies: number;
  /** Names in each index. */
  names: {
    /** Type names (struct/union/enum tags, typedefs, base types). */
    types: number;
    /** Function names (plus same-named statics of other units). */
    functions: number;
    /** Global variable names. */
    variables: number;
    /** Enumerator names. */
    enumerators: number;
  };
  /** Function address ranges. */
  functionRanges: number;
  /** Static storage extents of variables. */
  variableRanges: number;
  /** Where address -> unit ranges came from: ".debug_aranges" or "units". */
  unitRangesFrom: string;
  /** Milliseconds spent reading sections (including decompression), units, the index, and the DIE count. */
  ms: {
    /** Reading and inflating sections. */
    sections: number;
    /** Unit headers and abbreviation tables. */
    units: number;
    /** The name and address indexes. */
    index: number;
    /** The full DIE count of this report. */
    countDies: number;
  };
}

const opened = new Map<string, DebugInfo>();

/**
 * The debug information of an ELF object: from its own DWARF, or from a separate debug file found
 * by build-id or .gnu_debuglink. Indexes are built on first use; objects are cached per build-id.
 *
 * @example
 * const libc = DebugInfo.open('/lib/x86_64-linux-gnu/libc.so.6');
 * libc.type('struct stat').members.map((m) => [m.name, m.offset]);
 * libc.func('printf').toC(); // 'int printf(const char *, ...)'
 */
export class DebugInfo {
  /** The C handle (pmirror_debug *). @internal */
  readonly handle: N.Handle;
  /** The object opened. */
  readonly elf: Elf;
  /** The file holding the DWARF: the object itself or its separate debug file. */
  readonly dwarfElf: Elf;
  private readonly types = new Map<number, Type>();
  private readonly byName = new Map<string, Type | null>();
  private readonly funcs = new Map<string, Func | null>();
  private readonly funcsByDie = new Map<number, Func | null>();

  private constructor(handle: N.Handle) {
    this.handle = handle;
    this.elf = new Elf(N.pmirror_debug_elf(handle), false);
    this.dwarfElf = new Elf(N.pmirror_debug_dwarf_elf(handle), false);
  }

  /**
   * Opens an object's debug information. `debugDir` is searched as well as /usr/lib/debug.
   * Throws {@link PmirrorError} (code NODEBUG) when there is none.
   */
  static open(path: string, options: { debugDir?: string } = {}): DebugInfo {
    const key = `${path}\0${options.debugDir ?? ''}`;
    const hit = opened.get(key);
    if (hit) return hit;
    const out: N.Out<N.Handle | null> = [null];
    check(N.pmirror_debug_open(path, options.debugDir ?? null, out));
    const d = new DebugInfo(out[0]!);
    opened.set(key, d);
    return d;
  }

  /** The path of the file the DWARF came from. */
  get debugFile(): string {
    return this.dwarfElf.path;
  }

  /** Builds every index now (they are otherwise built on first use). */
  index(): this {
    check(N.pmirror_debug_index(this.handle));
    return this;
  }

  /** Counts and timings. */
  stats(): DebugStats {
    const out: N.Out<unknown> = [null];
    return takeJson<DebugStats>(N.pmirror_debug_info(this.handle, out), out)!;
  }

  private lookup(kind: number, name: string): number | undefined {
    const die: N.Out<number> = [0];
    return check(N.pmirror_debug_lookup(this.handle, kind, name, die)) ? die[0] : undefined;
  }

  private describe(die: number): Described {
    const out: N.Out<unknown> = [null];
    const d = takeJson<Described>(N.pmirror_debug_describe(this.handle, die, out), out)!;
    buildTypes(d.types, this.types);
    return d;
  }

  private ref = (off: number | null): Type => (off == null ? Type.void : this.types.get(off) ?? Type.void);

  /** The Type at a DIE offset. */
  typeAt(die: number): Type {
    const cached = this.types.get(die);
    if (cached) return cached;
    const d = this.describe(die);
    return this.ref(d.root);
  }

  /**
   * A type by C name: "struct stat", "union sigval", "enum __socket_type", "size_t", "int" (gdb's
   * spellings like "unsigned long" work too). Declarations resolve to a definition in any unit.
   */
  type(name: string): Type | undefined {
    if (this.byName.has(name)) return this.byName.get(name) ?? undefined;
    const die = this.lookup(KIND_TYPE, name); // the core also accepts gdb's "unsigned long" for "long unsigned int"
    const t = die === undefined ? undefined : this.typeAt(die);
    this.byName.set(name, t ?? null);
    return t;
  }

  /** A function by name (symbol aliases such as `printf` -> `__printf` resolve through .symtab). */
  func(name: string): Func | undefined {
    if (this.funcs.has(name)) return this.funcs.get(name) ?? undefined;
    const die = this.lookup(KIND_FUNCTION, name);
    let f: Func | undefined;
    if (die !== undefined) {
      const d = this.describe(die);
      if (d.entity) f = new Func(name, d.entity, this.ref, d.entity.callable || this.elf.isDynamic(name));
    }
    this.funcs.set(name, f ?? null);
    return f;
  }

  /** A global variable by name. */
  variable(name: string): Variable | undefined {
    const die = this.lookup(KIND_VARIABLE, name);
    if (die === undefined) return undefined;
    const d = this.describe(die);
    return d.entity ? new Variable(name, d.entity, this.ref) : undefined;
  }

  /** An enumerator by name: its value and enum type. */
  enumerator(name: string): EnumeratorInfo | undefined {
    const enumDie: N.Out<number> = [0];
    const raw: N.Out<number | bigint> = [0];
    if (!check(N.pmirror_debug_enumerator(this.handle, name, enumDie, raw))) return undefined;
    const type = this.typeAt(enumDie[0]);
    const e = type.enumerators.find((x) => x.name === name);
    return e ? { name, value: e.value, type } : undefined;
  }

  /** Every place a function (by name, or a {@link Func}) was inlined, by entry address. */
  inlinedInstances(fn: string | Func): InlinedInstance[] {
    let die: number | undefined = typeof fn === 'string' ? this.lookup(KIND_FUNCTION, fn) : fn.die;
    if (die === undefined) return [];
    const out: N.Out<unknown> = [null];
    const rows = takeJson<(Omit<InlinedInstance, 'callFile' | 'caller'> & { callFile: string | null; caller: string | null })[]>(
      N.pmirror_debug_inlined_instances(this.handle, die, out),
      out,
    )!;
    return rows.map((r) => ({ ...r, callFile: r.callFile ?? undefined, caller: r.caller ?? undefined }));
  }

  /** A `#define` (from gcc -g3 debug info): the last definition in unit order. */
  macro(name: string): Macro | undefined {
    const def: N.Out<string | null> = [null];
    const file: N.Out<string | null> = [null];
    const line: N.Out<number> = [0];
    if (!check(N.pmirror_debug_macro(this.handle, name, def, file, line))) return undefined;
    return parseMacro(def[0]!, file[0] ?? undefined, line[0]);
  }

  /** Every macro still defined at the end of its unit's list. */
  macros(): Macro[] {
    const out: N.Out<unknown> = [null];
    return takeJson<{ definition: string; file: string | null; line: number }[]>(N.pmirror_debug_list(this.handle, KIND_MACRO, out), out)!.map(
      (m) => parseMacro(m.definition, m.file ?? undefined, m.line),
    );
  }

  /** Every function in the index (name, DIE, whether defined and callable), without types. */
  functionEntries(): FunctionEntry[] {
    const out: N.Out<unknown> = [null];
    return takeJson<FunctionEntry[]>(N.pmirror_debug_list(this.handle, KIND_FUNCTION, out), out)!;
  }

  /** Describes many DIEs in one call (one shared closure of types). */
  private describeMany(dies: number[]): (Described['entity'] | null)[] {
    if (!dies.length) return [];
    const out: N.Out<unknown> = [null];
    const arr = BigUint64Array.from(dies.map((x) => BigInt(x)));
    const d = takeJson<{ roots: number[]; entities: (Described['entity'] | null)[]; types: Record<string, RawType> }>(
      N.pmirror_debug_describe_many(this.handle, arr, dies.length, out),
      out,
    )!;
    buildTypes(d.types, this.types);
    return d.entities;
  }

  /** Every function, with full signatures (all types resolved in one pass over the C core). */
  functions(filter?: RegExp): Func[] {
    // Keyed by DIE: static functions of different units may share a name.
    const entries = this.functionEntries().filter((e) => !filter || filter.test(e.name));
    const missing = entries.filter((e) => !this.funcsByDie.has(e.die));
    this.describeMany(missing.map((e) => e.die)).forEach((ent, i) => {
      const e = missing[i]!;
      this.funcsByDie.set(e.die, ent ? new Func(e.name, ent, this.ref, ent.callable || e.callable) : null);
    });
    return entries.map((e) => this.funcsByDie.get(e.die)).filter((f): f is Func => f != null);
  }

  /** Every global variable, with its type and address. */
  variables(): Variable[] {
    const out: N.Out<unknown> = [null];
    const entries = takeJson<{ name: string; die: number }[]>(N.pmirror_debug_list(this.handle, KIND_VARIABLE, out), out)!;
    return this.describeMany(entries.map((e) => e.die))
      .map((ent, i) => (ent ? new Variable(entries[i]!.name, ent, this.ref) : undefined))
      .filter((v): v is Variable => v !== undefined);
  }

  /** Names of every global variable. */
  variableNames(): string[] {
    const out: N.Out<unknown> = [null];
    return takeJson<{ name: string }[]>(N.pmirror_debug_list(this.handle, KIND_VARIABLE, out), out)!.map((e) => e.name);
  }

  /** Every named type, spelled as C does ("struct stat", "size_t"). */
  typeNames(): string[] {
    const out: N.Out<unknown> = [null];
    return takeJson<{ name: string }[]>(N.pmirror_debug_list(this.handle, KIND_TYPE, out), out)!.map((e) => e.name);
  }

  /** The source position of a file address. */
  lineAt(addr: number | bigint): SourceLine | undefined {
    const file: N.Out<string | null> = [null];
    const line: N.Out<number> = [0];
    const col: N.Out<number> = [0];
    if (!check(N.pmirror_debug_line_at(this.handle, addr, file, line, col))) return undefined;
    return { file: file[0]!, line: line[0], column: col[0] };
  }

  private addrBuf = Buffer.alloc(4096);

  /** The function containing a file address and its offset there, the calls inlined there, and the source line. */
  addressInfo(addr: number | bigint): AddressInfo {
    const len: N.Out<number> = [0];
    let rc = N.pmirror_debug_address(this.handle, addr, this.addrBuf, this.addrBuf.length, len);
    if (rc === ErrorCode.INVAL && len[0] >= this.addrBuf.length) {
      this.addrBuf = Buffer.alloc(len[0] + 1); // one call with a buffer that fits, kept for next time
      rc = N.pmirror_debug_address(this.handle, addr, this.addrBuf, this.addrBuf.length, len);
    }
    check(rc);
    const raw = JSON.parse(this.addrBuf.toString('utf8', 0, len[0])) as {
      function?: { name: string | null; low: number };
      inlined?: (Omit<InlinedCall, 'name' | 'callFile'> & { name: string | null; callFile: string | null })[];
      file?: string;
      line?: number;
      column?: number;
    };
    const r: AddressInfo = {};
    if (raw.function) {
      r.function = raw.function.name ?? undefined;
      r.functionOffset = Number(addr) - raw.function.low;
      r.inlined = (raw.inlined ?? []).map((c) => ({ ...c, name: c.name ?? undefined, callFile: c.callFile ?? undefined }));
      r.innermost = r.inlined.length ? r.inlined[r.inlined.length - 1]!.name : r.function;
    }
    if (raw.file !== undefined) r.line = { file: raw.file, line: raw.line!, column: raw.column! };
    return r;
  }

  /** The function containing a file address (no inlined calls, no line: the fastest query). */
  functionAt(addr: number | bigint): EntityAt | undefined {
    const die: N.Out<number> = [0];
    const low: N.Out<number> = [0];
    if (!check(N.pmirror_debug_function_at(this.handle, addr, die, low))) return undefined;
    return { name: N.pmirror_debug_die_name(this.handle, die[0]) ?? undefined, die: die[0], offset: Number(addr) - low[0] };
  }

  /** The parameters and locals in scope at a file address, innermost scope first. */
  locals(pc: number | bigint): Local[] {
    const out: N.Out<unknown> = [null];
    const rows = takeJson<{ die: number; name: string; param: boolean; depth: number; type: number | null }[]>(
      N.pmirror_debug_locals(this.handle, pc, out),
      out,
    );
    return (rows ?? []).map((r) => ({
      name: r.name,
      die: r.die,
      isParameter: r.param,
      depth: r.depth,
      type: r.type === null ? Type.void : this.typeAt(r.type),
    }));
  }

  /**
   * Evaluates the DWARF location of a variable or parameter (its DIE) at file address `pc`, given
   * what is known of the frame's registers (add the load bias yourself: registers hold process
   * addresses, `pc` is a file address).
   */
  location(die: number, pc: number | bigint, regs: Registers = {}): Location {
    const r: bigint[] = [];
    let valid = 0;
    DWARF_REGISTERS.forEach((name, i) => {
      const v = regs[name];
      r.push(v === undefined ? 0n : BigInt(v));
      if (v !== undefined) valid |= 1 << i;
    });
    const value: N.RegsValue = { r, valid, has_cfa: regs.cfa === undefined ? 0 : 1, cfa: BigInt(regs.cfa ?? 0) };
    const out: N.Out<unknown> = [null];
    return toLocation(takeJson<RawLocation>(N.pmirror_debug_location(this.handle, die, pc, value, out), out)!);
  }

  /** The global or static variable whose storage holds a file address, and the offset into it. */
  variableAt(addr: number | bigint): EntityAt | undefined {
    const die: N.Out<number> = [0];
    const start: N.Out<number> = [0];
    if (!check(N.pmirror_debug_variable_at(this.handle, addr, die, start))) return undefined;
    return { name: N.pmirror_debug_die_name(this.handle, die[0]) ?? undefined, die: die[0], offset: Number(addr) - start[0] };
  }

  /**
   * The addresses where a source line starts (statement rows of every sequence, ascending): for
   * breakpoints. `file` is a full path or its trailing components ("shapes.c", "stdlib/qsort.c").
   */
  lineAddresses(file: string, line: number): LineAddress[] {
    const out: N.Out<unknown> = [null];
    return takeJson<LineAddress[]>(N.pmirror_debug_line_addresses(this.handle, file, line, out), out)!;
  }

  /** Releases the C object (other DebugInfo handles for the same build-id keep theirs). */
  close(): void {
    for (const [k, v] of opened) if (v === this) opened.delete(k);
    N.pmirror_debug_destroy(this.handle);
  }
}

interface RawLocation {
  kind: string;
  address?: string;
  register?: number;
  registerName?: string;
  value?: string;
  bytes?: string;
  reason?: string;
  size?: number;
  pieces?: RawLocation[];
  expression?: string;
}

function toLocation(raw: RawLocation): Location {
  const base = raw.expression !== undefined ? { expression: raw.expression } : {};
  switch (raw.kind) {
    case 'memory':
      return { kind: 'memory', address: BigInt.asUintN(64, BigInt(raw.address!)), ...base };
    case 'register':
      return { kind: 'register', register: raw.register!, registerName: raw.registerName!, ...base };
    case 'value':
      return { kind: 'value', value: BigInt(raw.value!), ...base };
    case 'implicit':
      return { kind: 'implicit', bytes: Uint8Array.from(Buffer.from(raw.bytes!, 'hex')), ...base };
    case 'pieces':
      return { kind: 'pieces', pieces: raw.pieces!.map((p) => ({ ...toLocation(p), size: p.size! })), ...base };
    case 'unavailable':
      return { kind: 'unavailable', reason: raw.reason ?? 'unknown', ...base };
    default:
      return { kind: 'optimized-out', ...base };
  }
}


export { PmirrorError };
