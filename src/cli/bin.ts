#!/usr/bin/env node
import nodeModule from 'node:module';
import { nodeIo } from './io.js';
import { main } from './main.js';

// Node 22.1 and later keep V8's compiled code of the subcommand bundles on disk, where Node decides
// (NODE_DISABLE_COMPILE_CACHE=1 turns it off): on Node 24 a `validate` starts about 6% sooner, a
// `lint` of 1,000 templates ends about 3% sooner (docs/performance.md). Node 20 has no such cache.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

main(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  // main() never rejects; should it, the run still ends in one line, not a stack trace.
  () => {
    process.stderr.write('ssm-mw-contracts: internal error. Please report it with the input that caused it.\n');
    process.exitCode = 2;
  },
);
