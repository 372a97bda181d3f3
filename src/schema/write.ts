/**
 * Writes the shipped JSON Schemas from their sources: `npm run schema` after changing the model,
 * a reader's keys or `LIMITS`. The schema test fails while the files and the sources disagree.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { problemSchema } from './problem-schema.js';
import { scheduleSchema } from './schedule-schema.js';

/**
 * The shipped schema files: name to text (two-space JSON and a final newline).
 *
 * @example
 * ```ts
 * const text = schemaFiles().get('problem.schema.json');
 * ```
 */
export function schemaFiles(): Map<string, string> {
  const text = (schema: unknown): string => `${JSON.stringify(schema, null, 2)}\n`;
  return new Map([
    ['problem.schema.json', text(problemSchema())],
    ['schedule.schema.json', text(scheduleSchema())],
  ]);
}

/**
 * The folder the schema files live in: the package root, where every resolver finds them (Node's
 * `exports` map, bundlers, and TypeScript's node10 resolution, which ignores `exports`).
 *
 * @example
 * ```ts
 * readFileSync(new URL('problem.schema.json', SCHEMA_DIR));
 * ```
 */
export const SCHEMA_DIR: URL = new URL('../../', import.meta.url);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, text] of schemaFiles()) {
    writeFileSync(new URL(name, SCHEMA_DIR), text);
    console.log(`wrote ${name} (${text.length} characters)`);
  }
}
