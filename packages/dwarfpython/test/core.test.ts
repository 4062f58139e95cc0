import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileC, runProgram } from '../../../test-support/native.js';
import { libraryPath } from '../src/native.js';
import { version } from '../src/version.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const expected = JSON.parse(readFileSync(pkg + 'package.json', 'utf8')).version;

describe('libdwarfpython core', () => {
  it('loads through koffi and reports the package version', () => {
    expect(libraryPath).toMatch(/libdwarfpython\.so$/);
    expect(version()).toBe(expected);
  });

  it('links a C client through its header', () => {
    const exe = compileC({ pkg, sources: ['test/c/client.c'], link: libraryPath });
    const r = runProgram(exe);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(expected);
  });

  it('runs the C client under AddressSanitizer and UndefinedBehaviorSanitizer', () => {
    const exe = compileC({ pkg, sources: ['test/c/client.c'], sanitize: true });
    const r = runProgram(exe);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('dwarfpython_probe (C): readable ranges pass, unmapped ones are refused without a fault', () => {
  it('linked against the core', () => {
    const r = runProgram(compileC({ pkg, sources: ['test/c/probe.c'], link: libraryPath }));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok\n');
  });
  it('under AddressSanitizer and UndefinedBehaviorSanitizer', () => {
    const r = runProgram(compileC({ pkg, sources: ['test/c/probe.c'], sanitize: true }));
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ok\n');
  });
});
