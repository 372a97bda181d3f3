/**
 * Exact solvers for the small assignment problems the re-seating moves pose.
 *
 * `MinCostFlow` is a min-cost flow by successive shortest paths (a queue-driven Bellman-Ford, so
 * negative costs are fine) that augments one unit at a time while the cheapest path gains: the
 * flow of any size that costs least. Sizes here are tens of items and a few dozen nodes.
 *
 * `assign` is the common case: items (patients) go to bins (the sections and the individual
 * sessions of one time) or stay out, each item-bin pair has a value, each bin a capacity and a
 * minimum, and the total value is maximised among the assignments that fill every bin's minimum
 * (when any does): source -> item (1) -> bin (1, cost -value) -> sink. A bin's first `minimum`
 * units carry a bonus larger than any total value, so minima are filled whenever they can be, even
 * by items of negative value; the rest of a bin costs nothing.
 */

interface Edge {
  to: number;
  capacity: number;
  cost: number;
}

/** A flow network whose cheapest flow (of any size) from `source` to `sink` `solve` finds. */
export class MinCostFlow {
  private readonly edges: Edge[] = [];
  private readonly out: number[][];

  constructor(readonly nodes: number) {
    this.out = Array.from({ length: nodes }, () => []);
  }

  /** Adds an arc; returns its id (for `flowOn`). */
  link(from: number, to: number, capacity: number, cost: number): number {
    const id = this.edges.length;
    this.out[from]!.push(id);
    this.edges.push({ to, capacity, cost });
    this.out[to]!.push(id + 1);
    this.edges.push({ to: from, capacity: 0, cost: -cost });
    return id;
  }

  /** Units sent along arc `id` (after `solve`). */
  flowOn(id: number): number {
    return this.edges[id + 1]!.capacity;
  }

  /** Augments along cheapest paths while they cost less than nothing; returns the total cost. */
  solve(source: number, sink: number): number {
    const { nodes, edges, out } = this;
    const distance = new Float64Array(nodes);
    const via = new Int32Array(nodes);
    const queued = new Uint8Array(nodes);
    const queue: number[] = [];
    let total = 0;
    for (;;) {
      distance.fill(Infinity);
      via.fill(-1);
      distance[source] = 0;
      // The residual graph has negative costs but, the flow being optimal for its size after
      // every augmentation, no negative cycle.
      queue.length = 0;
      queue.push(source);
      queued[source] = 1;
      for (let head = 0; head < queue.length; head++) {
        const node = queue[head]!;
        queued[node] = 0;
        const d = distance[node]!;
        for (const e of out[node]!) {
          const edge = edges[e]!;
          if (edge.capacity > 0 && d + edge.cost < distance[edge.to]! - 1e-9) {
            distance[edge.to] = d + edge.cost;
            via[edge.to] = e;
            if (queued[edge.to] === 0) {
              queued[edge.to] = 1;
              queue.push(edge.to);
            }
          }
        }
      }
      if (distance[sink]! >= -1e-9) return total;
      total += distance[sink]!;
      for (let node = sink; node !== source; ) {
        const e = via[node]!;
        edges[e]!.capacity -= 1;
        edges[e ^ 1]!.capacity += 1;
        node = edges[e ^ 1]!.to;
      }
    }
  }
}

/** One assignment problem: `values[item][bin]`, `null` where the item may not go to that bin. */
export interface AssignmentProblem {
  values: ReadonlyArray<ReadonlyArray<number | null>>;
  capacity: readonly number[];
  minimum: readonly number[];
}

export interface Assignment {
  /** The bin of each item, -1 when it stays out. */
  bins: number[];
  /** The summed value of the assigned items. */
  value: number;
  /** Whether every bin holds at least its minimum. */
  minimaMet: boolean;
}

/** Solves an assignment problem exactly (see the module comment). */
export function assign(problem: AssignmentProblem): Assignment {
  const items = problem.values.length;
  const binCount = problem.capacity.length;
  let magnitude = 1;
  for (const row of problem.values) for (const v of row) if (v !== null) magnitude += Math.abs(v);
  const bonus = magnitude * 4;

  const source = items + binCount;
  const sink = source + 1;
  const flow = new MinCostFlow(sink + 1);
  const arcs: Array<Array<[number, number]>> = [];
  for (let i = 0; i < items; i++) {
    flow.link(source, i, 1, 0);
    const row = problem.values[i]!;
    const mine: Array<[number, number]> = [];
    for (let b = 0; b < binCount; b++) {
      const value = row[b];
      if (value !== null && value !== undefined) mine.push([b, flow.link(i, items + b, 1, -value)]);
    }
    arcs.push(mine);
  }
  for (let b = 0; b < binCount; b++) {
    const capacity = Math.max(0, problem.capacity[b]!);
    const minimum = Math.min(capacity, Math.max(0, problem.minimum[b]!));
    if (minimum > 0) flow.link(items + b, sink, minimum, -bonus);
    if (capacity > minimum) flow.link(items + b, sink, capacity - minimum, 0);
  }
  flow.solve(source, sink);

  const bins = new Array<number>(items).fill(-1);
  const filled = new Array<number>(binCount).fill(0);
  let value = 0;
  arcs.forEach((mine, i) => {
    for (const [b, arc] of mine) {
      if (flow.flowOn(arc) === 0) continue;
      bins[i] = b;
      filled[b]! += 1;
      value += problem.values[i]![b]!;
    }
  });
  const minimaMet = filled.every((count, b) => count >= problem.minimum[b]!);
  return { bins, value, minimaMet };
}
