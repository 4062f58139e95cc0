// Benchmarks: each program in bench/programs runs under python3 and parathon in the same run. For
// each we take the best of N runs of wall-clock time and of CPU time (user + system, from GNU time
// when /usr/bin/time exists; process start-up included in both), print the ratios parathon/python3
// and their geometric means. Outputs must agree, or the row is marked as a mismatch.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./programs/', import.meta.url));
const bin = fileURLToPath(new URL('../bin/parathon.js', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.argv.slice(2);
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function time(cmd, args) {
  let wall = Infinity, cpu = Infinity, out = '';
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = gnuTime
      ? spawnSync(gnuTime, ['-f', '@@cpu %U %S', cmd, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 })
      : spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) return { wall: NaN, cpu: NaN, out: r.stderr };
    out = r.stdout;
    wall = Math.min(wall, dt);
    const m = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
    if (m) cpu = Math.min(cpu, Number(m[1]) + Number(m[2]));
  }
  return { wall, cpu: Number.isFinite(cpu) ? cpu : NaN, out };
}

const rows = [];
// startup.py is an empty program: its row is the fixed cost included in every other row.
for (const f of readdirSync(dir).filter((x) => x.endsWith('.py')).sort()) {
  const name = f.slice(0, -3);
  if (only.length && !only.includes(name)) continue;
  const py = time('python3', [f]);
  const pt = time(process.execPath, [bin, f]);
  const same = py.out === pt.out;
  rows.push({ name, py, pt, wr: pt.wall / py.wall, cr: pt.cpu / py.cpu, same, err: same ? '' : pt.out.slice(-200) });
}
const pad = (s, n) => String(s).padEnd(n);
const num = (x) => (Number.isFinite(x) ? x.toFixed(3) : '-');
console.log(`parathon vs python3 (${spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim()}), best of ${runs}, seconds incl. start-up`);
console.log(pad('program', 15) + pad('py wall', 9) + pad('pt wall', 9) + pad('ratio', 8) + pad('py cpu', 9) + pad('pt cpu', 9) + pad('ratio', 8) + 'output');
for (const r of rows) {
  console.log(pad(r.name, 15) + pad(num(r.py.wall), 9) + pad(num(r.pt.wall), 9) + pad(num(r.wr), 8) + pad(num(r.py.cpu), 9) + pad(num(r.pt.cpu), 9) + pad(num(r.cr), 8) + (r.same ? 'same' : 'MISMATCH ' + r.err));
}
const geo = (k) => {
  const ok = rows.filter((r) => Number.isFinite(r[k]) && r.name !== 'startup');
  return Math.exp(ok.reduce((a, r) => a + Math.log(r[k]), 0) / (ok.length || 1));
};
console.log(pad('geomean*', 33) + pad(geo('wr').toFixed(3), 26) + geo('cr').toFixed(3) + '   (parathon / python3; below 1.0 = parathon faster)');
console.log('* geometric mean over the programs, without the empty start-up program');
