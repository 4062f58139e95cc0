// Finding DWARF: in the file, by build-id, by .gnu_debuglink; legacy .zdebug_* compression.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DebugInfo, Elf, PmirrorError, Type } from '../src/index.js';
import { gcc, gdbPtype } from './oracle.js';

function objcopy(...args: string[]): void {
  const r = spawnSync('objcopy', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`objcopy ${args.join(' ')}\n${r.stderr}`);
}

/** A stripped copy of the fixture plus its debug file, in a fresh private directory. */
function split(label: string): { dir: string; exe: string; debug: string } {
  const dir = mkdtempSync(join(tmpdir(), `pmirror-${label}-`));
  const exe = join(dir, 'shapes');
  copyFileSync(gcc('shapes.c', `split-${label}`, ['-g', '-O0']), exe);
  const debug = join(dir, 'shapes.debug');
  objcopy('--only-keep-debug', exe, debug);
  objcopy('--strip-debug', `--add-gnu-debuglink=${debug}`, exe);
  return { dir, exe, debug };
}

describe('separate debug files', () => {
  it('follows .gnu_debuglink to the same directory and to .debug/', () => {
    const { dir, exe, debug } = split('link');
    expect(Elf.open(exe).debuglink).toBe('shapes.debug');
    const d = DebugInfo.open(exe);
    expect(d.debugFile).toBe(debug);
    expect(d.type('struct bits')!.toC()).toBe(gdbPtype(debug, ['struct bits'])[0]);
    d.close();
    mkdirSync(join(dir, '.debug'));
    renameSync(debug, join(dir, '.debug', 'shapes.debug'));
    const d2 = DebugInfo.open(exe);
    expect(d2.debugFile).toBe(join(dir, '.debug', 'shapes.debug'));
    d2.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a debuglink target whose CRC does not match', () => {
    const { dir, exe, debug } = split('crc');
    const bytes = readFileSync(debug);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(debug, bytes);
    expect(() => DebugInfo.open(exe)).toThrow(PmirrorError);
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the debug file by build-id under a chosen debug directory', () => {
    const { dir, exe, debug } = split('bid');
    const bid = Elf.open(exe).buildId;
    expect(bid).toMatch(/^[0-9a-f]{40}$/);
    const root = join(dir, 'debugroot');
    mkdirSync(join(root, '.build-id', bid.slice(0, 2)), { recursive: true });
    renameSync(debug, join(root, '.build-id', bid.slice(0, 2), bid.slice(2) + '.debug'));
    const d = DebugInfo.open(exe, { debugDir: root });
    expect(d.debugFile).toBe(join(root, '.build-id', bid.slice(0, 2), bid.slice(2) + '.debug'));
    expect(d.func('typed')!.toC()).toBe('myulong typed(struct everything *, enum color, cmp_fn)');
    d.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads legacy .zdebug_* sections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pmirror-zdebug-'));
    const exe = join(dir, 'shapes');
    copyFileSync(gcc('shapes.c', 'zdebug', ['-g', '-O0']), exe);
    objcopy('--compress-debug-sections=zlib-gnu', exe);
    const e = Elf.open(exe);
    expect(e.sections.some((s) => s.name === '.zdebug_info')).toBe(true);
    const d = DebugInfo.open(exe);
    const plain = gcc('shapes.c', 'zdebug-plain', ['-g', '-O0']);
    expect(d.type('struct everything')!.toC()).toBe(gdbPtype(plain, ['struct everything'])[0]);
    expect(e.section('.debug_info')!.length).toBe(Elf.open(plain).section('.debug_info')!.length);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the printer on corrupt graphs', () => {
  it('throws instead of overflowing the stack on a cyclic type', () => {
    const p = new Type(1, 'pointer');
    p.target = p;
    expect(() => p.toC()).toThrow(RangeError);
    const ok = new Type(2, 'pointer');
    ok.target = Type.void;
    expect(ok.toC()).toBe('void *');
  });
});
