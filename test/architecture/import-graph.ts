/**
 * The import graph of src/ and the house rules of DESIGN section 11, read without a dependency
 * (a regular expression over `import`/`export ... from` is enough: the sources use only relative
 * ESM specifiers ending in `.js`, one module per file, no path aliases).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

/** One import: `from` imports `to` (paths relative to src/, `.ts`). */
export interface Edge {
  from: string;
  to: string;
}

/**
 * Floors, lowest first: a folder imports only from floors below it, or from itself. Folders on
 * one floor do not import each other. Entry points at the root of src/ (index.ts, cli.ts) are on
 * top.
 */
export const FLOORS: Readonly<Record<string, number>> = {
  model: 0,
  time: 1,
  input: 2,
  compiled: 3,
  rules: 4,
  check: 5,
  engine: 6,
  diagnose: 7,
  replan: 8,
  export: 8,
  schema: 8,
  pipeline: 9,
  sample: 10,
  cli: 10,
  worker: 10,
  '.': 11,
};

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g;

/**
 * Every import between the non-test `.ts` files under `root` (tests may drive a floor from above).
 *
 * @example
 * ```ts
 * const edges = readImports(fileURLToPath(new URL('../../src', import.meta.url)));
 * ```
 */
export function readImports(root: string): Edge[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(root);
  const edges: Edge[] = [];
  for (const file of files) {
    // Comments may quote an import; they are not edges.
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const match of text.matchAll(SPECIFIER)) {
      const target = toPosix(relative(root, resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'))));
      // package.json and other files outside the sources are not part of the house.
      if (target.startsWith('..') || !target.endsWith('.ts')) continue;
      edges.push({ from: toPosix(relative(root, file)), to: target });
    }
  }
  return edges;
}

function toPosix(path: string): string {
  return path.split(/[\\/]/).join(posix.sep);
}

/** The top folder of a path under src/ ('.' for the entry points at its root). */
export function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.indexOf('/')) : '.';
}

/**
 * Imports that break the floors: to a floor above, to another folder of the same floor, to a
 * folder without a floor, or into engine/ from outside past engine/index.ts.
 *
 * @example
 * ```ts
 * houseViolations([{ from: 'rules/a.ts', to: 'engine/index.ts' }]); // ['rules/a.ts -> engine/index.ts (floor 4 imports floor 6)']
 * ```
 */
export function houseViolations(edges: readonly Edge[]): string[] {
  const found: string[] = [];
  for (const { from, to } of edges) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b) continue;
    const fa = FLOORS[a];
    const fb = FLOORS[b];
    if (fa === undefined || fb === undefined) found.push(`${from} -> ${to} (folder without a floor)`);
    else if (fb >= fa) found.push(`${from} -> ${to} (floor ${fa} imports floor ${fb})`);
    else if (b === 'engine' && to !== 'engine/index.ts') found.push(`${from} -> ${to} (past engine/index.ts)`);
  }
  return found.sort();
}

/**
 * The circles of the graph (strongly connected groups of two or more files, or a file importing
 * itself), each as its files.
 *
 * @example
 * ```ts
 * circles([{ from: 'a.ts', to: 'b.ts' }, { from: 'b.ts', to: 'a.ts' }]); // [['a.ts', 'b.ts']]
 * ```
 */
export function circles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    next.set(from, [...(next.get(from) ?? []), to]);
    if (!next.has(to)) next.set(to, []);
  }
  // Tarjan's strongly connected components, iterative (the graph has hundreds of files).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  for (const start of [...next.keys()].sort()) {
    if (index.has(start)) continue;
    const work: Array<[string, number]> = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, k] = frame;
      if (k === 0) {
        index.set(node, counter);
        low.set(node, counter);
        counter += 1;
        stack.push(node);
        onStack.add(node);
      }
      const targets = next.get(node)!;
      if (k < targets.length) {
        frame[1] = k + 1;
        const target = targets[k]!;
        if (!index.has(target)) work.push([target, 0]);
        else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) === index.get(node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== node);
        if (group.length > 1 || targets.includes(node)) found.push(group.sort());
      }
    }
  }
  return found;
}
