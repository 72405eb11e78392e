#!/usr/bin/env node
// Entry for the `duban` command: runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
