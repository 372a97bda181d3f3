import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from './write.js';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown>; files: string[] };

describe('the package exports its JSON Schemas', () => {
  it.each(['problem', 'schedule'])('iop-scheduler/%s.schema.json resolves to the shipped file', (name) => {
    expect(manifest.files).toContain(`${name}.schema.json`);
    expect(manifest.exports[`./${name}.schema.json`]).toBe(`./${name}.schema.json`);
    // Self-reference: resolved through package.json `exports`, as an installed package is.
    const resolved = require.resolve(`iop-scheduler/${name}.schema.json`);
    expect(resolved).toBe(fileURLToPath(new URL(`${name}.schema.json`, SCHEMA_DIR)));
    expect((require(resolved) as { $id: string }).$id).toBe(`https://iop-scheduler.dev/schema/${name}.schema.json`);
  });
});
