import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { circles, FLOORS, houseViolations, readImports } from './import-graph.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

describe('the house (DESIGN section 11)', () => {
  const edges = readImports(SRC);

  it('reads the graph', () => {
    // A reader that found nothing would pass every rule below.
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: 'engine/search.ts', to: 'engine/moves/index.ts' });
  });

  it('has no circle between files', () => {
    expect(circles(edges)).toEqual([]);
  });

  it('imports only from floors below, and engine/ only through engine/index.ts', () => {
    const found = houseViolations(edges);
    expect(found).toEqual([]);
  });

  it('sees an upward import, a deep import and a circle when there is one', () => {
    expect(houseViolations([{ from: 'rules/a.ts', to: 'engine/index.ts' }])).toEqual(['rules/a.ts -> engine/index.ts (floor 4 imports floor 6)']);
    expect(houseViolations([{ from: 'replan/a.ts', to: 'engine/kernel/state.ts' }])).toEqual(['replan/a.ts -> engine/kernel/state.ts (past engine/index.ts)']);
    expect(houseViolations([{ from: 'export/a.ts', to: 'replan/b.ts' }])).toEqual(['export/a.ts -> replan/b.ts (floor 8 imports floor 8)']);
    expect(houseViolations([{ from: 'pipeline/a.ts', to: 'engine/index.ts' }])).toEqual([]);
    const loop = [
      { from: 'engine/a.ts', to: 'engine/b.ts' },
      { from: 'engine/b.ts', to: 'engine/c.ts' },
      { from: 'engine/c.ts', to: 'engine/a.ts' },
      { from: 'engine/c.ts', to: 'engine/d.ts' },
    ];
    expect(circles(loop)).toEqual([['engine/a.ts', 'engine/b.ts', 'engine/c.ts']]);
  });
});

describe("the README's project layout", () => {
  const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
  const section = readme.slice(readme.indexOf('## Project layout'));
  const block = section.slice(section.indexOf('```'), section.indexOf('```', section.indexOf('```') + 3));
  const listed = (indent: number): string[] =>
    [...block.matchAll(new RegExp(`^ {${indent}}(?:[a-z.-]+, )?([a-z-]+)/`, 'gm'))].map((match) => match[1]!).sort();
  const folders = (path: string): string[] =>
    readdirSync(fileURLToPath(new URL(path, import.meta.url)), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();

  it('lists every folder of src/ and of src/engine/, and no other', () => {
    expect(listed(2)).toEqual(folders('../../src/'));
    expect(listed(4)).toEqual(folders('../../src/engine/'));
  });

  it('gives every folder of src/ a floor', () => {
    expect(folders('../../src/').filter((folder) => FLOORS[folder] === undefined)).toEqual([]);
  });
});
