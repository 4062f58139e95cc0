// Benchmarks for libmemtable, side by side with its peers. None yet: see README.md.
console.log('libmemtable: no benchmark yet');
