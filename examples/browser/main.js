// The demo page: open a problem (the sample clinic preloaded), solve it in a Web Worker with a
// progress bar and a Stop button, show the week grid and the report, download ICS and FHIR.
// Everything runs in the page; nothing is sent anywhere. `?autosolve` solves on load (the
// headless check uses it).
import { formatReport, renderHtml, sampleClinic, solveInWorker, toFhir, toICalendar, validateProblem } from 'iop-scheduler';

const $ = (id) => document.getElementById(id);
const ui = {
  file: $('file'), sample: $('sample'), name: $('problem-name'), seed: $('seed'), iterations: $('iterations'), limit: $('limit'),
  solve: $('solve'), stop: $('stop'), progress: $('progress'), status: $('status'), issues: $('issues'),
  result: $('result'), summary: $('summary'), by: $('by'), grid: $('grid'), report: $('report'), rules: $('rules'), ics: $('ics'), fhir: $('fhir'),
};

let problem;
let solution;
let controller;
const downloads = [];

function setProblem(candidate, label) {
  const checked = validateProblem(candidate);
  ui.issues.replaceChildren(...(checked.ok ? [] : checked.issues.slice(0, 20).map((issue) => li(`${issue.path}: ${issue.message} (${issue.code})`))));
  ui.issues.hidden = checked.ok;
  problem = checked.ok ? checked.problem : undefined;
  ui.solve.disabled = !checked.ok;
  ui.name.textContent = checked.ok
    ? `${label}: ${problem.patients.length} patients, ${problem.staff.length} staff, ${problem.rooms.length} rooms, week of ${problem.weekStart}`
    : `${label}: ${checked.issues.length} issue(s), fix them to solve`;
  ui.status.textContent = checked.ok ? 'Ready.' : 'The problem is not valid.';
}

function li(text) {
  const item = document.createElement('li');
  item.textContent = text;
  return item;
}

function chip(text, kind = '') {
  const span = document.createElement('span');
  span.className = `chip ${kind}`;
  span.textContent = text;
  return span;
}

/** The catalogue's rules, those that cost something first (largest share of the score first). */
function ruleRows(report) {
  const rank = { hard: 0, requirement: 1, soft: 2 };
  const rows = [...report.byRule].sort((a, b) => (b.violations > 0) - (a.violations > 0) || rank[a.level] - rank[b.level] || b.weighted - a.weighted);
  return rows.map((row) => {
    const tr = document.createElement('tr');
    tr.className = row.violations === 0 ? 'none' : row.level === 'hard' ? 'hard' : '';
    for (const text of [row.rule, row.level, String(row.violations), String(row.weighted)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  });
}

function downloadUrl(text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloads.push(url);
  return url;
}

function showGrid() {
  if (!solution) return;
  ui.grid.srcdoc = renderHtml(problem, solution.schedule, { by: ui.by.value, report: solution.report });
}

function show(result, stoppedEarly) {
  solution = result;
  const { schedule, report } = result;
  const score = report.score;
  ui.summary.replaceChildren(
    chip(`${schedule.meetings.length} sessions`),
    chip(report.feasible ? 'feasible' : 'breaks hard rules', report.feasible ? 'good' : 'bad'),
    chip(report.allMet ? 'every requirement met' : 'some requirements unmet', report.allMet ? 'good' : 'bad'),
    chip(`score ${score.hard} / ${score.requirement} / ${score.soft}`),
    chip(`${report.stats?.iterations ?? 0} iterations, ${((report.stats?.elapsedMs ?? 0) / 1000).toFixed(1)} s${stoppedEarly ? ', stopped' : ''}`),
  );
  ui.report.textContent = formatReport(report);
  ui.rules.tBodies[0].replaceChildren(...ruleRows(report));
  downloads.splice(0).forEach((url) => URL.revokeObjectURL(url));
  ui.ics.href = downloadUrl(toICalendar(problem, schedule), 'text/calendar');
  ui.fhir.href = downloadUrl(JSON.stringify(toFhir(problem, schedule), null, 2), 'application/fhir+json');
  ui.result.hidden = false;
  showGrid();
}

async function solveNow() {
  if (!problem) return;
  controller = new AbortController();
  const maxIterations = Number(ui.iterations.value) || 0;
  const timeLimitMs = Math.max(1, Number(ui.limit.value) || 10) * 1000;
  ui.solve.disabled = true;
  ui.stop.disabled = false;
  ui.progress.value = 0;
  ui.status.textContent = 'Starting the worker...';
  const onProgress = (p) => {
    // The further of the two budgets, iterations and time.
    const done = Math.max(maxIterations ? p.iteration / maxIterations : 0, p.elapsedMs / timeLimitMs);
    ui.progress.value = Math.min(1, done);
    ui.status.textContent = `${p.phase}: ${p.iteration} iterations, score ${p.bestScore.hard} / ${p.bestScore.requirement} / ${p.bestScore.soft}`;
  };
  try {
    const options = { seed: Number(ui.seed.value) || 0, timeLimitMs, signal: controller.signal, onProgress, ...(maxIterations ? { maxIterations } : {}) };
    const result = await solveInWorker(problem, options);
    ui.progress.value = 1;
    ui.status.textContent = `Solved (${result.report.stats?.stoppedBecause ?? 'done'}).`;
    show(result, controller.signal.aborted);
    if (new URLSearchParams(location.search).has('autosolve')) await fetch('./result?name=demo', { method: 'POST', body: `${result.schedule.meetings.length} ${result.report.feasible}` }).catch(() => {});
  } catch (error) {
    ui.progress.value = 0;
    ui.status.textContent = error?.name === 'AbortError'
      ? 'Stopped before a timetable was built (this page is not cross-origin isolated, so the worker is ended at once).'
      : `Failed: ${error?.message ?? error}`;
    if (error?.issues) ui.issues.replaceChildren(...error.issues.map((issue) => li(`${issue.path}: ${issue.message}`)));
  } finally {
    ui.solve.disabled = false;
    ui.stop.disabled = true;
  }
}

ui.sample.addEventListener('click', () => setProblem(sampleClinic(), 'Sample clinic'));
ui.file.addEventListener('change', async () => {
  const file = ui.file.files?.[0];
  if (!file) return;
  try {
    setProblem(JSON.parse(await file.text()), file.name);
  } catch (error) {
    setProblem(undefined, file.name);
    ui.issues.replaceChildren(li(`${file.name} is not JSON: ${error.message}`));
  }
});
ui.solve.addEventListener('click', solveNow);
ui.stop.addEventListener('click', () => controller?.abort());
ui.by.addEventListener('change', showGrid);

setProblem(sampleClinic(), 'Sample clinic');
if (new URLSearchParams(location.search).has('autosolve')) solveNow();
