// Parse speed side by side with python3's ast.parse on the same files, in the same run (not a test).
// Uses the built package: cd /work/main && npm run build -w parathon && node packages/parathon/test/frontend/parse-speed.mjs [DIR]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from '../../dist/parser.js';

const dir = process.argv[2] ??
  execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_path("stdlib"))']).toString().trim();
const files = readdirSync(dir).filter((f) => f.endsWith('.py')).map((f) => `${dir}/${f}`);
const sources = files.map((f) => readFileSync(f, 'utf8'));
const lines = sources.reduce((n, s) => n + s.split('\n').length, 0);
const rounds = 5;

let best = Infinity;
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  for (const s of sources) parse(s);
  best = Math.min(best, performance.now() - t0);
}
const pyMs = Number(execFileSync('python3', ['-c', `
import ast, sys, time
srcs = [open(f, encoding='utf-8').read() for f in sys.argv[1:]]
best = float('inf')
for _ in range(${rounds}):
    t = time.perf_counter()
    for s in srcs:
        ast.parse(s)
    best = min(best, time.perf_counter() - t)
print(best * 1000)`, ...files]).toString());
console.log(`${files.length} files, ${lines} lines (${dir}), best of ${rounds}`);
console.log(`parathon parse()   ${best.toFixed(0).padStart(6)} ms  ${(lines / best).toFixed(0).padStart(4)}k lines/s`);
console.log(`python3 ast.parse  ${pyMs.toFixed(0).padStart(6)} ms  ${(lines / pyMs).toFixed(0).padStart(4)}k lines/s`);
console.log(`ratio parathon/python3: ${(best / pyMs).toFixed(2)}`);
