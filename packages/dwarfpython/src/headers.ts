// DWARF for libraries that ship none (or whose DWARF lacks a prototype): compiled from the
// installed headers of the library's -dev package with gcc, in a private temporary directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DebugInfo, type Func } from 'libpmirror';

let scratch: string | null = null;

/** A private scratch directory (0700, unpredictable name), removed at exit. */
function scratchDir(): string {
  if (!scratch) {
    scratch = mkdtempSync(join(tmpdir(), 'dwarfpython-'));
    const dir = scratch;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return scratch;
}

/** Headers of the -dev package that owns the library's `lib<name>.so` link (dpkg's file lists). */
export function packageHeaders(path: string): string[] {
  let h = headerCache.get(path);
  if (!h) headerCache.set(path, (h = findPackageHeaders(path)));
  return h;
}
const headerCache = new Map<string, string[]>();

function findPackageHeaders(path: string): string[] {
  const dev = join(dirname(realpathSync(path)), basename(path).replace(/\.so(\..*)?$/, '.so'));
  const cands = [dev, join('/usr/lib/x86_64-linux-gnu', basename(dev))];
  for (const c of cands) {
    const r = spawnSync('dpkg', ['-S', c], { encoding: 'utf8' });
    const pkg = r.status === 0 ? r.stdout.split(':')[0] : undefined;
    if (!pkg) continue;
    const l = spawnSync('dpkg', ['-L', pkg], { encoding: 'utf8' });
    const hs = (l.stdout ?? '').split('\n').filter((f) => /^\/usr\/include\/.*\.h$/.test(f));
    if (hs.length) return hs;
  }
  return [];
}

/**
 * DWARF for a library without debug information: compile its installed headers with gcc -g3,
 * taking the address of every function the library exports that the headers declare, so the
 * compiler records each prototype (and every #define). The library itself is still what is called.
 */
export function headerDwarf(path: string): string | undefined {
  const headers = packageHeaders(path);
  if (!headers.length) return undefined;
  const nm = spawnSync('nm', ['-D', '--defined-only', path], { encoding: 'utf8' });
  let names = (nm.stdout ?? '').split('\n').map((l) => l.trim().replace(/@.*$/, '').split(/\s+/)).filter((f) => f[1] === 'T' && /^[A-Za-z_]\w*$/.test(f[2] ?? '')).map((f) => f[2]!);
  const dir = scratchDir();
  const src = join(dir, basename(path) + '-decls.c');
  const out = join(dir, basename(path) + '-decls.so');
  for (let attempt = 0; attempt < 2; attempt++) {
    const text = headers.map((h) => `#include "${h}"\n`).join('') +
      `void *dwarfpython_refs[] = {\n${names.map((n) => `  (void *)&${n},\n`).join('')}  0 };\n`;
    writeFileSync(src, text, { mode: 0o600 });
    const r = spawnSync('gcc', ['-g3', '-shared', '-fPIC', '-w', '-o', out, src], { encoding: 'utf8' });
    if (r.status === 0) return out;
    const bad = new Set([...(r.stderr ?? '').matchAll(/‘(\w+)’ undeclared|'(\w+)' undeclared/g)].map((m) => m[1] ?? m[2]));
    if (!bad.size) return undefined;
    names = names.filter((n) => !bad.has(n));
  }
  return undefined;
}

/**
 * The prototype of one function from the library's installed headers, for functions whose DWARF
 * has none (glibc's memcpy is written in assembly: its DWARF says `void memcpy(void)`). The header
 * that declares it is found by a text search of the -dev package's headers (top-level ones first),
 * compiled alone with gcc -g, and the declaration's DWARF is read back.
 */
export function headerPrototype(path: string, name: string): Func | undefined {
  const headers = packageHeaders(path);
  const decl = new RegExp(`\\b${name}\\s*\\(`);
  const ranked = [...headers].sort((a, b) => a.split('/').length - b.split('/').length);
  const dir = scratchDir();
  for (const h of ranked.slice(0, 400)) {
    let text: string;
    try {
      text = readFileSync(h, 'utf8');
    } catch {
      continue;
    }
    if (!decl.test(text)) continue;
    const src = join(dir, `${name}-proto.c`);
    const out = join(dir, `${name}-proto.so`);
    writeFileSync(src, `#define _GNU_SOURCE\n#include "${h}"\nvoid *dwarfpython_ref = (void *)&${name};\n`, { mode: 0o600 });
    const r = spawnSync('gcc', ['-g', '-shared', '-fPIC', '-w', '-o', out, src], { encoding: 'utf8' });
    if (r.status !== 0) continue;
    try {
      const f = DebugInfo.open(out).func(name);
      if (f && (f.params.length > 0 || f.returnType.kind !== 'void')) return f;
    } catch {
      /* try the next header */
    }
  }
  return undefined;
}

/** A DWARF description without a prototype: an assembly unit's `void f(void)` under another name. */
export function lacksPrototype(f: Func): boolean {
  const k = f.returnType.kind;
  return f.params.length === 0 && (k === 'void' || k === 'unspecified') && f.dwarfName !== f.name && !f.dwarfName.endsWith('_ifunc');
}
