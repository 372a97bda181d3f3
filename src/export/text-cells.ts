/**
 * Terminal-safe text: control characters removed (a name must never move the cursor or change
 * colours), and widths measured in terminal columns (wide East Asian characters and emoji take two).
 */

import { toWellFormed } from '../input/unicode.js';

/**
 * `text` without control, bidi or other format characters; line breaks and tabs become spaces.
 *
 * @example
 * ```ts
 * sanitize('Group\n\x1b[31mA'); // 'Group  [31mA'
 * ```
 */
export function sanitize(text: string): string {
  // A schedule read from a file was never validated: its lone surrogates print as U+FFFD.
  return toWellFormed(text).replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/\p{Cf}/gu, '');
}

/**
 * Terminal columns `text` takes.
 *
 * @example
 * ```ts
 * columns('ab'); // 2
 * columns('認知'); // 4
 * ```
 */
export function columns(text: string): number {
  let width = 0;
  for (const char of text) width += charColumns(char.codePointAt(0) ?? 0);
  return width;
}

// Nonspacing and enclosing marks (combining accents, variation selectors) draw on the character before.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}]$/u;
// Emoji and pictographs (terminals draw many as two columns: ☀ with U+FE0F, ⌚, ✈) and the East
// Asian scripts, whatever the code point, so count them so.
const WIDE = /^[\p{Extended_Pictographic}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

function charColumns(code: number): number {
  if (code < 0x300) return 1;
  const char = String.fromCodePoint(code);
  if (ZERO_WIDTH.test(char)) return 0;
  // Conservative: outside the Basic Multilingual Plane, most of what is drawn (emoji, CJK
  // extensions) is wide; overestimating only truncates earlier, never overflows the page.
  if (code > 0xffff || WIDE.test(char)) return 2;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/**
 * `text` cut to `width` columns (ending in `…` when cut) and padded with spaces to exactly `width`.
 *
 * @example
 * ```ts
 * fit('Process group', 8); // 'Process…'
 * fit('Yoga', 6); // 'Yoga  '
 * ```
 */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (columns(text) <= width) return text + ' '.repeat(width - columns(text));
  let result = '';
  let used = 0;
  for (const char of text) {
    const w = charColumns(char.codePointAt(0) ?? 0);
    if (used + w > width - 1) break;
    result += char;
    used += w;
  }
  return `${result}…${' '.repeat(width - 1 - used)}`;
}

/**
 * `text` padded on the left to `width` columns.
 *
 * @example
 * ```ts
 * padStart('9.0', 5); // '  9.0'
 * ```
 */
export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - columns(text))) + text;
}
