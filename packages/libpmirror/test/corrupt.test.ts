// Corrupt, truncated and garbage input gives errors, never crashes (also under ASan + UBSan and TSan).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileC, runProgram } from '../../../test-support/native.js';
import { DebugInfo, Elf, ErrorCode, PmirrorError, libraryPath } from '../src/index.js';
import { gcc, pkg } from './oracle.js';

/** The byte ranges of a file's DWARF sections, as fuzz.c arguments. */
function debugRanges(file: string): string[] {
  const elf = Elf.open(file);
  const r = elf.sections.filter((s) => s.name.startsWith('.debug_') || s.name === '.symtab' || s.name === '.strtab').flatMap((s) => [String(s.offset), String(s.offset + s.size)]);
  elf.close();
  return r;
}

function expectError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PmirrorError);
    expect((e as PmirrorError).codeName).toBe(code);
    expect((e as PmirrorError).code).toBe(ErrorCode[code]);
    return;
  }
  throw new Error('expected an error');
}

let asanDriver: string | undefined;
/** The fuzz driver with the core compiled in under ASan + UBSan (built once per run). */
function asan(): string {
  asanDriver ??= compileC({ pkg, sources: ['test/c/fuzz.c'], sanitize: true });
  return asanDriver;
}

describe('corrupt input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pmirror-'));

  it('refuses non-ELF, empty, truncated and debug-less files with typed errors', () => {
    writeFileSync(join(dir, 'garbage'), 'this is not an ELF file at all, just text', { mode: 0o600 });
    writeFileSync(join(dir, 'empty'), '', { mode: 0o600 });
    expectError(() => DebugInfo.open(join(dir, 'garbage')), 'NOTELF');
    expectError(() => DebugInfo.open(join(dir, 'empty')), 'NOTELF');
    expectError(() => DebugInfo.open(join(dir, 'missing')), 'IO');
    const exe = gcc('shapes.c', 'corrupt-base', ['-g', '-O0']);
    const bytes = readFileSync(exe);
    writeFileSync(join(dir, 'header-only'), bytes.subarray(0, 40), { mode: 0o600 });
    expectError(() => DebugInfo.open(join(dir, 'header-only')), 'TRUNCATED');
    const stripped = gcc('shapes.c', 'corrupt-nodebug', ['-O0', '-s']);
    expectError(() => DebugInfo.open(stripped), 'NODEBUG');
  });

  it('reports a corrupt compressed section as a zlib error', () => {
    const exe = gcc('shapes.c', 'corrupt-gz', ['-g', '-gz', '-O0']);
    const elf = Elf.open(exe);
    const info = elf.sections.find((s) => s.name === '.debug_info')!;
    elf.close();
    const bytes = Buffer.from(readFileSync(exe));
    bytes.fill(0x5a, info.offset + 24, info.offset + Math.min(info.size, 64)); // past the Elf64_Chdr
    const bad = join(dir, 'bad-zlib');
    writeFileSync(bad, bytes, { mode: 0o600 });
    expectError(() => DebugInfo.open(bad), 'ZLIB');
  });

  for (const [label, flags] of [['dwarf5', ['-g', '-O0']], ['dwarf4-types', ['-gdwarf-4', '-fdebug-types-section', '-O0']], ['gz', ['-g', '-gz', '-O2']], ['g3', ['-g3', '-O0']], ['g3-macinfo', ['-g3', '-gdwarf-4', '-gstrict-dwarf']]] as const) {
    it(`survives 400 mutations of a ${label} object (linked build)`, () => {
      const exe = gcc('shapes.c', `fuzz-seed-${label}`, [...flags]);
      const driver = compileC({ pkg, sources: ['test/c/fuzz.c'], link: libraryPath });
      const r = runProgram(driver, [exe, '400', '12345', ...debugRanges(exe)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^\d+ opened \d+ refused/);
    });
  }

  it('survives mutations under AddressSanitizer + UndefinedBehaviorSanitizer', () => {
    const driver = asan();
    for (const [name, flags] of [['frames-O2', ['-g', '-O2']], ['frames-d4', ['-gdwarf-4', '-O2']]] as const) {
      const seed = gcc('frames.c', `fuzz-seed-${name}`, [...flags]);
      const r = runProgram(driver, [seed, '150', '5', ...debugRanges(seed)], {}, 120_000);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    const exe = gcc('shapes.c', 'fuzz-seed-asan', ['-gdwarf-4', '-fdebug-types-section', '-O0']);
    for (const seed of ['1', '99']) {
      const r = runProgram(driver, [exe, '150', seed, ...debugRanges(exe)], {}, 120_000);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    const whole = runProgram(driver, [exe, '100', '7'], {}, 120_000);
    expect(whole.stderr).toBe('');
    expect(whole.status).toBe(0);
  });

  it('parses everything in libc under ASan + UBSan (every name described, sampled addresses, locations)', () => {
    const driver = asan();
    const r = runProgram(driver, ['--once', '/lib/x86_64-linux-gnu/libc.so.6'], {}, 180_000);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('once ok');
  }, 200_000);

  it('answers from four threads at once on one object (ThreadSanitizer)', () => {
    const exe = gcc('shapes.c', 'threads-seed', ['-g', '-O0']);
    const driver = compileC({ pkg, sources: ['test/c/fuzz.c'], sanitize: 'thread' });
    const r = runProgram(driver, ['--threads', exe], {}, 120_000);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('threads ok');
  });

  it('cleans up', () => {
    rmSync(dir, { recursive: true, force: true });
  });
});
