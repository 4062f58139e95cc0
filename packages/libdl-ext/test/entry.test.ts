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
