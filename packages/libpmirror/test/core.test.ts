import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileC, runProgram } from '../../../test-support/native.js';
import { libraryPath, version } from '../src/index.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const expected = JSON.parse(readFileSync(pkg + 'package.json', 'utf8')).version;

describe('libpmirror core', () => {
  it('loads through koffi and reports the package version', () => {
    expect(libraryPath).toMatch(/libpmirror\.so$/);
    expect(version()).toBe(expected);
  });

  it('links a C client through its header', () => {
    const exe = compileC({ pkg, sources: ['test/c/client.c'], link: libraryPath });
    const r = runProgram(exe);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(expected);
  });

  it('runs the C client under AddressSanitizer and UndefinedBehaviorSanitizer', () => {
    const exe = compileC({ pkg, sources: ['test/c/client.c'], sanitize: true });
    const r = runProgram(exe, [exe]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('lets a C program read its own debug information (checked with addr2line)', () => {
    const exe = compileC({ pkg, sources: ['test/c/client.c'], link: libraryPath, out: 'client-self' });
    const r = runProgram(exe, [exe]);
    expect(r.status).toBe(0);
    const [, head, json] = r.stdout.trim().split('\n');
    const [, addr, pos] = /^main (0x[0-9a-f]+) (.*)$/.exec(head!)!;
    const a2l = spawnSync('addr2line', ['-e', exe, addr!], { encoding: 'utf8' }).stdout.trim();
    expect(pos).toBe(a2l);
    const described = JSON.parse(json!);
    expect(described.entity).toMatchObject({ kind: 'function', name: 'main', external: true, variadic: false });
    expect(described.entity.params.map((p: { name: string }) => p.name)).toEqual(['argc', 'argv']);
  });

  it('pmirror info counts units and DIEs as readelf does', async () => {
    const { DebugInfo } = await import('../src/index.js');
    const { gcc } = await import('./oracle.js');
    for (const flags of [['-g', '-O2'], ['-gdwarf-4', '-fdebug-types-section']]) {
      const exe = gcc('shapes.c', `info${flags.join('')}`, flags);
      const dump = spawnSync('readelf', ['--debug-dump=info', exe], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
      const dies = [...dump.matchAll(/Abbrev Number: (\d+)/g)].filter((m) => m[1] !== '0').length;
      const units = [...dump.matchAll(/^\s+(Compilation|Type) Unit @ offset/gm)].length;
      const stats = JSON.parse(spawnSync(process.execPath, [pkg + 'bin/pmirror.js', 'info', '--json', exe], { encoding: 'utf8' }).stdout);
      expect([stats.dies, stats.units]).toEqual([dies, units]);
      expect(stats.buildId).toBe(DebugInfo.open(exe).elf.buildId);
    }
  });

  it('gives exit code 2 and a message from the CLI for a corrupt or debug-less file', () => {
    const bin = pkg + 'bin/pmirror.js';
    const garbage = spawnSync(process.execPath, [bin, 'ptype', pkg + 'package.json', 'int'], { encoding: 'utf8' });
    expect([garbage.status, garbage.stderr.trim()]).toEqual([2, `pmirror: not an ELF file: ${pkg}package.json`]);
    const none = spawnSync(process.execPath, [bin, 'info', '/bin/true'], { encoding: 'utf8' });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/^pmirror: no DWARF debug information: /);
    const usage = spawnSync(process.execPath, [bin], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
