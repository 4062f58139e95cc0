// #define constants from gcc -g3 (.debug_macro and the older .debug_macinfo), checked against gdb.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { DebugInfo } from '../src/index.js';
import { gcc } from './oracle.js';

const NAMES = ['SHAPES_ANSWER', 'offsetof', 'NULL', 'va_start', '__STDC_VERSION__', 'INT_MAX_NOT_DEFINED'];

/** gdb's `info macro` answers: [defined-at line or undefined, #define line or undefined]. */
function gdbMacros(exe: string): [string | undefined, string | undefined][] {
  const args = ['-nx', '-batch', '-ex', 'list main', ...NAMES.flatMap((n) => ['-ex', 'echo @@@\\n', '-ex', `info macro ${n}`]), exe];
  const r = spawnSync('sh', ['-c', 'exec timeout -s KILL 60 gdb "$@" 2>&1', 'gdb', ...args], { encoding: 'utf8' });
  return r.stdout.split('@@@\n').slice(1).map((chunk) => {
    // Predefined and command-line macros print as -DNAME=body.
    const def = /^#define .*$/m.exec(chunk)?.[0] ?? /^-D.*$/m.exec(chunk)?.[0];
    const at = /^Defined at (.*)$/m.exec(chunk)?.[1];
    return [at, def];
  });
}

describe('macros', () => {
  for (const flags of [['-g3', '-O0'], ['-g3', '-gdwarf-4', '-O0'], ['-g3', '-gdwarf-4', '-gstrict-dwarf', '-O0']]) {
    it(`match gdb info macro with ${flags.join(' ')}`, () => {
      const exe = gcc('shapes.c', `macros${flags.join('')}`, flags);
      const d = DebugInfo.open(exe);
      const want = gdbMacros(exe);
      expect(want.length).toBe(NAMES.length);
      let defined = 0;
      NAMES.forEach((name, i) => {
        const m = d.macro(name);
        const [at, def] = want[i]!;
        if (!def) {
          expect(m).toBeUndefined();
          return;
        }
        defined++;
        const params = m?.params ? `(${m.params.join(', ')})` : '';
        if (def.startsWith('-D')) {
          // gdb places predefined macros at line 0 of the main file; DWARF records them before any file.
          expect([`-D${m?.name}${params}=${m?.body}`, m?.file, m?.line]).toEqual([def, undefined, 0]);
          return;
        }
        expect(`#define ${m?.name}${params}${m?.body ? ' ' + m.body : ''}`).toBe(def);
        expect(`${m!.file}:${m!.line}`).toBe(at);
      });
      expect(defined).toBeGreaterThanOrEqual(4);
      expect(d.macros().length).toBeGreaterThan(100);
    });
  }

  it('is empty without -g3', () => {
    const d = DebugInfo.open(gcc('shapes.c', 'macros-none', ['-g', '-O0']));
    expect(d.macro('SHAPES_ANSWER')).toBeUndefined();
    expect(d.macros()).toEqual([]);
  });
});
