// The sys module.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { PyModule, PyTuple, PyFloat, NS, mkExc, SystemExit_, excTypes } from '../runtime/core.js';
import { PyDict } from '../runtime/dict.js';
import { call } from '../runtime/calls.js';
import { stdout, stderr, streams } from '../builtins/functions.js';
import { excStack } from '../runtime/rt.js';
import { intDigits } from '../runtime/format.js';

let recursionLimit = 1000;

/** A builtin function value. */
export function bf(name: string, f: (...a: any[]) => any): any {
  const g: any = f;
  g.$s = true;
  g.$name = name;
  return g;
}

/** Build the sys module. */
export function makeSys(argv: string[], path: string[]): PyModule {
  const d = new NS();
  d.__name__ = 'sys';
  d.argv = argv.slice();
  d.path = path.slice();
  d.modules = new PyDict();
  d.stdout = stdout;
  d.stderr = stderr;
  d.stdin = streams.stdin;
  d.__stdout__ = stdout;
  d.__stderr__ = stderr;
  d.__stdin__ = streams.stdin;
  d.maxsize = 9223372036854775807n;
  d.maxunicode = 0x10ffff;
  d.byteorder = 'little';
  d.platform = 'linux';
  d.executable = process.execPath;
  d.version = '3.11.7 (parathon)';
  const vi = new PyTuple([3, 11, 7, 'final', 0]);
  d.version_info = vi;
  d.hexversion = 0x030b07f0;
  d.implementation = null;
  d.float_info = new PyTuple([new PyFloat(Number.MAX_VALUE), 1024, 308, new PyFloat(2.2250738585072014e-308), -1021, -307, 15, 53, new PyFloat(Number.EPSILON), 2, 1]);
  d.flags = null;
  d.dont_write_bytecode = true;
  d.exit = bf('exit', (code: any = null) => {
    throw mkExc(SystemExit_, ...(code === null ? [] : [code]));
  });
  d.getrecursionlimit = bf('getrecursionlimit', () => recursionLimit);
  d.setrecursionlimit = bf('setrecursionlimit', (n: any) => {
    recursionLimit = Number(n);
    return null;
  });
  d.exc_info = bf('exc_info', () => {
    const e = excStack[excStack.length - 1];
    return e ? new PyTuple([e.$c, e, null]) : new PyTuple([null, null, null]);
  });
  d.exception = bf('exception', () => excStack[excStack.length - 1] ?? null);
  d.intern = bf('intern', (s: string) => s);
  d.get_int_max_str_digits = bf('get_int_max_str_digits', () => intDigits.max);
  d.set_int_max_str_digits = bf('set_int_max_str_digits', (n: any) => {
    const v = Number(n);
    if (v !== 0 && v < 640) throw mkExc(excTypes.ValueError!, 'maxdigits must be 0 or larger than 640');
    intDigits.max = v;
    return null;
  });
  d.getsizeof = bf('getsizeof', () => 64);
  d.getdefaultencoding = bf('getdefaultencoding', () => 'utf-8');
  d.getfilesystemencoding = bf('getfilesystemencoding', () => 'utf-8');
  d.displayhook = bf('displayhook', (v: any) => call(d.__displayhook__, [v], null));
  void excTypes;
  return new PyModule(d);
}
