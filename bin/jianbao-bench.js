#!/usr/bin/env node
// Runs the benchmarks (src/bench/main.ts) through tsx, like bin/jianbao.js runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/bench/main.ts');
