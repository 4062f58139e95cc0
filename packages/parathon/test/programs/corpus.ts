// The python3-checked corpus: run one program under python3 or parathon and capture what we compare
// (stdout, the exception line python3 prints last on stderr, the exit code).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Directory of the corpus. */
export const dir = fileURLToPath(new URL('.', import.meta.url));
/** The parathon command. */
export const parathonBin = fileURLToPath(new URL('../../bin/parathon.js', import.meta.url));

/** What a run produced. */
export interface Outcome {
  command: string;
  exit: number;
  stdout: string;
  /** Last line of stderr when the exit code is not 0 (`ValueError: message`), else null. */
  exception: string | null;
}

/** Every program of the corpus (base names). */
export function programs(): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.py') && f !== 'regen.py').map((f) => f.slice(0, -3)).sort();
}

/** Command-line arguments and stdin a program is run with (from a `# args:` / `# stdin:` header). */
function extras(name: string): { args: string[]; input: string } {
  const src = readFileSync(`${dir}${name}.py`, 'utf8');
  const a = /^# args: (.*)$/m.exec(src);
  const i = /^# stdin: (.*)$/m.exec(src);
  return { args: a ? a[1]!.split(' ') : [], input: i ? JSON.parse(i[1]!) : '' };
}

function outcome(cmd: string[], name: string): Outcome {
  const { args, input } = extras(name);
  const r = spawnSync(cmd[0]!, [...cmd.slice(1), `${name}.py`, ...args], {
    cwd: dir, encoding: 'utf8', input, timeout: 60_000, env: { ...process.env, PYTHONHASHSEED: '0' },
  });
  const lines = (r.stderr ?? '').trimEnd().split('\n');
  const exit = r.status ?? -1;
  return {
    command: [...cmd.map((c) => c.replace(/.*\/bin\/parathon\.js$/, 'parathon')), `${name}.py`, ...args].join(' '),
    exit,
    stdout: r.stdout ?? '',
    exception: exit !== 0 ? lines[lines.length - 1] ?? '' : null,
  };
}
/** Run under python3. */
export function runPython(name: string): Outcome {
  return outcome(['python3'], name);
}
/** Run under parathon. */
export function runParathon(name: string): Outcome {
  return outcome([process.execPath, parathonBin], name);
}
/** The stored python3 outcome. */
export function expected(name: string): Outcome {
  return JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8'));
}
/** Is python3 available here? */
export function havePython(): boolean {
  return spawnSync('python3', ['--version']).status === 0;
}
export { existsSync };
