/**
 * Well-formed Unicode: a JavaScript string may hold a lone UTF-16 surrogate, which no encoding
 * (UTF-8 files, URIs, iCalendar) can carry. `String.prototype.isWellFormed` and `toWellFormed`
 * are ES2024 (Node 20 has them); the project's lib is ES2022, hence the typed views here.
 */

interface Es2024String {
  isWellFormed(): boolean;
  toWellFormed(): string;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The index (in UTF-16 code units) of the first lone surrogate of `text`, or -1 when `text` is
 * well-formed Unicode.
 *
 * @example
 * ```ts
 * loneSurrogateAt('ab\uD800c'); // 2
 * loneSurrogateAt('p-😀'); // -1
 * ```
 */
export function loneSurrogateAt(text: string): number {
  if ((text as unknown as Es2024String).isWellFormed()) return -1;
  return text.search(LONE_SURROGATE);
}

/**
 * `text` with every lone surrogate replaced by U+FFFD, for writers of text that may not have
 * been validated (a schedule read from a file).
 *
 * @example
 * ```ts
 * toWellFormed('a\uDC00'); // 'a\uFFFD'
 * ```
 */
export function toWellFormed(text: string): string {
  return (text as unknown as Es2024String).toWellFormed();
}
