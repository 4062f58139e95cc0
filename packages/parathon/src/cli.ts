// The `parathon` command: run a file, -c CODE, -m module, - (stdin), or a REPL on a terminal.
// Programs that raise sys.setrecursionlimit run on a worker thread whose stack is 64 MB, so deep
// Python recursion does not hit V8's default 1 MB limit; others (and the REPL) run on the main
// thread, whose stack holds several times CPython's default limit of 1000 frames.
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const STACK_MB = 64;

/**
 * Does this program need more than the main thread's stack? Under CPython's default recursion limit
 * (1000 frames) the main thread has room to spare, so only programs that raise the limit, or whose
 * source we cannot see in advance (stdin, -m), pay for the worker thread.
 */
function needsDeepStack(argv: string[]): boolean {
  let i = 0;
  while (i < argv.length && /^-[uBEsSI]$/.test(argv[i]!)) i++;
  const a = argv[i];
  if (a === undefined || a === '-' || a === '-m') return true;
  try {
    const src = a === '-c' ? argv[i + 1] ?? '' : readFileSync(a, 'utf8');
    return src.includes('setrecursionlimit');
  } catch {
    return false;
  }
}

async function launch(): Promise<void> {
  const argv = process.argv.slice(2);
  const interactive = argv.length === 0 && process.stdin.isTTY;
  if (interactive) {
    const { repl } = await import('./repl.js');
    repl();
    return;
  }
  if (process.env.PARATHON_NO_WORKER || !needsDeepStack(argv)) {
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
