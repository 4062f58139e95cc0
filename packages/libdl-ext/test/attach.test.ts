import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { compileC } from '../../../test-support/native.js';
import { libraryPath } from '../src/index.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));

// Oracle: gdb attaching to a running process (it reads the JIT descriptor at attach time).
describe('gdb -p on a running process', () => {
  it('names the generated frame with file:line and its arguments, and unwinds through it to main', async () => {
    const exe = compileC({ pkg, sources: ['test/c/attach.c'], link: libraryPath });
    const child = spawn(exe, [], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      while (!/ready \d+/.test(out)) {
        const [chunk] = await once(child.stdout, 'data');
        out += chunk;
      }
      const gdb = spawnSync('timeout', ['-s', 'KILL', '90', 'gdb', '-batch', '-nx', '-p', String(child.pid),
        '-ex', 'bt', '-ex', 'frame function py_serve', '-ex', 'info args', '-ex', 'detach'], { encoding: 'utf8' });
      const text = gdb.stdout + gdb.stderr;
      expect(text).toMatch(/#\d +0x[0-9a-f]+ in wait_target \(/);
      expect(text).toMatch(/#\d +0x[0-9a-f]+ in py_serve \(token=1234\) at server\.py:42\n#\d +0x[0-9a-f]+ in main \(\)/);
      expect(text).toMatch(/^token = 1234$/m);
    } finally {
      child.stdin.end();
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    }
  });
});
