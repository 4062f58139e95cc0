// Benchmarks for dwarfpython, side by side with its peers. None yet: see README.md.
console.log('dwarfpython: no benchmark yet');
