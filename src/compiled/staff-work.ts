/**
 * The staff work rules of a problem in minutes (`Staff.breaks`, `Staff.maxContinuousMinutes`,
 * `Service.notesMinutes`), derived once per compiled problem, and a staff member's working day
 * as the spans those rules judge: each session from its start to the end of its notes time.
 */
import { parseLocalTime } from '../time/week.js';
import type { CompiledProblem } from './compile.js';
import type { PlacedMeeting, RuleContext } from './meetings.js';

/** A floating break in minutes of the day. */
export interface CompiledBreak {
  minutes: number;
  start: number;
  end: number;
  /** Owed only on days with more work than this (0: every working day). */
  after: number;
}

/** The work rules of one problem, by index. */
export interface StaffWork {
  /** Per service: minutes of notes after each session. */
  notes: Int32Array;
  /** Per staff: their breaks (mostly none). */
  breaks: ReadonlyArray<readonly CompiledBreak[]>;
  /** Per staff: the longest run of work allowed, Infinity when none. */
  maxContinuous: Float64Array;
  /** Whether any service has notes time. */
  anyNotes: boolean;
  /** Whether any rule of the three applies to anyone: when false the solver skips them. */
  any: boolean;
}

/** One stretch of work: a session and its notes time, `[start, notesEnd)`; the session ends at `end`. */
export interface WorkSpan {
  start: number;
  end: number;
  notesEnd: number;
}

/** A gap shorter than this between two sessions does not end a run of work (DESIGN section 10). */
export const REST_MINUTES = 15;

const memos = new WeakMap<CompiledProblem, StaffWork>();

/**
 * The work rules of `problem`, memoised (a compiled problem is never changed).
 *
 * @example
 * ```ts
 * const work = staffWork(compiled);
 * if (work.any) console.log(work.breaks[0]); // [{ minutes: 30, start: 690, end: 810, after: 0 }]
 * ```
 */
export function staffWork(problem: CompiledProblem): StaffWork {
  let work = memos.get(problem);
  if (work) return work;
  const notes = Int32Array.from(problem.services, (service) => service.source.notesMinutes ?? 0);
  const breaks = problem.staff.map((_, s): CompiledBreak[] =>
    (problem.source.staff[s]?.breaks ?? []).map((b) => ({
      minutes: b.minutes,
      start: parseLocalTime(b.within.start) ?? 0,
      end: parseLocalTime(b.within.end) ?? 1440,
      after: b.afterMinutes ?? 0,
    })),
  );
  const maxContinuous = Float64Array.from(problem.staff, (_, s) => problem.source.staff[s]?.maxContinuousMinutes ?? Infinity);
  const anyNotes = notes.some((n) => n > 0);
  const any = anyNotes || breaks.some((list) => list.length > 0) || maxContinuous.some((max) => max !== Infinity);
  work = { notes, breaks, maxContinuous, anyNotes, any };
  memos.set(problem, work);
  return work;
}

/**
 * Staff member `s`'s work on `day`, sorted by start: their meetings that day (but the one at
 * `without`), and `extra` when given (a meeting under test).
 *
 * @example
 * ```ts
 * const spans = workSpans(ctx, work, 3, 0); // Monday's sessions of staff 3, with their notes time
 * ```
 */
export function workSpans(ctx: RuleContext, work: StaffWork, s: number, day: number, extra?: PlacedMeeting, without = -1): WorkSpan[] {
  const spans: WorkSpan[] = [];
  for (const index of ctx.staffMeetings[s] ?? []) {
    if (index === without) continue;
    const m = ctx.meetings[index];
    if (m && m.day === day) spans.push({ start: m.start, end: m.end, notesEnd: m.end + (work.notes[m.service] ?? 0) });
  }
  if (extra) spans.push({ start: extra.start, end: extra.end, notesEnd: extra.end + (work.notes[extra.service] ?? 0) });
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The runs of work in sorted `spans`: a run goes on while the next session starts less than
 * {@link REST_MINUTES} after the previous one's notes end. Calls `found` with each run's bounds.
 *
 * @example
 * ```ts
 * forEachRun(spans, (start, end) => longest = Math.max(longest, end - start));
 * ```
 */
export function forEachRun(spans: readonly WorkSpan[], found: (start: number, end: number) => void): void {
  let start = -1;
  let end = -1;
  for (const span of spans) {
    if (start >= 0 && span.start - end < REST_MINUTES) {
      end = Math.max(end, span.notesEnd);
      continue;
    }
    if (start >= 0) found(start, end);
    start = span.start;
    end = span.notesEnd;
  }
  if (start >= 0) found(start, end);
}

/**
 * Minutes of work in sorted `spans` (sessions and notes time, overlaps counted once).
 *
 * @example
 * ```ts
 * workedMinutes([{ start: 540, end: 600, notesEnd: 610 }, { start: 615, end: 675, notesEnd: 685 }]); // 140
 * ```
 */
export function workedMinutes(spans: readonly WorkSpan[]): number {
  let total = 0;
  let reach = -Infinity;
  for (const span of spans) {
    const from = Math.max(span.start, reach);
    if (span.notesEnd > from) total += span.notesEnd - from;
    reach = Math.max(reach, span.notesEnd);
  }
  return total;
}

/**
 * How many minutes of break `b` cannot be had between sorted `spans` (0 when a free stretch of
 * `b.minutes` lies inside its window, or when the day's work is not over `b.after`).
 *
 * @example
 * ```ts
 * breakShortfall({ minutes: 30, start: 690, end: 810, after: 0 }, spans); // 10: only 20 minutes free
 * ```
 */
export function breakShortfall(b: CompiledBreak, spans: readonly WorkSpan[]): number {
  if (spans.length === 0) return 0;
  if (b.after > 0 && workedMinutes(spans) <= b.after) return 0;
  let longest = 0;
  let free = b.start;
  for (const span of spans) {
    if (span.notesEnd <= free) continue;
    if (span.start >= b.end) break;
    longest = Math.max(longest, Math.min(span.start, b.end) - free);
    free = Math.max(free, span.notesEnd);
    if (free >= b.end) break;
  }
  longest = Math.max(longest, b.end - free);
  return Math.max(0, b.minutes - longest);
}
