// The `parathon` command: run a file, -c CODE, -m module, - (stdin), or a REPL on a terminal.
// Programs run on a worker thread whose stack is 64 MB, so deep Python recursion (which CPython
// allows once sys.setrecursionlimit is raised) does not hit V8's default 1 MB limit; the REPL stays
// on the main thread, where the terminal is.
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const STACK_MB = 64;

async function launch(): Promise<void> {
  const argv = process.argv.slice(2);
  const interactive = argv.length === 0 && process.stdin.isTTY;
  if (interactive) {
    const { repl } = await import('./repl.js');
    repl();
    return;
  }
  if (process.env.PARATHON_NO_WORKER) {
    const { runAndExit } = await import('./cli-main.js');
    runAndExit(argv);
  }
  const w = new Worker(new URL(import.meta.url), { workerData: { argv }, resourceLimits: { stackSizeMb: STACK_MB }, stdin: false });
  w.on('exit', (code) => {
    process.exitCode = code;
  });
  w.on('error', (e) => {
    process.stderr.write(`parathon: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 70;
  });
}

if (isMainThread) {
  void launch();
} else {
  const { runAndExit } = await import('./cli-main.js');
  runAndExit((workerData as { argv: string[] }).argv);
}
