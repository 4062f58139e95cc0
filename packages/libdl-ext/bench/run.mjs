// Benchmarks for libdl-ext, side by side with its peers. None yet: see README.md.
console.log('libdl-ext: no benchmark yet');
