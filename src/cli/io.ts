/**
 * What the command line talks to: two writers and whether stderr is a terminal. Tests pass
 * collecting writers; `src/cli.ts` passes the process's streams.
 */

/**
 * The command line's outputs.
 *
 * @example
 * ```ts
 * const io: CliIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), stderrIsTTY: process.stderr.isTTY };
 * ```
 */
export interface CliIo {
  /** Writes to standard output (results). */
  stdout(text: string): void;
  /** Writes to standard error (progress, warnings, errors). */
  stderr(text: string): void;
  /**
   * Writes the progress bar's own control sequences to stderr as they are, where `stderr`
   * escapes them (see `terminalIo`). Default: `stderr`.
   */
  drawProgress?(text: string): void;
  /** Whether stderr is a terminal: the progress bar is drawn only then. */
  stderrIsTTY?: boolean;
}

/**
 * Exit codes of `iop-scheduler`, documented in `--help`.
 *
 * @example
 * ```ts
 * return report.allMet ? EXIT.allMet : EXIT.unmet;
 * ```
 */
export const EXIT = {
  /** Every requirement of every patient is met (and no hard rule is broken). */
  allMet: 0,
  /** Some requirement is unmet, or the checked schedule breaks a hard rule, or diagnose found something impossible. */
  unmet: 1,
  /** Bad input: unreadable file, invalid JSON, invalid problem (issues printed as `path: message`), bad arguments. */
  badInput: 2,
  /** Internal error: a bug, or a command not available in this build. */
  internal: 3,
} as const;

/**
 * An error that ends the command with a message and an exit code (bad input, mostly).
 *
 * @example
 * ```ts
 * throw new CliError('week.json: meetings: must be an array of meetings.');
 * ```
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT.badInput) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
