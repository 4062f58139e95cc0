import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, pkg } from './helpers.js';

// Every program in examples/ has an oracle in test/fixtures/oracles/ that computes the same output
// with python3's own modules (time, os, zlib, functools); the outputs must be identical.

const examples = join(pkg, '..', '..', 'examples');
const oracles = join(pkg, 'test', 'fixtures', 'oracles');
const env = { ...process.env, DWARFPYTHON_TOUR: 'hello from the environment' };

describe('examples/ match python3 oracles', () => {
  const names = readdirSync(examples).filter((f) => f.endsWith('.py'));
  it('every example has an oracle', () => {
    expect(names.length).toBeGreaterThan(1);
    expect(names.filter((n) => !readdirSync(oracles).includes(n))).toEqual([]);
  });
  for (const name of names) {
    it(name, () => {
      const ours = spawnSync(process.execPath, [cli, join(examples, name)], { encoding: 'utf8', env, timeout: 120_000 });
      const theirs = spawnSync('python3', [join(oracles, name)], { encoding: 'utf8', env });
      expect(theirs.status).toBe(0);
      expect(ours.stderr).toBe('');
      expect(ours.stdout).toBe(theirs.stdout);
      expect(ours.status).toBe(0);
    });
  }
});
