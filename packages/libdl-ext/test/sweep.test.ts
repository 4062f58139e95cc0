import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = fileURLToPath(new URL('..', import.meta.url));

describe('generated files of killed processes', () => {
  it('are swept by the next dlcreate: only ours, only of dead processes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlext-sweep-'));
    try {
      const dead = spawnSync('true').pid!; // exited: its pid is (almost surely) free
      const files = {
        stale: `dlext-old-${dead}-AbC123.so`,
        live: `dlext-old-${process.pid}-AbC123.so`,
        foreign: `dlext-old-${dead}-AbC123.txt`,
        wideMode: `dlext-wide-${dead}-XyZ789.so`,
      };
      for (const f of Object.values(files)) writeFileSync(join(dir, f), 'x', { mode: 0o600 });
      chmodSync(join(dir, files.wideMode), 0o644);
      const prog = join(dir, 'create.mjs');
      writeFileSync(prog, `import { DynamicLibrary } from ${JSON.stringify(pkg + 'dist/index.js')};\n` +
        "const lib = DynamicLibrary.create('sweeper'); console.log(lib.paths[0]); lib.destroy();\n");
      const r = spawnSync(process.execPath, [prog], { encoding: 'utf8', env: { ...process.env, DLEXT_DIR: dir } });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^${dir}/dlext-sweeper-\\d+-\\w{6}\\.so$`, 'm'));
      expect(existsSync(join(dir, files.stale))).toBe(false);
      expect(existsSync(join(dir, files.live))).toBe(true);
      expect(existsSync(join(dir, files.foreign))).toBe(true);
      expect(existsSync(join(dir, files.wideMode))).toBe(true);
      expect(readdirSync(dir).filter((f) => f.includes('sweeper'))).toEqual([]); // destroyed: removed
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
