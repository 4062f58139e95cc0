// The body of the `parathon` command (run by src/cli.ts on a thread with a large stack).
import { resolve } from 'node:path';
import { Interpreter, readSourceFile } from './runtime/interp.js';
import { flushAll, stderr } from './builtins/functions.js';

const USAGE = 'usage: parathon [-c cmd | -m mod | file | -] [arg] ...\n';

/** Parse argv and run; returns the exit status. */
export function main(argv: string[]): number {
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-' && !['-c', '-m'].includes(argv[i]!)) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (a === '-V' || a === '--version') {
      process.stdout.write('Python 3.11.7 (parathon)\n');
      return 0;
    }
    if (a === '-u' || a === '-B' || a === '-E' || a === '-s' || a === '-S' || a === '-I') {
      i++;
      continue;
    }
    stderr.write(`Unknown option: ${a}\n${USAGE}`);
    stderr.flush();
    return 2;
  }
  const rest = argv.slice(i);
  let it: Interpreter;
  try {
    if (rest[0] === '-c') {
      if (rest.length < 2) {
        stderr.write('Argument expected for the -c option\n' + USAGE);
        stderr.flush();
        return 2;
      }
      it = new Interpreter({ argv: ['-c', ...rest.slice(2)], path: [''] });
      return runGuarded(it, () => it.runMain(rest[1]!, '<string>'));
    }
    if (rest[0] === '-m') {
      const mod = rest[1];
      if (!mod) {
        stderr.write('Argument expected for the -m option\n' + USAGE);
        stderr.flush();
        return 2;
      }
      it = new Interpreter({ argv: [mod, ...rest.slice(2)], path: [process.cwd()] });
      return runGuarded(it, () => {
        const file = it.findModuleFile(mod);
        it.runMain(readSourceFile(file), file);
      });
    }
    if (rest.length === 0 || rest[0] === '-') {
      it = new Interpreter({ argv: rest.length ? ['-', ...rest.slice(1)] : [''], path: [''] });
      const src = readSourceFile(0);
      return runGuarded(it, () => it.runMain(src, '<stdin>'));
    }
    const file = rest[0]!;
    let src: string;
    try {
      src = readSourceFile(file);
    } catch (e: any) {
      stderr.write(`parathon: can't open file '${file}': [Errno 2] No such file or directory\n`);
      stderr.flush();
      return 2;
    }
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) || '/' : process.cwd();
    it = new Interpreter({ argv: rest, path: [resolve(dir)] });
    // like python3 (3.9+), the main script's code carries its absolute path
    return runGuarded(it, () => it.runMain(src, resolve(file)));
  } finally {
    flushAll();
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
