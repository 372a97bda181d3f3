#!/usr/bin/env node
/**
 * The `iop-scheduler` executable: runs {@link main} with the process's arguments and streams.
 * The logic lives in `src/cli/`.
 */
import { main } from './cli/main.js';
import { terminalSafe } from './cli/terminal.js';

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`iop-scheduler: internal error: ${terminalSafe(error, true)}\n`);
    process.exitCode = 3;
  },
);
