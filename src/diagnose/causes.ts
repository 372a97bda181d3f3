/**
 * The causes of each unmet requirement: the pre-solve findings that prove it, the solver's
 * conflict statistics when given, and a re-analysis of the final timetable naming the rooms,
 * clinicians, windows and other patients that blocked each placement that could have helped.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import type { Cause, Report, Unmet } from '../model/report.js';
import type { RuleContext } from '../rules/types.js';
import type { Budget } from '../time/budget.js';
import { blockedPlacements, type BlockTally } from './blocking.js';
import { sessionCap } from './reach.js';
import { capacityCause } from './capacity-causes.js';
import { caseloadCauses } from './caseload.js';
import type { CapacityRow, Finding } from './types.js';
import { listText, plural, windowsText } from './words.js';
import { sparsePoll } from '../time/sparse-poll.js';

/**
 * Conflict statistics as the solver counts them (structurally `ConflictStats` of src/engine):
 * patient id -> rule code -> placements blocked, and rule code -> entity (`room:<id>`,
 * `staff:<id>`, ...) -> placements blocked.
 */
export interface ConflictCounts {
  /** Patient id -> rule code -> how many of that patient's candidate placements the rule blocked. */
  readonly byPatient: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Rule code -> entity key (`room:<id>`, `staff:<id>`, ...) -> how many placements it blocked there. */
  readonly byEntity: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * Rules that never applied to the patient: a meeting of a track they are not in, a service they
 * are not eligible for. Such a placement was never theirs to have, so it is no cause.
 */
const NEVER_APPLIED = new Set(['track-membership', 'eligibility']);

/** Rules that say the patient's own week is full rather than why it could not be fuller: listed after the others. */
const SYMPTOMS = new Set(['patient-double-booked', 'curriculum-max', 'patient-max-weekly-hours', 'patient-max-daily-hours', 'patient-max-days']);

const HOURS_RULES = new Set(['patient-min-weekly-hours', 'patient-min-days', 'daily-min-minutes', 'daily-min-services']);

function top(map: ReadonlyMap<string, number>, n = 4): string[] {
  return [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([id]) => id);
}

/** A sentence for one tally, in clinic terms. */
function tallyMessage(patient: string, tally: BlockTally): string {
  const when = windowsText(tally.slots);
  const services = listText([...tally.services]);
  const rooms = listText(top(tally.rooms));
  const staff = listText(top(tally.staff));
  const others = listText(top(tally.patients));
  const meetings = listText([...tally.meetings].sort(), 4);
  const n = plural(tally.count, 'placement');
  switch (tally.code) {
    case 'room-double-booked':
      return `No room for a new ${services} session at ${when}: ${rooms} already in use (${n} blocked).`;
    case 'room-availability':
      return `Rooms for ${services} (${rooms}) are closed at ${when} (${n} blocked).`;
    case 'room-capacity':
      return `${services} sessions at ${when} fill their rooms (${rooms}) (${meetings}; ${n} blocked).`;
    case 'group-max-size':
      return `${services} sessions at ${when} are at their maximum size (${meetings}; ${n} blocked).`;
    case 'staff-availability':
      return `No credentialed staff works at ${when} for ${services}${tally.staff.size > 0 ? ` (${staff} off then)` : ''} (${n} blocked).`;
    case 'staff-double-booked':
      return `The staff who can lead ${services} (${staff}) are already leading other sessions at ${when} (${n} blocked).`;
    case 'staff-weekly-max':
    case 'staff-daily-max':
      return `${staff} would exceed their maximum hours leading ${services} at ${when} (${n} blocked).`;
    case 'staff-breaks':
      return `${staff} would lose their break leading ${services} at ${when} (${n} blocked).`;
    case 'staff-continuous-work':
      return `${staff} would work too long without a pause leading ${services} at ${when} (${n} blocked).`;
    case 'staff-notes-time':
      return `${staff} would have no time for notes leading ${services} at ${when} (${n} blocked).`;
    case 'group-min-size':
      return `Too few other patients are free at ${when} to open another ${services} group${tally.patients.size > 0 ? ` (only ${others})` : ''} (${n} blocked).`;
    case 'patient-availability':
      return `Patient ${patient} is not free at ${when} when ${services} could run (${n} blocked).`;
    case 'patient-double-booked':
      return `Patient ${patient} already has sessions at ${when} (${n} blocked).`;
    case 'track-membership':
      return `${services} sessions at ${when} belong to the ${listText([...tally.tracks])} track, which patient ${patient} is not in (${n} blocked).`;
    case 'homogeneity':
      return `Patient ${patient} does not share the group's tags with ${others} in ${meetings} (${n} blocked).`;
    case 'avoid-pair':
      return `Patient ${patient} must not share a group with ${others} (${meetings}; ${n} blocked).`;
    case 'admission-dates':
      return `Patient ${patient} is not enrolled at ${when} (${n} blocked).`;
    case 'closed-date':
      return `The clinic is closed at ${when} (${n} blocked).`;
    case 'patient-max-weekly-hours':
    case 'patient-max-daily-hours':
    case 'patient-max-days':
    case 'curriculum-max':
      return `Patient ${patient} is at a maximum (${tally.code}) for more ${services} at ${when} (${n} blocked).`;
    case 'unused-opening':
      return `${services} could still be opened for patient ${patient} at ${when}; a longer search may use it (${n} open).`;
    default:
      return `Rule ${tally.code} blocked ${n} of ${services} for patient ${patient} at ${when}.`;
  }
}

function tallyCause(patient: string, tally: BlockTally): Cause {
  const cause: Cause = { code: tally.code, message: tallyMessage(patient, tally), blocked: tally.count };
  if (tally.patients.size > 0) cause.patients = top(tally.patients, 12);
  if (tally.staff.size > 0) cause.staff = top(tally.staff, 12);
  if (tally.rooms.size > 0) cause.rooms = top(tally.rooms, 12);
  if (tally.meetings.size > 0) cause.meetings = [...tally.meetings].sort().slice(0, 12);
  return cause;
}

/** The service an unmet curriculum or `requires` entry concerns (from the entry, else from the patient's statuses in order). */
export function unmetServices(report: Report): Array<string | undefined> {
  const seen = new Map<string, number>();
  // By id: a search per entry costs patients x entries (6 million steps in an empty 1,000-patient week).
  const rows = new Map<string, Report['patients'][number]>();
  for (const row of report.patients) if (!rows.has(row.patient)) rows.set(row.patient, row);
  return report.unmet.map((entry) => {
    if (entry.service !== undefined) return entry.service;
    if (entry.rule !== 'curriculum-min' && entry.rule !== 'requires-min') return undefined;
    const key = `${entry.patient}\u0000${entry.rule}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const statuses = rows.get(entry.patient)?.requirements.filter((r) => r.rule === entry.rule && !r.met) ?? [];
    return statuses[k]?.service;
  });
}

/**
 * Whether the solver would ever give `patient` a session of `service`: any group it may attend,
 * but an individual service only when the patient's curriculum or `requires` asks for it.
 */
function offeredTo(problem: CompiledProblem, patient: number, service: number): boolean {
  if (sessionCap(problem, patient, service) <= 0) return false;
  if (problem.services[service]!.kind === 'group') return true;
  const p = problem.patients[patient]!;
  if (p.requires.some((entry) => entry.service === service && entry.min > 0)) return true;
  return p.tracks.some((track) => problem.tracks[track]?.curriculum.some((entry) => entry.service === service && entry.min > 0) === true);
}

/**
 * Services whose placements could reduce this shortfall of `patient`: the entry's own service,
 * else (hours and days) every service the patient could be given that counts toward it.
 */
function relevantServices(problem: CompiledProblem, patient: number, rule: string, service: string | undefined): number[] {
  if (service !== undefined) {
    const index = problem.serviceIndex.get(service);
    return index === undefined ? [] : [index];
  }
  const counts = (s: CompiledProblem['services'][number]): boolean => rule === 'patient-min-days' || s.countsTowardHours;
  return problem.services.filter((s) => counts(s) && offeredTo(problem, patient, s.index)).map((s) => s.index);
}

/** The conflict-statistics entity keys (`service:<id>`, `room:<id>`, ...) that can concern placements of `services` for `patient`. */
function relatedEntities(problem: CompiledProblem, patient: number | undefined, services: readonly number[]): Set<string> {
  const keys = new Set<string>();
  for (const index of services) {
    const service = problem.services[index]!;
    keys.add(`service:${service.id}`);
    for (const room of service.eligibleRooms) keys.add(`room:${problem.rooms[room]!.id}`);
    for (const seat of service.seats) for (const member of seat.eligibleStaff) keys.add(`staff:${problem.staff[member]!.id}`);
  }
  for (const track of patient === undefined ? [] : problem.patients[patient]!.tracks) keys.add(`track:${problem.tracks[track]!.id}`);
  return keys;
}

/**
 * Causes for every entry of `report.unmet`, in the same order; never empty. Findings come first
 * (they are proofs), then, given the capacity analysis, the binding resource of the patient's
 * track with its figures, then the rules that blocked the most placements (placements that never
 * applied to the patient, in another track or a service they may not have, are no cause). With `budget`, the
 * placement analysis stops when it is spent (between entries and inside one): the entries left
 * get a `not-analysed` cause that says so (after any proof or counted conflict they have).
 */
export function findCauses(
  ctx: RuleContext,
  report: Report,
  findings: readonly Finding[],
  conflicts?: ConflictCounts,
  budget?: Budget,
  capacity: readonly CapacityRow[] = [],
): Cause[][] {
  const stop = budget === undefined ? undefined : sparsePoll(budget);
  const problem = ctx.problem;
  const services = unmetServices(report);
  const analysed = new Map<string, Map<string, BlockTally>>();
  return report.unmet.map((entry: Unmet, i): Cause[] => {
    const service = services[i];
    const causes = findingCauses(findings, entry, service);
    const proofs = causes.length;
    const patient = problem.patientIndex.get(entry.patient);
    const binding = patient === undefined ? undefined : capacityCause(problem, patient, entry.rule, service, capacity);
    if (binding) causes.push(binding);
    causes.push(...caseloadCauses(problem, entry, service));
    let relevant: number[] = [];
    // Re-analysing placements costs milliseconds an entry (seconds in a large empty week): a
    // caller with a deadline gets the counted conflicts only once its time is up.
    let analyse = stop?.() !== true;
    // Past the deadline the entries left still cost a little each (tens of thousands in a large
    // empty week): progress keeps coming while they are written.
    if (!analyse) budget?.tick();
    // The solver counts conflicts per patient, not per service: they describe a shortfall in
    // hours or days (any placement helps), not a count of one service.
    const counted = HOURS_RULES.has(entry.rule) ? conflicts?.byPatient.get(entry.patient) : undefined;
    // Only the analysis and the counted conflicts need the services (the cost of an entry once the budget is spent).
    if (patient !== undefined && (analyse || counted)) {
      relevant = relevantServices(problem, patient, entry.rule, HOURS_RULES.has(entry.rule) ? undefined : service);
    }
    const cacheKey = `${entry.patient}\u0000${relevant.join(',')}\u0000${HOURS_RULES.has(entry.rule)}`;
    let tallies = analyse ? analysed.get(cacheKey) : undefined;
    if (patient !== undefined && analyse && !tallies) {
      // Cut short (undefined) when the budget runs out inside the analysis.
      tallies = blockedPlacements(ctx, patient, relevant, { countOwnSessions: !HOURS_RULES.has(entry.rule), ...(stop ? { stop } : {}) });
      if (tallies) analysed.set(cacheKey, tallies);
      else analyse = false;
    }
    if (tallies) tallyCauses(tallies, entry, causes);
    if (counted && conflicts) countedCauses(counted, conflicts, relatedEntities(problem, patient, relevant), entry, causes);
    // Unless a proof says why, the reader learns that the blocked placements were not looked at.
    if (!analyse && proofs === 0) {
      const why = budget?.stopReason() === 'aborted' ? 'The call was aborted before the analysis of' : 'The time limit left no time to analyse';
      causes.push({
        code: 'not-analysed',
        message: `${why} why patient ${entry.patient} falls short here; checkSchedule() with a larger timeLimitMs, or explain(), analyses it in full.`,
      });
    }
    if (causes.length === 0) {
      causes.push({
        code: 'no-candidate',
        message: `No time the patient ${entry.patient} is free has a session that could count toward this requirement.`,
      });
    }
    return causes;
  });
}

/** The pre-solve findings (proofs) that concern `entry` (of `service`, for counts), as causes. */
function findingCauses(findings: readonly Finding[], entry: Unmet, service: string | undefined): Cause[] {
  const causes: Cause[] = [];
  for (const finding of findings) {
    if (!finding.patients.includes(entry.patient) || !finding.requirements.includes(entry.rule)) continue;
    // A finding about other services proves nothing about this service's count.
    if (finding.services.length > 0 && !HOURS_RULES.has(entry.rule) && (service === undefined || !finding.services.includes(service))) continue;
    const cause: Cause = { code: finding.code, message: finding.message };
    if (finding.patients.length > 1) cause.patients = finding.patients;
    if (finding.staff.length > 0) cause.staff = finding.staff;
    if (finding.rooms.length > 0) cause.rooms = finding.rooms;
    causes.push(cause);
  }
  return causes;
}

/** Adds the five rules that blocked the most placements (symptoms last), or the unused openings when nothing else says why. */
function tallyCauses(tallies: ReadonlyMap<string, BlockTally>, entry: Unmet, causes: Cause[]): void {
  const ranked = [...tallies.values()].sort(
    (a, b) => Number(SYMPTOMS.has(a.code)) - Number(SYMPTOMS.has(b.code)) || b.count - a.count || a.code.localeCompare(b.code),
  );
  const blocking = ranked.filter((t) => t.code !== 'unused-opening' && !NEVER_APPLIED.has(t.code));
  for (const tally of blocking.slice(0, 5)) causes.push(tallyCause(entry.patient, tally));
  const unused = tallies.get('unused-opening');
  if (unused && causes.length === 0) causes.push(tallyCause(entry.patient, unused));
}

/**
 * Adds the rules the search met for the patient (`counted`, by code), most met first: a rule
 * already given as a cause gets the count in its sentence; another becomes a cause naming the
 * entities (among `related`) it blocked most.
 */
function countedCauses(counted: ReadonlyMap<string, number>, conflicts: ConflictCounts, related: ReadonlySet<string>, entry: Unmet, causes: Cause[]): void {
  for (const [code, count] of [...counted].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if (NEVER_APPLIED.has(code)) continue;
    const existing = causes.find((c) => c.code === code);
    if (existing) {
      existing.message += ` The search met this rule ${plural(count, 'time')}.`;
      continue;
    }
    const entities = top(new Map([...(conflicts.byEntity.get(code) ?? [])].filter(([entity]) => related.has(entity))), 3);
    causes.push({
      code,
      message: `During the search, rule ${code} blocked ${plural(count, 'placement')} for patient ${entry.patient}${entities.length > 0 ? ` (mostly ${listText(entities)})` : ''}.`,
      blocked: count,
    });
  }
}
