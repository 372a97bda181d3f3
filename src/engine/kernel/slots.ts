/**
 * Candidate group slots of each track: the track windows cut into blocks (maximal runs on one
 * day) and tiled with back-to-back sessions on the start grid, or the track's template when it
 * has one. Also the grid starts where a meeting of a given length fits a track's windows.
 */
import { onAgenda } from '../../rules/template-agenda.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../../time/week.js';
import type { CompiledProblem, CompiledTrack } from '../../compiled/compile.js';

export interface GroupSlot {
  track: number;
  day: number;
  start: number;
  end: number;
  /** Group services that may be held in this slot (template: exactly one). */
  services: readonly number[];
  /** Position of the slot in its track's week (for rotating services). */
  ordinal: number;
}

/** Maximal runs of window minutes per day: [day, start, end] in minutes. */
export function trackBlocks(problem: CompiledProblem, track: CompiledTrack): Array<[number, number, number]> {
  const blocks: Array<[number, number, number]> = [];
  for (let day = 0; day < 7; day++) {
    if (problem.closedDays[day]) continue;
    let runStart = -1;
    for (let i = 0; i <= SLOTS_PER_DAY; i++) {
      const inside = i < SLOTS_PER_DAY && track.windows.has(day * SLOTS_PER_DAY + i);
      if (inside && runStart < 0) runStart = i;
      if (!inside && runStart >= 0) {
        blocks.push([day, runStart * SLOT_MINUTES, i * SLOT_MINUTES]);
        runStart = -1;
      }
    }
  }
  return blocks;
}

/**
 * Group services a track holds: its curriculum's group services (and those its patients require)
 * when it lists any, else every track-bound group service. A curriculum whose maxima cannot fill
 * the track's weekly minimum (skills at most three times a week in a nine-hour program) leaves the
 * other hours to the clinic's other track-bound groups, so the track holds those too: offered only
 * the curriculum, every patient would stop at its maxima, hours short.
 */
export function trackServices(problem: CompiledProblem, track: CompiledTrack): number[] {
  const isGroup = (s: number): boolean => problem.services[s]?.kind === 'group' && problem.services[s]!.trackBound;
  const every = problem.services.filter((s) => isGroup(s.index)).map((s) => s.index);
  const listed = track.curriculum.map((entry) => entry.service).filter(isGroup);
  if (listed.length === 0) return every;
  const required = requiredGroupServices(problem)[track.index] ?? [];
  const held = new Set([...listed, ...required]);
  let mostMinutes = 0;
  for (const entry of track.curriculum) {
    if (isGroup(entry.service)) mostMinutes += entry.max * problem.services[entry.service]!.durationMinutes;
  }
  if (mostMinutes < track.rules.minWeeklyHours * 60) for (const s of every) held.add(s);
  return [...held].sort((a, b) => a - b);
}

const requiredCache = new WeakMap<CompiledProblem, ReadonlyArray<readonly number[]>>();

/**
 * Per track, the track-bound group services its patients require, ascending (cached per compiled
 * problem): one pass over the patients for every track, where asking per track read every patient
 * for every track (at 10,000 patients and 468 tracks, 7% of construction).
 */
function requiredGroupServices(problem: CompiledProblem): ReadonlyArray<readonly number[]> {
  let cached = requiredCache.get(problem);
  if (cached) return cached;
  const sets = problem.tracks.map(() => new Set<number>());
  for (const patient of problem.patients) {
    for (const entry of patient.requires) {
      const service = problem.services[entry.service];
      if (service?.kind !== 'group' || !service.trackBound) continue;
      for (const t of patient.tracks) sets[t]?.add(entry.service);
    }
  }
  cached = sets.map((set) => [...set].sort((a, b) => a - b));
  requiredCache.set(problem, cached);
  return cached;
}

function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

/** The candidate group slots of one track, in week order. */
export function groupSlots(problem: CompiledProblem, track: CompiledTrack): GroupSlot[] {
  const slots: GroupSlot[] = [];
  const grid = problem.granularityMinutes;
  if (track.template && track.template.length > 0) {
    const sorted = [...track.template].sort((a, b) => a.day - b.day || a.start - b.start || a.service - b.service);
    for (const entry of sorted) {
      const service = problem.services[entry.service];
      if (!service || problem.closedDays[entry.day]) continue;
      slots.push({ track: track.index, day: entry.day, start: entry.start, end: entry.start + service.durationMinutes, services: [entry.service], ordinal: slots.length });
    }
    return slots;
  }
  const services = trackServices(problem, track);
  if (services.length === 0) return slots;
  const durations = [...new Set(services.map((s) => problem.services[s]!.durationMinutes))].sort((a, b) => a - b);
  // The most common duration wins ties between tilings that cover the same minutes.
  const common = new Map<number, number>();
  for (const s of services) common.set(problem.services[s]!.durationMinutes, (common.get(problem.services[s]!.durationMinutes) ?? 0) + 1);
  for (const [day, from, to] of trackBlocks(problem, track)) {
    for (const [start, length] of tileBlock(roundUp(from, grid), to, grid, durations, common)) {
      const fitting = services.filter((s) => problem.services[s]!.durationMinutes === length);
      slots.push({ track: track.index, day, start, end: start + length, services: fitting, ordinal: slots.length });
    }
  }
  return slots;
}

/**
 * Back-to-back sessions filling [from, to) on the grid, covering the most minutes (ties: more
 * sessions of the most common duration), by dynamic programming over the grid positions.
 */
function tileBlock(from: number, to: number, grid: number, durations: readonly number[], common: ReadonlyMap<number, number>): Array<[number, number]> {
  const steps = Math.max(0, Math.floor((to - from) / grid));
  const covered = new Float64Array(steps + 2);
  const choice = new Int32Array(steps + 2).fill(-1);
  for (let i = steps; i >= 0; i--) {
    const t = from + i * grid;
    covered[i] = i + 1 <= steps ? covered[i + 1]! : 0;
    choice[i] = -1;
    for (const d of durations) {
      if (t + d > to) continue;
      const next = Math.min(steps + 1, Math.ceil((t + d - from) / grid));
      const value = d + (next <= steps ? covered[next]! : 0) + (common.get(d) ?? 0) * 1e-3;
      if (value > covered[i]! + 1e-9) {
        covered[i] = value;
        choice[i] = d;
      }
    }
  }
  const tiles: Array<[number, number]> = [];
  for (let i = 0; i <= steps; ) {
    const d = choice[i]!;
    const t = from + i * grid;
    if (d < 0) {
      i += 1;
      continue;
    }
    tiles.push([t, d]);
    i = Math.ceil((t + d - from) / grid);
  }
  return tiles;
}

/**
 * Grid starts on `day` where `minutes` fit inside the track's windows. Given the group `service`
 * to be held there, only the starts its track's template allows (rule `template-agenda`; every
 * start in a track without a template).
 *
 * @example
 * ```ts
 * const starts = windowStarts(problem, problem.tracks[m.track]!, m.day, m.end - m.start, m.service);
 * ```
 */
export function windowStarts(problem: CompiledProblem, track: CompiledTrack, day: number, minutes: number, service?: number): number[] {
  const starts: number[] = [];
  const grid = problem.granularityMinutes;
  for (let start = 0; start + minutes <= 1440; start += grid) {
    const from = day * SLOTS_PER_DAY + start / SLOT_MINUTES;
    if (!track.windows.containsRange(from, from + minutes / SLOT_MINUTES)) continue;
    if (service !== undefined && !onAgenda(problem, { service, track: track.index, day, start })) continue;
    starts.push(start);
  }
  return starts;
}
