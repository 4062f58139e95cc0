// Benchmarks for libmemtable, side by side with plain glibc malloc in the same run:
//  - a malloc-heavy microbenchmark (random sizes 16 B - 4 KiB, 10M operations, 1 and 2 threads);
//  - real programs (gcc compiling a C file, python3 running a script) with and without the preload;
//  - callgrind instruction counts for both (exact, unlike times on a shared machine);
//  - lookup latency (hit, miss inside the heap, miss elsewhere; from C and from TS through koffi);
//  - memory overhead per live allocation.
// Times are the minimum of several alternating runs. Never a test: nothing here asserts.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Memtable, preloadPath, libraryPath } from '../dist/index.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const out = pkg + 'build/bench/';
mkdirSync(out, { recursive: true });

function sh(cmd, args, env = {}, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20, cwd: out, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: status ${r.status}\n${r.stderr}`);
  return r;
}

const cc = (src, exe, extra = []) => sh('gcc', ['-O2', '-g', '-I', pkg + 'native/include', pkg + src, ...extra, '-o', out + exe]);
cc('bench/mallocbench.c', 'mallocbench', ['-lpthread']);
cc('bench/lookupbench.c', 'lookupbench', [libraryPath, `-Wl,-rpath,${pkg}build/Release`]);

const PRE = { LD_PRELOAD: preloadPath };
process.env.PYTHONHASHSEED = '0'; /* the same dict layout, so the same work, in every python3 run */
const python = '/usr/bin/python3';
// Five C files in one gcc run (objects land in build/bench/): long enough for /usr/bin/time's 10 ms.
const gccInputs = ['memtable_index.c', 'memtable_api.c', 'memtable_preload.c', 'memtable_pool.c'].map((f) => pkg + 'native/src/' + f);
const gccArgs = ['-O2', '-g', '-DMEMTABLE_PRELOAD', '-I', pkg + 'native/include', '-c', ...gccInputs, pkg + 'bench/lookupbench.c'];
const rows = [];
const fmt = (x, d = 3) => x.toFixed(d);

/** CPU seconds (user + sys) of one run: measured inside the program when it prints "wall cpu",
    else by /usr/bin/time over the whole process tree. CPU time is steadier than wall time on a
    machine shared with other work. */
function seconds(cmd, args, env, inner) {
  if (inner) return Number(sh(cmd, args, env).stdout.trim().split(' ')[1]);
  const r = sh('/usr/bin/time', ['-f', 'cpu %U %S', cmd, ...args], env);
  const [, user, sys] = r.stderr.trim().split('\n').pop().split(' ');
  return Number(user) + Number(sys);
}

/** Minimum time over `reps` alternating plain / preloaded runs. */
function sideBySide(name, cmd, args, reps, inner = false) {
  let plain = Infinity;
  let pre = Infinity;
  for (let i = 0; i < reps; i++) {
    plain = Math.min(plain, seconds(cmd, args, {}, inner));
    pre = Math.min(pre, seconds(cmd, args, PRE, inner));
  }
  rows.push([`${name} (CPU s)`, fmt(plain), fmt(pre), fmt(pre / plain, 2)]);
  console.log(`${name}: glibc ${fmt(plain)} s, memtable ${fmt(pre)} s, ratio ${fmt(pre / plain, 2)}`);
}

/** Instructions callgrind counts over a command and every process it starts. */
function instructions(cmd, args, env) {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--trace-children=yes', '--callgrind-out-file=/dev/null', cmd, ...args], {
    encoding: 'utf8',
    cwd: out,
    env: { ...process.env, ...env },
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`callgrind ${cmd}: ${r.stderr}`);
  return [...r.stderr.matchAll(/Collected : (\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);
}

function callgrindRow(name, cmd, args, perOp) {
  const plain = instructions(cmd, args, {});
  const pre = instructions(cmd, args, PRE);
  const show = (n) => (perOp ? `${fmt(n / perOp, 0)} /op` : `${fmt(n / 1e6, 1)} M`);
  rows.push([`${name} (callgrind Ir)`, show(plain), show(pre), fmt(pre / plain, 3)]);
  console.log(`${name}: callgrind glibc ${plain} Ir, memtable ${pre} Ir, ratio ${fmt(pre / plain, 3)}`);
}

console.log(`libmemtable benchmarks (${new Date().toISOString()}), min of alternating runs\n`);
sideBySide('malloc churn, 10M ops, 1 thread', out + 'mallocbench', ['10000000', '1'], 3, true);
sideBySide('malloc churn, 10M ops, 2 threads', out + 'mallocbench', ['10000000', '2'], 3, true);
sideBySide('gcc -O2 -g -c, 5 C files', 'gcc', gccArgs, 9);
sideBySide('python3 workload.py (200k entries)', python, [pkg + 'bench/workload.py', '200000'], 5);
const haveValgrind = spawnSync('valgrind', ['--version']).status === 0;
if (haveValgrind) {
  callgrindRow('malloc churn, 200k ops', out + 'mallocbench', ['200000', '1'], 200000);
  callgrindRow('gcc -O2 -g -c, 5 C files', 'gcc', gccArgs);
  callgrindRow('python3 workload.py (20k entries)', python, [pkg + 'bench/workload.py', '20000']);
} else {
  console.log('valgrind not installed: no instruction counts');
}

// Lookup latency and memory, from C.
const lb = Object.fromEntries(
  sh(out + 'lookupbench', []).stdout.trim().split('\n').map((l) => l.split(' ')).map(([k, v]) => [k, Number(v)]),
);

// Lookup latency from TS (one koffi call per lookup).
const mt = new Memtable();
const blocks = Array.from({ length: 10000 }, (_, i) => [mt.allocTyped(16 + ((i * 37) % 241), 1n), 16 + ((i * 37) % 241)]);
const addrs = blocks.map(([p, n], i) => p + BigInt((i * 13) % n)).map(Number);
const N = 1_000_000;
const cpuNs = (since) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) * 1000;
};
let t0 = process.cpuUsage();
let hits = 0;
for (let i = 0; i < N; i++) if (mt.lookup(addrs[i % addrs.length])) hits++;
const tsHit = cpuNs(t0) / N;
const staticAddr = 0x1000;
t0 = process.cpuUsage();
for (let i = 0; i < N; i++) if (mt.lookup(staticAddr + (i & 4095))) hits++;
const tsMiss = cpuNs(t0) / N;
for (const [p] of blocks) mt.free(p);

console.log(`
| figure | glibc | libmemtable | ratio |
|---|---|---|---|
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

| lookup latency (goal < 50 ns; C: thread CPU time, fastest of 20 rounds of 1M; TS: CPU time) | ns |
|---|---|
| C, hit, cache-resident (random interior pointers into 1000 blocks) | ${lb.hit_hot_ns} |
| C, hit, cold (random interior pointers into 200k live blocks of 16-256 B) | ${lb.hit_cold_ns} |
| C, miss inside indexed heap pages (freed neighbours) | ${lb.miss_heap_ns} |
| C, miss outside the heap (static data) | ${lb.miss_static_ns} |
| TS \`Memtable.lookup\` through koffi, hit | ${fmt(tsHit, 1)} |
| TS \`Memtable.lookup\` through koffi, miss | ${fmt(tsMiss, 1)} |

| memory per live allocation (200k blocks of 16-256 B) | bytes |
|---|---|
| glibc alone (resident) | ${lb.glibc_bytes_per_block} |
| glibc + index (typed allocator, resident) | ${lb.typed_bytes_per_block} |
| index overhead (resident) | ${lb.overhead_bytes_per_block} |
| index overhead (mapped by the index / live blocks) | ${lb.index_mapped_per_block} |
`);
if (hits !== N) console.log(`(TS lookups: ${hits} hits of ${N} expected)`);
