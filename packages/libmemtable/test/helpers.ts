// libmemtable test helpers: the package's paths and a runner for C programs under the preload.
import { fileURLToPath } from 'node:url';
import { compileC, runProgram } from '../../../test-support/native.js';
import { libraryPath, preloadPath } from '../src/native.js';

/** The package directory, with a trailing slash. */
export const pkg = fileURLToPath(new URL('..', import.meta.url));

/** Compile a test program linked against libmemtable.so (exported symbols on, so dladdr names them). */
export function buildLinked(source: string, extra: string[] = []): string {
  return compileC({ pkg, sources: [source], link: libraryPath, extra: ['-rdynamic', ...extra] });
}

/** Run a program with libmemtable-preload.so preloaded. */
export function runPreloaded(exe: string, args: string[] = [], timeoutMs = 120_000) {
  return runProgram(exe, args, { LD_PRELOAD: preloadPath }, timeoutMs);
}

export { compileC, runProgram };
