// The `parathon/runtime` subpath for embedders (dwarfpython): resolvable through package.json's
// "exports", and its pieces work together from outside the package.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

describe('parathon/runtime', () => {
  it('builds a Python type with an attribute hook, raises its exceptions and calls Python callables', () => {
    const code = `
      import { Interpreter, makeType, builtin, builtins, call, mkExc, excTypes, PyFloat, flushAll } from 'parathon/runtime';
      const it = new Interpreter({ argv: [''] });
      const Point = makeType('Point', null, {
        __repr__: builtin('__repr__', (p) => 'Point(' + p.x + ')'),
      }, 'embed', (p, name) => name === 'x' ? p.x : name === 'half' ? new PyFloat(p.x / 2) : undefined);
      const m = it.runMain('', '<embed>');
      m.$d.p = Object.assign(Object.create(null), { $c: Point, x: 3 });
      m.$d.boom = builtin('boom', () => { throw mkExc(excTypes.ValueError, 'from JS'); });
      it.compile('print(p, p.x, p.half, type(p).__name__)\\ntry:\\n    boom()\\nexcept ValueError as e:\\n    print("caught", e)\\n', '<embed>', '__main__')(m.$d);
      flushAll();
      console.log(JSON.stringify(call(builtins.sorted, [[3, 1, 2]])));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Point(3) 3 1.5 Point\ncaught from JS\n[1,2,3]\n');
  });
});
