// Test support shared by every package: compile C test programs against a package's core and run them.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What to build: sources relative to the package, linked to its built core or compiled with it. */
export interface CompileOptions {
  /** The package directory (absolute, with or without a trailing slash). */
  pkg: string;
  /** C sources relative to `pkg`. */
  sources: string[];
  /** Absolute path of a built core to link against (with an rpath to it). */
  link?: string;
  /** Compile the package's `native/src/*.c` in, with ASan + UBSan, instead of linking the .so. */
  sanitize?: boolean | 'thread';
  /** Extra gcc arguments (placed after the sources). */
  extra?: string[];
  /** Output name (default: first source's base name, plus a suffix for sanitized builds). */
  out?: string;
}

/** The gcc command of the last compile, recorded for test reports. */
export let lastCommand = '';

/** Compile a C test program; throws with gcc's output on failure. Returns the executable's path. */
export function compileC(opts: CompileOptions): string {
  const pkg = opts.pkg.endsWith('/') ? opts.pkg : opts.pkg + '/';
  const outDir = join(pkg, 'build', 'test');
  mkdirSync(outDir, { recursive: true });
  const suffix = opts.sanitize === 'thread' ? '-tsan' : opts.sanitize ? '-asan' : '';
  const exe = join(outDir, (opts.out ?? basename(opts.sources[0]!, '.c')) + suffix);
  const args = ['-std=gnu11', '-g', '-O1', '-Wall', '-Wextra', '-Werror', '-I', join(pkg, 'native/include')];
  args.push(...opts.sources.map((s) => join(pkg, s)));
  if (opts.sanitize) {
    const core = join(pkg, 'native/src');
    args.push('-I', core, ...readdirSync(core).filter((f) => f.endsWith('.c')).map((f) => join(core, f)));
    args.push(opts.sanitize === 'thread' ? '-fsanitize=thread' : '-fsanitize=address,undefined');
    args.push('-fno-sanitize-recover=all', '-fno-omit-frame-pointer');
  }
  if (opts.link) args.push(opts.link, `-Wl,-rpath,${dirname(opts.link)}`);
  args.push(...(opts.extra ?? []), '-lz', '-ldl', '-lpthread', '-lm', '-o', exe);
  lastCommand = 'gcc ' + args.join(' ');
  const r = spawnSync('gcc', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${lastCommand}\n${r.stderr}`);
  return exe;
}

/** Run a program to completion, capturing its output as text. */
export function runProgram(
  exe: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 60_000,
): SpawnSyncReturns<string> {
  return spawnSync(exe, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
  });
}
