#!/usr/bin/env node
// The dwarfpython command (compiled to dist/cli.js).
import '../dist/cli.js';
