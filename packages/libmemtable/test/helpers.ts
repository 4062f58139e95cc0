// libmemtable test helpers: the package's paths and a runner for C programs under the preload.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileC, runProgram } from '../../../test-support/native.js';
import { libraryPath, preloadPath } from '../src/native.js';

/** The package directory, with a trailing slash. */
export const pkg = fileURLToPath(new URL('..', import.meta.url));

/** Compile a test program linked against libmemtable.so (exported symbols on, so dladdr names them). */
export function buildLinked(source: string, extra: string[] = []): string {
  return compileC({ pkg, sources: [source], link: libraryPath, extra: ['-rdynamic', ...extra] });
}

/** Compile a C++ test program with g++ (compileC is C only), linked against libmemtable.so. */
export function buildCxx(source: string): string {
  const exe = pkg + 'build/test/' + source.replace(/^.*\//, '').replace(/\.cc$/, '');
  mkdirSync(pkg + 'build/test', { recursive: true });
  const args = ['-std=gnu++17', '-g', '-O1', '-Wall', '-Wextra', '-Werror', '-rdynamic', '-I', pkg + 'native/include'];
  args.push(pkg + source, libraryPath, `-Wl,-rpath,${pkg}build/Release`, '-ldl', '-o', exe);
  const r = spawnSync('g++', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`g++ ${args.join(' ')}\n${r.stderr}`);
  return exe;
}

/** Run a program with libmemtable-preload.so preloaded. */
export function runPreloaded(exe: string, args: string[] = [], timeoutMs = 120_000) {
  return runProgram(exe, args, { LD_PRELOAD: preloadPath }, timeoutMs);
}

export { compileC, runProgram };
