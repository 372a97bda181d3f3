/**
 * What the command line prints is safe for a terminal: ids and messages come from files
 * (a schedule's meeting ids are never validated), and a control character, an escape sequence
 * or a bidi override in them must not clear the screen, recolour it or reorder what it shows.
 */
import type { CliIo } from './io.js';

// C0 and DEL, C1 (U+009B is CSI), bidi controls (ALM, LRM, RLM, embeddings and overrides,
// isolates), line and paragraph separators, and lone surrogates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNSAFE_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` with every character a terminal would act on shown as a visible escape, `\u001b` or
 * `\u202e` (the JSON form, so JSON printed to stdout stays valid JSON). Line breaks and tabs
 * are escaped too, so an id cannot start a line of its own, unless `keepLineBreaks` (for whole
 * messages of several lines).
 * Accepts any value (a malformed schedule may hold numbers where ids belong).
 *
 * @example
 * ```ts
 * terminalSafe('m-1\x1b[2J\u202Eexe'); // 'm-1\\u001b[2J\\u202eexe'
 * terminalSafe('a\nb'); // 'a\\u000ab'
 * ```
 */
export function terminalSafe(text: unknown, keepLineBreaks = false): string {
  return String(text).replace(keepLineBreaks ? UNSAFE_BUT_LINE_BREAKS : UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `io` whose stdout and stderr let nothing unsafe through (see {@link terminalSafe}; line breaks
 * and tabs are kept), whatever a command prints; only `drawProgress` (the progress bar's own
 * control sequences) writes to stderr as it is.
 *
 * @example
 * ```ts
 * const safe = terminalIo(io);
 * safe.stderr('meeting \x1b[31m\n'); // writes 'meeting \\u001b[31m\n'
 * ```
 */
export function terminalIo(io: CliIo): CliIo {
  return {
    stdout: (text) => io.stdout(terminalSafe(text, true)),
    stderr: (text) => io.stderr(terminalSafe(text, true)),
    drawProgress: (text) => (io.drawProgress ? io.drawProgress(text) : io.stderr(text)),
    ...(io.stderrIsTTY !== undefined ? { stderrIsTTY: io.stderrIsTTY } : {}),
  };
}
