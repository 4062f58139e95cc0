// Proves every C core loads: each package's TS API opens its .so through koffi and asks its version.
const names = ['libpmirror', 'libmemtable', 'libdl-ext', 'parathon', 'dwarfpython'];
let bad = 0;
for (const name of names) {
  try {
    const m = await import(name);
    console.log(`${name.padEnd(12)} ${m.version()}  ${m.libraryPath}`);
  } catch (e) {
    bad++;
    console.log(`${name.padEnd(12)} FAILED: ${e.message}`);
  }
}
process.exit(bad ? 1 : 0);
