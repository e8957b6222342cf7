#!/usr/bin/env node
// The `nghitruong` command. Node ≥ 22.18 runs the TypeScript sources directly (type stripping);
// the version is checked first, in plain JavaScript, before any TypeScript is loaded.
import { requireSupportedNode } from './checkNode.js';

requireSupportedNode();
const { run } = await import('../src/cli/main.ts');
await run(process.argv.slice(2));
