/**
 * Sums a V8 CPU profile (`node --cpu-prof`) per function: self time (the function's own samples)
 * and inclusive time (samples with the function anywhere on the stack), optionally only the
 * samples under one function. Several profiles add up.
 *
 *   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx bench/floor.ts --one 5000 --no-full
 *   tsx bench/self-time.ts /tmp/prof/*.cpuprofile [--top 40] [--under buildReportFromBoard]
 *
 * Through tsx every function sits on line 1 of its file; bundle the script with esbuild
 * (`--bundle --keep-names`) for lines and columns that tell closures apart.
 */
import { readFileSync } from 'node:fs';
import { argument } from './args.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const top = Number(argument('top') ?? '40');
const under = argument('under');
const files = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;

const nameOf = (frame: ProfileNode['callFrame']): string =>
  `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const timeByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => timeByNode.set(id, (timeByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const [id, micros] of timeByNode) {
    const stack: string[] = [];
    let hit = under === undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at)!.callFrame;
      if (frame.functionName === under) hit = true;
      stack.push(nameOf(frame));
    }
    if (!hit) continue;
    total += micros;
    self.set(stack[0]!, (self.get(stack[0]!) ?? 0) + micros);
    for (const name of new Set(stack)) inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
  }
}

const table = (title: string, times: Map<string, number>): void => {
  process.stdout.write(`-- ${title}\n`);
  for (const [name, micros] of [...times].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}\n`);
  }
};
process.stdout.write(`total ${(total / 1000).toFixed(0)} ms${under ? ` under ${under}` : ''}\n`);
table('self', self);
table('inclusive', inclusive);
