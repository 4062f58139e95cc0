// Benchmarks for libdl-ext, side by side with their peers in one run (figures go to README.md):
//  - dlbind throughput vs dlopen + dlsym of an equivalent compiled library (gcc -shared)
//  - dlsym latency on a generated object vs on libc
//  - the extra cost of a generated entry point over a direct call
//  - from node: qsort with a koffi callback directly vs through a named entry point
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import koffi from 'koffi';
import { DynamicLibrary, libraryPath } from '../dist/index.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.DLEXT_BENCH_N ?? 100000);
const dir = mkdtempSync(join(tmpdir(), 'dlext-bench-'));

function gcc(args) {
  const r = spawnSync('gcc', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gcc ${args.join(' ')}\n${r.stderr}`);
}

try {
  // The peer: a compiled library with N functions like the generated ones (mov eax, i; ret),
  // written in assembly so that building it takes seconds, not minutes.
  const src = join(dir, 'peer.s');
  writeFileSync(src, '.text\n' + Array.from({ length: N }, (_, i) =>
    `.globl f_${i}\n.type f_${i},@function\nf_${i}: mov $${i}, %eax\nret\n.size f_${i},.-f_${i}\n`).join('') +
    '.section .note.GNU-stack,"",@progbits\n');
  const peer = join(dir, 'libpeer.so');
  gcc(['-shared', '-Wl,--hash-style=both', src, '-o', peer]);
  const targetSrc = join(dir, 'target.c'), target = join(dir, 'libtarget.so');
  // add3 is the target; wrap3 is what a C compiler makes of the same forwarding function (a real
  // frame, a non-tail call through a pointer): the floor for a frame-keeping entry point.
  writeFileSync(targetSrc, 'long add3(long a, long b, long c) { __asm__ volatile(""); return a + b + c; }\n' +
    'long (*volatile add3_ptr)(long, long, long) = add3;\n' +
    'long wrap3(long a, long b, long c) { long r = add3_ptr(a, b, c); __asm__ volatile(""); return r; }\n');
  gcc(['-O2', '-fno-omit-frame-pointer', '-shared', '-fPIC', targetSrc, '-o', target]);
  const exe = join(dir, 'bench');
  gcc(['-O2', '-I', join(pkg, 'native/include'), join(pkg, 'bench/bench.c'), libraryPath,
    `-Wl,-rpath,${join(pkg, 'build/Release')}`, '-ldl', '-o', exe]);
  const r = spawnSync(exe, [peer, String(N), target], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const m = JSON.parse(r.stdout);

  const rate = (s) => (m.n / s / 1e6).toFixed(2);
  console.log(`libdl-ext benchmarks (N = ${m.n} symbols; best of 5 alternated runs, calls best of 9)\n`);
  console.log('| making N symbols visible | seconds | M symbols/s | vs dlopen |');
  console.log('|---|---|---|---|');
  console.log(`| dlbind (with gdb JIT registration) | ${m.bind_gdb_s.toFixed(4)} | ${rate(m.bind_gdb_s)} | ${(m.dlopen_s / m.bind_gdb_s).toFixed(2)}x |`);
  console.log(`| dlbind (DLEXT_NOGDB) | ${m.bind_nogdb_s.toFixed(4)} | ${rate(m.bind_nogdb_s)} | ${(m.dlopen_s / m.bind_nogdb_s).toFixed(2)}x |`);
  console.log(`| dlopen + dlsym each, compiled .so (peer) | ${m.dlopen_s.toFixed(4)} | ${rate(m.dlopen_s)} | 1.00x |`);
  console.log('\n| dlsym(handle, name) | ns/lookup | vs libc |');
  console.log('|---|---|---|');
  console.log(`| generated object (${m.n} symbols, SysV .hash) | ${m.dlsym_gen_ns.toFixed(1)} | ${(m.dlsym_gen_ns / m.dlsym_libc_ns).toFixed(2)}x |`);
  console.log(`| libc.so.6 (GNU hash, peer) | ${m.dlsym_libc_ns.toFixed(1)} | 1.00x |`);
  console.log('\n| call long add3(long, long, long) in a shared library | ns/call |');
  console.log('|---|---|');
  console.log(`| direct (function pointer) | ${m.call_direct_ns.toFixed(2)} |`);
  console.log(`| through a compiled C forwarding wrapper (-O2, frame pointer; peer) | ${m.call_wrap_ns.toFixed(2)} |`);
  console.log(`| through a generated entry point | ${m.call_entry_ns.toFixed(2)} |`);
  console.log(`| extra cost of the entry point over the direct call | ${(m.call_entry_ns - m.call_direct_ns).toFixed(2)} (goal < 2) |`);
  console.log(`| extra cost of the compiled wrapper over the direct call | ${(m.call_wrap_ns - m.call_direct_ns).toFixed(2)} |`);

  // From node: qsort of 100k ints with a koffi callback, directly and through a named entry point.
  const libc = koffi.load('libc.so.6');
  const qsort = libc.func('void qsort(void *base, size_t n, size_t size, void *cmp)');
  const Cmp = koffi.proto('int cmp_t(const void *a, const void *b)');
  const cb = koffi.register((a, b) => koffi.decode(a, 'int') - koffi.decode(b, 'int'), koffi.pointer(Cmp));
  const lib = DynamicLibrary.create('benchsort');
  const entry = lib.entryPoint('i(pp)', cb, { name: 'py_cmp', file: 'sort.py', line: 1, language: 'python' });
  const count = 100000;
  const once = (fn) => {
    const buf = new Int32Array(count).map((_, i) => (i * 7919) % count);
    const t0 = process.hrtime.bigint();
    qsort(buf, count, 4, fn);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  // Alternate the two so that load changes on this shared machine hit both alike; best of 5.
  let direct = Infinity, viaEntry = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    direct = Math.min(direct, once(cb));
    viaEntry = Math.min(viaEntry, once(entry));
  }
  console.log('\n| qsort 100k ints, comparator in JS (koffi callback; best of 5, alternated) | ms | vs direct |');
  console.log('|---|---|---|');
  console.log(`| koffi callback pointer (peer) | ${direct.toFixed(1)} | 1.00x |`);
  console.log(`| named entry point py_cmp -> callback | ${viaEntry.toFixed(1)} | ${(viaEntry / direct).toFixed(2)}x |`);
  lib.destroy();
  koffi.unregister(cb);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
