// Benchmarks: each program in bench/programs runs under python3 and parathon in the same run; we
// print wall-clock seconds (best of N runs, process start included), the ratio parathon/python3 per
// program and the geometric mean. Outputs must agree, or the row is marked as a mismatch.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./programs/', import.meta.url));
const bin = fileURLToPath(new URL('../bin/parathon.js', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.argv.slice(2);

function time(cmd, args) {
  let best = Infinity, out = '';
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) return { secs: NaN, out: r.stderr };
    out = r.stdout;
    best = Math.min(best, dt);
  }
  return { secs: best, out };
}

const rows = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.py')).sort()) {
  const name = f.slice(0, -3);
  if (only.length && !only.includes(name)) continue;
  const py = time('python3', [f]);
  const pt = time(process.execPath, [bin, f]);
  const same = py.out === pt.out;
  rows.push({ name, py: py.secs, pt: pt.secs, ratio: pt.secs / py.secs, same, err: same ? '' : pt.out.slice(-200) });
}
const pad = (s, n) => String(s).padEnd(n);
const num = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'fail');
console.log(`parathon vs python3 (${spawnSync('python3', ['--version'], { encoding: 'utf8' }).stdout.trim()}), best of ${runs}, seconds incl. start-up`);
console.log(pad('program', 16) + pad('python3', 10) + pad('parathon', 10) + pad('ratio', 8) + 'output');
for (const r of rows) {
  console.log(pad(r.name, 16) + pad(num(r.py), 10) + pad(num(r.pt), 10) + pad(num(r.ratio), 8) + (r.same ? 'same' : 'MISMATCH ' + r.err));
}
const ok = rows.filter((r) => Number.isFinite(r.ratio));
const geo = Math.exp(ok.reduce((a, r) => a + Math.log(r.ratio), 0) / (ok.length || 1));
console.log(pad('geomean', 36) + geo.toFixed(3) + '  (parathon time / python3 time; below 1.0 = parathon faster)');
