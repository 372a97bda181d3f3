/**
 * The staff's humane work, read back from a solved week: where each clinician's break falls on
 * each day they work, and how much notes time their groups leave them. The solver keeps a break
 * floating (any free stretch of its window counts); this places it at the earliest such stretch.
 */
import type { Problem, Schedule } from '../../src/index.js';

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const clock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const WEEKDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** One row per clinician: their breaks day by day (`MO 12:00-12:30`) and the notes time their groups leave them. */
export function workRows(problem: Problem, schedule: Schedule): string[][] {
  const notes = new Map(problem.services.map((s) => [s.id, s.notesMinutes ?? 0]));
  return problem.staff.map((member) => {
    const byDate = new Map<string, Array<[number, number]>>();
    let notesMinutes = 0;
    for (const m of schedule.meetings) {
      if (!m.staff.includes(member.id)) continue;
      const after = notes.get(m.service) ?? 0;
      notesMinutes += after;
      byDate.set(m.date, [...(byDate.get(m.date) ?? []), [minutesOf(m.start), minutesOf(m.end) + after]]);
    }
    const breaks: string[] = [];
    for (const [date, busy] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
      const day = WEEKDAY[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
      for (const b of member.breaks ?? []) {
        const from = minutesOf(b.within.start);
        const to = minutesOf(b.within.end);
        let start = from;
        while (start + b.minutes <= to && busy.some(([s, e]) => s < start + b.minutes && start < e)) start += 5;
        breaks.push(start + b.minutes <= to ? `${day} ${clock(start)}` : `${day} none`);
      }
    }
    return [member.id, breaks.join('  ') || '-', notesMinutes > 0 ? `${notesMinutes} min` : '-'];
  });
}
