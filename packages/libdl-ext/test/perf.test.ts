import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileC } from '../../../test-support/native.js';
import { libraryPath } from '../src/index.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync('timeout', ['-s', 'KILL', '120', cmd, ...args], { encoding: 'utf8', env: { ...process.env, ...env },
    maxBuffer: 64 << 20 });
}

// Oracle: perf itself (record -e cpu-clock, inject --jit, report).
describe('perf names generated code', () => {
  it('hot generated functions top perf report, with source lines (jitdump + perf inject --jit)', () => {
    const exe = compileC({ pkg, sources: ['test/c/perfhot.c'], link: libraryPath });
    const dir = mkdtempSync(join(tmpdir(), 'dlext-perf-'));
    let pid = '';
    try {
      const data = join(dir, 'perf.data'), jitted = join(dir, 'perf.jit.data');
      const rec = run('perf', ['record', '-q', '-k', '1', '-e', 'cpu-clock', '-o', data, exe], { TMPDIR: dir });
      expect(rec.status).toBe(0);
      pid = /pid (\d+) dump (\S+)/.exec(rec.stdout)?.[1] ?? '';
      expect(rec.stdout).toMatch(new RegExp(`dump ${dir}/dlext-jit-\\w+/jit-${pid}\\.dump`));
      expect(run('perf', ['inject', '--jit', '-i', data, '-o', jitted]).status).toBe(0);
      const rep = run('perf', ['report', '-i', jitted, '--stdio', '--sort', 'sym,srcline']);
      const rows = rep.stdout.split('\n').filter((l) => /^\s+\d+\.\d+%/.test(l));
      const loop = rows.find((l) => / hot_loop /.test(l)) ?? '', py = rows.find((l) => / hot_py /.test(l)) ?? '';
      expect(rows.slice(0, 2).sort()).toEqual([loop, py].sort()); // the two generated functions on top
      expect(parseFloat(loop) + parseFloat(py)).toBeGreaterThan(80);
      expect(py).toMatch(/\[\.\] hot_py +hot\.py:7$/); // the line table given to dlext_bind_debug
      // The perf map got the entry too (it is what perf uses for anonymous code).
      expect(readFileSync(`/tmp/perf-${pid}.map`, 'utf8')).toMatch(/^[0-9a-f]+ a hot_loop$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (pid) rmSync(`/tmp/perf-${pid}.map`, { force: true });
    }
  });

  it("appends to node's own --perf-basic-prof map without clobbering either side", () => {
    const script = fileURLToPath(new URL('./fixtures/node-perfmap.mjs', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'dlext-perf-')); // would receive a jitdump: none without DLEXT_PERF
    const r = run(process.execPath, ['--perf-basic-prof', script], { TMPDIR: dir });
    expect(r.status).toBe(0);
    const pid = /pid (\d+)/.exec(r.stdout)?.[1];
    const map = `/tmp/perf-${pid}.map`;
    try {
      expect(existsSync(map)).toBe(true);
      const lines = readFileSync(map, 'utf8').split('\n');
      const ours = lines.filter((l) => /^[0-9a-f]+ 6 dlext_generated_\d+$/.test(l));
      expect(ours.length).toBe(50);
      expect(lines.filter((l) => /^[0-9a-f]+ [0-9a-f]+ (JS:|Builtin:|LazyCompile:|Function:|\w+:)/.test(l)).length)
        .toBeGreaterThan(100);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(map, { force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
