// Run a command as a child under libmemtable-preload.so and collect its exit report.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preloadPath } from './native.js';

/** One allocation site in a process's exit report. */
export interface ReportSite {
  /** Live allocations from this site at exit. */
  count: number;
  /** Their total size in bytes. */
  bytes: number;
  /** Return address of the allocating call. */
  site: bigint;
  /** The site as dladdr saw it in the child: `object!symbol+0xoff` or `object+0xoff` (`?` if unmapped). */
  symbol: string;
}

/** What one process (the command, or any process it started) still had allocated when it exited. */
export interface ProcessReport {
  /** Its process id. */
  pid: number;
  /** Its executable (from /proc/self/exe). */
  exe: string;
  /** Live allocations at exit. */
  liveCount: number;
  /** Their total size in bytes. */
  liveBytes: number;
  /** Allocation sites, largest byte total first. */
  sites: ReportSite[];
}

/** How a run ended. */
export interface RunResult {
  /** Exit status, or null when a signal ended the child. */
  status: number | null;
  /** The signal that ended the child, if any. */
  signal: NodeJS.Signals | null;
  /** Exit reports, one per process that ran under the preload (only with `report: true`). */
  reports: ProcessReport[];
}

/** Options for {@link runUnderPreload}. */
export interface RunOptions {
  /** Collect each process's live allocations at exit. */
  report?: boolean;
  /** Extra environment for the child (on top of this process's). */
  env?: NodeJS.ProcessEnv;
  /** stdio for the child (default: inherit). */
  stdio?: 'inherit' | 'pipe' | 'ignore';
}

/** Parse the private report files the preload writes at exit (see memtable_preload.c). */
export function readReports(dir: string): ProcessReport[] {
  const reports: ProcessReport[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.tsv'))) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean);
    const head = lines.shift()?.match(/^# (\d+)\t(.*)\t(\d+)\t(\d+)$/);
    if (!head) continue; /* a process killed while writing: nothing trustworthy to show */
    const sites = lines.map((line) => {
      const [count, bytes, site, ...symbol] = line.split('\t');
      return { count: Number(count), bytes: Number(bytes), site: BigInt(site!), symbol: symbol.join('\t') };
    });
    reports.push({ pid: Number(head[1]), exe: head[2]!, liveCount: Number(head[3]), liveBytes: Number(head[4]), sites });
  }
  return reports.sort((a, b) => a.pid - b.pid);
}

/** Render reports as text: per process a summary line, then its `top` sites. */
export function formatReports(reports: ProcessReport[], top = 20): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`memtable: pid ${r.pid} ${r.exe}: ${r.liveCount} live allocations, ${r.liveBytes} bytes at exit`);
    if (r.sites.length === 0) continue;
    out.push(`  ${'count'.padStart(9)} ${'bytes'.padStart(12)}  site`);
    for (const s of r.sites.slice(0, top))
      out.push(`  ${String(s.count).padStart(9)} ${String(s.bytes).padStart(12)}  ${s.symbol} (0x${s.site.toString(16)})`);
    if (r.sites.length > top) out.push(`  ... ${r.sites.length - top} more sites`);
  }
  return out.join('\n');
}

/**
 * Run `command` with libmemtable-preload.so preloaded (it and every process it starts). With
 * `report`, each process writes its live allocations by site at exit into a private temporary
 * directory (0700, removed afterwards), returned parsed.
 */
export function runUnderPreload(command: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const dir = opts.report ? mkdtempSync(join(tmpdir(), 'memtable-')) : undefined;
  const inherited = process.env.LD_PRELOAD;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    LD_PRELOAD: inherited ? `${preloadPath}:${inherited}` : preloadPath,
  };
  if (dir) env.MEMTABLE_REPORT_DIR = dir;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: opts.stdio ?? 'inherit' });
    const forward = (sig: NodeJS.Signals) => child.kill(sig);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    const finish = () => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      const reports = dir ? readReports(dir) : [];
      if (dir) rmSync(dir, { recursive: true, force: true });
      return reports;
    };
    child.on('error', (err) => {
      finish();
      reject(err);
    });
    child.on('close', (status, signal) => resolve({ status, signal, reports: finish() }));
  });
}
