// The interactive prompt: `>>> ` / `... `, multi-line blocks, echo of expression values, history.
// One implementation serves every command built on parathon (dwarfpython passes its own interpreter).
import * as readline from 'node:readline';
import { Interpreter, toPySyntaxError } from './runtime/interp.js';
import { flushAll } from './builtins/functions.js';
import { compileCommand, PySyntaxError } from './parser.js';

/**
 * One interactive session over an interpreter, line by line, as python3's `code.InteractiveConsole`:
 * {@link ReplSession.push} buffers lines until `compileCommand` says the statement is complete
 * (a compound statement ends with an empty line), then runs it in `__main__`, echoing expression
 * values and printing exceptions.
 */
export class ReplSession {
  /** The interpreter the statements run in. */
  readonly interpreter: Interpreter;
  /** The exit status once a statement raised SystemExit, else null. */
  exitStatus: number | null = null;
  private buf: string[] = [];

  /**
   * @param interpreter Runs the statements; its `__main__` is created (empty, `<stdin>`) if it has none.
   * @param afterEach Called after each statement ran, e.g. to flush output buffered outside Python.
   */
  constructor(interpreter: Interpreter, private readonly afterEach: () => void = () => {}) {
    this.interpreter = interpreter;
    if (!interpreter.main) interpreter.runMain('', '<stdin>');
  }

  /**
   * Add one input line (without its newline). Returns true when the statement needs more lines
   * (the `... ` prompt), false when the buffer was run (or rejected with a SyntaxError).
   * @example s.push('for i in range(2): print(i)')  // true: waits for an empty line
   */
  push(line: string): boolean {
    this.buf.push(line);
    const src = this.buf.join('\n');
    const it = this.interpreter;
    try {
      if (compileCommand(src, '<stdin>') === null) return true;
    } catch (e) {
      if (e instanceof PySyntaxError) {
        this.buf = [];
        it.handleUncaught(toPySyntaxError(e));
        this.afterEach();
        return false;
      }
      // Anything else (source nested too deeply) is raised again, as Python's exception, below.
    }
    this.buf = [];
    if (src.trim() === '') return false;
    try {
      it.compile(src + '\n', '<stdin>', '__main__', 'single')(it.main!.$d);
    } catch (e) {
      const code = it.handleUncaught(e);
      if (isExit(e)) this.exitStatus = code;
    }
    flushAll();
    this.afterEach();
    return false;
  }

  /** Drop a partly typed statement (after Ctrl-C). */
  reset(): void {
    this.buf = [];
  }
}

/** Options of {@link repl}. */
export interface ReplOptions {
  /** Creates the interpreter (default: a parathon `Interpreter` with `sys.argv == ['']`, `sys.path[0] == ''`). */
  interpreter?: () => Interpreter;
  /** Printed before the first prompt. */
  banner?: string;
  /** Called after each statement ran and before the process exits. */
  afterEach?: () => void;
}

/**
 * Run the REPL on the process's stdin/stdout until EOF (exit status 0) or SystemExit (its status):
 * it ends the process itself, from readline's handlers.
 * @example repl({ banner: 'my Python\n', interpreter: () => new Interpreter({ argv: [''], path: [''] }) })
 */
export function repl(opts: ReplOptions = {}): void {
  const it = opts.interpreter ? opts.interpreter() : new Interpreter({ argv: [''], path: [''] });
  const afterEach = opts.afterEach ?? (() => {});
  const session = new ReplSession(it, afterEach);
  process.stdout.write(opts.banner ?? 'Python 3.11.7 (parathon)\nType "help", "copyright", "credits" or "license" for more information.\n');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '>>> ', historySize: 1000 });
  rl.prompt();
  rl.on('line', (line) => {
    const more = session.push(line);
    if (session.exitStatus !== null) {
      rl.close();
      process.exit(session.exitStatus);
    }
    rl.setPrompt(more ? '... ' : '>>> ');
    rl.prompt();
  });
  rl.on('SIGINT', () => {
    // python3 drops the partial statement and prompts again.
    session.reset();
    rl.setPrompt('>>> ');
    process.stdout.write('\nKeyboardInterrupt\n');
    // Drop the typed text: end of line, then delete to its start (readline redraws the new prompt).
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
  });
  rl.on('close', () => {
    if (session.exitStatus !== null) return;
    process.stdout.write('\n');
    flushAll();
    afterEach();
    process.exit(0);
  });
}

function isExit(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { $c?: { name?: string } }).$c?.name === 'SystemExit';
}
