// Test helper for this package: run a program under gdb -batch (killed if it hangs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Run `exe args` under `gdb -batch` with the given script lines; returns gdb's combined output. */
export function gdbBatch(exe: string, script: string[], args: string[] = [], env: NodeJS.ProcessEnv = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'dlext-gdb-'));
  const file = join(dir, 'script.gdb');
  writeFileSync(file, ['set pagination off', 'set confirm off', ...script, ''].join('\n'));
  try {
    const r = spawnSync('timeout', ['-s', 'KILL', '90', 'gdb', '-batch', '-nx', '-x', file, '--args', exe, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      maxBuffer: 64 << 20,
    });
    return (r.stdout ?? '') + (r.stderr ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Architecture sources that compileC's sanitized builds (which take native/src/*.c only) must add. */
export const archSources: string[] = [new URL('../native/src/arch/x86_64.c', import.meta.url).pathname];
