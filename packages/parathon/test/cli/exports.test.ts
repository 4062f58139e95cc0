// The package's public entry point: the front-end functions it re-exports work as documented.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as parathon from '../../src/index.js';

const havePython = spawnSync('python3', ['--version']).status === 0;
const SRC = 'def f(a, *b):\n    return [x + 1 for x in b if x]\nclass C(f(1)):\n    y: int = 2\n';

describe('parathon public API', () => {
  it.runIf(havePython)('walk visits the nodes python3 ast.walk visits, in the same order', () => {
    const mine = [...parathon.walk(parathon.parse(SRC))].map((n) => n._type);
    const p = spawnSync('python3', ['-c', 'import ast,sys\nfor n in ast.walk(ast.parse(sys.stdin.read())): print(type(n).__name__)'],
      { input: SRC, encoding: 'utf8' });
    expect(mine).toEqual(p.stdout.trim().split('\n'));
  });

  it('compileCommand, formatSyntaxError and PyParserRecursionError are exported', () => {
    expect(parathon.compileCommand('for i in x: pass')).toBeNull();
    expect(parathon.compileCommand('x = 1\n')?._type).toBe('Interactive');
    let err: unknown;
    try {
      parathon.parse('x = (1,', 'f.py');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(parathon.PySyntaxError);
    expect(parathon.formatSyntaxError(err as parathon.PySyntaxError)).toBe(
      '  File "f.py", line 1\n    x = (1,\n        ^\nSyntaxError: \'(\' was never closed\n');
    expect(() => parathon.parse('a' + '.b'.repeat(5000))).toThrow(parathon.PyParserRecursionError);
  });
});
