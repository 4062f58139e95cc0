// The body of the `parathon` command (run by src/cli.ts on a thread with a large stack), shared with
// commands built on parathon (dwarfpython) through CliOptions.
import { resolve } from 'node:path';
import { Interpreter, readSourceFile, type InterpreterOptions } from './runtime/interp.js';
import { flushAll, stderr } from './builtins/functions.js';
import { repl, type ReplOptions } from './repl.js';

/** How a command built on parathon differs from `parathon` itself (see {@link main}). */
export interface CliOptions {
  /** The command's name, in usage and error messages and after `-V`'s version (default `parathon`). */
  name?: string;
  /** Creates the interpreter for a run (default: parathon's `Interpreter`). */
  interpreter?: (opts: InterpreterOptions) => Interpreter;
  /**
   * Extra options before the program: called with argv and the option's index; returns an exit
   * status to end with, or null to go on with the next argument.
   */
  options?: Record<string, (argv: string[], i: number) => number | null>;
  /** Usage lines describing `options`, printed after the usage line. */
  optionsHelp?: string;
  /** The REPL's settings when run with no arguments on a terminal (its interpreter comes from `interpreter`). */
  repl?: Omit<ReplOptions, 'interpreter'>;
  /** Called after the program ran (or failed), e.g. to flush output buffered outside Python. */
  finish?: () => void;
}

/**
 * Parse a python3-style command line (`[options] [-c cmd | -m mod | file | -] [arg] ...`) and run it;
 * returns python3's exit status, or -1 when the REPL took over (it exits the process itself).
 * @example process.exitCode = main(['-c', 'print(1)'])
 */
export function main(argv: string[], opts: CliOptions = {}): number {
  const name = opts.name ?? 'parathon';
  const extra = opts.options ?? {};
  const usage = `usage: ${name} ${Object.keys(extra).map((o) => `[${o}] `).join('')}[-c cmd | -m mod | file | -] [arg] ...\n${opts.optionsHelp ?? ''}`;
  const make = opts.interpreter ?? ((o: InterpreterOptions) => new Interpreter(o));
  const usageError = (msg: string): number => {
    stderr.write(msg + usage);
    stderr.flush();
    return 2;
  };
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-' && !['-c', '-m'].includes(argv[i]!)) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') {
      process.stdout.write(usage);
      return 0;
    }
    if (a === '-V' || a === '--version') {
      process.stdout.write(`Python 3.11.7 (${name})\n`);
      return 0;
    }
    if (a === '-u' || a === '-B' || a === '-E' || a === '-s' || a === '-S' || a === '-I') {
      i++;
      continue;
    }
    const handler = Object.hasOwn(extra, a) ? extra[a] : undefined;
    if (handler) {
      const status = handler(argv, i);
      if (status !== null) return status;
      i++;
      continue;
    }
    return usageError(`Unknown option: ${a}\n`);
  }
  const rest = argv.slice(i);
  let it: Interpreter;
  try {
    if (rest[0] === '-c') {
      if (rest.length < 2) return usageError('Argument expected for the -c option\n');
      it = make({ argv: ['-c', ...rest.slice(2)], path: [''] });
      return runGuarded(it, () => it.runMain(rest[1]!, '<string>'));
    }
    if (rest[0] === '-m') {
      const mod = rest[1];
      if (!mod) return usageError('Argument expected for the -m option\n');
      it = make({ argv: [mod, ...rest.slice(2)], path: [process.cwd()] });
      return runGuarded(it, () => {
        const file = it.findModuleFile(mod);
        it.runMain(readSourceFile(file), file);
      });
    }
    if (rest.length === 0 && process.stdin.isTTY) {
      repl({ ...opts.repl, interpreter: () => make({ argv: [''], path: [''] }) });
      return -1;
    }
    if (rest.length === 0 || rest[0] === '-') {
      it = make({ argv: rest.length ? ['-', ...rest.slice(1)] : [''], path: [''] });
      const src = readSourceFile(0);
      return runGuarded(it, () => it.runMain(src, '<stdin>'));
    }
    const file = rest[0]!;
    let src: string;
    try {
      src = readSourceFile(file);
    } catch {
      stderr.write(`${name}: can't open file '${file}': [Errno 2] No such file or directory\n`);
      stderr.flush();
      return 2;
    }
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) || '/' : process.cwd();
    it = make({ argv: rest, path: [resolve(dir)] });
    // like python3 (3.9+), the main script's code carries its absolute path
    return runGuarded(it, () => it.runMain(src, resolve(file)));
  } finally {
    flushAll();
    opts.finish?.();
  }
}
function runGuarded(it: Interpreter, f: () => void): number {
  try {
    f();
    return 0;
  } catch (e) {
    return it.handleUncaught(e);
  }
}

/** Run argv and exit the thread with python3's status. */
export function runAndExit(argv: string[]): never {
  const code = main(argv);
  flushAll();
  process.exit(code);
}
