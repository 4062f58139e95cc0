import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compileC, runProgram } from '../../../test-support/native.js';
import { libraryPath } from '../src/index.js';
import { archSources, gdbBatch } from './gdb.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));

// Oracles: the C compiler's own calls (direct call vs entry point), gdb -batch, libgcc's backtrace().
describe('entry points (System V x86-64)', () => {
  it('forward every argument and return kind unchanged', () => {
    const exe = compileC({ pkg, sources: ['test/c/abi.c'], link: libraryPath });
    const r = runProgram(exe);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
  });

  // gdb reads each parameter where the classification says it is (registers stored in the frame,
  // or the caller's stack): wrong classes or offsets would show wrong values.
  it('place every parameter where gdb finds it (info args at each entry point)', () => {
    const exe = compileC({ pkg, sources: ['test/c/abi.c'], link: libraryPath });
    const names = ['e_ii', 'e_l8', 'e_d10', 'e_mixed', 'e_structs', 'e_big', 'e_void', 'e_exhaust', 'e_small',
      'e_floats', 'e_nest', 'e_fff'];
    const script = ['set breakpoint pending on', ...names.map((n) => `break ${n}`), 'run',
      ...names.flatMap(() => ['info args', 'continue'])];
    const out = gdbBatch(exe, script);
    const expected = [
      'a0 = 7\na1 = -3',
      'a0 = 1\na1 = 2\na2 = 3\na3 = 4\na4 = 5\na5 = 6\na6 = 7\na7 = 1099511627776',
      'a0 = 1.5\na1 = 2\na2 = 3\na3 = 4\na4 = 5\na5 = 6\na6 = 7\na7 = 8\na8 = 9.25\na9 = 10.5',
      'a0 = 1.5\na1 = 2\na2 = 3.25\na3 = 4.5\na4 = 5',
      'a0 = {f0 = 3, f1 = 1.5}\na1 = {f0 = 2.5, f1 = 7.75}\na2 = 9',
      'a0 = {f0 = 1, f1 = 2, f2 = 3}\na1 = 4',
      'a0 = 0x[0-9a-f]+',
      'a0 = 1\na1 = 2\na2 = 3\na3 = 4\na4 = 5\na5 = 6\na6 = {f0 = 0.5, f1 = 9}',
      "a0 = -5 '\\\\373'\na1 = 200 '\\\\310'\na2 = -30000\na3 = 60000",
      'a0 = 1\na1 = 2\na2 = 3\na3 = 4\na4 = 5\na5 = 6\na6 = 7\na7 = 8\na8 = {f0 = 0.25, f1 = 0.5}',
      "a0 = {f0 = 97 'a', f1 = -7, f2 = 11, f3 = 2.5}\na1 = 123456789012",
      'a0 = {f0 = 1.5, f1 = 2.25, f2 = 3.125}\na1 = 7',
    ];
    names.forEach((n, i) => {
      expect(out).toMatch(new RegExp(`Breakpoint ${i + 1}, ${n} \\([^\n]*\\) at abi\\.py:${i + 1}\n(?:\\d+\t[^\n]*\n)?${expected[i]}\n`));
    });
    expect(out).toMatch(/exited normally/);
  });

  it('forward correctly under AddressSanitizer and UndefinedBehaviorSanitizer', () => {
    const exe = compileC({ pkg, sources: ['test/c/abi.c'], sanitize: true, extra: archSources });
    const r = runProgram(exe);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
  });
});

describe('gdb sees generated code (GDB JIT interface, DWARF, .eh_frame)', () => {
  const exe = () => compileC({ pkg, sources: ['test/c/gdbjit.c'], link: libraryPath, extra: ['-rdynamic'] });

  it('the process unwinder passes through the entry point (backtrace() reaches main)', () => {
    const r = runProgram(exe());
    expect(r.stdout).toContain('result 14 backtrace through');
    expect(r.status).toBe(0);
  });

  it('the same under AddressSanitizer and UndefinedBehaviorSanitizer', () => {
    const e = compileC({ pkg, sources: ['test/c/gdbjit.c'], sanitize: true, extra: [...archSources, '-rdynamic'] });
    const r = runProgram(e);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('result 14 backtrace through');
  });

  // Also a regression test: gdb's breakpoint in py_scale makes its code page a private copy, and
  // py_sum, generated later in the same page, must still run (dlext_code_sync).
  it('a pending breakpoint on the generated name resolves when it is bound; info args', () => {
    const out = gdbBatch(exe(), ['set breakpoint pending on', 'break py_scale', 'run', 'info args', 'bt', 'continue']);
    expect(out).toMatch(/Breakpoint 1 \(py_scale\) pending/);
    expect(out).toMatch(/Breakpoint 1, py_scale \(n=3, factor=2\.5, label=0x[0-9a-f]+, p=\.\.\.\) at demo\.py:10/);
    expect(out).toMatch(/^n = 3$/m);
    expect(out).toMatch(/^factor = 2\.5$/m);
    expect(out).toMatch(/^p = \{f0 = 4, f1 = 0\.5\}$/m);
    expect(out).toMatch(/#1 +0x[0-9a-f]+ in main \(/);
    expect(out).toMatch(/exited normally/);
  });

  it('a breakpoint in the C target shows the generated frame by name with file:line and unwinds to main', () => {
    const out = gdbBatch(exe(), ['break scale_target', 'run', 'bt', 'frame 1', 'info args', 'info symbol $pc', 'continue']);
    expect(out).toMatch(/#0 +scale_target \(n=3, factor=2\.5/);
    expect(out).toMatch(/#1 +0x[0-9a-f]+ in py_scale \(n=3, factor=2\.5, label=0x[0-9a-f]+, p=\.\.\.\) at demo\.py:10/);
    expect(out).toMatch(/#2 +0x[0-9a-f]+ in main \(argc=1/);
    expect(out).toMatch(/^p = \{f0 = 4, f1 = 0\.5\}$/m);
    expect(out).toMatch(/py_scale \+ \d+ in section \.text/);
  });

  it('info args also works when the arguments are stored with pushes (integer-only signature)', () => {
    const out = gdbBatch(exe(), ['break sum_target', 'run', 'bt 2', 'frame 1', 'info args', 'continue']);
    expect(out).toMatch(/#1 +0x[0-9a-f]+ in py_sum \(x=40, y=2, z=-5\) at demo\.py:20/);
    expect(out).toMatch(/^x = 40\ny = 2\nz = -5$/m);
    expect(out).toMatch(/sum 37/);
  });

  it('a plain dlbind gives gdb the symbol: a pending breakpoint on it resolves', () => {
    const out = gdbBatch(exe(), ['set breakpoint pending on', 'break plain_seven', 'run', 'bt', 'info symbol $pc', 'continue']);
    expect(out).toMatch(/Breakpoint 1, 0x[0-9a-f]+ in plain_seven \(\)/);
    expect(out).toMatch(/#0 +0x[0-9a-f]+ in plain_seven \(\)[^\n]*\n#1 +0x[0-9a-f]+ in main \(/);
    expect(out).toMatch(/plain_seven in section \.text/);
    expect(out).toMatch(/seven 7/);
  });

  it('dlunbind withdraws the function from gdb', () => {
    const script = ['break dldestroy', 'run', 'info functions ^py_scale$', 'continue'];
    const unbound = gdbBatch(exe(), script, ['unbind']);
    expect(unbound).toMatch(/unbound/);
    expect(unbound).toMatch(/matching regular expression "\^py_scale\$":\n\[Inferior 1/);
    const bound = gdbBatch(exe(), script);
    expect(bound).toMatch(/File demo\.py:\n10:\tdouble py_scale\(int, double, void \*, struct \{\.\.\.\}\);/);
    expect(bound).toMatch(/exited normally/);
  });
});
