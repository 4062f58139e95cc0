// Benchmarks for libpmirror, side by side with gdb, readelf and addr2line in the same run.
// `npm run bench -w libpmirror`. Prints a table of figures and ratios (peer time / our time).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const LIBC = '/lib/x86_64-linux-gnu/libc.so.6';
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const { DebugInfo } = await import(dist);

/** Wall time of a command in ms (best of `runs`). */
function timeCmd(cmd, args, runs = 3, input) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, input, stdio: ['pipe', 'ignore', 'ignore'] });
    const t = performance.now() - t0;
    if (r.status !== 0 && r.status !== null) throw new Error(`${cmd} exited ${r.status}`);
    best = Math.min(best, t);
  }
  return best;
}

/** CPU time (user + system, ms) of a command, best of `runs`: steadier than wall time on a busy machine. */
function cpuCmd(cmd, args, runs = 3) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
    const m = /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    if (m) best = Math.min(best, (Number(m[1]) + Number(m[2])) * 1000);
  }
  return best;
}

/** Cold open + full index in a fresh node process: wall ms, CPU ms, and the C breakdown. */
function coldOpen() {
  const code = `
    const { DebugInfo } = await import(${JSON.stringify(dist)});
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const d = DebugInfo.open(${JSON.stringify(LIBC)}).index();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    console.log(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000, stats: d.stats() }));`;
  let best;
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    const v = JSON.parse(r.stdout);
    if (!best || v.ms < best.ms) best = v;
  }
  return best;
}

const rows = [];
const row = (what, ours, peer, peerName, unit) => rows.push({ what, ours, peer, peerName, unit });

// 1. Open libc's debug file and build the full name index.
const cold = coldOpen();
const debugFile = cold.stats.debugFile;
const gdbLoad = timeCmd('gdb', ['-nx', '-batch', '-readnow', '-ex', 'info line qsort', LIBC], 2);
const gdbLazy = timeCmd('gdb', ['-nx', '-batch', '-ex', 'info line qsort', LIBC], 3);
const gdbStart = timeCmd('gdb', ['-nx', '-batch'], 3);
const readelf = timeCmd('readelf', ['--debug-dump=info', debugFile], 2);
row('open libc debug file + full name index (cold, ms)', cold.ms, gdbLazy - gdbStart, 'gdb -batch load symbols (minus gdb startup)', 'ms');
row('  same, vs gdb -readnow (full symbols)', cold.ms, gdbLoad - gdbStart, 'gdb -readnow load (minus startup)', 'ms');
row('  same, vs readelf --debug-dump=info', cold.ms, readelf, 'readelf --debug-dump=info', 'ms');
const gdbCpu = cpuCmd('gdb', ['-nx', '-batch', '-ex', 'info line qsort', LIBC]) - cpuCmd('gdb', ['-nx', '-batch']);
row('  same, CPU time (ms)', cold.cpu, gdbCpu, 'gdb -batch load symbols, CPU (minus startup)', 'ms');

// 2. Address -> function:line lookups per second.
const d = DebugInfo.open(LIBC).index();
const fns = d.functionEntries().filter((f) => f.defined && f.low > 0);
const addrs = [];
for (let i = 0; addrs.length < 20000; i++) addrs.push(fns[i % fns.length].low + ((i * 7) % 64));
for (const a of addrs.slice(0, 2000)) d.addressInfo(a); // warm the per-unit line tables
let t0 = performance.now();
for (const a of addrs) d.addressInfo(a);
const oursRate = addrs.length / ((performance.now() - t0) / 1000);
const hex = addrs.map((a) => '0x' + a.toString(16));
const a2lOne = timeCmd('addr2line', ['-f', '-e', LIBC, hex[0]], 3);
const a2lAll = timeCmd('addr2line', ['-f', '-e', LIBC], 1, hex.join('\n') + '\n');
const a2lRate = addrs.length / (Math.max(1, a2lAll - a2lOne) / 1000);
row('address -> function:line (lookups/s, warm)', oursRate, a2lRate, 'addr2line -f (stdin batch, minus startup)', '/s');

// 3. Name -> type (first lookup of each name: index hit + closure + TS objects).
const names = d.typeNames().filter((n) => !n.includes(' ') || n.startsWith('struct ') || n.startsWith('union ') || n.startsWith('enum '));
const fresh = DebugInfo.open(LIBC, { debugDir: '/nonexistent-for-a-fresh-ts-cache' }).index();
t0 = performance.now();
let found = 0;
for (const n of names) if (fresh.type(n)) found++;
const typeRate = names.length / ((performance.now() - t0) / 1000);
const sample = names.filter((n) => n.startsWith('struct ')).slice(0, 200);
const gdbArgs = (ns) => ['-nx', '-batch', ...ns.flatMap((n) => ['-ex', `ptype ${n}`]), LIBC];
const gdbOne = timeCmd('gdb', gdbArgs(sample.slice(0, 1)), 2);
const gdbMany = timeCmd('gdb', gdbArgs(sample), 1);
const gdbTypeRate = (sample.length - 1) / (Math.max(1, gdbMany - gdbOne) / 1000);
row(`name -> type (first lookups/s, ${found}/${names.length} names)`, typeRate, gdbTypeRate, 'gdb ptype (batch of 200, minus one)', '/s');

// 4. Every function of libc with its full C signature.
const all = DebugInfo.open(LIBC, { debugDir: '/nonexistent-for-all-functions' });
t0 = performance.now();
const nfuncs = all.functions().length;
const allMs = performance.now() - t0;
const gdbInfoFunctions = timeCmd('gdb', ['-nx', '-batch', '-ex', 'info functions', LIBC], 1);
row(`all ${nfuncs} function signatures (ms)`, allMs, gdbInfoFunctions - gdbStart, 'gdb info functions (minus startup)', 'ms');

const fmt = (v) => (v >= 1000 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1));
console.log(`libpmirror bench on ${LIBC} (debug file ${debugFile}, ${(cold.stats.debugInfoBytes / 1e6).toFixed(1)} MB .debug_info)`);
console.log(`load average while running: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`C core breakdown of the cold open: sections+zlib ${cold.stats.ms.sections.toFixed(1)} ms, units ${cold.stats.ms.units.toFixed(1)} ms, index ${cold.stats.ms.index.toFixed(1)} ms`);
console.log('');
console.log('| measure | libpmirror | peer | peer figure | ratio (ours better if > 1) |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  const ratio = r.unit === 'ms' ? r.peer / r.ours : r.ours / r.peer;
  console.log(`| ${r.what} | ${fmt(r.ours)} | ${r.peerName} | ${fmt(r.peer)} | ${ratio.toFixed(2)}x |`);
}
