#!/usr/bin/env node
// Entry point for the `xxgk` bin: run the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../pipeline/cli.ts');
