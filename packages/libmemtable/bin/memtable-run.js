#!/usr/bin/env node
// The `memtable-run` command; its code is src/cli.ts.
import '../dist/cli.js';
