/**
 * Text as RFC 5545 allows it in a property value or parameter: TEXT and param values may hold no
 * control character but HTAB (line breaks are written escaped, as `\n`, by ical-generator).
 */
import { toWellFormed } from '../input/unicode.js';

// C0 but HTAB, LF and CR (the line breaks ical-generator escapes), DEL, and C1 (U+0080-U+009F,
// which RFC 5545 does not name but terminals and some clients act on, e.g. U+009B as CSI).
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * `text` fit for an iCalendar value: every control character RFC 5545 forbids becomes U+FFFD
 * (visible, so two ids that differ only there stay apart), and lone surrogates too.
 *
 * @example
 * ```ts
 * icsText('Group\u001b[31m A'); // 'Group\uFFFD[31m A'
 * icsText('Lee, Dana\nLCSW');    // unchanged: the line break is escaped when written
 * ```
 */
export function icsText(text: string): string {
  return toWellFormed(text).replace(FORBIDDEN, '\uFFFD');
}
