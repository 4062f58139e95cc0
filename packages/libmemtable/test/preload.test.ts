// libmemtable-preload.so: C programs, node itself and the memtable-run runner under LD_PRELOAD.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildCxx, buildLinked, compileC, pkg, runPreloaded, runProgram } from './helpers.js';
import { preloadPath } from '../src/native.js';

function expectOk(r: { status: number | null; stdout: string; stderr: string }) {
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^ok \d+/);
  expect(r.status).toBe(0);
}

describe('C programs under the preload', () => {
  it('indexes malloc and the aligned allocators: every offset, many sizes and alignments', () => {
    expectOk(runPreloaded(buildLinked('test/c/lookup.c'), ['malloc']));
  });

  it('keeps realloc grow/shrink/move exact; calloc and reallocarray overflow give ENOMEM', () => {
    expectOk(runPreloaded(buildLinked('test/c/realloc.c')));
  });

  it('8 threads x 1M alloc/free while a ninth looks up, forking meanwhile: no wrong answer', () => {
    expectOk(runPreloaded(buildLinked('test/c/threads.c'), ['malloc', '1000000', '20']));
  });

  it('the same churn through the typed API is clean under ThreadSanitizer', () => {
    const exe = compileC({ pkg, sources: ['test/c/threads.c'], sanitize: 'thread' });
    expectOk(runProgram(exe, ['typed', '30000']));
  });

  it('records the caller of C++ operator new as the site; bad_alloc still propagates', () => {
    expectOk(runPreloaded(buildCxx('test/c/cxxnew.cc')));
  });

  const bad: [string, RegExp][] = [
    ['double', /free\(0x[0-9a-f]+\): double free: this thread already freed it, from \S+badfree!bad_caller\+0x[0-9a-f]+/],
    ['static', /free\(0x[0-9a-f]+\): invalid pointer: not a live allocation/],
    ['interior', /free\(0x[0-9a-f]+\): invalid pointer: it points 16 bytes into the live 64-byte allocation at 0x[0-9a-f]+ \(allocated at \S+!bad_caller\+0x[0-9a-f]+\)/],
    ['realloc', /realloc\(0x[0-9a-f]+\): invalid pointer: it points 8 bytes into the live 64-byte allocation/],
  ];
  for (const [mode, message] of bad) {
    it(`reports a bad ${mode} free with pointer and site, then aborts`, () => {
      const r = runPreloaded(buildLinked('test/c/badfree.c'), [mode]);
      expect(r.signal).toBe('SIGABRT');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/called from \S+badfree!bad_caller\+0x[0-9a-f]+/);
      const printed = r.stdout.split('\n')[0]!;
      if (mode === 'double') expect(r.stderr).toContain(`free(${printed})`);
      if (mode === 'interior' || mode === 'realloc') expect(r.stderr).toContain(`allocation at ${printed}`);
      expect(r.stdout).not.toContain('survived');
    });
  }
});

describe('node under the preload', () => {
  it('runs, and finds the mallocs of a library that koffi loads later', () => {
    expect(existsSync(new URL('../dist/index.js', import.meta.url)), 'npm run build -w libmemtable first').toBe(true);
    const lib = compileC({ pkg, sources: ['test/c/mallocker.c'], extra: ['-shared', '-fPIC'], out: 'libmallocker.so' });
    const r = spawnSync(process.execPath, [pkg + 'test/fixtures/node-child.mjs', lib], {
      encoding: 'utf8',
      env: { ...process.env, LD_PRELOAD: preloadPath },
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.preloadActive).toBe(true);
    expect(out.hit).toEqual({ base: out.p, size: 1000, site: expect.stringMatching(/libmallocker\.so!mallocker_make\+0x[0-9a-f]+$/) });
    const off = parseInt(out.hit.site.match(/\+0x([0-9a-f]+)$/)[1], 16);
    const nm = spawnSync('nm', ['-S', '-D', lib], { encoding: 'utf8' }).stdout.match(/^[0-9a-f]+ ([0-9a-f]+) T mallocker_make$/m);
    expect(nm).not.toBeNull(); /* nm is the oracle: the offset lies inside mallocker_make */
    expect(off).toBeLessThan(parseInt(nm![1]!, 16));
    expect(out.afterFree).toBe(true);
    expect(out.liveCount).toBeGreaterThan(100); /* node's own mallocs are indexed too */
  });
});

describe('memtable-run', () => {
  const cli = pkg + 'bin/memtable-run.js';

  it('reports live allocations at exit grouped by site, and passes the exit status through', () => {
    const exe = buildLinked('test/c/leaky.c');
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('memtable-')).length;
    const r = spawnSync(process.execPath, [cli, '--report', '--', exe], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(7);
    expect(r.stderr).toMatch(new RegExp(`memtable: pid \\d+ ${exe}: \\d+ live allocations`));
    const line = r.stderr.match(/^\s+3\s+300\s+\S+leaky!leak_here\+0x([0-9a-f]+) \(0x[0-9a-f]+\)( in |$)/m);
    expect(line, r.stderr).not.toBeNull();
    // nm (binutils) is the oracle for the symbol: the offset must fall inside leak_here's extent.
    const nm = spawnSync('nm', ['-S', exe], { encoding: 'utf8' }).stdout.match(/^[0-9a-f]+ ([0-9a-f]+) T leak_here$/m);
    expect(nm).not.toBeNull();
    expect(parseInt(line![1]!, 16)).toBeLessThan(parseInt(nm![1]!, 16));
    // libpmirror names the allocating call's line; addr2line, given the same call address, is the oracle.
    const src = r.stderr.match(/^\s+3\s+300\s+\S+leaky!leak_here\+0x[0-9a-f]+ \(0x[0-9a-f]+\) in leak_here at (\S+):(\d+)$/m);
    expect(src, r.stderr).not.toBeNull();
    const sym = parseInt(spawnSync('nm', [exe], { encoding: 'utf8' }).stdout.match(/^([0-9a-f]+) T leak_here$/m)![1]!, 16);
    const call = (sym + parseInt(line![1]!, 16) - 1).toString(16);
    const a2l = spawnSync('addr2line', ['-e', exe, call], { encoding: 'utf8' }).stdout.trim();
    expect(a2l).toBe(`${src![1]}:${src![2]}`);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('memtable-')).length).toBe(before); /* cleaned up */
  });

  it('reports every process the command starts, each on its own', () => {
    const exe = buildLinked('test/c/leaky.c');
    const r = spawnSync(process.execPath, [cli, '--report', '--top', '3', '--', 'sh', '-c', `${exe}; ${exe}`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(7);
    const pids = [...r.stderr.matchAll(new RegExp(`^memtable: pid (\\d+) ${exe}: `, 'gm'))].map((m) => m[1]);
    expect(new Set(pids).size).toBe(2);
    expect(r.stderr.match(/leaky!leak_here\+0x/g)?.length).toBe(2);
    /* No report from sh itself: it execs its last command, so its image never exits. */
  });

  it('runs without a report, and prints usage for a missing command', () => {
    const r = spawnSync(process.execPath, [cli, '--', 'sh', '-c', 'exit 3'], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('');
    const u = spawnSync(process.execPath, [cli, '--report'], { encoding: 'utf8' });
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/^usage: memtable-run/);
  });
});
