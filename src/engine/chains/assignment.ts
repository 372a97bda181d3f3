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

/**
 * A flow network whose cheapest flow (of any size) from `source` to `sink` `solve` finds.
 *
 * Arcs are stored as parallel arrays (head, residual capacity, cost), arc `id ^ 1` the reverse of
 * arc `id`: the shortest-path passes read three numbers per arc instead of an object each, and
 * the re-seatings solve one network per layout weighed.
 *
 * @example
 * ```ts
 * const flow = new MinCostFlow(4);
 * const arc = flow.link(0, 1, 1, -5);
 * flow.link(1, 3, 1, 0);
 * flow.solve(0, 3); // -5
 * flow.flowOn(arc); // 1
 * ```
 */
export class MinCostFlow {
  private readonly heads: number[] = [];
  private readonly capacities: number[] = [];
  private readonly costs: number[] = [];
  private readonly out: number[][];

  constructor(readonly nodes: number) {
    this.out = Array.from({ length: nodes }, () => []);
  }

  /** Adds an arc; returns its id (for `flowOn`). */
  link(from: number, to: number, capacity: number, cost: number): number {
    const id = this.heads.length;
    this.out[from]!.push(id);
    this.heads.push(to);
    this.capacities.push(capacity);
    this.costs.push(cost);
    this.out[to]!.push(id + 1);
    this.heads.push(from);
    this.capacities.push(0);
    this.costs.push(-cost);
    return id;
  }

  /** Units sent along arc `id` (after `solve`). */
  flowOn(id: number): number {
    return this.capacities[id + 1]!;
  }

  /** Augments along cheapest paths while they cost less than nothing; returns the total cost. */
  solve(source: number, sink: number): number {
    const { nodes, heads, capacities, costs, out } = this;
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
        const arcs = out[node]!;
        for (let k = 0; k < arcs.length; k++) {
          const e = arcs[k]!;
          const to = heads[e]!;
          if (capacities[e]! > 0 && d + costs[e]! < distance[to]! - 1e-9) {
            distance[to] = d + costs[e]!;
            via[to] = e;
            if (queued[to] === 0) {
              queued[to] = 1;
              queue.push(to);
            }
          }
        }
      }
      if (distance[sink]! >= -1e-9) return total;
      total += distance[sink]!;
      for (let node = sink; node !== source; ) {
        const e = via[node]!;
        capacities[e]! -= 1;
        capacities[e ^ 1]! += 1;
        node = heads[e ^ 1]!;
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
