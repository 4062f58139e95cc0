// Reads vitest's JSON report and prints the one closing line CI reads: "N passed, N failed".
// A run that crashed before reporting, or exited non-zero with no failed test, counts one failure.
import { readFileSync } from 'node:fs';

const [file, statusArg] = process.argv.slice(2);
const status = Number(statusArg ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
  for (const s of r.testResults ?? []) if (s.status === 'failed' && s.assertionResults.length === 0) failed++;
} catch (e) {
  console.error(`no readable test report (${e.message})`);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed ? 1 : 0);
