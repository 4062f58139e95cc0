// The `dwarfpython` command: parathon's command line (file, -c CODE, -m module, - / stdin, the REPL
// on a terminal) over a DwarfInterpreter, so C libraries import as modules (`import libc`) through
// their own DWARF; plus --memtable.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { preloadPath } from 'libmemtable';
import { cliMain } from 'parathon/runtime';
import { DwarfInterpreter } from './interp.js';
import { dwarfpython_stdio_flush } from './native.js';

/** Re-run this command with libmemtable-preload.so preloaded (it must be there from process start). */
function underMemtable(argv: string[]): number {
  const inherited = process.env.LD_PRELOAD;
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...argv], {
    stdio: 'inherit',
    env: { ...process.env, DWARFPYTHON_MEMTABLE: '1', LD_PRELOAD: inherited ? `${preloadPath}:${inherited}` : preloadPath },
  });
  return r.status ?? 128 + 9;
}

const status = cliMain(process.argv.slice(2), {
  name: 'dwarfpython',
  interpreter: (opts) => new DwarfInterpreter(opts),
  options: {
    '--memtable': (argv, i) => (process.env.DWARFPYTHON_MEMTABLE === '1' ? null : underMemtable([...argv.slice(0, i), ...argv.slice(i + 1)])),
  },
  optionsHelp: '  --memtable  run under libmemtable\'s malloc interposer: every heap block C allocates is indexed,\n' +
    '              so pointers from C get bounds checks and dwarfpython.allocation() answers for them\n',
  repl: {
    banner: 'Python 3.11.7 (dwarfpython)\nC libraries import as modules: import libc\n',
    afterEach: dwarfpython_stdio_flush,
  },
  // C's stdio buffers are flushed once Python's are (cliMain flushes those).
  finish: dwarfpython_stdio_flush,
});
if (status !== -1) process.exitCode = status;
