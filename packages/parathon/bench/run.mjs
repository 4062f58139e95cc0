// Benchmarks for parathon, side by side with its peers. None yet: see README.md.
console.log('parathon: no benchmark yet');
