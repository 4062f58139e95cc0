// Benchmarks for libpmirror, side by side with its peers. None yet: see README.md.
console.log('libpmirror: no benchmark yet');
