// Embedding: run Python source or a file in a fresh dwarfpython interpreter.
import { dirname, resolve } from 'node:path';
import { DwarfInterpreter } from './interp.js';
import { run } from 'parathon';
import { readSourceFile } from 'parathon/runtime';
import { dwarfpython_stdio_flush } from './native.js';

/** The result of {@link runSource} / {@link runFile}: exit status as python3 would report it. */
export interface RunOutcome {
  /** 0 on success, 1 after an uncaught exception, or the SystemExit code. */
  status: number;
}

/**
 * Run Python source as `__main__`, with C libraries importable (`import libc`).
 * @example runSource('import libc\nlibc.puts("hi")')
 */
export function runSource(source: string, filename = '<string>', argv: string[] = [filename]): RunOutcome {
  const dir = filename.startsWith('<') ? process.cwd() : dirname(resolve(filename));
  const { status } = run(source, filename, argv, (opts) => new DwarfInterpreter({ ...opts, path: [dir] }));
  dwarfpython_stdio_flush();
  return { status };
}

/** Run a .py file (its directory is searched first for modules and lib<name>.so). */
export function runFile(path: string, argv: string[] = [path]): RunOutcome {
  return runSource(readSourceFile(path), path, argv);
}
