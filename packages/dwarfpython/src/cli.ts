// The `dwarfpython` command: run a file, -c CODE, - (stdin), or a REPL on a terminal; C libraries
// import as modules (`import libc`) through their own DWARF.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { preloadPath } from 'libmemtable';
import { dirname, resolve } from 'node:path';
import { DwarfInterpreter } from './interp.js';
import { flushPython } from './bridge.js';
import { repl } from './repl.js';
import { dwarfpython_stdio_flush } from './native.js';

const USAGE = 'usage: dwarfpython [--memtable] [-c cmd | file | -] [arg] ...\n' +
  '  --memtable  run under libmemtable\'s malloc interposer: every heap block C allocates is indexed,\n' +
  '              so pointers from C get bounds checks and dwarfpython.allocation() answers for them\n';

/** Re-run this command with libmemtable-preload.so preloaded (it must be there from process start). */
function underMemtable(argv: string[]): number {
  const inherited = process.env.LD_PRELOAD;
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...argv], {
    stdio: 'inherit',
    env: { ...process.env, DWARFPYTHON_MEMTABLE: '1', LD_PRELOAD: inherited ? `${preloadPath}:${inherited}` : preloadPath },
  });
  return r.status ?? 128 + 9;
}

function finish(): void {
  try {
    flushPython();
  } catch {
    /* the interpreter may not exist (usage errors) */
  }
  dwarfpython_stdio_flush();
}

function runGuarded(it: DwarfInterpreter, f: () => void): number {
  try {
    f();
    return 0;
  } catch (e) {
    return it.handleUncaught(e);
  }
}

/** Parse argv and run; returns the exit status. */
export function main(argv: string[]): number {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-' && argv[i] !== '-c') {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (a === '-V' || a === '--version') {
      process.stdout.write('Python 3.11.7 (dwarfpython)\n');
      return 0;
    }
    if (a === '--memtable') {
      if (process.env.DWARFPYTHON_MEMTABLE !== '1') return underMemtable([...argv.slice(0, i), ...argv.slice(i + 1)]);
      i++;
      continue;
    }
    if (['-u', '-B', '-E', '-s', '-S', '-I'].includes(a)) {
      i++;
      continue;
    }
    process.stderr.write(`Unknown option: ${a}\n${USAGE}`);
    return 2;
  }
  const rest = argv.slice(i);
  if (rest[0] === '-c') {
    if (rest.length < 2) {
      process.stderr.write('Argument expected for the -c option\n' + USAGE);
      return 2;
    }
    const it = new DwarfInterpreter({ argv: ['-c', ...rest.slice(2)], path: [''] });
    return runGuarded(it, () => it.runMain(rest[1]!, '<string>'));
  }
  if (rest.length === 0 || rest[0] === '-') {
    if (rest.length === 0 && process.stdin.isTTY) return repl();
    const it = new DwarfInterpreter({ argv: rest.length ? ['-', ...rest.slice(1)] : [''], path: [''] });
    const src = readFileSync(0, 'utf8');
    return runGuarded(it, () => it.runMain(src, '<stdin>'));
  }
  const file = rest[0]!;
  let src: string;
  try {
    src = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`dwarfpython: can't open file '${file}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  const it = new DwarfInterpreter({ argv: rest, path: [dirname(resolve(file))] });
  return runGuarded(it, () => it.runMain(src, file));
}

const status = main(process.argv.slice(2));
finish();
if (status !== -1) process.exitCode = status;
