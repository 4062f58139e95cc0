#!/usr/bin/env node
// The `parathon` command; its code is src/cli.ts.
import '../dist/cli.js';
