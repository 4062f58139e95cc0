import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileC, runProgram } from '../../../test-support/native.js';
import { libraryPath } from '../src/index.js';
import { archSources } from './gdb.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));

function readelf(args: string[], file: string): string {
  const r = spawnSync('readelf', [...args, file], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout;
}

// Oracle: binutils' readelf, on the in-memory objects exactly as gdb receives them.
describe('the objects given to gdb (readelf)', () => {
  it('carry the symbol, DWARF (CU, subprogram, typed parameters with locations, line table) and .eh_frame', () => {
    const exe = compileC({ pkg, sources: ['test/c/jitimage.c'], link: libraryPath });
    const dir = mkdtempSync(join(tmpdir(), 'dlext-jit-'));
    try {
      const r = runProgram(exe, [join(dir, 'img-')]);
      expect(r.stdout).toContain('bad input failures 0');
      expect(r.status).toBe(0);
      const [plain, frameOnly, full] = r.stdout.split('\n').slice(0, 3);
      // dlbind: the symbol, and a minimal unit naming the function (gdb's frame names need it).
      expect(readelf(['-s'], plain!)).toMatch(/\s32 FUNC +GLOBAL DEFAULT +1 plain_sym/);
      expect(readelf(['-S'], plain!)).not.toMatch(/eh_frame/);
      expect(readelf(['--debug-dump=info'], plain!)).toMatch(
        /DW_TAG_subprogram\)\n.*DW_AT_name +: plain_sym\n.*DW_AT_external +: 1\n.*DW_AT_low_pc +: 0x[0-9a-f]+\n.*DW_AT_high_pc +: 0x20/);
      // An entry point without a source file: symbol and .eh_frame, no DWARF.
      expect(readelf(['-S'], frameOnly!)).toMatch(/\.eh_frame/);
      expect(readelf(['-S'], frameOnly!)).not.toMatch(/debug/);
      // An entry point with a source file: everything.
      const info = readelf(['--debug-dump=info'], full!);
      expect(info).toMatch(/DW_TAG_compile_unit[\s\S]*DW_AT_language +: 20\t\(Python\)[\s\S]*DW_AT_name +: .*demo\.py/);
      expect(info).toMatch(/DW_AT_comp_dir +: .*\/srv\/app/);
      expect(info).toMatch(/DW_TAG_subprogram[\s\S]*DW_AT_name +: .*py_many[\s\S]*DW_AT_decl_line +: 0xa/);
      expect(info).toMatch(/DW_AT_frame_base +: 1 byte block: 9c \s*\(DW_OP_call_frame_cfa\)/);
      const params = [...info.matchAll(/DW_AT_name +: \(indirect string, offset: 0x[0-9a-f]+\): (\w+)\n.*DW_AT_type.*\n.*DW_AT_location +: .*\((DW_OP_fbreg: -?\d+)\)/g)]
        .map((m) => `${m[1]} ${m[2]}`);
      // System V: n in rdi, factor in xmm0, data in rsi, a..d in rdx rcx r8 r9 (stored below rbp), e on the stack.
      expect(params).toEqual(['n DW_OP_fbreg: -24', 'factor DW_OP_fbreg: -32', 'data DW_OP_fbreg: -40',
        'a DW_OP_fbreg: -48', 'b DW_OP_fbreg: -56', 'c DW_OP_fbreg: -64', 'd DW_OP_fbreg: -72', 'e DW_OP_fbreg: 0']);
      const line = readelf(['--debug-dump=line'], full!);
      expect(line).toMatch(/1\t0\t0\t0\tdemo\.py/);
      expect(line).toMatch(/Advance Line by 9 to 10/);
      const frames = readelf(['--debug-dump=frames'], full!);
      expect(frames).toMatch(/DW_CFA_def_cfa_offset: 16\n\s+DW_CFA_offset: r6 \(rbp\) at cfa-16/);
      expect(frames).toMatch(/DW_CFA_def_cfa_register: r6 \(rbp\)/);
      expect(frames).toMatch(/ZERO terminator/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the builder rejects bad input, also under AddressSanitizer and UndefinedBehaviorSanitizer', () => {
    const exe = compileC({ pkg, sources: ['test/c/jitimage.c'], sanitize: true, extra: archSources });
    const dir = mkdtempSync(join(tmpdir(), 'dlext-jit-'));
    try {
      const r = runProgram(exe, [join(dir, 'img-')]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('bad input failures 0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Oracle: g++'s own exception handling (libgcc's unwinder with our registered .eh_frame).
describe('C++ exceptions', () => {
  it('pass through a generated entry point to a catch in main', () => {
    const exe = join(pkg, 'build', 'test', 'cxxthrow');
    const cmd = ['-g', '-O1', '-Wall', '-Werror', '-I', join(pkg, 'native/include'), join(pkg, 'test/c/cxxthrow.cc'),
      libraryPath, `-Wl,-rpath,${dirname(libraryPath)}`, '-o', exe];
    const c = spawnSync('g++', cmd, { encoding: 'utf8' });
    expect(c.stderr).toBe('');
    const r = runProgram(exe);
    expect(r.stdout.trim()).toBe('caught: from the target');
    expect(r.status).toBe(0);
  });
});
