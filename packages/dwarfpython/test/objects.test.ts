import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { demoLibrary, runScript } from './helpers.js';

// Oracles: the C functions of the fixture library read back what Python wrote (and write what
// Python reads); python3 + ctypes reads the same struct returned by C; libc's gmtime.

const prelude = () => `import dwarfpython
demo = dwarfpython.load(${JSON.stringify(demoLibrary())})
def attempt(f, *a):
    try:
        r = f(*a)
        print("no error", r)
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
`;

describe('struct pointers returned by C', () => {
  it('read fields like ctypes reads the same struct', () => {
    const ours = runScript('dwarfpython', prelude() + `p = demo.point_new(3, -4)
print(p.x, p.y, p.weight, bytes(p.label)[:2], demo.point_sum(p))
demo.point_free(p)
`);
    const theirs = runScript('python3', `import ctypes
demo = ctypes.CDLL(${JSON.stringify(demoLibrary())})
class point(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("weight", ctypes.c_double), ("label", ctypes.c_char * 8), ("flags", ctypes.c_uint, 3), ("level", ctypes.c_int, 4)]
demo.point_new.restype = ctypes.POINTER(point)
p = demo.point_new(3, -4)
print(p.contents.x, p.contents.y, p.contents.weight, bytes(p.contents.label)[:2], demo.point_sum(p))
demo.point_free(p)
`);
    expect(theirs.status).toBe(0);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
  });

  it('writes fields (bit fields included) that C then reads; NULL is None; bad access raises', () => {
    const r = runScript('dwarfpython', prelude() + `p = demo.point_new(1, 2)
p.x = 40
p.flags = 5
p.level = -3
print(demo.point_sum(p), demo.point_flags(p), demo.point_level(p), p.flags, p.level)
attempt(setattr, p, "flags", 8)
attempt(setattr, p, "x", "no")
attempt(setattr, p, "nosuch", 1)
attempt(getattr, p, "nosuch")
print(p.label[0], p.label[1], len(p.label))
attempt(lambda: p.label[8])
attempt(lambda: p.label[-9])
print(p.label[-8])
print(demo.point_null())
print(repr(p).startswith("<struct point * 0x"), type(p).__name__)
demo.point_free(p)
import libc
tm = libc.gmtime(libc.time_t(0))
print(tm.tm_year, tm.tm_mday, tm.tm_zone)
attempt(lambda: dwarfpython.cast(16, libc.int.pointer)[0])
`);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      '42 5 -3 5 -3',
      "OverflowError: field 'flags': int 8 out of range for a 3-bit field",
      "TypeError: field 'x' must be int, not str",
      "AttributeError: 'struct point' has no field 'nosuch'",
      "AttributeError: 'struct point *' object has no attribute 'nosuch'",
      '112 116 8',
      "IndexError: index 8 out of range for 'char [8]'",
      "IndexError: index -9 out of range for 'char [8]'",
      '112',
      'None',
      'True struct point *',
      '70 1 GMT',
      'ValueError: int *[0]: address 0x10 is not readable',
      '',
    ]);
  });
});

describe('objects dwarfpython allocates (libmemtable typed allocation)', () => {
  it('are zeroed, typed, passed by address, and any interior pointer maps back to the type', () => {
    const r = runScript('dwarfpython', prelude() + `q = demo.struct_point()
print(q.x, q.y, q.weight, dwarfpython.sizeof(q), demo.struct_point.size, dwarfpython.typeof(q))
q.x = 5; q.y = 6
print(demo.point_sum(q))
a = demo.int.array([5, 1, 4])
print(len(a), list(a), demo.sum_ints(a, 3), repr(a).startswith("<int [3] at 0x"))
b = demo.int.array(4)
demo.fill_ints(b, 4)
print(list(b), b[-1])
b[0] = 2**31 - 1
attempt(b.__setitem__, 1, 2**31)
attempt(lambda: b[4])
print(dwarfpython.typeof(dwarfpython.addressof(b) + 8))
print(dwarfpython.typeof(dwarfpython.addressof(q) + 4))
v = dwarfpython.cast(dwarfpython.addressof(b), demo.struct_point.pointer)
print(type(v).__name__)
n = demo.int(7)
print(n.value)
n.value = 9
print(n.value, demo.sum_ints(n, 1))
attempt(demo.point_sum, a)
attempt(demo.sum_ints, q, 1)
print(demo.sum_ints([1, 2, 3, 4], 4))
attempt(demo.sum_ints, [1, "x"], 2)
`);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      '0 0 0.0 32 32 struct point',
      '11',
      '3 [5, 1, 4] 10 True',
      '[0, 1, 4, 9] 9',
      "OverflowError: element 1: int 2147483648 out of range for C type 'int'",
      "IndexError: index 4 out of range for 'int [4]'",
      'int (element 2 of int [4])',
      'struct point + 4',
      'struct point *',
      '7',
      '9 9',
      "TypeError: point_sum() argument 1 must be 'const struct point *', not 'int [3]'",
      "TypeError: sum_ints() argument 1 must be 'const int *', not 'struct point'",
      '10',
      'TypeError: element 1 must be int, not str',
      '',
    ]);
  });
});

describe('--memtable: C heap blocks indexed by libmemtable\'s malloc interposer', () => {
  const script = () => prelude() + `p = demo.point_new(1, 2)
print(dwarfpython.allocation(p)[1:])
print(p[0].x if False else p.x)
attempt(lambda: p[1])
a = demo.int.array(3)
print(dwarfpython.allocation(a)[1:])
print(dwarfpython.allocation(None if False else 16))
`;
  it('pointers from C get bounds from their malloc block (the C fixture calloc\'d 32 bytes)', () => {
    const r = runScript('dwarfpython', script(), {}, 'main.py', ['--memtable']);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      '(32, None)',
      '1',
      expect.stringMatching(/^IndexError: struct point \*\[1\]: outside the 32-byte allocation at 0x[0-9a-f]+ it points into$/),
      "(12, 'int [3]')",
      'None',
      '',
    ]);
  });
  it('without it, only dwarfpython\'s own allocations are known', () => {
    const r = runScript('dwarfpython', prelude() + `p = demo.point_new(1, 2)
print(dwarfpython.allocation(p), dwarfpython.allocation(demo.int.array(2))[1:])
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("None (8, 'int [2]')\n");
  });
});

describe('structs by value (koffi struct types built from the DWARF layout)', () => {
  it('pass and return like ctypes does on the same library; libc div() returns div_t', () => {
    const ours = runScript('dwarfpython', prelude() + `import libc
p = demo.pair_make(3, 0.5)
print(p.a, p.b, bytes(p.tag)[:2])
p.a = 10
print(demo.pair_total(p))
d = libc.div(17, 5)
print(d.quot, d.rem, libc.ldiv(-17, 5).quot, libc.ldiv(-17, 5).rem)
`);
    const theirs = runScript('python3', `import ctypes
demo = ctypes.CDLL(${JSON.stringify(demoLibrary())})
libc = ctypes.CDLL("libc.so.6")
class pair(ctypes.Structure):
    _fields_ = [("a", ctypes.c_int), ("b", ctypes.c_double), ("tag", ctypes.c_char * 4)]
class div_t(ctypes.Structure):
    _fields_ = [("quot", ctypes.c_int), ("rem", ctypes.c_int)]
class ldiv_t(ctypes.Structure):
    _fields_ = [("quot", ctypes.c_long), ("rem", ctypes.c_long)]
demo.pair_make.restype = pair
demo.pair_make.argtypes = [ctypes.c_int, ctypes.c_double]
demo.pair_total.restype = ctypes.c_double
demo.pair_total.argtypes = [pair]
libc.div.restype = div_t
libc.ldiv.restype = ldiv_t
libc.ldiv.argtypes = [ctypes.c_long, ctypes.c_long]
p = demo.pair_make(3, 0.5)
print(p.a, p.b, bytes(p.tag)[:2])
p.a = 10
print(demo.pair_total(p))
d = libc.div(17, 5)
print(d.quot, d.rem, libc.ldiv(-17, 5).quot, libc.ldiv(-17, 5).rem)
`);
    expect(theirs.status).toBe(0);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
  });

  it('a struct argument must be an object of that struct type', () => {
    const r = runScript('dwarfpython', prelude() + `attempt(demo.pair_total, 5)
attempt(demo.pair_total, demo.struct_point())
attempt(demo.pair_total, demo.pair_make(1, 2.0))
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      "TypeError: pair_total() argument 1 must be a 'struct pair' object, not int\n" +
        "TypeError: pair_total() argument 1 must be a 'struct pair' object, not 'struct point'\n" +
        'no error 115.0\n',
    );
  });
});

describe('lifetime of allocated objects', () => {
  it('memory lives while any object over it does (a field kept alone), and is freed after the last goes', () => {
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const code = `
      import { DwarfInterpreter } from ${JSON.stringify(dist)};
      const it = new DwarfInterpreter({ argv: ['gc.py'] });
      it.runMain(\`import dwarfpython
demo = dwarfpython.load(${JSON.stringify(demoLibrary())})
def make():
    q = demo.struct_point()
    q.label[0] = 65
    return q.label
lbl = make()
kept = dwarfpython.addressof(lbl)
gone = demo.struct_point()
gone_addr = dwarfpython.addressof(gone)
del gone
\`, 'gc.py');
      for (let i = 0; i < 3; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 20)); }
      it.compile('import sys\\nprint(lbl[0], dwarfpython.allocation(kept)[1:], dwarfpython.allocation(gone_addr))\\nsys.stdout.flush()\\n', 'gc.py', '__main__', 'exec')(it.main.$d);
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe("65 (32, 'struct point') None\n");
  });
});

describe('what is this pointer? (static storage, through libpmirror\'s process mirror)', () => {
  it('the struct tm gmtime returns lives in libc\'s _tmbuf, whose type gdb also reports', () => {
    const r = runScript('dwarfpython', `import libc, dwarfpython
tm = libc.gmtime(libc.time_t(0))
print(dwarfpython.typeof(dwarfpython.addressof(tm)))
print(dwarfpython.typeof(dwarfpython.addressof(tm) + 8))
`);
    expect(r.stderr).toBe('');
    const [first, second] = r.stdout.split('\n');
    const m = /^(.*) \(libc\.so\.6!(\w+)\)$/.exec(first!);
    expect(m).not.toBeNull();
    const gdb = spawnSync('timeout', ['-s', 'KILL', '60', 'gdb', '-batch', '-nx', '-ex', `whatis ${m![2]}`, '/lib/x86_64-linux-gnu/libc.so.6'],
      { encoding: 'utf8' });
    expect(gdb.stdout.trim().split('\n').pop()).toBe(`type = ${m![1]}`);
    expect(second).toBe(`${m![1]} + 8 (libc.so.6!${m![2]})`);
  });
});
