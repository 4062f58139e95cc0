// The type model: DWARF types as plain objects, printable as C in gdb's `ptype` format.

/** What a {@link Type} is. Qualifiers (`const`, ...) and typedefs are nodes of their own, as in DWARF. */
export type TypeKind =
  | 'void'
  | 'base'
  | 'pointer'
  | 'reference'
  | 'rvalue_reference'
  | 'const'
  | 'volatile'
  | 'restrict'
  | 'atomic'
  | 'typedef'
  | 'struct'
  | 'class'
  | 'union'
  | 'enum'
  | 'array'
  | 'function'
  | 'unspecified'
  | 'unknown';

/** How a base type's bits are read (DWARF's DW_ATE_*). */
export type Encoding = 'address' | 'bool' | 'complex' | 'float' | 'signed' | 'signed char' | 'unsigned' | 'unsigned char' | 'utf' | 'other';

const ENCODINGS: Record<number, Encoding> = {
  1: 'address', 2: 'bool', 3: 'complex', 4: 'float', 5: 'signed', 6: 'signed char', 7: 'unsigned', 8: 'unsigned char', 16: 'utf',
};

/** A member of a struct, union or class. Offsets are in bytes; bit fields add bit positions. */
export interface Member {
  /** The member's name; undefined for an anonymous struct/union member. */
  name: string | undefined;
  /** The member's type. */
  type: Type;
  /** Byte offset from the start of the enclosing object (of the containing byte for bit fields). */
  offset: number;
  /** Width in bits, for a bit field. */
  bitSize?: number;
  /** Bit position from the start of the enclosing object, for a bit field (DWARF 4+ data_bit_offset). */
  bitOffset?: number;
}

/** A function parameter: name (absent in a subroutine type) and type. */
export interface Param {
  /** The parameter's name, when DWARF records one. */
  name: string | undefined;
  /** The parameter's type. */
  type: Type;
}

/** An enumerator of an enum type; values beyond 2^53 are kept exact as bigint. */
export interface Enumerator {
  /** The enumerator's name. */
  name: string;
  /** Its value. */
  value: number | bigint;
}

/** One type, resolved from DWARF; every reference is another Type (void is {@link Type.void}). */
export class Type {
  /** The `void` type (pointer targets and return types that DWARF leaves out). */
  static readonly void: Type = new Type(-1, 'void', 'void');

  /** What this type is. */
  kind: TypeKind;
  /** Its name: "int", "size_t", "stat" (without "struct "); undefined when anonymous. */
  name: string | undefined;
  /** The offset of its DIE in the debug information (-1 for synthesized types). */
  readonly die: number;
  /** Size in bytes, when known. */
  byteSize: number | undefined;
  /** For base types: how the bits are read. */
  encoding: Encoding | undefined;
  /** Pointed-to, qualified, aliased, element, underlying (enum) or returned type. */
  target: Type | undefined;
  /** Struct/union members in declaration order. */
  members: Member[] = [];
  /** Enum values in declaration order. */
  enumerators: Enumerator[] = [];
  /** Array dimensions, outermost first: a count, null (flexible / unknown) or 'variable'. */
  dims: (number | null | 'variable')[] = [];
  /** Function parameters. */
  params: Param[] = [];
  /** Whether a function type takes `...`. */
  variadic = false;
  /** Whether a function type is prototyped (false: old-style `int f()`). */
  prototyped = false;
  /** True for a struct/union/enum declared but defined nowhere in this object. */
  declaration = false;
  /** Whether an array is a GNU vector. */
  vector = false;

  /** @internal */
  constructor(die: number, kind: TypeKind, name?: string) {
    this.die = die;
    this.kind = kind;
    this.name = name;
  }

  /** The type with typedefs and qualifiers removed (what the bits are). */
  strip(): Type {
    let t: Type = this;
    for (let i = 0; i < 64 && t.target && isTransparent(t.kind); i++) t = t.target;
    return t;
  }

  /** The element type of an array, all dimensions removed. */
  get elementType(): Type | undefined {
    return this.kind === 'array' ? this.target : undefined;
  }

  /** The C spelling of this type the way gdb's `ptype` prints it (the text after "type = "). */
  toC(): string {
    return printType(this, '', 1, 0);
  }

  /** How gdb's `whatis` names it: typedef names kept, struct bodies left out. */
  toString(): string {
    return printType(this, '', -1, 0);
  }

  /** A declaration of `name` with this type, e.g. `int (*cmp)(const void *, const void *)`. */
  declare(name: string): string {
    return printType(this, name, 0, 0);
  }
}

function isTransparent(kind: TypeKind): boolean {
  return kind === 'typedef' || kind === 'const' || kind === 'volatile' || kind === 'restrict' || kind === 'atomic';
}

/** Raw nodes as the C core describes them. */
export interface RawType {
  kind: string;
  name: string | null;
  size?: number;
  decl?: boolean;
  encoding?: number;
  type?: number | null;
  members?: { name: string | null; type: number | null; offset: number; bitSize?: number; bitOffset?: number }[];
  enumerators?: [string, number | string][];
  dims?: (number | null | 'variable')[];
  vector?: boolean;
  params?: { name: string | null; type: number | null }[];
  variadic?: boolean;
  prototyped?: boolean;
}

/** gdb prints DWARF's "long unsigned int" as "unsigned long" and so on. */
const GDB_NAMES: Record<string, string> = {
  'long int': 'long',
  'long unsigned int': 'unsigned long',
  'short int': 'short',
  'short unsigned int': 'unsigned short',
  'long long int': 'long long',
  'long long unsigned int': 'unsigned long long',
  'unsigned int': 'unsigned int',
  '__int128 unsigned': 'unsigned __int128',
};

/** Builds Types from a closure of raw nodes, reusing (and filling) `cache` keyed by DIE offset. */
export function buildTypes(raw: Record<string, RawType>, cache: Map<number, Type>): void {
  const fresh: [Type, RawType][] = [];
  for (const [key, node] of Object.entries(raw)) {
    const die = Number(key);
    if (cache.has(die)) continue;
    const kind = (node.kind === 'unknown' ? 'unknown' : node.kind) as TypeKind;
    const t = new Type(die, kind, node.name ?? undefined);
    cache.set(die, t);
    fresh.push([t, node]);
  }
  const ref = (off: number | null | undefined): Type => (off == null ? Type.void : cache.get(off) ?? Type.void);
  for (const [t, n] of fresh) {
    t.byteSize = n.size;
    t.declaration = n.decl === true;
    if (n.encoding !== undefined) t.encoding = ENCODINGS[n.encoding] ?? 'other';
    if (t.kind === 'base' && t.name) t.name = GDB_NAMES[t.name] ?? t.name;
    if (n.type !== undefined) t.target = n.type === null && t.kind === 'enum' ? undefined : ref(n.type);
    if (t.kind === 'pointer' && t.byteSize === undefined) t.byteSize = 8;
    t.members = (n.members ?? []).map((m) => {
      const member: Member = { name: m.name ?? undefined, type: ref(m.type), offset: m.offset };
      if (m.bitSize !== undefined) {
        member.bitSize = m.bitSize;
        member.bitOffset = m.bitOffset;
      }
      return member;
    });
    t.enumerators = (n.enumerators ?? []).map(([name, v]) => ({ name, value: typeof v === 'string' ? BigInt(v) : v }));
    t.dims = n.dims ?? [];
    t.vector = n.vector === true;
    t.params = (n.params ?? []).map((p) => ({ name: p.name ?? undefined, type: ref(p.type) }));
    t.variadic = n.variadic === true;
    t.prototyped = n.prototyped === true;
    if (t.kind === 'array' && t.byteSize === undefined) {
      const el = t.target?.strip().byteSize;
      if (el !== undefined && t.dims.every((d) => typeof d === 'number')) {
        t.byteSize = (t.dims as number[]).reduce((a, b) => a * b, el);
      }
    }
  }
}

// -- gdb's C type printer (c-typeprint.c), over qualifier nodes instead of instance flags --

interface Quals {
  const?: boolean;
  volatile?: boolean;
  restrict?: boolean;
  atomic?: boolean;
}

/** A type as gdb sees it: a core node plus qualifiers, and for arrays which dimension we are at. */
interface View {
  t: Type;
  q: Quals;
  dim: number;
}

function view(t: Type, dim = 0): View {
  const q: Quals = {};
  let c = t;
  for (let i = 0; i < 64; i++) {
    if (c.kind === 'const') q.const = true;
    else if (c.kind === 'volatile') q.volatile = true;
    else if (c.kind === 'restrict') q.restrict = true;
    else if (c.kind === 'atomic') q.atomic = true;
    else break;
    c = c.target ?? Type.void;
  }
  return { t: c, q, dim };
}

/** Strips typedefs, keeping (and adding) qualifiers: gdb's check_typedef. */
function checkTypedef(v: View): View {
  let cur = v;
  for (let i = 0; i < 64 && cur.t.kind === 'typedef'; i++) {
    const inner = view(cur.t.target ?? Type.void);
    cur = { t: inner.t, q: { ...inner.q, ...trueOnly(cur.q) }, dim: 0 };
  }
  return cur;
}

function trueOnly(q: Quals): Quals {
  const r: Quals = {};
  for (const [k, v] of Object.entries(q)) if (v) r[k as keyof Quals] = true;
  return r;
}

function nameOf(v: View): string | undefined {
  if (v.t.kind === 'array' || v.t.kind === 'pointer' || v.t.kind === 'function') return undefined;
  // gdb reads DW_TAG_unspecified_type (assembler's "no type") as void.
  return v.t.name ?? (v.t.kind === 'void' || v.t.kind === 'unspecified' ? 'void' : undefined);
}

/** The next level of an array, pointer or function: element (or inner dimension), pointee, return. */
function targetOf(v: View): View {
  if (v.t.kind === 'array' && v.dim + 1 < Math.max(1, v.t.dims.length)) return { t: v.t, q: {}, dim: v.dim + 1 };
  return view(v.t.target ?? Type.void);
}

function modifiers(q: Quals, pre: boolean, post: boolean): string {
  const words: string[] = [];
  if (q.const) words.push('const');
  if (q.volatile) words.push('volatile');
  if (q.restrict) words.push('restrict');
  if (q.atomic) words.push('_Atomic');
  if (!words.length) return '';
  return (pre ? ' ' : '') + words.join(' ') + (post ? ' ' : '');
}

/** Nesting beyond this is a cycle in corrupt debug information, not a real C type. */
const MAX_DEPTH = 256;
let depth = 0;

/** Guards the printer's mutual recursion against cyclic (corrupt) type graphs. */
function guarded<T>(fn: () => T): T {
  if (++depth > MAX_DEPTH) {
    depth = 0;
    throw new RangeError('type graph nests too deeply (a cycle in corrupt debug information?)');
  }
  try {
    return fn();
  } finally {
    if (depth > 0) depth--;
  }
}

function printType(t: Type, varstring: string, show: number, level: number): string {
  return guarded(() => printView(view(t), varstring, show, level));
}

function printView(v0: View, varstring: string, show: number, level: number): string {
  const v = show > 0 ? checkTypedef(v0) : v0;
  let s = printBase(v, show, level);
  const code = v.t.kind;
  if (varstring !== '' || ((show > 0 || nameOf(v) === undefined) && (code === 'pointer' || code === 'function' || code === 'array' || code === 'reference'))) {
    s += ' ';
  }
  s += prefix(v, show, false, varstring !== '');
  s += varstring;
  s += suffix(v, show, false);
  return s;
}

function printBase(v0: View, show: number, level: number): string {
  return guarded(() => printBase1(v0, show, level));
}

function printBase1(v0: View, show: number, level: number): string {
  const name0 = nameOf(v0);
  if (show <= 0 && name0 !== undefined) {
    const k = v0.t.kind;
    const tag = k === 'union' ? 'union ' : k === 'struct' || k === 'class' ? 'struct ' : k === 'enum' ? 'enum ' : '';
    return modifiers(v0.q, false, true) + tag + name0;
  }
  const v = checkTypedef(v0);
  const t = v.t;
  switch (t.kind) {
    case 'function':
    case 'pointer':
    case 'array':
    case 'reference':
    case 'rvalue_reference':
      return printBase(targetOf(v), show, level);
    case 'struct':
    case 'class':
    case 'union':
      return printStruct(v, show, level);
    case 'enum':
      return printEnum(v, show);
    default:
      return modifiers(v.q, false, true) + (t.name ?? (t.kind === 'void' || t.kind === 'unspecified' ? 'void' : `<invalid type code ${t.kind}>`));
  }
}

function printStruct(v: View, show: number, level: number): string {
  const t = v.t;
  let s = modifiers(v.q, false, true) + (t.kind === 'union' ? 'union ' : 'struct ');
  if (t.name !== undefined) {
    s += t.name;
    if (show > 0) s += ' ';
  }
  if (show < 0) {
    if (t.name === undefined) s += '{...}';
  } else if (show > 0 || t.name === undefined) {
    s += '{\n';
    const pad = ' '.repeat(level + 4);
    if (t.members.length === 0) s += pad + (t.declaration ? '<incomplete type>\n' : '<no data fields>\n');
    for (const m of t.members) {
      s += pad + printView(view(m.type), m.name ?? '', show - 1, level + 4);
      if (m.bitSize !== undefined) s += ` : ${m.bitSize}`;
      s += ';\n';
    }
    s += ' '.repeat(level) + '}';
  }
  return s;
}

function printEnum(v: View, show: number): string {
  const t = v.t;
  let s = modifiers(v.q, false, true) + 'enum ';
  if (t.name !== undefined) {
    s += t.name;
    if (show > 0) s += ' ';
  }
  if (show < 0) {
    if (t.name === undefined) s += '{...}';
  } else if (show > 0 || t.name === undefined) {
    let last: bigint = 0n;
    const parts = t.enumerators.map((e) => {
      const val = BigInt(e.value);
      const text = val !== last ? `${e.name} = ${val}` : e.name;
      last = val + 1n;
      return text;
    });
    s += '{' + parts.join(', ') + '}';
  }
  return s;
}

function prefix(v: View, show: number, passedPtr: boolean, needPostSpace: boolean): string {
  return guarded(() => prefix1(v, show, passedPtr, needPostSpace));
}

function prefix1(v: View, show: number, passedPtr: boolean, needPostSpace: boolean): string {
  if (nameOf(v) !== undefined && show <= 0) return '';
  switch (v.t.kind) {
    case 'pointer':
      return prefix(targetOf(v), show, true, true) + '*' + modifiers(v.q, true, needPostSpace);
    case 'reference':
    case 'rvalue_reference':
      return prefix(targetOf(v), show, true, false) + (v.t.kind === 'reference' ? '&' : '&&') + modifiers(v.q, true, needPostSpace);
    case 'function':
      return prefix(targetOf(v), show, false, false) + (passedPtr ? '(' : '');
    case 'array':
      return prefix(targetOf(v), show, false, needPostSpace) + (passedPtr ? '(' : '');
    case 'typedef':
      return prefix(view(v.t.target ?? Type.void), show, passedPtr, false);
    default:
      return '';
  }
}

function suffix(v: View, show: number, passedPtr: boolean): string {
  return guarded(() => suffix1(v, show, passedPtr));
}

function suffix1(v: View, show: number, passedPtr: boolean): string {
  if (nameOf(v) !== undefined && show <= 0) return '';
  switch (v.t.kind) {
    case 'array': {
      const d = v.t.dims[v.dim];
      const inner = d === 'variable' ? 'variable length' : typeof d === 'number' ? String(d) : '';
      const open = v.t.vector ? ' __attribute__ ((vector_size(' : '[';
      const close = v.t.vector ? ')))' : ']';
      return (passedPtr ? ')' : '') + open + inner + close + suffix(targetOf(v), show, false);
    }
    case 'pointer':
    case 'reference':
    case 'rvalue_reference':
      return suffix(targetOf(v), show, true);
    case 'function':
      return (passedPtr ? ')' : '') + printArgs(v.t) + suffix(targetOf(v), show, passedPtr);
    case 'typedef':
      return suffix(view(v.t.target ?? Type.void), show, passedPtr);
    default:
      return '';
  }
}

function printArgs(fn: Type): string {
  const args = fn.params.map((p) => printType(p.type, '', 0, 0));
  let s = '(' + args.join(', ');
  if (args.length && fn.variadic) s += ', ...';
  else if (!args.length && fn.prototyped) s += 'void';
  return s + ')';
}
