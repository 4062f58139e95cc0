// Embedding: run Python source or a file in a fresh dwarfpython interpreter.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DwarfInterpreter } from './interp.js';
import { flushPython } from './bridge.js';
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
  const it = new DwarfInterpreter({ argv, path: [filename.startsWith('<') ? process.cwd() : dirname(resolve(filename))] });
  let status = 0;
  try {
    it.runMain(source, filename);
  } catch (e) {
    status = it.handleUncaught(e);
  }
  flushPython();
  dwarfpython_stdio_flush();
  return { status };
}

/** Run a .py file (its directory is searched first for modules and lib<name>.so). */
export function runFile(path: string, argv: string[] = [path]): RunOutcome {
  return runSource(readFileSync(path, 'utf8'), path, argv);
}
