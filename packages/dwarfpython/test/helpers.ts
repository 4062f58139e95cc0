// Test helpers for dwarfpython: build the fixture library, run the CLI and python3 on scripts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package directory. */
export const pkg = fileURLToPath(new URL('..', import.meta.url));
/** The dwarfpython command (built dist/ through bin/). */
export const cli = join(pkg, 'bin', 'dwarfpython.js');

/** The gcc command used for the fixture library (recorded for reports). */
export const demoCommand = (out: string): string[] =>
  ['-g3', '-O1', '-shared', '-fPIC', '-o', out, join(pkg, 'test/fixtures/demo.c')];

let demo: string | null = null;
/** Build test/fixtures/demo.c into build/test/libdemo.so once. */
export function demoLibrary(): string {
  if (demo) return demo;
  const dir = join(pkg, 'build', 'test');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'libdemo.so');
  // Test files run in parallel workers: each builds under its own name and renames (atomic), so no
  // process ever loads a half-written library.
  const tmp = join(dir, `libdemo.so.${process.pid}.${Date.now()}`);
  const r = spawnSync('gcc', demoCommand(tmp), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gcc ${demoCommand(tmp).join(' ')}\n${r.stderr}`);
  renameSync(tmp, out);
  demo = out;
  return out;
}

/** Output of a run. */
export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Write `source` to a fresh private file and run it with `cmd` (dwarfpython or python3). */
export function runScript(cmd: 'dwarfpython' | 'python3', source: string, env: NodeJS.ProcessEnv = {}, name = 'main.py', flags: string[] = []): Ran {
  const dir = mkdtempSync(join(tmpdir(), 'dwarfpython-test-'));
  const file = join(dir, name);
  writeFileSync(file, source, { mode: 0o600 });
  const argv = cmd === 'python3' ? ['python3', [file]] as const : [process.execPath, [cli, ...flags, file]] as const;
  const r = spawnSync(argv[0], [...argv[1]], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  rmSync(dir, { recursive: true, force: true });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
