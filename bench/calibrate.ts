/**
 * A fixed calibration workload, timed before a benchmark so a reader can scale its figures to
 * their own machine (and see how loaded the bench machine was): integer arithmetic over a typed
 * array plus a sort of a fixed pseudo-random array, the kind of work the solver does. Its answer
 * is checked, so an engine that skipped the work would show.
 */

/** The calibration's time, and the process CPU time it used (CPU / wall near 1 means a quiet core). */
export interface Calibration {
  /** Wall time of the fixed workload, median of `runs`, ms. */
  wallMs: number;
  /** Process CPU time (user + system) of the same runs, median, ms. */
  cpuMs: number;
  /** How many times the workload was run. */
  runs: number;
  /** The workload's checksum (the same on every machine). */
  checksum: number;
}

/** Integer work of fixed size: a xorshift stream into an Int32Array, prefix sums, then a sort. */
function workload(): number {
  const size = 1 << 20;
  const values = new Int32Array(size);
  let x = 2463534242;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    values[i] = x & 0xfffff;
  }
  let checksum = 0;
  for (let round = 0; round < 8; round++) {
    let sum = 0;
    for (let i = 0; i < size; i++) {
      sum = (sum + values[i]! * (round + 1)) | 0;
      values[i] = (values[i]! ^ sum) & 0xfffff;
    }
    checksum = (checksum ^ sum) | 0;
  }
  values.sort();
  return (checksum ^ values[size >> 1]!) >>> 0;
}

function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Runs the fixed workload `runs` times (one warm-up first) and returns the median wall and CPU
 * times. About 100 ms per run on the bench machine.
 *
 * @example
 * ```ts
 * const calibration = calibrate();
 * console.log(`calibration ${calibration.wallMs} ms wall, ${calibration.cpuMs} ms CPU`);
 * ```
 */
export function calibrate(runs = 5): Calibration {
  let checksum = workload();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < runs; k++) {
    const cpuBefore = process.cpuUsage();
    const before = performance.now();
    const answer = workload();
    walls.push(performance.now() - before);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
    if (answer !== checksum) throw new Error('calibrate: the workload is not deterministic');
    checksum = answer;
  }
  return { wallMs: Math.round(middle(walls)), cpuMs: Math.round(middle(cpus)), runs, checksum };
}

/**
 * One header line for a results file: the calibration's figures and how to scale by them.
 *
 * @example
 * ```ts
 * lines.push(calibrationLine(calibrate()));
 * ```
 */
export function calibrationLine(calibration: Calibration): string {
  return `Calibration (bench/calibrate.ts, a fixed integer and sort workload, checksum ${calibration.checksum}): ${calibration.wallMs} ms wall, ${calibration.cpuMs} ms CPU (median of ${calibration.runs}). CPU time is the steadier figure under load (wall also counts waiting for a core); to compare with your machine, run \`npx tsx bench/calibrate.ts\` and scale the CPU times here by your CPU figure / ${calibration.cpuMs}.`;
}

/** CPU time (user + system) of this process since `since`, ms. */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const calibration = calibrate();
  console.log(calibrationLine(calibration));
}
