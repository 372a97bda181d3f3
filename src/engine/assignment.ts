/**
 * An exact solver for the small assignment problems the slot re-optimisation poses: items
 * (patients) go to bins (the sections and the individual sessions of one time) or stay out, each
 * item-bin pair has a value, each bin a capacity and a minimum, and the total value is maximised
 * among the assignments that fill every bin's minimum (when any does).
 *
 * It is a min-cost flow, solved by successive shortest paths (Bellman-Ford, so negative values
 * are fine): source -> item (1) -> bin (1, cost -value) -> sink. A bin's first `minimum` units
 * carry a bonus larger than any total value, so minima are filled whenever they can be, even by
 * items of negative value; the rest of a bin costs nothing. Paths are augmented while they gain,
 * which gives the best assignment of any size. Sizes here are tens of items and a few bins.
 */

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

interface Edge {
  to: number;
  capacity: number;
  cost: number;
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
  const edges: Edge[] = [];
  const out: number[][] = Array.from({ length: sink + 1 }, () => []);
  const link = (from: number, to: number, capacity: number, cost: number): void => {
    out[from]!.push(edges.length);
    edges.push({ to, capacity, cost });
    out[to]!.push(edges.length);
    edges.push({ to: from, capacity: 0, cost: -cost });
  };
  for (let i = 0; i < items; i++) {
    link(source, i, 1, 0);
    const row = problem.values[i]!;
    for (let b = 0; b < binCount; b++) {
      const value = row[b];
      if (value !== null && value !== undefined) link(i, items + b, 1, -value);
    }
  }
  for (let b = 0; b < binCount; b++) {
    const capacity = Math.max(0, problem.capacity[b]!);
    const minimum = Math.min(capacity, Math.max(0, problem.minimum[b]!));
    if (minimum > 0) link(items + b, sink, minimum, -bonus);
    if (capacity > minimum) link(items + b, sink, capacity - minimum, 0);
  }

  const nodes = sink + 1;
  const distance = new Float64Array(nodes);
  const via = new Int32Array(nodes);
  const queued = new Uint8Array(nodes);
  const queue: number[] = [];
  for (;;) {
    distance.fill(Infinity);
    via.fill(-1);
    distance[source] = 0;
    // Shortest paths by a queue-driven Bellman-Ford (SPFA): the residual graph has negative
    // costs but, the flow being optimal for its size after every augmentation, no negative cycle.
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
    // Augment only while the cheapest path gains: the flow of any size that costs least.
    if (distance[sink]! >= -1e-9) break;
    for (let node = sink; node !== source; ) {
      const e = via[node]!;
      edges[e]!.capacity -= 1;
      edges[e ^ 1]!.capacity += 1;
      node = edges[e ^ 1]!.to;
    }
  }

  const bins = new Array<number>(items).fill(-1);
  const filled = new Array<number>(binCount).fill(0);
  let value = 0;
  for (let i = 0; i < items; i++) {
    for (const e of out[i]!) {
      const edge = edges[e]!;
      // A forward item -> bin edge (even index) whose unit was used.
      if (e % 2 === 0 && edge.to >= items && edge.to < source && edge.capacity === 0) {
        const b = edge.to - items;
        bins[i] = b;
        filled[b]! += 1;
        value += problem.values[i]![b]!;
      }
    }
  }
  const minimaMet = filled.every((count, b) => count >= problem.minimum[b]!);
  return { bins, value, minimaMet };
}
