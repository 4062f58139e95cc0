// The C core, from C: lookups at every offset, registration and typed allocation, also under ASan + UBSan.
import { describe, expect, it } from 'vitest';
import { buildLinked, compileC, pkg, runProgram } from './helpers.js';

function expectOk(r: { status: number | null; stdout: string; stderr: string }) {
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^ok \d+/);
  expect(r.status).toBe(0);
}

describe('index lookups from C', () => {
  it('maps every offset of typed allocations of many sizes to its block, and misses elsewhere', () => {
    expectOk(runProgram(buildLinked('test/c/lookup.c'), ['typed']));
  });

  it('maps every offset of registered ranges at every 8-byte alignment, with gaps that miss', () => {
    expectOk(runProgram(buildLinked('test/c/lookup.c'), ['register']));
  });

  it('reports status codes, set_type, iteration, statistics and site totals', () => {
    expectOk(runProgram(buildLinked('test/c/api.c')));
  });

  it('takes back the record caches of threads that end (2000 short threads)', () => {
    expectOk(runProgram(buildLinked('test/c/threadexit.c')));
  });
});

describe('under AddressSanitizer + UndefinedBehaviorSanitizer', () => {
  for (const mode of ['typed', 'register']) {
    it(`lookup.c ${mode}`, () => {
      const exe = compileC({ pkg, sources: ['test/c/lookup.c'], sanitize: true, out: 'lookup' });
      expectOk(runProgram(exe, [mode]));
    });
  }

  it('threads.c typed (8 writers, 1 reader)', () => {
    const exe = compileC({ pkg, sources: ['test/c/threads.c'], sanitize: true });
    expectOk(runProgram(exe, ['typed', '50000']));
  });

  it('threadexit.c', () => {
    const exe = compileC({ pkg, sources: ['test/c/threadexit.c'], sanitize: true });
    expectOk(runProgram(exe));
  });

  it('api.c', () => {
    const exe = compileC({ pkg, sources: ['test/c/api.c'], sanitize: true });
    expectOk(runProgram(exe));
  });
});
