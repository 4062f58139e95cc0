// The TS API in this (un-preloaded) vitest worker: typed allocation, registration, errors, stats.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { Memtable, MemtableError, MemtableErrorCode } from '../src/index.js';
import { memtable_strerror } from '../src/native.js';
import { memtableErrorMessages } from '../src/errors.generated.js';
import { pkg } from './helpers.js';

const mt = new Memtable();

describe('Memtable', () => {
  it('is not preloaded in a plain vitest worker', () => {
    expect(mt.preloadActive).toBe(false);
  });

  it('allocates typed blocks and maps interior pointers back to them', () => {
    const p = mt.allocTyped(100, 0xabcdef0123n);
    for (const off of [0n, 1n, 50n, 99n]) {
      const info = mt.lookup(p + off)!;
      expect(info.base).toBe(p);
      expect(info.size).toBe(100);
      expect(info.type).toBe(0xabcdef0123n);
      expect(mt.symbolize(info.site)).toMatch(/koffi\.node/); /* the caller of a koffi call is koffi's trampoline */
    }
    expect(mt.lookup(p + 100n)?.base).not.toBe(p);
    mt.setType(p, 7n);
    expect(mt.lookup(p + 3n)!.type).toBe(7n);
    expect(() => mt.setType(p + 8n, 1n)).toThrow(MemtableError);
    mt.free(p);
    expect(mt.lookup(p)).toBeUndefined();
    expect(() => mt.free(p)).toThrow(/not a live allocation/);
  });

  it('registers ranges and throws typed errors for bad ones', () => {
    const base = mt.allocTyped(4096, 1n); /* memory we own, to describe piecewise */
    mt.free(base);
    const code = (f: () => void) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(MemtableError);
        return (e as MemtableError).code;
      }
      return undefined;
    };
    mt.register(base, 64, 5n, 0x1234n);
    expect(mt.lookup(base + 63n)).toEqual({ base, size: 64, site: 0x1234n, type: 5n });
    expect(code(() => mt.register(base + 32n, 64))).toBe(MemtableErrorCode.OVERLAP);
    expect(code(() => mt.register(base + 65n, 8))).toBe(MemtableErrorCode.ALIGN);
    expect(code(() => mt.register(0, 8))).toBe(MemtableErrorCode.RANGE);
    expect(mt.unregister(base)).toBe(true);
    expect(mt.unregister(base)).toBe(false);
  });

  it('counts live allocations and totals them per site', () => {
    const before = mt.stats();
    const blocks = Array.from({ length: 10 }, () => mt.allocTyped(1000, 3n));
    const s = mt.stats();
    expect(s.liveCount).toBe(before.liveCount + 10);
    expect(s.liveBytes).toBe(before.liveBytes + 10000);
    expect(s.indexBytes).toBeGreaterThan(0);
    const top = mt.siteTotals(5);
    expect(top.some((t) => t.count >= 10 && t.bytes >= 10000)).toBe(true);
    for (const b of blocks) mt.free(b);
    expect(mt.stats().liveCount).toBe(before.liveCount);
  });

  it('takes a caller-chosen site, and lists live allocations in a snapshot', () => {
    const p = mt.allocTyped(48, 77n, 0x401000n);
    expect(mt.lookup(p + 47n)).toEqual({ base: p, size: 48, site: 0x401000n, type: 77n });
    const all = mt.allocations();
    expect(all.filter((a) => a.type === 77n)).toEqual([{ base: p, size: 48, site: 0x401000n, type: 77n }]);
    expect(all.length).toBe(mt.stats().liveCount);
    expect(mt.allocations(0)).toEqual([]);
    mt.free(p);
    expect(mt.allocations().some((a) => a.base === p)).toBe(false);
  });

  it('misses addresses that are not heap blocks', () => {
    expect(mt.lookup(0)).toBeUndefined();
    expect(mt.lookup(1n << 47n)).toBeUndefined();
    expect(mt.lookup(0xffffffffffffffffn)).toBeUndefined();
  });
});

describe('error table', () => {
  it('the generated TS table is fresh and matches memtable_strerror for every code', () => {
    const r = spawnSync(process.execPath, [pkg + 'scripts/gen-errors.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const [code, msg] of Object.entries(memtableErrorMessages)) expect(memtable_strerror(Number(code))).toBe(msg);
    expect(Object.keys(memtableErrorMessages).length).toBe(Object.keys(MemtableErrorCode).length / 2);
  });
});
