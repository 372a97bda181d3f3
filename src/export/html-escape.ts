/** Escaping for the HTML export. */
import { toWellFormed } from '../input/unicode.js';

/**
 * `text` safe inside HTML text and double- or single-quoted attribute values.
 *
 * @example
 * ```ts
 * escapeHtml('<b>"A & B"</b>'); // '&#60;b&#62;&#34;A &#38; B&#34;&#60;/b&#62;'
 * ```
 */
export function escapeHtml(text: string): string {
  // A schedule read from a file was never validated: its lone surrogates become U+FFFD here.
  return toWellFormed(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\uFFFD');
}
