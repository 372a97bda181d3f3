/**
 * Repairs for an unmet requirement whose causes name a staff work rule (issue 24): a break,
 * notes time or a longest run of work that kept a clinician from leading what the patient
 * needed. Each relaxes the rule in clinic words (widen or shorten the break, cover it with a
 * per-diem clinician, shorten the notes after a service, allow a longer run) and is verified by
 * re-solving like every other candidate.
 */
import type { CompiledProblem, CompiledService, CompiledStaff } from '../compiled/compile.js';
import { staffWork, type CompiledBreak } from '../compiled/staff-work.js';
import type { Cause, Unmet } from '../model/report.js';
import { formatLocalTime, SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { perDiemCandidate } from './capacity-repairs.js';
import type { RepairCandidate } from './repair-candidates.js';
import { hoursText } from './words.js';

/** Minutes a break window is widened by on each side: the next hour either way is where a clinic would look. */
const WIDEN_MINUTES = 60;
/**
 * No break is shortened below this: 30 minutes is the meal break several states require
 * (e.g. California after 5 hours); a shorter one would trade a repair for a breach of law.
 */
const SHORTEST_BREAK = 30;
/** Minutes a longest run of work is raised by. */
const LONGER_RUN_MINUTES = 60;

type WorkRule = 'staff-breaks' | 'staff-notes-time' | 'staff-continuous-work';
const WORK_RULES: ReadonlySet<string> = new Set<WorkRule>(['staff-breaks', 'staff-notes-time', 'staff-continuous-work']);

/** The services whose placements could have helped the entry: its own, else every one counting toward hours. */
function servicesOf(compiled: CompiledProblem, service: string | undefined): CompiledService[] {
  if (service === undefined) return compiled.services.filter((s) => s.countsTowardHours);
  const index = compiled.serviceIndex.get(service);
  return index === undefined ? [] : [compiled.services[index]!];
}

function leads(member: CompiledStaff, service: CompiledService): boolean {
  return service.seats.some((seat) => seat.eligibleStaff.includes(member.index));
}

/**
 * The staff a work-rule cause names, among those who could lead one of `services` and to whom the
 * rule applies. A cause counted during the search names no one: then every such member.
 */
function namedStaff(compiled: CompiledProblem, causes: readonly Cause[], code: WorkRule, services: readonly CompiledService[], applies: (m: CompiledStaff) => boolean): CompiledStaff[] {
  const own = causes.filter((c) => c.code === code);
  if (own.length === 0) return [];
  const ids = new Set(own.flatMap((c) => c.staff ?? []));
  return compiled.staff.filter((m) => (ids.size === 0 || ids.has(m.id)) && applies(m) && services.some((s) => leads(m, s)));
}

/** The first credential of `member` that fills a seat of `services`, with that seat's tags. */
function seatOf(member: CompiledStaff, services: readonly CompiledService[]): { credential: string; tags: readonly string[] } | undefined {
  for (const s of services) {
    for (const seat of s.seats) {
      if (!seat.eligibleStaff.includes(member.index)) continue;
      const credential = [...member.credentials].find((c) => seat.credentials.has(c));
      if (credential !== undefined) return { credential, tags: seat.tags };
    }
  }
  return undefined;
}

function windowText(start: number, end: number): string {
  return `${formatLocalTime(start)}-${formatLocalTime(end)}`;
}

/** Candidates that relax one break `b` (the `j`-th) of `member`, who could lead `services` for the patient's `tracks`. */
function breakCandidates(compiled: CompiledProblem, member: CompiledStaff, b: CompiledBreak, j: number, services: readonly CompiledService[], tracks: readonly number[], who: string[]): RepairCandidate[] {
  const candidates: RepairCandidate[] = [];
  const setBreak = (problem: Parameters<RepairCandidate['apply']>[0], edit: (x: { minutes: number; within: { start: string; end: string } }) => void): void => {
    const target = problem.staff.find((x) => x.id === member.id)?.breaks?.[j];
    if (target) edit(target);
  };
  const start = Math.max(0, b.start - WIDEN_MINUTES);
  const end = Math.min(24 * 60, b.end + WIDEN_MINUTES);
  if (start < b.start || end > b.end) {
    candidates.push({
      kind: 'widen-break-window',
      message: `Let ${member.id} take their ${b.minutes}-minute break anywhere ${windowText(start, end)} (now ${windowText(b.start, b.end)})`,
      cost: 2,
      patients: who,
      apply: (problem) => setBreak(problem, (x) => (x.within = { start: formatLocalTime(start), end: formatLocalTime(end) })),
    });
  }
  const shorter = Math.max(SHORTEST_BREAK, Math.floor(b.minutes / 2 / 5) * 5);
  if (shorter < b.minutes) {
    candidates.push({
      kind: 'shorten-break',
      message: `Shorten ${member.id}'s break ${windowText(b.start, b.end)} from ${b.minutes} to ${shorter} minutes`,
      cost: 2.5,
      patients: who,
      apply: (problem) => setBreak(problem, (x) => (x.minutes = shorter)),
    });
  }
  // Someone else leads while the member is on their break: the days they work in its window and
  // (for groups of a track) the patient's track runs then.
  const seat = seatOf(member, services);
  const bound = services.some((s) => s.trackBound);
  const spans: Array<{ day: number; start: number; end: number }> = [];
  for (let day = 0; day < 7; day++) {
    const from = day * SLOTS_PER_DAY + b.start / SLOT_MINUTES;
    const to = day * SLOTS_PER_DAY + b.end / SLOT_MINUTES;
    if (compiled.closedDays[day] || !member.available.intersectsRange(from, to)) continue;
    if (bound && !tracks.some((t) => compiled.tracks[t]!.windows.intersectsRange(from, to))) continue;
    spans.push({ day, start: b.start, end: b.end });
  }
  if (seat && spans.length > 0) candidates.push(perDiemCandidate(seat.credential, seat.tags, spans, who, `${member.id}'s break`));
  return candidates;
}

/**
 * Candidates that relax the staff work rules the entry's causes name (`staff-breaks`,
 * `staff-notes-time`, `staff-continuous-work`), for the staff the causes name (or, for a rule
 * only counted during the search, every member it applies to who could lead the entry's
 * services). Messages do not name the patient, so one change aimed at several short patients is
 * verified once. None when no cause is a staff work rule.
 *
 * @example
 * ```ts
 * staffWorkCandidates(compiled, entry, 'process', entry.causes).map((c) => c.message);
 * // ['Let clin-1 take their 30-minute break anywhere 17:00-20:30 (now 18:00-19:30)',
 * //  'Add a per-diem LCSW for clin-1's break Tue 18:00-19:30, Wed 18:00-19:30, Thu 18:00-19:30']
 * ```
 */
export function staffWorkCandidates(compiled: CompiledProblem, entry: Unmet, service: string | undefined, causes: readonly Cause[]): RepairCandidate[] {
  if (!causes.some((c) => WORK_RULES.has(c.code))) return [];
  const patient = compiled.patientIndex.get(entry.patient);
  if (patient === undefined) return [];
  const tracks = compiled.patients[patient]!.tracks;
  const work = staffWork(compiled);
  const services = servicesOf(compiled, service);
  const who = [entry.patient];
  const candidates: RepairCandidate[] = [];

  for (const member of namedStaff(compiled, causes, 'staff-breaks', services, (m) => (work.breaks[m.index]?.length ?? 0) > 0)) {
    work.breaks[member.index]!.forEach((b, j) => candidates.push(...breakCandidates(compiled, member, b, j, services, tracks, who)));
  }

  const noted = namedStaff(compiled, causes, 'staff-notes-time', services, () => true);
  // The notes that took the time may follow any session the member leads, not only the patient's service.
  for (const s of compiled.services) {
    const notes = work.notes[s.index] ?? 0;
    if (notes <= 0 || !noted.some((m) => leads(m, s))) continue;
    const shorter = Math.floor(notes / 2 / 5) * 5;
    candidates.push({
      kind: 'shorten-notes',
      message: `Shorten the notes time after ${s.id} from ${notes} to ${shorter} minutes`,
      cost: 2,
      patients: who,
      apply(problem) {
        const target = problem.services.find((x) => x.id === s.id);
        if (target) target.notesMinutes = shorter;
      },
    });
  }

  for (const member of namedStaff(compiled, causes, 'staff-continuous-work', services, (m) => work.maxContinuous[m.index] !== Infinity)) {
    const now = work.maxContinuous[member.index]!;
    const longer = now + LONGER_RUN_MINUTES;
    candidates.push({
      kind: 'allow-longer-run',
      message: `Let ${member.id} work up to ${hoursText(longer)} h on end (now ${hoursText(now)} h)`,
      cost: 2,
      patients: who,
      apply(problem) {
        const target = problem.staff.find((x) => x.id === member.id);
        if (target) target.maxContinuousMinutes = longer;
      },
    });
  }
  return candidates;
}
