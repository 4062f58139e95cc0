// The public API: parse, compile, run, and the Interpreter.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { parse as parseSource } from './parser.js';
import { compileModule, type CompiledModule } from './compiler/compile.js';
import { Interpreter, type InterpreterOptions } from './runtime/interp.js';
import { flushAll } from './builtins/functions.js';

/** The result of {@link run}: exit status as python3 would report it. */
export interface RunResult {
  /** 0 on success, 1 after an uncaught exception, or the SystemExit code. */
  status: number;
}

/**
 * Compile Python source to JavaScript (the module body as a JS function source), without running it.
 * @example compile('print(1)').js
 */
export function compile(source: string, filename = '<string>', moduleName = '__main__'): CompiledModule {
  return compileModule(parseSource(source, filename, 'exec'), moduleName);
}

/**
 * Run Python source as `__main__` in a fresh interpreter; output goes to the process's stdout/stderr,
 * an uncaught exception prints a CPython-format traceback.
 * @param interpreter Creates the interpreter (embedders pass their subclass; default `new Interpreter(opts)`).
 * @example run('print(2 ** 100)')
 */
export function run(source: string, filename = '<string>', argv: string[] = [filename],
  interpreter: (opts: InterpreterOptions) => Interpreter = (opts) => new Interpreter(opts)): RunResult {
  const it = interpreter({ argv });
  let status = 0;
  try {
    it.runMain(source, filename);
  } catch (e) {
    status = it.handleUncaught(e);
  }
  flushAll();
  return { status };
}

export { Interpreter, type InterpreterOptions, type CompiledModule };
