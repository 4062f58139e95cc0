// The REPL's continuation decisions and output, against python3's code.InteractiveConsole fed the
// same lines (codeop decides there as compileCommand does here), plus the prompt on a real terminal.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const havePython = spawnSync('python3', ['--version']).status === 0;
const dist = new URL('../../dist/repl.js', import.meta.url).href;
const bin = fileURLToPath(new URL('../../bin/parathon.js', import.meta.url));

/** Feed lines to parathon's ReplSession; after each, print the prompt python3 would show next. */
function parathonSession(lines: string[]) {
  const code = `
    import { ReplSession } from ${JSON.stringify(dist)};
    import { Interpreter } from ${JSON.stringify(new URL('../../dist/index.js', import.meta.url).href)};
    const s = new ReplSession(new Interpreter({ argv: [''], path: [''] }));
    for (const line of JSON.parse(process.argv[1])) {
      const more = s.push(line);
      if (s.exitStatus !== null) process.exit(s.exitStatus);
      process.stdout.write(more ? '... ' : '>>> ');
    }`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', code, JSON.stringify(lines)], { encoding: 'utf8', timeout: 30_000 });
}
function pythonSession(lines: string[]) {
  const code = [
    'import code, json, sys',
    "c = code.InteractiveConsole(filename='<stdin>')",
    'for line in json.loads(sys.argv[1]):',
    '    more = c.push(line)',
    "    sys.stdout.write('... ' if more else '>>> ')",
    '    sys.stdout.flush()',
  ].join('\n');
  return spawnSync('python3', ['-c', code, JSON.stringify(lines)], { encoding: 'utf8', timeout: 30_000 });
}

const SESSIONS: Record<string, string[]> = {
  'a one-line compound statement waits for an empty line': ['for i in range(3): print(i)', '', 'i'],
  'blocks, nested blocks and functions': ['x = 5', 'if x:', '    y = 2', '    if y:', '        print("in")', '', 'def f(a):',
    '    return a * 2', '', 'f(x)', 'class A:', '  pass', '', 'A.__name__'],
  'open brackets, continuation lines and triple-quoted strings': ['t = (1,', '2)', 't', 'z = 1 + \\', '2', 'z',
    's = """a', 'b"""', 's'],
  'a SyntaxError ends the statement': ['x = (1 2)', 'if 1:', '  else', '6 * 7'],
  'an exception prints a traceback and the session goes on': ['1 / 0', '[][0]', '"ok"'],
  'decorators and else/except clauses stay in the block': ['try:', '    1/0', 'except ZeroDivisionError:', '    print("caught")',
    '', 'def deco(f):', '    return f', '', '@deco', 'def g(): pass', '', 'g.__name__'],
};

describe.runIf(havePython)('REPL sessions agree with python3', () => {
  for (const [name, lines] of Object.entries(SESSIONS)) {
    it(name, () => {
      const r = parathonSession(lines);
      const p = pythonSession(lines);
      expect(r.stdout).toBe(p.stdout);
      expect(r.stderr.split('\n').filter((l) => !/^\s*[~^]+\s*$/.test(l)))
        .toEqual(p.stderr.split('\n').filter((l) => !/^\s*[~^]+\s*$/.test(l)));
    });
  }

  it('SystemExit ends the session with its status', () => {
    const r = parathonSession(['print("bye")', 'raise SystemExit(3)', 'print("not reached")']);
    expect([r.stdout, r.status]).toEqual(['bye\n>>> ', 3]);
  });
});

describe('the REPL on a terminal', () => {
  it('prompts with ... after a one-line for loop until the empty line', () => {
    if (spawnSync('script', ['--version']).status !== 0) return;
    const input = 'for i in range(2): print(i * 10)\n\n';
    const r = spawnSync('script', ['-qec', `${process.execPath} ${bin}`, '/dev/null'], { input, encoding: 'utf8', timeout: 30_000 });
    const out = r.stdout.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
    expect(out).toMatch(/>>> for i in range\(2\): print\(i \* 10\)\n\.\.\. \n0\n10\n>>> /);
  });

  it('Ctrl-C drops the partly typed statement and prints KeyboardInterrupt, as python3', () => {
    if (spawnSync('script', ['--version']).status !== 0) return;
    // Keys typed with pauses (raw terminal input: \r is Enter, \x03 Ctrl-C, \x04 Ctrl-D).
    const feed = "sleep 3; printf 'if 1:\\r'; sleep 0.5; printf '  x = 1'; sleep 0.5; printf '\\003'; sleep 0.5; " +
      "printf 'print(6 * 7)\\r'; sleep 1; printf '\\004'; sleep 0.5";
    const run = (cmd: string): string => {
      const r = spawnSync('sh', ['-c', `(${feed}) | script -qec '${cmd}' /dev/null`], { encoding: 'utf8', timeout: 30_000 });
      const out = r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
      return out.slice(out.indexOf('>>> if 1:'));
    };
    const ours = run(`${process.execPath} ${bin}`);
    expect(ours).toMatch(/^>>> if 1:\n\.\.\.   x = 1\nKeyboardInterrupt\n>>> print\(6 \* 7\)\n42\n>>> /);
    if (havePython) expect(ours.trimEnd()).toBe(run('python3 -q').trimEnd());
  });
});
