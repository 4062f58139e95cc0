// Test helpers: compile fixtures with recorded gcc commands, and ask gdb / addr2line (the oracles).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package directory, with a trailing slash. */
export const pkg = fileURLToPath(new URL('..', import.meta.url));
/** Where test binaries go (ignored by git). */
export const outDir = pkg + 'build/test/';

/** Every gcc command the tests ran, for the report. */
export const commands: string[] = [];

/** Compiles a fixture with gcc and the given flags; returns the output path. */
export function gcc(source: string, out: string, flags: string[]): string {
  mkdirSync(outDir, { recursive: true });
  const exe = outDir + out;
  const args = [...flags, '-o', exe, pkg + 'test/fixtures/' + source];
  commands.push('gcc ' + args.join(' '));
  const r = spawnSync('gcc', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gcc ${args.join(' ')}\n${r.stderr}`);
  return exe;
}

/** Runs `gdb -batch` with one `ptype` per name; returns gdb's text after "type = ", or undefined on an error. */
export function gdbPtype(file: string, names: string[]): (string | undefined)[] {
  const args = ['-nx', '-batch'];
  for (const n of names) args.push('-ex', 'echo @@@\\n', '-ex', `ptype ${n}`);
  args.push(file);
  const r = spawnSync('sh', ['-c', 'exec timeout -s KILL 120 gdb "$@" 2>&1', 'gdb', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const chunks = r.stdout.split('@@@\n').slice(1);
  return names.map((_, i) => {
    const c = (chunks[i] ?? '').replace(/\n$/, '');
    return c.startsWith('type = ') ? c.slice('type = '.length) : undefined;
  });
}

/** Runs `addr2line -f` on addresses; returns [function, "file:line"] pairs. */
export function addr2line(file: string, addrs: number[]): [string, string][] {
  const r = spawnSync('addr2line', ['-f', '-e', file, ...addrs.map((a) => '0x' + a.toString(16))], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const lines = r.stdout.split('\n');
  return addrs.map((_, i) => [lines[2 * i]!, (lines[2 * i + 1] ?? '').replace(/ \(discriminator \d+\)$/, '')]);
}

/** libc's path on this machine. */
export const LIBC = '/lib/x86_64-linux-gnu/libc.so.6';
