import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { findLibrary } from '../src/find.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoLibrary, pkg, runScript } from './helpers.js';

// Oracles: python3 + ctypes calling the same C functions (same library, same arguments); ldconfig.

describe('finding libraries', () => {
  it('finds libc, libm and libz the way the dynamic linker does (ldconfig cache)', () => {
    expect(findLibrary('libc')).toMatch(/\/libc\.so\.6$/);
    expect(findLibrary('libm')).toMatch(/\/libm\.so\.6$/);
    expect(findLibrary('z')).toMatch(/\/libz\.so(\.1)?/);
    expect(findLibrary('libno_such_library_here')).toBeUndefined();
  });
});

describe('import libc: functions typed by libc6-dbg DWARF, same results as ctypes', () => {
  const dp = `import libc
print(libc.strlen("hello, world"))
print(libc.abs(-17), libc.atoi("  123x"), libc.strtol("ff", None, 16), libc.strtol("-0777", None, 8))
print(libc.getenv("DP_TEST_VAR"), libc.getenv("DP_TEST_UNSET_VAR"))
print(libc.toupper(ord("q")), libc.isdigit(ord("7")) != 0)
t = libc.time_t(86400 * 365)
tm = libc.gmtime(t)
print(tm.tm_year, tm.tm_yday, tm.tm_wday)
buf = bytearray(64)
n = libc.strftime(buf, 64, "%Y-%m-%d %H:%M", tm)
print(n, buf[:n].decode())
libc.printf(b"%d|%s|%.3f|%ld|%c\\n", 42, "str", 2.5, 1 << 40, 65)
print("after")
`;
  const py = `import ctypes, ctypes.util
libc = ctypes.CDLL("libc.so.6")
libc.getenv.restype = ctypes.c_char_p
libc.strtol.restype = ctypes.c_long
class tm(ctypes.Structure):
    _fields_ = [(n, ctypes.c_int) for n in "tm_sec tm_min tm_hour tm_mday tm_mon tm_year tm_wday tm_yday tm_isdst".split()] + [("tm_gmtoff", ctypes.c_long), ("tm_zone", ctypes.c_char_p)]
libc.gmtime.restype = ctypes.POINTER(tm)
print(libc.strlen(b"hello, world"))
print(libc.abs(-17), libc.atoi(b"  123x"), libc.strtol(b"ff", None, 16), libc.strtol(b"-0777", None, 8))
g = libc.getenv(b"DP_TEST_VAR"); u = libc.getenv(b"DP_TEST_UNSET_VAR")
print(g.decode() if g else None, u)
print(libc.toupper(ord("q")), libc.isdigit(ord("7")) != 0)
t = ctypes.c_long(86400 * 365)
p = libc.gmtime(ctypes.byref(t)).contents
print(p.tm_year, p.tm_yday, p.tm_wday)
buf = ctypes.create_string_buffer(64)
n = libc.strftime(buf, 64, b"%Y-%m-%d %H:%M", ctypes.byref(p))
print(n, buf.value.decode())
import sys; sys.stdout.flush()
libc.printf(b"%d|%s|%.3f|%ld|%c\\n", 42, b"str", ctypes.c_double(2.5), ctypes.c_long(1 << 40), 65)
libc.fflush(None)
print("after")
`;
  it('prints what python3 + ctypes prints', () => {
    const env = { DP_TEST_VAR: 'value-1' };
    const ours = runScript('dwarfpython', dp, env);
    const theirs = runScript('python3', py, env);
    expect(theirs.status).toBe(0);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.status).toBe(0);
  });
});

describe('a -g3 library loaded by path: functions, enumerators, macros, variables', () => {
  const lib = () => demoLibrary();
  it('calls and constants agree with ctypes on the same library', () => {
    const ours = runScript('dwarfpython', `import dwarfpython
demo = dwarfpython.load(${JSON.stringify(lib())})
print(demo.add(2, 3), demo.add8(100, 27), demo.twice64(2**62), demo.scale(1.5, 2.0))
print(demo.next_color(demo.RED), demo.GREEN, demo.BLUE)
print(demo.DEMO_ANSWER, demo.DEMO_MASK, demo.DEMO_NAME, demo.DEMO_ALIAS)
print(demo.demo_counter, demo.demo_greeting)
demo.demo_counter = 99
print(demo.demo_counter)
print(demo.count_char("banana", ord("a")), demo.count_char("banana", b"n"), demo.count_char("banana", "b"))
`);
    const theirs = runScript('python3', `import ctypes
demo = ctypes.CDLL(${JSON.stringify(lib())})
demo.add8.restype = ctypes.c_int8; demo.add8.argtypes = [ctypes.c_int8, ctypes.c_int8]
demo.twice64.restype = ctypes.c_uint64; demo.twice64.argtypes = [ctypes.c_uint64]
demo.scale.restype = ctypes.c_double; demo.scale.argtypes = [ctypes.c_double, ctypes.c_float]
print(demo.add(2, 3), demo.add8(100, 27), demo.twice64(2**62), demo.scale(1.5, 2.0))
print(demo.next_color(0), 5, 6)
print(42, 127, "demo", 42)
c = ctypes.c_int.in_dll(demo, "demo_counter"); g = ctypes.c_char_p.in_dll(demo, "demo_greeting")
print(c.value, g.value.decode())
c.value = 99
print(c.value)
demo.count_char.argtypes = [ctypes.c_char_p, ctypes.c_char]
print(demo.count_char(b"banana", ord("a")), demo.count_char(b"banana", b"n"), demo.count_char(b"banana", b"b"))
`);
    expect(theirs.status).toBe(0);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
  });

  it('raises TypeError for wrong counts and types, OverflowError out of the C range', () => {
    const r = runScript('dwarfpython', `import dwarfpython
demo = dwarfpython.load(${JSON.stringify(lib())})
def attempt(f, *a):
    try:
        f(*a)
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
attempt(demo.add, 1)
attempt(demo.add, 1, 2, 3)
attempt(demo.add, "1", 2)
attempt(demo.add, 1.5, 2)
attempt(demo.add, 2**31, 0)
attempt(demo.add, -2**31 - 1, 0)
print(demo.add(2**31 - 1, 0), demo.add(-2**31, 0))
attempt(demo.add8, 128, 0)
attempt(demo.twice64, -1)
attempt(demo.point_sum, 5)
attempt(demo.count_char, 5, 1)
attempt(demo.count_char, "x", "ab")
print(demo.point_sum(None))
try:
    demo.no_such_function
except AttributeError as e:
    print("AttributeError")
`);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toEqual([
      'TypeError: add() takes exactly 2 arguments (1 given)',
      'TypeError: add() takes exactly 2 arguments (3 given)',
      'TypeError: add() argument 1 must be int, not str',
      'TypeError: add() argument 1 must be int, not float',
      "OverflowError: add() argument 1: int 2147483648 out of range for C type 'int'",
      "OverflowError: add() argument 1: int -2147483649 out of range for C type 'int'",
      '2147483647 -2147483648',
      "OverflowError: add8() argument 1: int 128 out of range for C type 'int8_t'",
      "OverflowError: twice64() argument 1: int -1 out of range for C type 'uint64_t'",
      "TypeError: point_sum() argument 1 must be a list, a C pointer or None (for 'const struct point *'), not int",
      "TypeError: count_char() argument 1 must be str, bytes, a C pointer or None (for 'const char *'), not int",
      'TypeError: count_char() argument 2 must be int or a single character, not str',
      '-1',
      'AttributeError',
      '',
    ]);
  });
});

describe('listing and errno', () => {
  it('dir(lib) lists exactly the exported functions and variables (nm -D) and the source\'s #defines', () => {
    const lib = demoLibrary();
    const nm = spawnSync('nm', ['-D', '--defined-only', lib], { encoding: 'utf8' }).stdout;
    const exported = nm.split('\n').map((l) => l.trim().split(/\s+/)).filter((f) => /^[TDBR]$/.test(f[1] ?? '') && !/^_/.test(f[2]!)).map((f) => f[2]!).sort();
    const r = runScript('dwarfpython', `import dwarfpython
demo = dwarfpython.load(${JSON.stringify(lib)})
print(" ".join(sorted(n for n in dir(demo) if not n.startswith("_"))))
`);
    expect(r.stderr).toBe('');
    const defines = [...readFileSync(join(pkg, 'test/fixtures/demo.c'), 'utf8').matchAll(/^#define (DEMO_\w+) /gm)].map((m) => m[1]!);
    expect(r.stdout.trim().split(' ')).toEqual([...exported, ...defines].sort());
  });

  it('errno after a call agrees with ctypes (use_errno)', () => {
    const ours = runScript('dwarfpython', `import libc, dwarfpython
libc.strtol("99999999999999999999999", None, 10)
print(dwarfpython.errno())
`);
    const theirs = runScript('python3', `import ctypes
libc = ctypes.CDLL("libc.so.6", use_errno=True)
libc.strtol(b"99999999999999999999999", None, 10)
print(ctypes.get_errno())
`);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
  });
});

describe('functions whose DWARF has no prototype', () => {
  it('libc memcpy (assembly; DWARF says `memcpy(void)`) is typed from string.h compiled with gcc -g', () => {
    const ours = runScript('dwarfpython', `import libc
src = libc.char.array(b"invisible machines")
dst = libc.char.array(32)
r = libc.memcpy(dst, src, 19)
print(bytes(dst)[:18], r is not None)
try:
    libc.memcpy(dst, src)
except TypeError as e:
    print(e)
`);
    const theirs = runScript('python3', `import ctypes
libc = ctypes.CDLL("libc.so.6")
src = ctypes.create_string_buffer(b"invisible machines")
dst = ctypes.create_string_buffer(32)
r = libc.memcpy(dst, src, 19)
print(dst.raw[:18], r is not None)
`);
    expect(ours.stderr).toBe('');
    const lines = ours.stdout.split('\n');
    expect(lines[0] + '\n').toBe(theirs.stdout);
    expect(lines[1]).toBe('memcpy() takes exactly 3 arguments (2 given)');
  });
});

describe('C stdio next to Python output, and load errors', () => {
  it('print and C writes to stdout come out in program order through a pipe (as in python3 + ctypes)', () => {
    const ours = runScript('dwarfpython', `import libc
print("py 1")
libc.fputs("c 2\\n", libc.stdout)
print("py 3", end="")
libc.printf(b" c %d", 4)
print(" py 5")
print(libc.stdout._fileno)
`);
    const theirs = runScript('python3', `import ctypes, sys
libc = ctypes.CDLL("libc.so.6")
stdout = ctypes.c_void_p.in_dll(libc, "stdout")
print("py 1"); sys.stdout.flush()
libc.fputs(b"c 2\\n", stdout); libc.fflush(stdout)
print("py 3", end=""); sys.stdout.flush()
libc.printf(b" c %d", 4); libc.fflush(stdout)
print(" py 5")
print(libc.fileno(stdout))
`);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(theirs.stdout);
  });

  it('a missing file or a non-ELF file is an OSError naming the path', () => {
    const r = runScript('dwarfpython', `import dwarfpython
for p in ["/nonexistent/libx.so", "/etc/hostname"]:
    try:
        dwarfpython.load(p)
    except OSError as e:
        print(type(e).__name__, str(e).startswith("cannot load " + p + ":"))
`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('OSError True\nOSError True\n');
  });
});
