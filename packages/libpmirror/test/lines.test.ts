// Address -> function and file:line must agree with addr2line; the process mirror with both.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import koffi from 'koffi';
import { DebugInfo, Elf, Mirror, libraryPath } from '../src/index.js';
import { addr2line, gcc, LIBC } from './oracle.js';

function ourAnswers(d: DebugInfo, addrs: number[]): [string, string][] {
  return addrs.map((a) => {
    const r = d.addressInfo(a);
    return [r.innermost ?? '??', r.line ? `${r.line.file}:${r.line.line}` : '??:0'];
  });
}

/** Addresses inside every function: its start and a few steps in. */
function samples(d: DebugInfo, max: number): number[] {
  const fns = d.functionEntries().filter((f) => f.defined && f.low > 0);
  const step = Math.max(1, Math.floor(fns.length / max));
  const out: number[] = [];
  for (let i = 0; i < fns.length && out.length < max * 3; i += step) {
    const f = d.func(fns[i]!.name);
    const [lo, hi] = f?.ranges[0] ?? [fns[i]!.low, fns[i]!.low + 1];
    out.push(lo, lo + Math.floor((hi - lo) / 3), hi - 1);
  }
  return out;
}

describe('address -> function and file:line', () => {
  for (const flags of [['-g', '-O0'], ['-gdwarf-4', '-O0'], ['-gdwarf-2', '-gstrict-dwarf', '-O0'], ['-g', '-gz', '-O0'], ['-g', '-O2']]) {
    it(`agrees with addr2line on the shapes fixture built with ${flags.join(' ')}`, () => {
      const exe = gcc('shapes.c', `lines-${flags.join('')}`, flags);
      const d = DebugInfo.open(exe);
      const addrs = samples(d, 50);
      expect(addrs.length).toBeGreaterThan(3);
      const want = addr2line(exe, addrs);
      const got = ourAnswers(d, addrs);
      expect(got).toEqual(want);
    });
  }

  it('agrees with addr2line on a sample of libc (DWARF from libc6-dbg)', () => {
    const d = DebugInfo.open(LIBC);
    const addrs = samples(d, 150);
    const want = addr2line(LIBC, addrs);
    const got = ourAnswers(d, addrs);
    let lines = 0;
    let funcs = 0;
    got.forEach((g, i) => {
      if (g[1] === want[i]![1]) lines++;
      // addr2line prefers libc's local symbol aliases (__GI_abort for DWARF's abort).
      const alias = d.dwarfElf.symbolAt(addrs[i]!)?.name;
      if (g[0] === want[i]![0] || want[i]![0] === alias || want[i]![0] === `__GI_${g[0]}`) funcs++;
    });
    expect(lines).toBe(addrs.length);
    expect(funcs / addrs.length).toBeGreaterThan(0.97);
  });

  it('finds where source lines start, as gdb info line does', () => {
    const exe = gcc('shapes.c', 'lines-line2addr', ['-g', '-O0']);
    const d = DebugInfo.open(exe);
    const lines = [...new Set(samples(d, 50).map((a) => d.lineAt(a)?.line).filter((l): l is number => l !== undefined))];
    expect(lines.length).toBeGreaterThan(5);
    const r = spawnSync('gdb', ['-nx', '-batch', ...lines.flatMap((l) => ['-ex', `info line shapes.c:${l}`]), exe], { encoding: 'utf8' });
    const starts = [...r.stdout.matchAll(/^Line (\d+) of "[^"]*" starts at address (0x[0-9a-f]+)/gm)];
    expect(starts.length).toBe(lines.length);
    for (const [, line, addr] of starts) {
      expect(d.lineAddresses('shapes.c', Number(line))[0]?.address).toBe(Number(addr));
      expect(d.lineAddresses('fixtures/shapes.c', Number(line))[0]?.address).toBe(Number(addr));
    }
    expect(d.lineAddresses('nosuchfile.c', 40)).toEqual([]);
  });

  it('names the calls inlined at an address, with their call sites, as addr2line -i does', () => {
    const exe = gcc('shapes.c', 'lines-inlined', ['-g', '-O2']);
    const d = DebugInfo.open(exe);
    const addrs: number[] = [];
    for (const [lo, hi] of d.func('main')!.ranges) for (let a = lo; a < hi; a++) if (d.addressInfo(a).inlined?.length) addrs.push(a);
    expect(addrs.length).toBeGreaterThan(0);
    for (const a of addrs) {
      // addr2line -i -f: innermost function and position, then each caller and its call site.
      const r = spawnSync('addr2line', ['-i', '-f', '-e', exe, '0x' + a.toString(16)], { encoding: 'utf8' });
      const out = r.stdout.trim().split('\n').map((l) => l.replace(/ \(discriminator \d+\)$/, ''));
      const info = d.addressInfo(a);
      const chain = [...info.inlined!].reverse(); // innermost first, like addr2line
      const ours: string[] = [info.innermost!, `${info.line!.file}:${info.line!.line}`];
      chain.forEach((call, i) => {
        ours.push(i + 1 < chain.length ? chain[i + 1]!.name! : info.function!, `${call.callFile}:${call.callLine}`);
      });
      expect(ours).toEqual(out);
    }
  });

  it('lists where each function was inlined, as readelf shows the DW_TAG_inlined_subroutine entries', () => {
    const exe = gcc('shapes.c', 'lines-instances', ['-g', '-O2']);
    const dump = spawnSync('readelf', ['--debug-dump=info', exe], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
    // DIE offset -> name, and every inlined_subroutine with its abstract origin and entry pc.
    const names = new Map<number, string>();
    const want = new Map<string, { die: number; entry: number }[]>();
    const dies = dump.split(/\n(?= <\d+><)/);
    for (const d of dies) {
      const head = /^ <\d+><([0-9a-f]+)>: Abbrev Number: \d+ \((DW_TAG_\w+)\)/.exec(d);
      if (!head) continue;
      const name = /DW_AT_name\s*:(?: \(indirect[^)]*\):)? (\S+)/.exec(d)?.[1];
      if (name) names.set(parseInt(head[1]!, 16), name);
    }
    for (const d of dies) {
      const head = /^ <\d+><([0-9a-f]+)>: Abbrev Number: \d+ \(DW_TAG_inlined_subroutine\)/.exec(d);
      if (!head) continue;
      const origin = parseInt(/DW_AT_abstract_origin: <0x([0-9a-f]+)>/.exec(d)![1]!, 16);
      const entry = /DW_AT_entry_pc\s*: (0x[0-9a-f]+)/.exec(d) ?? /DW_AT_low_pc\s*: (0x[0-9a-f]+)/.exec(d);
      const fn = names.get(origin)!;
      want.set(fn, [...(want.get(fn) ?? []), { die: parseInt(head[1]!, 16), entry: Number(entry![1]) }]);
    }
    expect(want.size).toBeGreaterThan(0);
    const d = DebugInfo.open(exe);
    for (const [fn, instances] of want) {
      const ours = d.inlinedInstances(fn).map((i) => ({ die: i.die, entry: i.entry }));
      expect({ fn, ours }).toEqual({ fn, ours: [...instances].sort((a, b) => a.entry - b.entry) });
      expect(d.inlinedInstances(fn).every((i) => i.caller === 'main' && i.callFile!.endsWith('shapes.c'))).toBe(true);
    }
    expect(d.inlinedInstances('noargs')).toEqual([]);
  });

  it('gives the pmirror addr2line CLI text', async () => {
    const exe = gcc('shapes.c', 'lines-cli', ['-g', '-O0']);
    const main = Elf.open(exe);
    const addr = main.symbol('typed')!.value;
    main.close();
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [new URL('../bin/pmirror.js', import.meta.url).pathname, 'addr2line', exe, addr.toString(16)], { encoding: 'utf8' });
    const [fn, pos] = addr2line(exe, [addr])[0]!;
    expect(r.stdout.trim()).toBe(`${fn} at ${pos}`);
  });
});

describe('address -> variable', () => {
  it('agrees with gdb info symbol on addresses inside global variables', () => {
    const exe = gcc('shapes.c', 'vars', ['-g', '-O0']);
    const d = DebugInfo.open(exe);
    const probes: [number, string, number][] = [];
    for (const name of ['g_every', 'g_flex', 'g_u', 'g_bits', 'g_arr', 'g_strs', 'g_unions', 'g_oldbits']) {
      const v = d.variable(name)!;
      const size = v.type.strip().byteSize ?? v.type.byteSize!;
      for (const off of [0, Math.floor(size / 2), size - 1]) probes.push([v.address! + off, name, off]);
    }
    const r = spawnSync('gdb', ['-nx', '-batch', ...probes.flatMap(([a]) => ['-ex', `info symbol 0x${a.toString(16)}`]), exe], { encoding: 'utf8' });
    const lines = r.stdout.trim().split('\n');
    probes.forEach(([a, name, off], i) => {
      expect(lines[i]).toBe(off ? `${name} + ${off} in section .bss` : `${name} in section .bss`);
      expect(d.variableAt(a)).toEqual({ name, die: d.variable(name)!.die, offset: off });
    });
    const last = probes[probes.length - 1]!;
    expect(d.variableAt(last[0] + 4096 * 16)).toBeUndefined();
  });
});

describe('the process mirror', () => {
  it('maps addresses in libc and in libpmirror itself to object, symbol, function and line', () => {
    const m = new Mirror();
    const objs = m.objects();
    const libc = objs.find((o) => /libc\.so\.6$/.test(o.path))!;
    expect(libc).toBeDefined();
    const libcElf = Elf.open(libc.path);
    const qsort = libcElf.symbol('qsort')!.value;
    const q = m.query(libc.bias + qsort + 4)!;
    expect([q.path, q.symbol, q.offset, q.fileAddress]).toEqual([libc.path, 'qsort', 4, qsort + 4]);
    const [, pos] = addr2line(LIBC, [qsort + 4])[0]!;
    expect([q.function, `${q.file}:${q.line}`]).toEqual([DebugInfo.open(LIBC).addressInfo(qsort + 4).function, pos]);
    expect(q.function).toBe('qsort');
    libcElf.close();

    const self = objs.find((o) => o.path === libraryPath)!;
    const selfElf = Elf.open(libraryPath);
    const v = m.query(self.bias + selfElf.symbol('pmirror_version')!.value)!;
    expect([v.symbol, v.function, v.file?.endsWith('native/src/pmirror_error.c')]).toEqual(['pmirror_version', 'pmirror_version', true]);
    selfElf.close();
    expect(m.query(8)).toBeUndefined();
    const environ = DebugInfo.open(LIBC).variable('environ');
    if (environ?.address !== undefined) {
      const e = m.query(libc.bias + environ.address + 3)!;
      // glibc defines __environ; environ is its alias.
      expect([e.variable, e.variableOffset]).toEqual(['__environ', 3]);
    }
    m.close();
  });

  it('notices a library loaded later and maps its code', () => {
    const so = gcc('plugin.c', 'libplugin.so', ['-g', '-O0', '-shared', '-fPIC']);
    const m = new Mirror();
    expect(m.refresh()).toBe(false);
    const plugin = koffi.load(so);
    const twice = plugin.func('int plugin_twice(int)') as (x: number) => number;
    expect(twice(21)).toBe(42);
    expect(m.refresh()).toBe(true);
    const obj = m.objects().find((o) => o.path === so)!;
    expect(obj).toBeDefined();
    const elf = Elf.open(so);
    const addr = elf.symbol('plugin_twice')!.value;
    elf.close();
    const q = m.query(obj.bias + addr)!;
    const [fn, pos] = addr2line(so, [addr])[0]!;
    expect([q.symbol, q.function, `${q.file}:${q.line}`]).toEqual(['plugin_twice', fn, pos]);
    // Forgetting the object makes the next query read the file again, with the same answers.
    expect([m.forget(so), m.forget('/no/such/object.so')]).toEqual([true, false]);
    expect(m.query(obj.bias + addr)).toEqual(q);
    plugin.unload();
    expect(m.refresh()).toBe(true);
    expect(m.objects().some((o) => o.path === so)).toBe(false);
    expect(m.query(obj.bias + addr)).toBeUndefined();
    m.close();
  });
});
