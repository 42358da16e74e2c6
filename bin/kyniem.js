#!/usr/bin/env node
// The `kyniem` command: runs the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
await run(process.argv.slice(2));
