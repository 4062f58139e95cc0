import { describe, expect, it, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/parathon.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'parathon-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const havePython = spawnSync('python3', ['--version']).status === 0;

function parathon(args: string[], input = '', cwd = work) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', timeout: 30_000 });
}
function python(args: string[], input = '', cwd = work) {
  return spawnSync('python3', args, { cwd, input, encoding: 'utf8', timeout: 30_000 });
}
/** python3 3.11 underlines sub-expressions (`~~^~~`); parathon does not: compare without those lines. */
const noCarets = (s: string): string => s.split('\n').filter((l) => !/^\s*[\^~]+\s*$/.test(l)).join('\n');
function script(name: string, src: string): string {
  writeFileSync(join(work, name), src, { mode: 0o600 });
  return name;
}

describe('parathon command line', () => {
  it('-c runs code and exits 0', () => {
    const r = parathon(['-c', 'import sys; print(sys.argv, 6 * 7)', 'a', 'b']);
    expect(r.stdout).toBe("['-c', 'a', 'b'] 42\n");
    expect(r.status).toBe(0);
  });

  it('sys.exit codes and SystemExit messages as python3', () => {
    for (const code of ['import sys; sys.exit(3)', 'raise SystemExit("bye")', 'raise SystemExit', 'import sys; sys.exit(None)']) {
      const r = parathon(['-c', code]);
      if (havePython) {
        const p = python(['-c', code]);
        expect([r.status, r.stderr]).toEqual([p.status, p.stderr]);
      } else expect(r.status).not.toBeNull();
    }
  });

  it('-m runs a module from the current directory as __main__', () => {
    script('modmain.py', 'print(__name__, 2 ** 10)\n');
    const r = parathon(['-m', 'modmain']);
    expect(r.stdout).toBe('__main__ 1024\n');
    expect(r.status).toBe(0);
  });

  it('reads the program from stdin with - and with no arguments off a terminal', () => {
    expect(parathon(['-'], 'print("from stdin")\n').stdout).toBe('from stdin\n');
    expect(parathon([], 'for i in range(3): print(i)\n').stdout).toBe('0\n1\n2\n');
  });

  it('a missing script exits 2 like python3', () => {
    const r = parathon(['no_such_file.py']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/can't open file 'no_such_file.py': \[Errno 2\] No such file or directory/);
  });

  it.runIf(havePython)('prints the same traceback as python3 for an uncaught exception', () => {
    const f = script('tb.py', 'def f(x):\n    return 1 / x\n\ndef g():\n    return f(0)\n\nprint("before")\ng()\n');
    const r = parathon([f]);
    const p = python([f]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(p.stdout);
    expect(noCarets(r.stderr)).toBe(noCarets(p.stderr));
  });

  it.runIf(havePython)('prints chained exceptions (cause and context) like python3', () => {
    const f = script('chain.py', [
      'def a():', '    try:', '        {}["k"]', '    except KeyError as e:', '        raise ValueError("bad") from e',
      'def b():', '    try:', '        a()', '    except ValueError:', '        int("x")', 'b()', '',
    ].join('\n'));
    const r = parathon([f]);
    const p = python([f]);
    expect(noCarets(r.stderr)).toBe(noCarets(p.stderr));
    expect(r.status).toBe(p.status);
  });

  it.runIf(havePython)('reports syntax errors with python3 messages and exit code', () => {
    for (const src of ['x = (1,\n', 'def f(:\n    pass\n', 'if True:\nprint(1)\n', 'print("a" "b" +)\n']) {
      const f = script('bad.py', src);
      const r = parathon([f]);
      const p = python([f]);
      expect(r.status).toBe(p.status);
      expect(r.stderr.trim().split('\n').pop()).toBe(p.stderr.trim().split('\n').pop());
    }
  });

  it('runs a REPL on a terminal with >>> and ... prompts, echoing expression values', () => {
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0) return;
    const input = '6*7\nx = 5\nif x:\n    print("yes")\n\ndef f():\n    return "f!"\n\nf()\n';
    const r = spawnSync('script', ['-qec', `${process.execPath} ${bin}`, '/dev/null'], { input, encoding: 'utf8', timeout: 30_000 });
    const out = r.stdout.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
    expect(out).toContain('>>> 6*7\n42\n');
    expect(out).toContain('... ');
    expect(out).toContain('yes\n');
    expect(out).toContain("'f!'\n");
  });
});
