#!/usr/bin/env node
/**
 * The `iop-scheduler` executable: runs {@link main} with the process's arguments and streams.
 * The logic lives in `src/cli/`.
 */
import { main } from './cli/main.js';

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`iop-scheduler: internal error: ${String(error)}\n`);
    process.exitCode = 3;
  },
);
