// The interactive prompt: `>>> ` / `... `, multi-line blocks, echo of expression values, history.
import * as readline from 'node:readline';
import { Interpreter } from './runtime/interp.js';
import { flushAll } from './builtins/functions.js';
import { parse, PySyntaxError } from './parser.js';

/** Is `src` an incomplete statement that needs more lines? */
export function needsMore(src: string): boolean {
  const lines = src.split('\n');
  const last = lines[lines.length - 1]!;
  if (lines.length > 1 && last.trim() !== '') return true;
  try {
    parse(src + '\n', '<stdin>', 'single');
    return lines.length === 1 && /:\s*(#.*)?$/.test(last);
  } catch (e) {
    if (e instanceof PySyntaxError) {
      return /was never closed|unexpected EOF|expected an indented block|unterminated triple-quoted/.test(e.msg) && last.trim() !== '';
    }
    return false;
  }
}

/** Run the REPL until EOF; returns the exit status. */
export function repl(): number {
  const it = new Interpreter({ argv: [''], path: [''] });
  process.stdout.write('Python 3.11.7 (parathon)\nType "help", "copyright", "credits" or "license" for more information.\n');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, prompt: '>>> ', historySize: 1000 });
  let buf: string[] = [];
  rl.prompt();
  rl.on('line', (line) => {
    buf.push(line);
    const src = buf.join('\n');
    if (needsMore(src)) {
      rl.setPrompt('... ');
      rl.prompt();
      return;
    }
    buf = [];
    rl.setPrompt('>>> ');
    if (src.trim() !== '') {
      try {
        it.compile(src + '\n', '<stdin>', '__main__', 'single')(it.main!.$d);
      } catch (e) {
        const code = it.handleUncaught(e);
        if (isExit(e)) {
          rl.close();
          process.exit(code);
        }
      }
      flushAll();
    }
    rl.prompt();
  });
  rl.on('close', () => {
    process.stdout.write('\n');
    process.exit(0);
  });
  it.runMain('', '<stdin>');
  return 0;
}
function isExit(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { $c?: { name?: string } }).$c?.name === 'SystemExit';
}
