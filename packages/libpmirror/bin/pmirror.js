#!/usr/bin/env node
// The `pmirror` command; its code is src/cli.ts.
import '../dist/cli.js';
