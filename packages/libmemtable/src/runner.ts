// Run a command as a child under libmemtable-preload.so and collect its exit report.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DebugInfo } from 'libpmirror';
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
  /** The object (shared library or executable) holding the site, `?` if unmapped. */
  object: string;
  /** The site's ELF virtual address in that object (the address less the object's load bias). */
  offset: bigint;
  /** The allocating call's function and source line from the object's DWARF (via libpmirror), if it has any. */
  source?: SourceSite;
}

/** Where an allocating call is in the source. */
export interface SourceSite {
  /** The function containing the call (inlined calls: the innermost one DWARF names). */
  function?: string;
  /** Source file path as the line table records it. */
  file: string;
  /** 1-based line. */
  line: number;
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
      const [count, bytes, site, symbol, object, offset] = line.split('\t');
      return {
        count: Number(count),
        bytes: Number(bytes),
        site: BigInt(site!),
        symbol: symbol ?? '?',
        object: object ?? '?',
        offset: BigInt(offset ?? 0),
      };
    });
    reports.push({ pid: Number(head[1]), exe: head[2]!, liveCount: Number(head[3]), liveBytes: Number(head[4]), sites });
  }
  return reports.sort((a, b) => a.pid - b.pid);
}

/**
 * Fill in `source` for every site whose object has DWARF, through libpmirror (loaded on first use;
 * objects without debug info, or a libpmirror that cannot load, leave sites as dladdr named them).
 */
export async function symbolizeSources(reports: ProcessReport[]): Promise<void> {
  const sites = reports.flatMap((r) => r.sites).filter((s) => s.object !== '?');
  if (sites.length === 0) return;
  let pmirror: typeof import('libpmirror');
  try {
    pmirror = await import('libpmirror');
  } catch {
    return;
  }
  const opened = new Map<string, DebugInfo | null>();
  for (const s of sites) {
    if (!opened.has(s.object)) {
      try {
        opened.set(s.object, pmirror.DebugInfo.open(s.object));
      } catch {
        opened.set(s.object, null); /* no debug info, or not a readable ELF file */
      }
    }
    const dbg = opened.get(s.object);
    /* The site is a return address: the call itself is the byte before it, as debuggers take it. */
    const at = s.offset - 1n;
    const line = dbg?.lineAt(at);
    if (line) s.source = { function: dbg!.functionAt(at)?.name, file: line.file, line: line.line };
  }
  for (const dbg of opened.values()) dbg?.close();
}

/** Render reports as text: per process a summary line, then its `top` sites. */
export function formatReports(reports: ProcessReport[], top = 20): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`memtable: pid ${r.pid} ${r.exe}: ${r.liveCount} live allocations, ${r.liveBytes} bytes at exit`);
    if (r.sites.length === 0) continue;
    out.push(`  ${'count'.padStart(9)} ${'bytes'.padStart(12)}  site`);
    for (const s of r.sites.slice(0, top))
      out.push(
        `  ${String(s.count).padStart(9)} ${String(s.bytes).padStart(12)}  ${s.symbol} (0x${s.site.toString(16)})` +
          (s.source ? ` in ${s.source.function ?? '??'} at ${s.source.file}:${s.source.line}` : ''),
      );
    if (r.sites.length > top) out.push(`  ... ${r.sites.length - top} more sites`);
  }
  return out.join('\n');
}

/**
 * Run `command` with libmemtable-preload.so preloaded (it and every process it starts). With
 * `report`, each process writes its live allocations by site at exit into a private temporary
 * directory (0700, removed afterwards), returned parsed and symbolised to file:line where the
 * objects have DWARF.
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
    child.on('close', (status, signal) => {
      const reports = finish();
      void symbolizeSources(reports).then(() => resolve({ status, signal, reports }), reject);
    });
  });
}
