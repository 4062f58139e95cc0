// C types as dwarfpython sees them: a libpmirror Type classified once into what its bits are, the
// koffi spelling used to call with it, and integer ranges for overflow checks.
import type { Type } from 'libpmirror';

/** What a C type's bits are, after typedefs and qualifiers. */
export type Shape = 'int' | 'float' | 'bool' | 'pointer' | 'void' | 'struct' | 'array' | 'function' | 'unsupported';

/** A classified C type. */
export interface CInfo {
  /** The type as DWARF gives it (typedef names kept, for messages). */
  type: Type;
  /** The type with typedefs and qualifiers removed. */
  bare: Type;
  shape: Shape;
  /** Size in bytes (0 when unknown, e.g. void or a function). */
  size: number;
  /** For integers: signedness and inclusive range. */
  signed: boolean;
  min: bigint;
  max: bigint;
  /** For pointers and arrays: the pointed-to / element type. */
  target: Type | undefined;
  /** For pointers: the target is a character type (char, signed/unsigned char, possibly const). */
  charTarget: boolean;
  /** For pointers: the target is plain `char` (so a `char *` result reads as a str). */
  stringTarget: boolean;
  /** For arrays: the element count (outermost dimension; undefined when flexible/unknown). */
  count: number | undefined;
  /** The koffi type name used in prototypes (pointers are all `void *`: conversion is ours). */
  koffi: string;
  /** The Python types of objects and of pointers with this C type (set on first use). */
  pyObj?: any;
  pyPtr?: any;
  /** For pointers: the target's classification (set on first use). */
  tinfo?: CInfo;
  /** For structs: fields resolved so far, by name. */
  fields?: Map<string, { offset: number; c: CInfo; bitSize: number | undefined; bitOffset: number; read: ((dv: DataView, off: number) => any) | undefined } | null>;
}

const cache = new WeakMap<Type, CInfo>();

/** Classify a type (cached per Type object). */
export function cinfo(t: Type): CInfo {
  let c = cache.get(t);
  if (!c) {
    c = classify(t);
    cache.set(t, c);
  }
  return c;
}

function intInfo(size: number, signed: boolean): Pick<CInfo, 'min' | 'max' | 'koffi'> {
  const bits = BigInt(size * 8);
  return {
    min: signed ? -(1n << (bits - 1n)) : 0n,
    max: signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n,
    koffi: `${signed ? 'int' : 'uint'}${size * 8}`,
  };
}

function classify(t: Type): CInfo {
  const bare = t.strip();
  const base: CInfo = {
    type: t, bare, shape: 'unsupported', size: bare.byteSize ?? 0, signed: false, min: 0n, max: 0n,
    target: undefined, charTarget: false, stringTarget: false, count: undefined, koffi: '',
  };
  switch (bare.kind) {
    case 'void':
      return { ...base, shape: 'void', koffi: 'void' };
    case 'base': {
      const e = bare.encoding;
      const size = bare.byteSize ?? 0;
      if (e === 'bool') return { ...base, shape: 'bool', koffi: size === 1 ? 'bool' : `uint${size * 8}` };
      if (e === 'float') {
        if (size === 4) return { ...base, shape: 'float', koffi: 'float' };
        if (size === 8) return { ...base, shape: 'float', koffi: 'double' };
        return base; // long double, _Float128: no koffi type
      }
      if (e === 'signed' || e === 'signed char' || e === 'unsigned' || e === 'unsigned char' || e === 'utf') {
        if (![1, 2, 4, 8].includes(size)) return base; // __int128
        const signed = e === 'signed' || e === 'signed char';
        return { ...base, shape: 'int', signed, ...intInfo(size, signed) };
      }
      return base;
    }
    case 'enum': {
      const size = bare.byteSize ?? 4;
      const under = bare.target?.strip();
      const signed = under ? under.encoding === 'signed' || under.encoding === 'signed char'
        : bare.enumerators.some((e) => e.value < 0);
      return { ...base, shape: 'int', size, signed, ...intInfo(size, signed) };
    }
    case 'pointer':
    case 'reference':
    case 'rvalue_reference': {
      const target = bare.target;
      const tb = target?.strip();
      const charTarget = tb?.kind === 'base' && tb.byteSize === 1 && (tb.encoding === 'signed char' || tb.encoding === 'unsigned char');
      const stringTarget = charTarget && tb?.name === 'char';
      return { ...base, shape: 'pointer', size: 8, target, charTarget, stringTarget, koffi: 'void *' };
    }
    case 'struct':
    case 'class':
    case 'union':
      return { ...base, shape: 'struct' };
    case 'array': {
      const d = bare.dims[0];
      return { ...base, shape: 'array', target: elementOf(bare), count: typeof d === 'number' ? d : undefined };
    }
    case 'function':
      return { ...base, shape: 'function', target: bare.target };
  }
  return base;
}

/** The element type of one array dimension (a multi-dimensional array yields a smaller array). */
function elementOf(arr: Type): Type | undefined {
  if (arr.dims.length <= 1) return arr.target;
  // libpmirror keeps all dimensions on one node: peel the outermost into a synthetic sub-array.
  const sub = Object.create(Object.getPrototypeOf(arr)) as Type;
  Object.assign(sub, arr);
  sub.dims = arr.dims.slice(1);
  const inner = sub.dims.reduce<number>((n, d) => n * (typeof d === 'number' ? d : 0), 1);
  sub.byteSize = inner * (arr.target?.strip().byteSize ?? 0);
  return sub;
}

/** The C spelling of a type for messages and reprs (gdb's `whatis` text). */
export function cname(t: Type): string {
  return t.toString();
}
