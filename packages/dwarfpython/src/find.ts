// Finding a C library for `import <name>` the way the dynamic linker would.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';

let ldCache: Map<string, string[]> | null = null;

/** `ldconfig -p`: soname -> paths (x86-64 entries), read once. */
function ldconfigCache(): Map<string, string[]> {
  if (ldCache) return ldCache;
  ldCache = new Map();
  const r = spawnSync('/sbin/ldconfig', ['-p'], { encoding: 'utf8' });
  for (const line of (r.stdout ?? '').split('\n')) {
    const m = /^\s*(\S+) \(([^)]*)\) => (\S+)$/.exec(line);
    if (!m || !m[2]!.includes('x86-64')) continue;
    const list = ldCache.get(m[1]!) ?? [];
    list.push(m[3]!);
    ldCache.set(m[1]!, list);
  }
  return ldCache;
}

function isElf(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    const b = Buffer.alloc(4);
    readSync(fd, b, 0, 4, 0);
    closeSync(fd);
    return b.toString('latin1') === '\x7fELF';
  } catch {
    return false;
  }
}

/** `<stem>.so` or the highest `<stem>.so.N...` that is an ELF file in dir. */
function inDir(dir: string, stem: string): string | undefined {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return undefined;
  }
  const want = `${stem}.so`;
  const cands = files.filter((f) => f === want || f.startsWith(want + '.')).sort().reverse();
  for (const f of cands) if (isElf(join(dir, f))) return join(dir, f);
  return undefined;
}

/**
 * Where `import <name>` finds a C library: `<name>.so*` when the name starts with "lib" (`import
 * libc` -> libc.so.6), else `lib<name>.so*`; in the given directories (the script's directory and
 * sys.path), then `$LD_LIBRARY_PATH`, then the dynamic linker's cache (`ldconfig -p`).
 * Returns undefined when there is none.
 */
export function findLibrary(name: string, dirs: string[] = []): string | undefined {
  if (!/^[A-Za-z0-9_+-]+$/.test(name)) return undefined;
  const stem = name.startsWith('lib') ? name : `lib${name}`;
  for (const d of [...dirs, ...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean)]) {
    const p = inDir(d, stem);
    if (p) return p;
  }
  const cache = ldconfigCache();
  const want = `${stem}.so`;
  const sonames = [...cache.keys()].filter((k) => k === want || k.startsWith(want + '.')).sort().reverse();
  for (const s of sonames) for (const p of cache.get(s)!) if (isElf(p)) return p;
  return undefined;
}

