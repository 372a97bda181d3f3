/**
 * Runs HiGHS (WebAssembly) on a reference model and turns its answer back into a `Schedule`, so the
 * library's own checker can judge it.
 */
import type { Meeting, Schedule } from '../../src/model/schedule.js';
import { formatLocalTime } from '../../src/time/week.js';
import { meetingOf } from '../../src/compiled/export.js';
import type { ReferenceModel } from './model.js';

/** What HiGHS reports for one model. */
export interface ReferenceSolution {
  /** HiGHS's model status, e.g. `'Optimal'`, `'Time limit reached'`. */
  status: string;
  /** Objective of the incumbent, or `null` when none was found. */
  objective: number | null;
  /** Best proven lower bound. */
  dualBound: number | null;
  /** Relative gap between incumbent and bound (0 when proven optimal). */
  gap: number | null;
  /** Wall time of the whole run (presolve, branch and bound, proof), ms. */
  runTimeMs: number;
  /** When HiGHS found the incumbent it ends with, ms after the start. */
  timeToBestMs: number | null;
  /** Column values by name (binaries rounded). */
  values: ReadonlyMap<string, number>;
}

import type { Highs } from 'highs';

let loaded: Promise<Highs> | undefined;

/** Loads the HiGHS WebAssembly module once per process. */
export function loadHighs(): Promise<Highs> {
  // The package is CommonJS with ESM builds: depending on the loader, `default` is the factory or wraps it.
  loaded ??= import('highs').then((module) => {
    const candidate: unknown = module.default;
    const factory = (typeof candidate === 'function' ? candidate : (candidate as { default: unknown }).default) as () => Promise<Highs>;
    return factory();
  });
  return loaded;
}

const MODEL_STATUS_NAMES = new Map<number, string>([
  [7, 'Optimal'],
  [8, 'Infeasible'],
  [13, 'Time limit reached'],
]);

/**
 * Solves the model with HiGHS under a time limit and collects objective, bound, gap and times.
 *
 * @example
 * ```ts
 * const solution = await solveWithHighs(buildReferenceModel(problem), 60);
 * console.log(solution.status, solution.objective, solution.gap);
 * ```
 */
export async function solveWithHighs(model: ReferenceModel, timeLimitSeconds: number): Promise<ReferenceSolution> {
  const highs = await loadHighs();
  return highs.withModel({ format: 'lp', data: model.lp }, (instance) => {
    instance.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 0 });
    let timeToBestMs: number | null = null;
    const startedAt = performance.now();
    instance.run({
      [highs.constants.callbackType.mipImprovingSolution](event) {
        timeToBestMs = (event.data.running_time ?? (performance.now() - startedAt) / 1000) * 1000;
        return undefined;
      },
    });
    const runTimeMs = performance.now() - startedAt;
    const code = instance.getModelStatus() as number;
    const status = MODEL_STATUS_NAMES.get(code) ?? `status ${code}`;
    const values = new Map<string, number>();
    let objective: number | null = null;
    const primal = instance.info.get('primal_solution_status') as number;
    if (primal === 2) {
      objective = instance.getObjectiveValue();
      const colValue = instance.getSolution().colValue;
      for (let i = 0; i < colValue.length; i++) values.set(instance.getColName(i), colValue[i]!);
    }
    const dual = instance.info.get('mip_dual_bound') as number | undefined;
    const gap = instance.info.get('mip_gap') as number | undefined;
    return {
      status,
      objective,
      dualBound: dual === undefined || !Number.isFinite(dual) ? null : dual,
      gap: status === 'Optimal' ? 0 : gap === undefined || !Number.isFinite(gap) ? null : gap,
      runTimeMs,
      timeToBestMs,
      values,
    };
  });
}

/**
 * The timetable a MILP solution describes: one meeting per held section (its leader, its roster)
 * and one per individual session, each in an office free at that time.
 *
 * @example
 * ```ts
 * const report = checkSchedule(problem, referenceSchedule(model, solution.values));
 * ```
 */
export function referenceSchedule(model: ReferenceModel, values: ReadonlyMap<string, number>): Schedule {
  const { compiled } = model;
  const on = (name: string): boolean => (values.get(name) ?? 0) > 0.5;
  const meetings: Meeting[] = [];
  const meeting = (id: string, service: number, track: number, day: number, start: number, room: number, staff: number[], patients: number[]): Meeting =>
    meetingOf(compiled, { id: '', service, track, day, start, end: start + compiled.services[service]!.durationMinutes, room, telehealth: false, staff, patients, pinned: false }, id);
  const leaders = new Map<number, number[]>();
  for (const lead of model.leads) if (on(lead.name)) leaders.set(lead.section, [...(leaders.get(lead.section) ?? []), lead.staff]);
  const rosters = new Map<number, number[]>();
  for (const attend of model.attends) if (on(attend.name)) rosters.set(attend.section, [...(rosters.get(attend.section) ?? []), attend.patient]);
  model.sections.forEach((section, index) => {
    if (!on(section.name)) return;
    const id = `ref-${compiled.dates[section.day]}-${formatLocalTime(section.start).replace(':', '')}-${compiled.rooms[section.room]!.id}`;
    meetings.push(meeting(id, section.service, section.track, section.day, section.start, section.room, leaders.get(index) ?? [], rosters.get(index) ?? []));
  });
  // Sessions at one time never overlap partially (duration = grid), so any free office will do.
  const taken = new Set<string>();
  for (const session of model.individuals) {
    if (!on(session.name)) continue;
    const service = compiled.services[session.service]!;
    const first = session.day * 288 + session.start / 5;
    const room =
      service.eligibleRooms.find(
        (r) => !taken.has(`${r}@${session.day}@${session.start}`) && compiled.rooms[r]!.available.containsRange(first, first + service.durationMinutes / 5),
      ) ?? service.eligibleRooms[0]!;
    taken.add(`${room}@${session.day}@${session.start}`);
    const id = `ref-ind-${compiled.patients[session.patient]!.id}-${compiled.dates[session.day]}-${formatLocalTime(session.start).replace(':', '')}`;
    meetings.push(meeting(id, session.service, -1, session.day, session.start, room, [session.staff], [session.patient]));
  }
  meetings.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  return { timeZone: compiled.timeZone, weekStart: compiled.weekStart, meetings };
}
