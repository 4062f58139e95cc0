import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, demoLibrary, runScript } from './helpers.js';

// Oracles: dladdr called from C (the fixture's fn_name), libc's qsort, python3's sorted(), gdb -batch.

describe('Python functions handed to C', () => {
  it('become named entry points: C calls them, dladdr names them after the Python function', () => {
    const r = runScript('dwarfpython', `import dwarfpython
demo = dwarfpython.load(${JSON.stringify(demoLibrary())})
def combine(a, b):
    return a * 10 + b
print(demo.apply(combine, 4, 2), demo.fn_name(combine))
print(demo.apply(lambda a, b: a - b, 4, 2), demo.fn_name(lambda a, b: 0))  # a second lambda: a distinct name
def half(v):
    return v / 2
print(demo.apply_d(half, 3.0))
def fails(a, b):
    raise ValueError("raised in a callback")
try:
    demo.apply(fails, 1, 2)
except ValueError as e:
    print("ValueError:", e)
def wrong(a, b):
    return "text"
try:
    demo.apply(wrong, 1, 2)
except TypeError as e:
    print("TypeError:", e)
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('42 combine\n2 lambda.2\n1.5\nValueError: raised in a callback\nTypeError: callback result must be int, not str\n');
  });

  it('a bound method is a callback too, one entry point per (object, method)', () => {
    const r = runScript('dwarfpython', `import dwarfpython
demo = dwarfpython.load(${JSON.stringify(demoLibrary())})
class Scaler:
    def __init__(self, k):
        self.k = k
    def combine(self, a, b):
        return self.k * a + b
two, three = Scaler(2), Scaler(3)
print(demo.apply(two.combine, 5, 1), demo.apply(three.combine, 5, 1), demo.apply(two.combine, 6, 1))
print(demo.fn_name(two.combine), demo.fn_name(three.combine), demo.fn_name(two.combine))
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('11 16 13\ncombine combine.2 combine\n');
  });

  it('function pointers in C data: call the C function, store a Python function that C then calls', () => {
    const r = runScript('dwarfpython', `import dwarfpython
demo = dwarfpython.load(${JSON.stringify(demoLibrary())})
ops = demo.ops_get()
print(ops.name, ops.apply(21), demo.ops_run(4))
def triple(v):
    return 3 * v
ops.apply = triple
print(ops.apply(5), demo.ops_run(7), repr(ops.apply).startswith("<unary_fn 0x"))
try:
    ops.apply("x")
except TypeError as e:
    print("TypeError")
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('doubling 42 8\n15 21 True\nTypeError\n');
  });

  it('libc qsort sorts with a Python comparator as python3 sorts', () => {
    const values = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 1009) - 500);
    const r = runScript('dwarfpython', `import libc
def by_value(a, b):
    return a[0] - b[0]
v = libc.int.array(${JSON.stringify(values)})
libc.qsort(v, len(v), libc.int.size, by_value)
print(list(v))
`);
    const py = runScript('python3', `print(sorted(${JSON.stringify(values)}))`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(py.stdout);
  });

  it('a Python object passed as void * user data (qsort_r) comes back to the callback as itself', () => {
    const values = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 211) - 100);
    const r = runScript('dwarfpython', `import libc
seen = []
def by_value(a, b, state):
    state["calls"] += 1
    seen.append(state)
    return a[0] - b[0]
state = {"calls": 0}
v = libc.int.array(${JSON.stringify(values)})
libc.qsort_r(v, len(v), libc.int.size, by_value, state)
print(list(v))
print(state["calls"] == len(seen) > 0, all(s is state for s in seen))
`);
    const py = runScript('python3', `print(sorted(${JSON.stringify(values)}))\nprint(True, True)`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(py.stdout);
  });

  it('gdb: pending break on the Python name, bt shows it at its .py line under qsort', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dwarfpython-gdb-'));
    const script = join(dir, 'sorter.py');
    writeFileSync(script, `import libc


def py_compare(a, b):
    return a[0] - b[0]


v = libc.int.array([3, 1, 2])
libc.qsort(v, 3, 4, py_compare)
print(list(v))
`);
    const gdb = join(dir, 'script.gdb');
    writeFileSync(gdb, ['set breakpoint pending on', 'set pagination off', 'handle SIGUSR1 SIGPIPE nostop noprint',
      'break py_compare', 'run', 'bt 8', 'info symbol $pc', 'kill', ''].join('\n'));
    const r = spawnSync('timeout', ['-s', 'KILL', '120', 'gdb', '-batch', '-nx', '-x', gdb, '--args', process.execPath, cli, script],
      { encoding: 'utf8', timeout: 150_000 });
    rmSync(dir, { recursive: true, force: true });
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/Breakpoint 1, py_compare \(a=0x[0-9a-f]+, b=0x[0-9a-f]+\) at sorter\.py:4/);
    expect(out).toMatch(/#0 +py_compare \(a=0x[0-9a-f]+, b=0x[0-9a-f]+\) at sorter\.py:4/);
    expect(out).toMatch(/qsort[^\n]*cmp=0x[0-9a-f]+ <py_compare>/);
    expect(out).toMatch(/^py_compare \+ \d+ in section \.text/m);
  });
});

describe('perf sees entry points', () => {
  it('node --perf-basic-prof: the perf map names the entry point and the compiled body', () => {
    // V8 also writes isolate-*.log files into the working directory: give it a scratch one.
    const cwd = mkdtempSync(join(tmpdir(), 'dwarfpython-perf-'));
    const r = spawnSync(process.execPath, ['--perf-basic-prof', cli, '-c', `import libc, os
def py_compare(a, b):
    return a[0] - b[0]
v = libc.int.array([3, 1, 2])
libc.qsort(v, 3, 4, py_compare)
print(os.getpid())
`], { encoding: 'utf8', cwd });
    rmSync(cwd, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    const map = `/tmp/perf-${r.stdout.trim()}.map`;
    try {
      const text = readFileSync(map, 'utf8');
      expect(text).toMatch(/^[0-9a-f]+ [0-9a-f]+ py_compare$/m);
      expect(text).toMatch(/^[0-9a-f]+ [0-9a-f]+ JS:\S*py_compare/m);
    } finally {
      rmSync(map, { force: true });
    }
  });
});

describe('Python functions exported by name (the talk\'s fac)', () => {
  const fac = () => `import dwarfpython
demo = dwarfpython.load(${JSON.stringify(demoLibrary())})


@dwarfpython.cfunc(demo.long, demo.long)
def fac(n):
    if n == 0:
        return 1
    return n * demo.call_by_name("fac", n - 1)


print(demo.call_by_name("fac", 10), demo.call_by_name("no_such_function_here", 1))
`;
  it('C finds the Python function with plain dlsym and recurses through it', () => {
    const r = runScript('dwarfpython', fac());
    const py = runScript('python3', 'import math\nprint(math.factorial(10), -1)');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(py.stdout);
  });

  it('gdb: break on fac, bt shows Python and C frames interleaved with source lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dwarfpython-gdb-'));
    const script = join(dir, 'fac.py');
    writeFileSync(script, fac());
    const gdb = join(dir, 'script.gdb');
    writeFileSync(gdb, ['set breakpoint pending on', 'set pagination off', 'handle SIGUSR1 SIGPIPE nostop noprint',
      'break fac if n == 7', 'run', 'bt 4', 'kill', ''].join('\n'));
    const r = spawnSync('timeout', ['-s', 'KILL', '120', 'gdb', '-batch', '-nx', '-x', gdb, '--args', process.execPath, cli, script],
      { encoding: 'utf8', timeout: 150_000 });
    rmSync(dir, { recursive: true, force: true });
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/#0 +fac \(n=7\) at fac\.py:6\n#1 +0x[0-9a-f]+ in call_by_name \(name=[^\n]*, x=7\) at [^\n]*demo\.c:\d+\n/);
  });
});
