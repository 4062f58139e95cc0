import { describe, expect, it } from 'vitest';
import koffi from 'koffi';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DebugInfo, DlextError, DW, DynamicLibrary, ErrorCode } from '../src/index.js';
import { gdbBatch } from './gdb.js';

// Oracles: glibc's dlsym and dladdr (called through koffi), /proc/self/maps, libc's qsort, gdb.
const libc = koffi.load('libc.so.6');
const Dl_info = koffi.struct('Dl_info', { dli_fname: 'const char *', dli_fbase: 'void *', dli_sname: 'const char *',
  dli_saddr: 'void *' });
const dlsym = libc.func('void *dlsym(void *handle, const char *name)');
const dladdr = libc.func('int dladdr(void *addr, _Out_ Dl_info *info)');
const IntFn = koffi.proto('int int_fn(void)');

// Node's own V8 code space is rwx anonymous memory, so in node the scan covers our files only
// (the C tests scan the whole process).
function mappingsOf(path: string): string[] {
  return readFileSync('/proc/self/maps', 'utf8').split('\n').filter((l) => l.endsWith(path)).map((l) => l.split(' ')[1]!);
}

describe('DynamicLibrary', () => {
  it('allocates, writes, binds: dlsym, dladdr and a call see the function at once', () => {
    const lib = DynamicLibrary.create('tsbasic');
    try {
      const code = lib.alloc(16);
      lib.write(code, Uint8Array.of(0xb8, 42, 0, 0, 0, 0xc3)); // mov eax, 42; ret
      const perms = mappingsOf(lib.paths[0]!);
      expect(perms).toContain('r-xp');
      expect(perms.filter((p) => p[1] === 'w' && p[2] === 'x')).toEqual([]);
      lib.bind('ts_answer', code, 6);
      expect(lib.lookup('ts_answer')).toBe(code);
      expect(dlsym(lib.handle, 'ts_answer')).toBe(code);
      expect(dlsym(null, 'ts_answer')).toBe(code); // RTLD_DEFAULT
      const info: Record<string, unknown> = {};
      expect(dladdr(code + 2n, info)).not.toBe(0);
      expect(info.dli_sname).toBe('ts_answer');
      expect(info.dli_fname).toBe(lib.paths[0]);
      expect(koffi.call(code, IntFn)).toBe(42);
      // The file on disk is a valid shared object with the live symbol (readelf as the oracle).
      const syms = spawnSync('readelf', ['--dyn-syms', '-W', lib.paths[0]!], { encoding: 'utf8' });
      expect(syms.stderr).toBe('');
      expect(syms.stdout).toMatch(/ 6 FUNC +GLOBAL DEFAULT +4 ts_answer$/m);
      const segs = spawnSync('readelf', ['-l', '-W', lib.paths[0]!], { encoding: 'utf8' }).stdout;
      const flags = [...segs.matchAll(/^ +LOAD +\S+ +\S+ +\S+ +\S+ +\S+ +(.+?) +0x1000$/gm)].map((m) => m[1]);
      expect(flags).toEqual(['R', 'R E', 'RW']); // headers and symbols; code; .dynamic and data
      expect(segs).toMatch(/GNU_STACK .* RW +0x10$/m);
      lib.unbind('ts_answer');
      expect(dlsym(lib.handle, 'ts_answer')).toBeNull();
      expect(lib.lookup('ts_answer')).toBeUndefined();
      lib.free(code);
    } finally {
      lib.destroy();
    }
  });

  it('throws typed errors with the C core messages', () => {
    const lib = DynamicLibrary.create('tserrors');
    const code = lib.alloc(16);
    lib.bind('dup', code, 4);
    const err = (() => { try { lib.bind('dup', code, 4); } catch (e) { return e; } })() as DlextError;
    expect(err).toBeInstanceOf(DlextError);
    expect(err.code).toBe(ErrorCode.EXISTS);
    expect(err.codeName).toBe('EXISTS');
    expect(err.message).toMatch(/'dup'.*already bound/);
    expect(() => lib.bind('', code, 4)).toThrow(/empty symbol name/);
    expect(() => lib.free(code)).toThrow(expect.objectContaining({ codeName: 'BUSY' }));
    expect(() => lib.alloc(0)).toThrow(expect.objectContaining({ codeName: 'INVAL' }));
    expect(() => lib.entryPoint('i(x)', 1n, { name: 'bad' })).toThrow(expect.objectContaining({ codeName: 'UNSUPPORTED' }));
    expect(() => DynamicLibrary.create('no/slash')).toThrow(expect.objectContaining({ codeName: 'INVAL' }));
    lib.destroy();
    expect(() => lib.alloc(16)).toThrow(expect.objectContaining({ codeName: 'HANDLE' }));
  });

  it('gives a koffi callback a named native entry point that C (qsort) calls', () => {
    const lib = DynamicLibrary.create('tsqsort');
    const Cmp = koffi.proto('int py_cmp_t(const void *a, const void *b)');
    const calls = { n: 0 };
    const cb = koffi.register((a: bigint, b: bigint) => {
      calls.n++;
      return koffi.decode(a, 'int') - koffi.decode(b, 'int');
    }, koffi.pointer(Cmp));
    try {
      const entry = lib.entryPoint('i(pp)', cb, { name: 'py_cmp', file: 'sort.py', line: 2, language: 'python',
        params: ['a', 'b'] });
      expect(dlsym(null, 'py_cmp')).toBe(entry);
      const qsort = libc.func('void qsort(_Inout_ int *base, size_t n, size_t size, void *cmp)');
      const values = [5, -1, 9, 3, 3, 0, 12, -7];
      qsort(values, values.length, 4, entry);
      expect(values).toEqual([-7, -1, 0, 3, 3, 5, 9, 12]);
      expect(calls.n).toBeGreaterThan(0);
      const info: Record<string, unknown> = {};
      expect(dladdr(entry, info)).not.toBe(0);
      expect(info.dli_sname).toBe('py_cmp');
    } finally {
      lib.destroy();
      koffi.unregister(cb);
    }
  });

  it('binds a hand-written function with a client-built debug description', () => {
    const lib = DynamicLibrary.create('tsdebug');
    try {
      // push rbp; mov rbp,rsp; lea eax,[rdi+rdi]; leave; ret  -- int twice(int x)
      const bytes = Uint8Array.of(0x55, 0x48, 0x89, 0xe5, 0x8d, 0x04, 0x3f, 0xc9, 0xc3);
      const code = lib.alloc(bytes.length);
      lib.write(code, bytes);
      const d = DebugInfo.create({ file: 'twice.py', line: 1, language: DW.LANG_Python });
      const int = d.baseType('int', DW.ATE_signed, 4);
      d.returnType(int).param('x', int, { register: 5 }).line(0, 1).line(4, 2).frameRbp(1, 4, 8);
      lib.bind('twice', code, bytes.length, 'function', d);
      d.destroy();
      expect(koffi.call(code, koffi.proto('int twice_t(int x)'), 21)).toBe(42);
      expect(() => d.line(0, 0)).toThrow(); // freed descriptions are not reused by the test; rows must be > 0
    } finally {
      lib.destroy();
    }
  });
});

describe('gdb from node through the TS API', () => {
  const script = fileURLToPath(new URL('./fixtures/node-gdb.mjs', import.meta.url));

  it('pending break on the generated name resolves; a break in the C target unwinds through it', () => {
    const out = gdbBatch(process.execPath, ['set breakpoint pending on', 'handle SIGUSR1 SIGPIPE nostop noprint',
      'break py_atoi', 'run', 'info args', 'break atoi', 'continue', 'bt 3', 'continue'], [script]);
    expect(out).toMatch(/Breakpoint 1, py_atoi \(text=0x[0-9a-f]+ "1234"\) at demo\.py:7/);
    expect(out).toMatch(/^text = 0x[0-9a-f]+ "1234"$/m);
    expect(out).toMatch(/#0 +[^\n]*atoi[^\n]*\n#1 +0x[0-9a-f]+ in py_atoi \(text=0x[0-9a-f]+ "1234"\) at demo\.py:7/);
    expect(out).toMatch(/py_atoi -> 1234/);
  });
});
