// The interactive prompt: `>>> ` / `... `, multi-line blocks, echo of expression values.
import * as readline from 'node:readline';
import { parse } from 'parathon';
import { DwarfInterpreter } from './interp.js';
import { flushPython } from './bridge.js';

/** Is `src` an incomplete statement that needs more lines? */
export function needsMore(src: string): boolean {
  const lines = src.split('\n');
  const last = lines[lines.length - 1]!;
  if (lines.length > 1 && last.trim() !== '') return true;
  try {
    parse(src + '\n', '<stdin>', 'single');
    return lines.length === 1 && /:\s*(#.*)?$/.test(last);
  } catch (e: any) {
    const msg = String(e?.msg ?? e?.message ?? '');
    return /was never closed|unexpected EOF|expected an indented block|unterminated triple-quoted/.test(msg) && last.trim() !== '';
  }
}

/** Run the REPL until EOF; returns -1 (the process exits from the readline handlers). */
export function repl(): number {
  const it = new DwarfInterpreter({ argv: [''], path: [''] });
  it.runMain('', '<stdin>');
  process.stdout.write('Python 3.11.7 (dwarfpython)\nC libraries import as modules: import libc\n');
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
      } catch (e: any) {
        const code = it.handleUncaught(e);
        if (e?.$c === it.modules.get('builtins').$d.SystemExit) {
          rl.close();
          process.exit(code);
        }
      }
      flushPython();
    }
    rl.prompt();
  });
  rl.on('close', () => {
    process.stdout.write('\n');
    process.exit(0);
  });
  return -1;
}
