// The browser test's page: solves examples/problem.json with the built package's solveInWorker
// (a module Web Worker), shows the schedule's hash in the DOM, then checks an abort, and POSTs
// what the DOM shows to the test's server.
import { solveInWorker } from '../../dist/index.js';
import { OPTIONS, scheduleHash } from './shared.js';

const name = new URLSearchParams(location.search).get('name') ?? 'page';
const out = document.getElementById('result');
const show = (line) => (out.textContent += `${line}\n`);

async function abortOutcome() {
  const controller = new AbortController();
  const onProgress = (progress) => {
    if (progress.phase === 'construct') controller.abort();
  };
  try {
    const { report } = await solveInWorker(problem, { seed: 1, timeLimitMs: 60_000, signal: controller.signal, onProgress });
    return `resolved ${report.stats?.stoppedBecause}`;
  } catch (error) {
    return `rejected ${error?.name}`;
  }
}

let problem;
try {
  problem = await (await fetch('./problem.json')).json();
  let progress = 0;
  const { schedule, report } = await solveInWorker(problem, { ...OPTIONS, onProgress: () => progress++ });
  show(`hash ${await scheduleHash(schedule)}`);
  show(`meetings ${schedule.meetings.length} feasible ${report.feasible} progress ${progress > 0}`);
  show(`isolated ${globalThis.crossOriginIsolated === true}`);
  show(`abort ${await abortOutcome()}`);
} catch (error) {
  show(`error ${error?.stack ?? error}`);
}
await fetch(`/result?name=${encodeURIComponent(name)}`, { method: 'POST', body: out.textContent });
