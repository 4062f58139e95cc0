// Address -> function and file:line must agree with addr2line; the process mirror with both.
import { describe, expect, it } from 'vitest';
import koffi from 'koffi';
import { DebugInfo, Elf, Mirror, libraryPath } from '../src/index.js';
import { addr2line, gcc, LIBC } from './oracle.js';

function ourAnswers(d: DebugInfo, addrs: number[]): [string, string][] {
  return addrs.map((a) => {
    const r = d.addressInfo(a);
    return [r.function ?? '??', r.line ? `${r.line.file}:${r.line.line}` : '??:0'];
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
      // With -O2, addr2line -f names the innermost inlined function; file:line must still agree.
      if (flags.includes('-O2')) expect(got.map((g) => g[1])).toEqual(want.map((w) => w[1]));
      else expect(got).toEqual(want);
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
      // addr2line prefers libc's local symbol aliases (__GI_abort for DWARF's abort) and inlined callees.
      const alias = d.dwarfElf.symbolAt(addrs[i]!)?.name;
      if (g[0] === want[i]![0] || want[i]![0] === alias || want[i]![0] === `__GI_${g[0]}`) funcs++;
    });
    expect(lines).toBe(addrs.length);
    // The rest are addresses inside inlined callees, which addr2line names and we do not (yet).
    expect(funcs / addrs.length).toBeGreaterThan(0.9);
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
    m.close();
  });
});
