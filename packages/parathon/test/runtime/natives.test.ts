import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import koffi from 'koffi';
import { compileC, runProgram } from '../../../../test-support/native.js';
import { libraryPath } from '../../src/index.js';
import { natives } from '../../src/runtime/natives.js';

const pkg = fileURLToPath(new URL('../..', import.meta.url));
const haveGdb = spawnSync('gdb', ['--version']).status === 0;

describe('native modules bound through the C core\'s own DWARF', () => {
  it('binds every parathon_{math,time,os}_* function, with the prototypes gdb reads from the same DWARF', () => {
    const n = natives();
    expect(Object.keys(n).sort()).toEqual(expect.arrayContaining(['math.erf', 'time.strftime', 'time.localtime', 'os.uname']));
    if (!haveGdb) return;
    const r = spawnSync('timeout', ['-s', 'KILL', '60', 'gdb', '-batch', '-nx', '-ex', 'info functions ^parathon_', libraryPath], { encoding: 'utf8' });
    const gdbProtos = r.stdout.split('\n').map((l) => /^\d+:\s+(.*);$/.exec(l)?.[1]).filter((x): x is string => !!x && /parathon_(math|time|os)_/.test(x)).sort();
    const ours = Object.values(n).map((f) => f.prototype).sort();
    expect(ours).toEqual(gdbProtos);
  });

  it('lays out DWARF structs exactly where gdb says the members are', () => {
    if (!haveGdb) return;
    const tm: any = {};
    natives()['time.gmtime']!(0n, tm);
    const r = spawnSync('timeout', ['-s', 'KILL', '60', 'gdb', '-batch', '-nx', '-ex', 'ptype /o struct parathon_tm', libraryPath], { encoding: 'utf8' });
    const offsets = [...r.stdout.matchAll(/^\/\*\s+(\d+)\s+\|\s+\d+ \*\/\s+[\w ]+?\s+\**(\w+)(?:\[\d+\])?;$/gm)].map((m) => [m[2], Number(m[1])]);
    expect(offsets.length).toBe(11);
    expect(Object.keys(tm)).toEqual(offsets.map(([k]) => k));
  });

  it('calls libc through the bound functions', () => {
    const n = natives();
    const tm: any = {};
    expect(n['time.gmtime']!(1234567890n, tm)).toBe(0);
    expect([tm.year, tm.mon, tm.mday, tm.hour, tm.wday, tm.yday, tm.zone]).toEqual([2009, 2, 13, 23, 4, 44, 'GMT']);
    const buf = Buffer.alloc(32);
    const len = Number(n['time.strftime']!(buf, 32, '%d %b %Y', tm));
    expect(buf.toString('utf8', 0, len)).toBe('13 Feb 2009');
    expect(n['math.cbrt']!(64)).toBe(4);
    expect(n['os.strerror']!(2)).toBe('No such file or directory');
    expect(koffi).toBeDefined();
  });

  it('serves C clients through the header, also under ASan and UBSan', () => {
    const exe = compileC({ pkg, sources: ['test/c/natives.c'], link: libraryPath });
    const r = runProgram(exe);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('2009-02-13 23:31:30|No such file or directory\n');
    const asan = compileC({ pkg, sources: ['test/c/natives.c'], sanitize: true });
    const a = runProgram(asan);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
  });
});
