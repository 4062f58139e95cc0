import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './helpers.js';

// Oracles: python3's own CLI behaviour (exit statuses, tracebacks to stderr); util-linux `script`
// gives the REPL a terminal.

describe('the dwarfpython command', () => {
  it('runs -c code and stdin like python3, with the same exit statuses', () => {
    for (const [args, input] of [[['-c', 'import sys; print(40 + 2); sys.exit(3)'], ''], [['-'], 'print("from stdin")\n']] as const) {
      const ours = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', input });
      const theirs = spawnSync('python3', [...args], { encoding: 'utf8', input });
      expect(ours.stdout).toBe(theirs.stdout);
      expect(ours.status).toBe(theirs.status);
    }
  });

  it('-m runs a module as __main__ and a SyntaxError prints as python3 prints it (parathon\'s command line)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dwarfpython-cli-'));
    try {
      writeFileSync(join(dir, 'modmain.py'), 'import sys\nprint(__name__, sys.argv[1:])\n');
      writeFileSync(join(dir, 'bad.py'), 'x = "日本語" + 1 2\n');
      for (const args of [['-m', 'modmain', 'a'], ['bad.py']]) {
        const ours = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: dir });
        const theirs = spawnSync('python3', args, { encoding: 'utf8', cwd: dir });
        expect([ours.status, ours.stdout, ours.stderr]).toEqual([theirs.status, theirs.stdout, theirs.stderr]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an uncaught exception prints a traceback and exits 1; a missing C library is ModuleNotFoundError', () => {
    const r = spawnSync(process.execPath, [cli, '-c', 'import libno_such_thing_anywhere'], { encoding: 'utf8' });
    const p = spawnSync('python3', ['-c', 'import libno_such_thing_anywhere'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').pop()).toBe(p.stderr.trim().split('\n').pop());
  });

  it('the REPL on a terminal evaluates lines and echoes values, C libraries included', () => {
    const input = 'import libc\nlibc.abs(-41) + 1\ndef f(x):\n    return x * 2\n\nf(21)\n';
    const r = spawnSync('script', ['-qec', `${process.execPath} ${cli}`, '/dev/null'], { encoding: 'utf8', input: input + '\x04', timeout: 60_000 });
    const lines = r.stdout.replace(/\r/g, '').split('\n');
    expect(lines.filter((l) => l.trim() === '42').length).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toContain('>>> ');
    expect(r.stdout).toContain('... ');
  });
});

describe('the embedding API', () => {
  it('runSource and runFile run Python with C libraries importable and report the exit status', () => {
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const code = `
      import { runSource, runFile } from ${JSON.stringify(dist)};
      import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
      import { join } from 'node:path';
      import { tmpdir } from 'node:os';
      const a = runSource('import libc\\nprint(libc.abs(-7))\\n');
      const b = runSource('raise SystemExit(4)\\n');
      const dir = mkdtempSync(join(tmpdir(), 'dwarfpython-embed-'));
      const file = join(dir, 'x.py');
      writeFileSync(file, 'import libm\\nprint(libm.sqrt(16.0))\\nraise ValueError("boom")\\n');
      const c = runFile(file);
      rmSync(dir, { recursive: true });
      console.log(JSON.stringify([a.status, b.status, c.status]));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.stdout).toBe('7\n4.0\n[0,4,1]\n');
    expect(r.stderr).toMatch(/ValueError: boom\n$/);
  });
});
