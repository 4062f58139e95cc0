import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compileC, runProgram } from '../../../test-support/native.js';
import { libraryPath } from '../src/index.js';
import { archSources } from './gdb.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));

// Oracles: glibc's own dlsym, dladdr and dl_iterate_phdr, called from C, and /proc/self/maps.
describe('dlcreate / dlalloc / dlbind from C', () => {
  it('binds 10k functions seen by dlsym and dladdr; unbinds, chains, destroys; W^X holds', () => {
    const exe = compileC({ pkg, sources: ['test/c/bind10k.c'], link: libraryPath });
    const r = runProgram(exe);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
    expect(r.status).toBe(0);
  });

  it('does the same under AddressSanitizer and UndefinedBehaviorSanitizer', () => {
    const exe = compileC({ pkg, sources: ['test/c/bind10k.c'], sanitize: true, extra: [...archSources, '-rdynamic'] });
    const r = runProgram(exe, [], { ASAN_OPTIONS: 'detect_leaks=1' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
    expect(r.status).toBe(0);
  });

  it('threads bind, unbind and look up at once (glibc dlsym/dladdr see every bound name)', () => {
    const exe = compileC({ pkg, sources: ['test/c/threads.c'], link: libraryPath });
    const r = runProgram(exe);
    expect(r.stdout).toMatch(/failures 0 objects [3-9]/);
    expect(r.status).toBe(0);
  });

  it('the same under ThreadSanitizer', () => {
    const exe = compileC({ pkg, sources: ['test/c/threads.c'], sanitize: 'thread', extra: archSources });
    const r = runProgram(exe);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/failures 0 objects/);
  });
});
