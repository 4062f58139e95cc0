// SyntaxErrors, parser recursion and byte order marks at the command line, against python3.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/parathon.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'parathon-syntax-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const havePython = spawnSync('python3', ['--version']).status === 0;

/** Run the same file (or stdin) under parathon and python3: [status, stdout, stderr] of each. */
function both(args: string[], input = ''): [unknown[], unknown[]] {
  const o = { cwd: work, input, encoding: 'utf8' as const, timeout: 30_000 };
  const r = spawnSync(process.execPath, [bin, ...args], o);
  const p = spawnSync('python3', args, o);
  return [[r.status, r.stdout, r.stderr], [p.status, p.stdout, p.stderr]];
}
function file(name: string, src: string | Buffer): string {
  writeFileSync(join(work, name), src, { mode: 0o600 });
  return join(work, name);
}

const CASES: Record<string, string> = {
  unexpected_indent: 'x = 1\nif x:\n  y = 2\n    z = 3\n',
  expected_block: 'def f():\nreturn 1\n',
  tab_error: 'if 1:\n        a = 1\n\tb = 2\n',
  non_ascii_end: 's = "héllo wörld" +\n',
  non_ascii_comma: 'x = "日本語" + (1 2)\n',
  non_ascii_before: 'x = "日本語" + 1 2\n',
  non_ascii_range: '"日本語" = 3\n',
  never_closed: 'x = [1,\n  2,\n',
  indented_text: 'def f():\n    return 1 +\n',
};

describe.runIf(havePython)('SyntaxErrors print as python3 prints them', () => {
  for (const [name, src] of Object.entries(CASES)) {
    it(name, () => {
      const [r, p] = both([file(`${name}.py`, src)]);
      expect(r).toEqual(p);
    });
  }

  it('a SyntaxError in an imported module, under its importer\'s traceback', () => {
    file('badmod.py', 'x = "é" $ 1\n');
    const [r, p] = both([file('importer.py', 'print("start")\nimport badmod\n')]);
    expect(r).toEqual(p);
  });
});

describe.runIf(havePython)('source nested too deeply for the parser', () => {
  it('a long attribute chain raises RecursionError, as python3 compiling it does', () => {
    const [r, p] = both([file('deep_attr.py', 'x = a' + '.b'.repeat(5000) + '\n')]);
    expect(r).toEqual(p);
  });

  it('exec() of such source, and of a SyntaxError, under the -c traceback (no source lines for <string>)', () => {
    for (const code of ['exec("a" + ".b" * 5000)', 'exec("x = (1 2)")']) {
      const [r, p] = both(['-c', code]);
      expect(r).toEqual(p);
    }
  });

  it('a long sum does too', () => {
    const [r, p] = both([file('deep_sum.py', 'x = ' + Array(5000).fill('a').join(' + ') + '\n')]);
    expect(r).toEqual(p);
  });
});

describe.runIf(havePython)('UTF-8 byte order mark', () => {
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('print("bom", len("é"))\n')]);

  it('is skipped at the start of a script, stdin and an imported module', () => {
    const f = file('bom.py', bom);
    const [r, p] = both([f]);
    expect(r).toEqual(p);
    expect(r[1]).toBe('bom 1\n');
    const [r2, p2] = both(['-'], bom.toString('utf8'));
    expect(r2).toEqual(p2);
    const [r3, p3] = both([file('bom_importer.py', 'import bom\n')]);
    expect(r3).toEqual(p3);
  });

  it('is a SyntaxError in -c code, as in python3', () => {
    const [r, p] = both(['-c', '\ufeffprint(1)']);
    expect(r).toEqual(p);
    expect(r[0]).toBe(1);
  });
});
