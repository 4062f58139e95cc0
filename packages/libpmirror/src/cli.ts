// The `pmirror` command: ptype, functions, addr2line, info over an ELF file's debug information.
import { DebugInfo, type Macro } from './debuginfo.js';
import { PmirrorError } from './errors.js';

const USAGE = `usage: pmirror [--json] [--debug-dir DIR] <command> <elf> [args]
  ptype <elf> <name>            the type, typedef, variable or function, as gdb's ptype prints it
  functions <elf> [regex]       one C prototype per line (like gdb's info functions)
  addr2line <elf> <hex>...      "function at file:line" for each address (like addr2line -f)
  line2addr <elf> <file:line>   the addresses where that source line starts, one per line
  info <elf>                    build-id, debug file, DWARF versions, counts, index timings`;

/** A failure the user caused: message on stderr, exit code 2. */
class UsageError extends Error {}

function ptype(d: DebugInfo, name: string, json: boolean): string {
  const t = d.type(name);
  if (t) return json ? JSON.stringify({ kind: t.kind, text: t.toC() }) : t.toC();
  const f = d.func(name);
  if (f) return json ? JSON.stringify({ kind: 'function', text: f.type.toC(), callable: f.callable }) : f.type.toC();
  const v = d.variable(name);
  if (v) return json ? JSON.stringify({ kind: 'variable', text: v.type.toC(), address: v.address }) : v.type.toC();
  const e = d.enumerator(name);
  if (e) return json ? JSON.stringify({ kind: 'enumerator', value: String(e.value) }) : e.type.toC();
  const m = d.macro(name);
  if (m) return json ? JSON.stringify({ kind: 'macro', ...m }) : formatMacro(m);
  throw new UsageError(`No symbol "${name}" in ${d.elf.path}.`);
}

/** A #define line as gdb's `info macro` prints it. */
export function formatMacro(m: Macro): string {
  const params = m.params ? `(${m.params.join(', ')})` : '';
  return `#define ${m.name}${params}${m.body ? ' ' + m.body : ''}`;
}

function functions(d: DebugInfo, pattern: string | undefined, json: boolean): string {
  const re = pattern ? new RegExp(pattern) : undefined;
  // Like gdb's `info functions`: functions with code, under their linkage name when DWARF gives one.
  const fs = d
    .functions(re)
    .filter((f) => !f.declaration && f.ranges.length > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const proto = (f: (typeof fs)[number]): string => (f.external ? '' : 'static ') + f.type.declare(f.linkageName ?? f.name);
  if (json) {
    return JSON.stringify(fs.map((f) => ({ name: f.name, prototype: proto(f), callable: f.callable, address: f.address })));
  }
  return fs.map((f) => proto(f) + ';').join('\n');
}

function addr2line(d: DebugInfo, addrs: string[], json: boolean): string {
  const rows = addrs.map((a) => {
    const addr = BigInt(a.startsWith('0x') ? a : '0x' + a);
    return { address: '0x' + addr.toString(16), ...d.addressInfo(addr) };
  });
  if (json) return JSON.stringify(rows);
  return rows
    .map((r) => `${r.innermost ?? '??'} at ${r.line ? `${r.line.file}:${r.line.line}` : '??:0'}`)
    .join('\n');
}

function main(argv: string[]): number {
  let json = false;
  let debugDir: string | undefined;
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') json = true;
    else if (argv[i] === '--debug-dir') debugDir = argv[++i];
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log(USAGE);
      return 0;
    } else args.push(argv[i]!);
  }
  const [cmd, file, ...rest] = args;
  if (!cmd || !file) throw new UsageError(USAGE);
  const d = DebugInfo.open(file, debugDir ? { debugDir } : {});
  let out: string;
  switch (cmd) {
    case 'ptype':
      if (rest.length !== 1) throw new UsageError(USAGE);
      out = ptype(d, rest[0]!, json);
      break;
    case 'functions':
      out = functions(d, rest[0], json);
      break;
    case 'addr2line':
      if (!rest.length) throw new UsageError(USAGE);
      out = addr2line(d, rest, json);
      break;
    case 'line2addr': {
      const m = /^(.*):(\d+)$/.exec(rest[0] ?? '');
      if (!m) throw new UsageError(USAGE);
      const rows = d.lineAddresses(m[1]!, Number(m[2]));
      if (!rows.length) throw new UsageError(`no code for line ${m[2]} of "${m[1]}"`);
      out = json ? JSON.stringify(rows) : rows.map((r) => '0x' + r.address.toString(16)).join('\n');
      break;
    }
    case 'info':
      out = JSON.stringify({ ...d.index().stats() }, null, json ? 0 : 2);
      break;
    default:
      throw new UsageError(`unknown command "${cmd}"\n${USAGE}`);
  }
  if (out) process.stdout.write(out + '\n');
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || e instanceof PmirrorError) {
    process.stderr.write(`pmirror: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    throw e;
  }
}
