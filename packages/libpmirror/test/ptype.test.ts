// Our ptype text must equal gdb's, for every type shape, under every gcc debug-info flavour.
import { describe, expect, it } from 'vitest';
import { DebugInfo } from '../src/index.js';
import { gcc, gdbPtype, LIBC, pkg } from './oracle.js';

const NAMES = [
  'struct everything', 'struct bits', 'struct oldbits', 'union u', 'struct flex', 'struct point',
  'enum color', 'enum neg', 'enum big', 'myulong', 'cmp_fn', 'size_t',
  'variadic', 'nonproto', 'noargs', 'typed', 'get_opaque', 'main',
  'g_every', 'g_flex', 'g_cmp', 'g_ci', 'g_arr', 'g_strs', 'g_neg', 'g_oldbits', 'g_unions', 'g_alloc', 'g_counter',
  'int', 'unsigned long', 'char',
];

function ours(d: DebugInfo, name: string): string | undefined {
  const t = d.type(name);
  if (t) return t.toC();
  const f = d.func(name);
  if (f) return f.type.toC();
  return d.variable(name)?.type.toC();
}

const FLAVOURS: [string, string[]][] = [
  ['g-O0', ['-g', '-O0']],
  ['g-O2', ['-g', '-O2']],
  ['dwarf2', ['-gdwarf-2', '-gstrict-dwarf', '-O0']],
  ['dwarf3', ['-gdwarf-3', '-O0']],
  ['dwarf4', ['-gdwarf-4', '-O0']],
  ['dwarf5', ['-gdwarf-5', '-O1']],
  ['gz', ['-g', '-gz', '-O0']],
  ['gz-none-zdebug', ['-g', '-gz=zlib', '-O2']],
  ['g3', ['-g3', '-O0']],
  ['types4', ['-gdwarf-4', '-fdebug-types-section', '-O0']],
  ['types5', ['-gdwarf-5', '-fdebug-types-section', '-O0']],
  ['dwarf64', ['-g', '-gdwarf64', '-O0']],
];

describe('ptype matches gdb', () => {
  for (const [label, flags] of FLAVOURS) {
    it(`on the shapes fixture built with ${flags.join(' ')}`, () => {
      const exe = gcc('shapes.c', `shapes-${label}`, flags);
      const expected = gdbPtype(exe, NAMES);
      const d = DebugInfo.open(exe);
      let compared = 0;
      NAMES.forEach((name, i) => {
        if (expected[i] === undefined) return; // gdb does not know it in this build (optimised away)
        expect(`${name}: ${ours(d, name)}`).toBe(`${name}: ${expected[i]}`);
        compared++;
      });
      expect(compared).toBeGreaterThanOrEqual(NAMES.length - 8);
    });
  }

  it('on libc through libc6-dbg (separate, compressed DWARF 5 debug file found by build-id)', () => {
    const names = ['struct stat', 'struct tm', 'FILE', 'qsort', 'strtol', 'printf', 'size_t', 'struct sigaction',
      'div_t', 'fopen', 'malloc', 'memcpy', 'getenv', 'struct timespec', 'errno', 'environ', '__compar_fn_t'];
    const expected = gdbPtype(LIBC, names);
    const d = DebugInfo.open(LIBC);
    expect(d.debugFile).toMatch(/^\/usr\/lib\/debug\/\.build-id\/[0-9a-f]{2}\/[0-9a-f]+\.debug$/);
    let compared = 0;
    names.forEach((name, i) => {
      if (expected[i] === undefined) return;
      expect(`${name}: ${ours(d, name)}`).toBe(`${name}: ${expected[i]}`);
      compared++;
    });
    expect(compared).toBeGreaterThanOrEqual(14);
  });
});

describe('declarations', () => {
  it('resolve to the definition in another unit, as gdb does', () => {
    const exe = gcc('decl.c', 'decl-def', ['-g', '-O0', pkg + 'test/fixtures/def.c']);
    const names = ['g_hidden', 'get_hidden', 'struct hidden', 'the_hidden'];
    const want = gdbPtype(exe, names);
    const d = DebugInfo.open(exe);
    names.forEach((n, i) => expect(`${n}: ${ours(d, n)}`).toBe(`${n}: ${want[i]}`));
    expect(d.variable('g_hidden')!.type.target!.members.map((m) => m.name)).toEqual(['secret', 'tag']);
  });
});

describe('pmirror functions', () => {
  it('prints the prototypes gdb info functions lists', async () => {
    const { spawnSync } = await import('node:child_process');
    for (const flags of [['-g', '-O0'], ['-gdwarf-4', '-O0']]) {
      const exe = gcc('shapes.c', `functions${flags.join('')}`, flags);
      const g = spawnSync('gdb', ['-nx', '-batch', '-ex', 'info functions', exe], { encoding: 'utf8' }).stdout;
      const debugging = g.split('Non-debugging symbols:')[0]!;
      const want = [...debugging.matchAll(/^\d*:?\t(.*)$/gm)].map((m) => m[1]!).sort();
      const ours = spawnSync(process.execPath, [new URL('../bin/pmirror.js', import.meta.url).pathname, 'functions', exe], { encoding: 'utf8' });
      expect(ours.status).toBe(0);
      expect(ours.stdout.trim().split('\n').sort()).toEqual(want);
    }
  });

  it('lists every function gdb lists for libc (linkage names, statics of every unit)', async () => {
    const { spawnSync } = await import('node:child_process');
    const g = spawnSync('sh', ['-c', `exec timeout -s KILL 150 gdb -nx -batch -ex 'info functions' ${LIBC}`], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
    const want = new Set([...g.split('Non-debugging symbols:')[0]!.matchAll(/^\d*:?\t(.*)$/gm)].map((m) => m[1]!));
    const ours = spawnSync(process.execPath, [new URL('../bin/pmirror.js', import.meta.url).pathname, 'functions', LIBC], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const got = new Set(ours.stdout.trim().split('\n'));
    expect(want.size).toBeGreaterThan(3000);
    expect([...want].filter((w) => !got.has(w))).toEqual([]);
    // A few static functions gdb leaves out of its listing; we list them (< 1%).
    expect([...got].filter((o) => !want.has(o)).length).toBeLessThan(want.size / 100);
  }, 200_000);
});

describe('the type model', () => {
  it('gives member offsets, bit fields in both DWARF forms, enumerators, dimensions and signatures', () => {
    for (const flags of [['-g', '-O0'], ['-gdwarf-2', '-gstrict-dwarf', '-O0']]) {
      const exe = gcc('shapes.c', `shapes-model-${flags[0]}`, flags);
      const d = DebugInfo.open(exe);
      const bits = d.type('struct bits')!;
      expect(bits.byteSize).toBe(8);
      expect(bits.members.map((m) => [m.name, m.offset, m.bitSize, m.bitOffset])).toEqual([
        ['a', 0, 3, 0], ['b', 0, 5, 3], ['c', 1, undefined, undefined], ['d', 2, 40, 16],
      ]);
      const old = d.type('struct oldbits')!;
      expect(old.members.map((m) => [m.name, m.bitSize, m.bitOffset])).toEqual([['lo', 4, 0], ['mid', 7, 4], ['s', 3, 11]]);
      expect(d.type('enum neg')!.enumerators).toEqual([{ name: 'NA', value: -2 }, { name: 'NB', value: -1 }, { name: 'NC', value: 10 }]);
      const every = d.type('struct everything')!;
      const m = every.members.find((x) => x.name === 'm')!;
      expect(m.type.kind).toBe('array');
      expect(m.type.dims).toEqual([2, 3]);
      expect(m.type.byteSize).toBe(24);
      const flex = d.type('struct flex')!.members[1]!;
      expect(flex.type.dims).toEqual([null]);
      const size = d.type('size_t')!;
      expect([size.kind, size.strip().kind, size.strip().encoding, size.strip().byteSize]).toEqual(['typedef', 'base', 'unsigned', 8]);
      const v = d.func('variadic')!;
      expect([v.variadic, v.callable, v.params.map((p) => p.name), v.returnType.name]).toEqual([true, false, ['fmt'], 'int']);
      expect(v.toC()).toBe('int variadic(const char *, ...)');
      expect(d.func('nonproto')?.toC()).toBe('static int nonproto()');
      expect(d.func('nonproto')?.prototyped ?? false).toBe(false);
      const g = d.variable('g_every')!;
      expect(g.address).toBe(d.elf.symbol('g_every')!.value);
      expect(d.enumerator('GREEN')!.value).toBe(5);
    }
  });

  it('parses everything in libc: every function, variable and named type prints', () => {
    const d = DebugInfo.open(LIBC);
    const fs = d.functions();
    expect(fs.length).toBeGreaterThan(4000);
    for (const f of fs) expect(f.toC()).toContain(f.name);
    const vs = d.variables();
    expect(vs.length).toBeGreaterThan(500);
    for (const v of vs) expect(typeof v.type.toC()).toBe('string');
    const names = d.typeNames();
    expect(names.length).toBeGreaterThan(1000);
    for (const n of names) expect(d.type(n)?.toC()).toBeTruthy();
    expect(fs.filter((f) => f.callable).length).toBeGreaterThan(1000);
  });

  it('answers the questions dwarfpython asks about libc', () => {
    const d = DebugInfo.open(LIBC);
    const q = d.func('qsort')!;
    expect(q.callable).toBe(true);
    expect(q.params.map((p) => [p.name, p.type.toString()])).toEqual([
      ['b', 'void *'], ['n', 'size_t'], ['s', 'size_t'], ['cmp', '__compar_fn_t'],
    ]);
    expect(q.address).toBe(d.elf.symbol('qsort')!.value);
    const p = d.func('printf')!;
    expect([p.variadic, p.callable, p.toC()]).toEqual([true, true, 'int printf(const char *, ...)']);
    const st = d.type('struct stat')!;
    expect(st.byteSize).toBe(144);
    expect(st.members.find((x) => x.name === 'st_size')!.offset).toBe(48);
    const tm = d.type('struct tm')!;
    expect(tm.members.map((x) => x.name)).toContain('tm_gmtoff');
    expect(d.type('int')!.encoding).toBe('signed');
  });
});
