/**
 * Small helpers shared by the examples: the output folder, aligned tables, and the calendars.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem } from '../../src/model/problem.js';
import type { Schedule } from '../../src/model/schedule.js';
import { toICalendar } from '../../src/export/ical.js';

/** Where the examples write (gitignored). */
export const OUT = 'out';

/** Writes `text` to `out/<path>`, creating folders; returns the path written. */
export function write(path: string, text: string): string {
  const full = join(OUT, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text.endsWith('\n') ? text : `${text}\n`);
  return full;
}

/** Rows of cells as aligned columns; numbers (and cells starting with a digit) align right. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (/^[\d.]+$/.test(cell) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Several short cells per line, e.g. a table folded into columns to fit 100 characters. */
export function columns(blocks: readonly string[], width = 100): string {
  const lines = blocks.map((b) => b.split('\n'));
  const blockWidth = Math.max(...lines.flat().map((l) => l.length)) + 4;
  const perRow = Math.max(1, Math.floor((width + 4) / blockWidth));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += perRow) {
    const group = lines.slice(i, i + perRow);
    const height = Math.max(...group.map((g) => g.length));
    for (let row = 0; row < height; row++) out.push(group.map((g) => (g[row] ?? '').padEnd(blockWidth)).join('').trimEnd());
  }
  return out.join('\n');
}

/** The whole week and each staff member's, room's and patient's calendar under `out/<folder>/`. Returns the file count. */
export function writeCalendars(problem: Problem, schedule: Schedule, folder: string): number {
  write(`${folder}/week.ics`, toICalendar(problem, schedule));
  const subjects = [
    ...problem.staff.map((s) => ({ file: `staff-${s.id}`, for: { staff: s.id } })),
    ...problem.rooms.map((r) => ({ file: `room-${r.id}`, for: { room: r.id } })),
    // Patients' calendars are named by their opaque id only.
    ...problem.patients.map((p) => ({ file: `patient-${p.id}`, for: { patient: p.id } })),
  ];
  for (const subject of subjects) write(`${folder}/${subject.file.replace(/[^\w.-]/g, '_')}.ics`, toICalendar(problem, schedule, { for: subject.for }));
  return subjects.length + 1;
}

/** Wraps each line of `text` at `width` columns; continuation lines keep the indent plus four spaces. */
export function wrap(text: string, width = 100): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const indent = ' '.repeat(line.length - line.trimStart().length);
      const out: string[] = [];
      let current = '';
      for (const word of line.trim().split(/ +/)) {
        const prefix = out.length === 0 ? indent : `${indent}    `;
        if (current !== '' && prefix.length + current.length + 1 + word.length > width) {
          out.push(prefix + current);
          current = word;
        } else current = current === '' ? word : `${current} ${word}`;
      }
      out.push((out.length === 0 ? indent : `${indent}    `) + current);
      return out;
    })
    .join('\n');
}
