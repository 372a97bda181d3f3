/**
 * Whole-patient triage against spread (issue 22 item 4): generated clinics at several tightnesses,
 * several instances and solver seeds each, a fixed iteration budget (counts, not times, are
 * compared: the result does not depend on the machine's load). Per run: patients fully served,
 * total requirement shortfall in minute-equivalents (without the triage weights), and the mean
 * shortfall of those not served.
 *
 * Run: `npx tsx bench/triage.ts [patients=1000] [iterations=10000] [instances=5] [seeds=3] [tightness=1.0,1.3,1.5]`
 * (the sources through tsx; one process, runs one after another).
 */
import { generateProgram } from './generate.js';
import { solve } from '../src/pipeline/solve.js';
import { minutesShort } from '../src/rules/patients-short.js';
import type { Progress, Triage } from '../src/model/options.js';

const [patients = 1000, iterations = 10_000, instances = 5, seeds = 3] = process.argv.slice(2, 6).map(Number);
const tightnesses = (process.argv[6] ?? '1.0,1.3,1.5').split(',').map(Number);

interface Row {
  tightness: number;
  instance: number;
  seed: number;
  triage: Triage;
  served: number;
  shortMinutes: number;
  cpuMs: number;
}

const rows: Row[] = [];
// Seeds, then instances outermost, so that a run cut short still covers every instance and tightness.
for (let seed = 1; seed <= seeds; seed++) {
  for (let instance = 1; instance <= instances; instance++) {
    for (const tightness of tightnesses) {
      const problem = generateProgram({ patients, seed: instance, tightness });
      for (const triage of ['whole-patients', 'spread'] as const) {
        // The causes of unmet requirements do not change the counts: skipped (aborted once reached).
        const controller = new AbortController();
        const onProgress = (progress: Progress): void => {
          if (progress.phase === 'causes') controller.abort();
        };
        const cpu = process.cpuUsage();
        const { report } = solve(problem, { seed, maxIterations: iterations, timeLimitMs: 3_600_000, triage, signal: controller.signal, onProgress });
        const used = process.cpuUsage(cpu);
        if (report.stats?.stoppedBecause === 'aborted') throw new Error('aborted before the search ended');
        const row: Row = {
          tightness,
          instance,
          seed,
          triage,
          served: report.patients.filter((p) => p.met).length,
          shortMinutes: minutesShort(report),
          cpuMs: Math.round((used.user + used.system) / 1000),
        };
        rows.push(row);
        console.log(JSON.stringify(row));
      }
    }
  }
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
console.log('\n| tightness | triage | runs | fully served (mean, min-max) | shortfall, minutes (mean) | per patient not served (mean) | triage ahead (runs) |');
console.log('|---|---|---|---|---|---|---|');
for (const tightness of tightnesses) {
  for (const triage of ['whole-patients', 'spread'] as const) {
    const mine = rows.filter((r) => r.tightness === tightness && r.triage === triage);
    if (mine.length === 0) continue;
    const served = mine.map((r) => r.served);
    const perShort = mine.map((r) => r.shortMinutes / Math.max(1, patients - r.served));
    const ahead = mine.filter((r) => {
      const other = rows.find((o) => o.tightness === r.tightness && o.instance === r.instance && o.seed === r.seed && o.triage !== r.triage)!;
      return r.served > other.served;
    }).length;
    console.log(
      `| ${tightness.toFixed(1)} | ${triage} | ${mine.length} | ${mean(served).toFixed(1)} (${Math.min(...served)}-${Math.max(...served)}) | ` +
        `${Math.round(mean(mine.map((r) => r.shortMinutes)))} | ${Math.round(mean(perShort))} | ${ahead} |`,
    );
  }
}
