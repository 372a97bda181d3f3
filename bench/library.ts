/**
 * The library as its users run it: the built package (`dist/index.js`), not the TypeScript
 * sources through tsx. tsx keeps function names by wrapping every closure the solver creates in
 * a helper call; measured on the 35-patient reference at a fixed iteration budget, the sources
 * run about 25% slower than the package. `npm run bench` and `npm run bench:reference` build
 * first; the generators, measures and the HiGHS model still read the sources (nothing timed).
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Library = typeof import('../src/index.js');

const packageEntry = new URL('../dist/index.js', import.meta.url);

/**
 * Loads the built package, or throws when it is missing.
 *
 * @example
 * ```ts
 * const { solve } = await loadLibrary();
 * ```
 */
export async function loadLibrary(): Promise<Library> {
  const path = fileURLToPath(packageEntry);
  if (!existsSync(path)) throw new Error('bench: dist/index.js is missing; run `npm run build` first (npm run bench does).');
  return (await import(packageEntry.href)) as Library;
}

/** When the package was built (ISO time), for the results' header. */
export function builtAt(): string {
  return statSync(fileURLToPath(packageEntry)).mtime.toISOString();
}
