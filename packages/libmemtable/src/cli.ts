// The memtable-run command: `memtable-run [--report] [--top N] -- <command> [args]`.
import { formatReports, runUnderPreload } from './runner.js';

const usage = `usage: memtable-run [--report] [--top N] -- <command> [args]
  Run <command> with every malloc-family allocation indexed (LD_PRELOAD=libmemtable-preload.so).
  --report   at exit, print each process's live allocations grouped by allocation site (stderr)
  --top N    sites to print per process (default 20)`;

/** Parse the command line; undefined (after printing usage) when it is not usable. */
function parse(argv: string[]): { report: boolean; top: number; command: string[] } | undefined {
  let report = false;
  let top = 20;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--report') report = true;
    else if (a === '--top' && /^\d+$/.test(argv[i + 1] ?? '')) top = Number(argv[++i]);
    else if (a === '-h' || a === '--help') return undefined;
    else if (a.startsWith('-')) {
      console.error(`memtable-run: unknown option ${a}`);
      return undefined;
    } else break;
  }
  const command = argv.slice(i);
  return command.length ? { report, top, command } : undefined;
}

async function main(): Promise<void> {
  const opts = parse(process.argv.slice(2));
  if (!opts) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const [command, ...args] = opts.command;
  let result;
  try {
    result = await runUnderPreload(command!, args, { report: opts.report });
  } catch (err) {
    console.error(`memtable-run: ${command}: ${(err as Error).message}`);
    process.exitCode = 127;
    return;
  }
  if (opts.report) console.error(formatReports(result.reports, opts.top));
  if (result.signal) process.kill(process.pid, result.signal);
  else process.exitCode = result.status ?? 1;
}

await main();
