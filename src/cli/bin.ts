#!/usr/bin/env node
import { nodeIo } from './io.js';
import { main } from './main.js';

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
