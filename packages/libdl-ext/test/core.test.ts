import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileC, runProgram } from '../../../test-support/native.js';
import { libraryPath, version } from '../src/index.js';
import { archSources } from './gdb.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const expected = JSON.parse(readFileSync(pkg + 'package.json', 'utf8')).version;

describe('libdl-ext core', () => {
  it('loads through koffi and reports the package version', () => {
    expect(libraryPath).toMatch(/libdl-ext\.so$/);
    expect(version()).toBe(expected);
  });

  it('links a C client through its header', () => {
    const exe = compileC({ pkg, sources: ['test/c/client.c'], link: libraryPath });
    const r = runProgram(exe);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(expected);
  });

  it('runs the C client under AddressSanitizer and UndefinedBehaviorSanitizer', () => {
    const exe = compileC({ pkg, sources: ['test/c/client.c'], sanitize: true, extra: archSources });
    const r = runProgram(exe);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
