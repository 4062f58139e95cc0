import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { dir, expected, havePython, programs, runParathon, runPython } from './corpus.js';

// Stored expectations are python3's own output (test/programs/regen.py rewrites them).

describe('parathon runs the corpus exactly as python3 does', () => {
  for (const name of programs()) {
    it(`${name}.py matches python3's stored output`, () => {
      expect(existsSync(`${dir}${name}.expected.json`)).toBe(true);
      const want = expected(name);
      const got = runParathon(name);
      expect(got.stdout).toBe(want.stdout);
      expect(got.exception).toBe(want.exception);
      expect(got.exit).toBe(want.exit);
    });
  }
});

describe.runIf(havePython())('the stored expectations are what python3 prints now', () => {
  it('every program, regenerated live', () => {
    for (const name of programs()) {
      const live = runPython(name);
      const want = expected(name);
      expect({ name, ...live }).toEqual({ name, ...want });
    }
  });
});
