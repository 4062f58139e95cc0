// ast.dump() of CPython 3.11, over the plain-object AST, including Python's repr of constants.
import { FIELDS, OPTIONAL, LOCATED, type NodeType } from './ast.js';
import { isPrintable } from './parser/strings.js';

/** Options of {@link dump}, as python3's `ast.dump` keyword arguments. */
export interface DumpOptions {
  /** Pretty-print with this many spaces (or this string) per level, like `indent=`. */
  indent?: number | string | null;
  /** Include lineno/col_offset/end_lineno/end_col_offset, like `include_attributes=True`. */
  includeAttributes?: boolean;
  /** `annotate_fields` (default true). */
  annotateFields?: boolean;
}

const ATTRS = ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'];

/**
 * Formats an AST node exactly as python3's `ast.dump(node, annotate_fields, include_attributes,
 * indent=...)` does, so the parser can be checked against python3 itself.
 *
 * @example
 * dump(parse('x = 1'))  // "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], ...)], type_ignores=[])"
 */
export function dump(node: unknown, opts: DumpOptions = {}): string {
  let indent: string | null = null;
  if (opts.indent !== undefined && opts.indent !== null) {
    indent = typeof opts.indent === 'string' ? opts.indent : ' '.repeat(opts.indent);
  }
  const includeAttributes = opts.includeAttributes ?? false;
  const annotate = opts.annotateFields ?? true;

  function format(value: unknown, level: number): [string, boolean] {
    let prefix = '';
    let sep = ', ';
    if (indent !== null) {
      level += 1;
      prefix = '\n' + indent.repeat(level);
      sep = ',\n' + indent.repeat(level);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return ['[]', true];
      return ['[' + prefix + value.map((x) => format(x, level)[0]).join(sep) + ']', false];
    }
    if (isNode(value)) {
      const type = value._type as NodeType;
      const obj = value as unknown as Record<string, unknown>;
      const optional = OPTIONAL[type] ?? [];
      const args: string[] = [];
      let allSimple = true;
      let keywords = annotate;
      for (const name of FIELDS[type]) {
        const v = obj[name];
        if (v === undefined) { keywords = true; continue; }
        if (v === null && optional.includes(name)) { keywords = true; continue; }
        // Only Constant.value holds Python floats; every other JS number is a Python int.
        const [s, simple] = typeof v === 'number' && !(type === 'Constant' && name === 'value')
          ? [String(v), true] : format(v, level);
        allSimple &&= simple;
        args.push(keywords ? `${name}=${s}` : s);
      }
      if (includeAttributes && LOCATED.has(type)) {
        for (const name of ATTRS) {
          const v = obj[name];
          if (v === undefined || v === null) continue;
          args.push(`${name}=${v}`);
        }
      }
      if (allSimple && args.length <= 3) return [`${type}(${args.join(', ')})`, args.length === 0];
      return [`${type}(${prefix}${args.join(sep)})`, false];
    }
    return [pyRepr(value), true];
  }
  return format(node, 0)[0];
}

function isNode(v: unknown): v is { _type: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Uint8Array) &&
    typeof (v as { _type?: unknown })._type === 'string' && (v as { _type: string })._type in FIELDS;
}

/** Python's `repr()` of a constant value as the front end represents it. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v, true);
  if (typeof v === 'string') return strRepr(v);
  if (v instanceof Uint8Array) return bytesRepr(v);
  const t = (v as { _type?: string })._type;
  if (t === 'Ellipsis') return 'Ellipsis';
  if (t === 'complex') return complexRepr(v as { real: number; imag: number });
  return String(v);
}

/** repr(float): shortest round-trip digits, exponent form when decpt <= -4 or > 16. */
export function floatRepr(x: number, addDot0: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const neg = x < 0 || Object.is(x, -0);
  const e = Math.abs(x).toExponential();
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e)!;
  let digits = m[1] + (m[2] ?? '');
  digits = digits.replace(/0+$/, '') || '0';
  const decpt = Number(m[3]) + 1;
  let out: string;
  if (x === 0) {
    out = addDot0 ? '0.0' : '0';
  } else if (decpt <= -4 || decpt > 16) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const exp = decpt - 1;
    const ea = Math.abs(exp);
    out = mant + 'e' + (exp < 0 ? '-' : '+') + (ea < 10 ? '0' : '') + ea;
  } else if (decpt <= 0) {
    out = '0.' + '0'.repeat(-decpt) + digits;
  } else if (decpt >= digits.length) {
    out = digits + '0'.repeat(decpt - digits.length) + (addDot0 ? '.0' : '');
  } else {
    out = digits.slice(0, decpt) + '.' + digits.slice(decpt);
  }
  return (neg ? '-' : '') + out;
}

function complexRepr(c: { real: number; imag: number }): string {
  if (c.real === 0 && !Object.is(c.real, -0)) return floatRepr(c.imag, false) + 'j';
  const im = floatRepr(c.imag, false);
  const sign = im.startsWith('-') ? '' : '+';
  return `(${floatRepr(c.real, false)}${sign}${im}j)`;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** repr(str) as CPython's unicode_repr. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + hex(c, 2);
    else if (c < 0x7f) out += ch;
    else if (!isPrintable(c)) {
      out += c <= 0xff ? '\\x' + hex(c, 2) : c <= 0xffff ? '\\u' + hex(c, 4) : '\\U' + hex(c, 8);
    } else out += ch;
  }
  return out + quote;
}

/** repr(bytes) as CPython's bytes_repr. */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += ch;
  }
  return out + quote;
}
