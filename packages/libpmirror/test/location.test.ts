// Parameter and local variable locations (exprloc, location lists, frame base) against a live gdb.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DebugInfo, DWARF_REGISTERS, type Registers } from '../src/index.js';
import { gcc, pkg } from './oracle.js';

const NAMES = ['n', 'p', 'tag', 'sum', 'scale', 'i', 'sq'];

interface Stop {
  fileAddress: number; // pc as the file sees it
  regs: Registers;
  locals: string[]; // gdb's info locals + info args names
  addressOf: Record<string, string>; // gdb's answer to `p &NAME`
}

/** Runs the program under gdb to the marked line and records registers, CFA and `p &x` answers. */
function stopInWork(exe: string, work: number): Stop {
  const line = readFileSync(pkg + 'test/fixtures/frames.c', 'utf8').split('\n').findIndex((l) => l.includes('the tests stop here')) + 1;
  const args = ['-nx', '-batch', '-ex', `break frames.c:${line}`, '-ex', 'run', '-ex', 'echo @@@frame\\n', '-ex', 'info frame',
    '-ex', 'echo @@@sym\\n', '-ex', 'info symbol $pc', '-ex', 'echo @@@regs\\n', '-ex', 'info registers',
    '-ex', 'echo @@@locals\\n', '-ex', 'info locals', '-ex', 'info args',
    ...NAMES.flatMap((n) => ['-ex', `echo @@@&${n}\\n`, '-ex', `p &${n}`]), exe];
  const r = spawnSync('sh', ['-c', 'exec timeout -s KILL 60 gdb "$@" 2>&1', 'gdb', ...args], { encoding: 'utf8' });
  const parts = new Map<string, string>();
  for (const chunk of r.stdout.split('@@@').slice(1)) {
    const nl = chunk.indexOf('\n');
    parts.set(chunk.slice(0, nl), chunk.slice(nl + 1));
  }
  const cfa = /frame at (0x[0-9a-f]+)/.exec(parts.get('frame')!)![1]!;
  const off = /^work \+ (\d+) in section/m.exec(parts.get('sym')!);
  const regs: Registers = { cfa: BigInt(cfa) };
  for (const m of parts.get('regs')!.matchAll(/^(\w+)\s+(0x[0-9a-f]+)/gm)) {
    if ((DWARF_REGISTERS as readonly string[]).includes(m[1]!)) regs[m[1] as keyof Registers] = BigInt(m[2]!);
  }
  const locals = [...parts.get('locals')!.matchAll(/^(\w+) = /gm)].map((m) => m[1]!);
  const addressOf: Record<string, string> = {};
  for (const n of NAMES) addressOf[n] = parts.get('&' + n)!.trim();
  return { fileAddress: work + (off ? Number(off[1]) : 0), regs, locals, addressOf };
}

describe('variable locations', () => {
  for (const flags of [['-g', '-O0'], ['-g', '-O2'], ['-gdwarf-4', '-O2'], ['-gdwarf-4', '-O0']]) {
    it(`agree with gdb for a program built with ${flags.join(' ')}`, () => {
      const exe = gcc('frames.c', `frames${flags.join('')}`, flags);
      const d = DebugInfo.open(exe);
      const stop = stopInWork(exe, d.func('work')!.address!);
      const locals = d.locals(stop.fileAddress);
      expect(locals.map((l) => l.name).sort()).toEqual([...stop.locals].sort());
      let checked = 0;
      for (const l of locals) {
        const loc = d.location(l.die, stop.fileAddress, stop.regs);
        const gdb = stop.addressOf[l.name]!;
        const mem = /^\$\d+ = \([^)]*\) (0x[0-9a-f]+)/.exec(gdb);
        const reg = /which is in register \$(\w+)/.exec(gdb);
        if (mem) expect({ name: l.name, ...loc }).toMatchObject({ name: l.name, kind: 'memory', address: BigInt(mem[1]!) });
        else if (reg) expect({ name: l.name, ...loc }).toMatchObject({ name: l.name, kind: 'register', registerName: reg[1] });
        else expect(['value', 'implicit', 'optimized-out', 'unavailable', 'pieces']).toContain(loc.kind);
        checked++;
      }
      expect(checked).toBe(locals.length);
      // The types come along: gdb's `ptype` text for each.
      expect(locals.find((l) => l.name === 'p')!.type.toString()).toBe('struct pair *');
    });
  }

  it('reports what it cannot evaluate without registers', () => {
    const exe = gcc('frames.c', 'frames-noregs', ['-g', '-O0']);
    const d = DebugInfo.open(exe);
    const pc = d.func('work')!.address! + 8;
    const n = d.locals(pc).find((l) => l.name === 'n')!;
    const loc = d.location(n.die, pc);
    expect(loc).toMatchObject({ kind: 'unavailable', reason: 'the frame base is not known' });
    expect(loc.expression).toMatch(/^DW_OP_fbreg -\d+$/);
    expect(d.locals(0)).toEqual([]);
  });
});
