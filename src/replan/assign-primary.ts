/**
 * A primary therapist for an admission that names none: `replan` proposes the member with the
 * credentials for the patient's individual sessions who has room in their caseload
 * (`Staff.maxCaseload`), the least loaded first, and records the proposal in the change log.
 */
import type { Change } from '../model/options.js';
import type { Patient, Problem, Service, Staff } from '../model/problem.js';
import { enrolledDays } from '../time/week.js';
import type { ChangeLog, PrimaryStaffProposal } from './types.js';

/** Whether `patient` is enrolled on at least one day of the week starting `weekStart` (as staff-caseload counts). */
function enrolled(patient: Patient, weekStart: string): boolean {
  const { firstDay, endDay } = enrolledDays(weekStart, patient.admittedOn, patient.dischargedOn);
  return endDay > firstDay;
}

/** Patients enrolled this week per primary staff id. */
function caseloads(problem: Problem): Map<string, number> {
  const counts = new Map<string, number>();
  for (const patient of problem.patients) {
    if (patient.primaryStaff !== undefined && enrolled(patient, problem.weekStart)) counts.set(patient.primaryStaff, (counts.get(patient.primaryStaff) ?? 0) + 1);
  }
  return counts;
}

/** Whether `member` may fill a seat of `service`. */
function canLead(member: Staff, service: Service): boolean {
  return service.staff.some((seat) => seat.credentials.some((c) => member.credentials.includes(c)) && (seat.tags ?? []).every((t) => member.tags?.includes(t) ?? false));
}

/**
 * The individual services a primary must be able to lead for `patient`: the primary-only ones
 * they need (their `requires` and their tracks' curricula), else every individual one they need;
 * with none needed, the problem's primary-only services (any one of them will do), else its
 * individual ones.
 */
function servicesToLead(problem: Problem, patient: Patient): { services: Service[]; all: boolean } {
  const byId = new Map(problem.services.map((s) => [s.id, s]));
  const wanted = new Set<string>(patient.requires?.map((r) => r.service) ?? []);
  for (const trackId of patient.tracks) for (const entry of problem.tracks.find((t) => t.id === trackId)?.curriculum ?? []) wanted.add(entry.service);
  const needed = [...wanted].map((id) => byId.get(id)).filter((s): s is Service => s?.kind === 'individual');
  const primaryOnly = needed.filter((s) => s.primaryOnly === true);
  if (primaryOnly.length > 0) return { services: primaryOnly, all: true };
  if (needed.length > 0) return { services: needed, all: true };
  const anyPrimaryOnly = problem.services.filter((s) => s.kind === 'individual' && s.primaryOnly === true);
  return { services: anyPrimaryOnly.length > 0 ? anyPrimaryOnly : problem.services.filter((s) => s.kind === 'individual'), all: false };
}

/**
 * Gives each of `admitted` (patients of `problem`, owned by the caller) without a `primaryStaff`
 * the member with the credentials for their individual sessions and room in their caseload: the
 * fewest primary patients first, then the most room left, then problem order. A patient no
 * member fits keeps none. Patients are served in order, each counting toward the next one's
 * caseloads.
 *
 * @example
 * ```ts
 * assignPrimaryStaff(problem, admitted); // admitted[0].primaryStaff === 'clin-2'
 * ```
 */
export function assignPrimaryStaff(problem: Problem, admitted: readonly Patient[]): void {
  const counts = caseloads(problem);
  for (const patient of admitted) {
    if (patient.primaryStaff !== undefined || !enrolled(patient, problem.weekStart)) continue;
    const { services, all } = servicesToLead(problem, patient);
    if (services.length === 0) continue;
    let best: Staff | undefined;
    let bestCount = 0;
    let bestRoom = 0;
    for (const member of problem.staff) {
      const qualified = all ? services.every((s) => canLead(member, s)) : services.some((s) => canLead(member, s));
      const count = counts.get(member.id) ?? 0;
      const room = (member.maxCaseload ?? Infinity) - count;
      if (!qualified || room <= 0) continue;
      if (best === undefined || count < bestCount || (count === bestCount && room > bestRoom)) {
        best = member;
        bestCount = count;
        bestRoom = room;
      }
    }
    if (!best) continue;
    patient.primaryStaff = best.id;
    counts.set(best.id, bestCount + 1);
  }
}

/**
 * `changed` with the primary therapists proposed for admissions that named none (one entry per
 * such admission, `staff` null when no member fitted); `changed` itself when there is none.
 *
 * @example
 * ```ts
 * const log = withPrimaryStaffLog(changed, changes, result.problem);
 * log.primaryStaff?.[0]; // { change: 0, patient: 'p-41', staff: 'clin-2', message: '...' }
 * ```
 */
export function withPrimaryStaffLog(changed: ChangeLog, changes: readonly Change[], problem: Problem): ChangeLog {
  const proposals: PrimaryStaffProposal[] = [];
  const counts = caseloads(problem);
  changes.forEach((change, index) => {
    if (change.kind !== 'admit' || change.patient.primaryStaff !== undefined) return;
    const id = change.patient.id;
    const patient = problem.patients.find((p) => p.id === id);
    // Nothing to propose for a patient not enrolled this week, or in a clinic without individual sessions.
    if (!patient || !enrolled(patient, problem.weekStart) || servicesToLead(problem, patient).services.length === 0) return;
    const staff = patient.primaryStaff;
    if (staff === undefined) {
      proposals.push({ change: index, patient: id, staff: null, message: `Patient ${id} is admitted without a primary therapist, and no staff member who can lead their individual sessions has room in their caseload.` });
      return;
    }
    const limit = problem.staff.find((s) => s.id === staff)?.maxCaseload;
    const load = limit === undefined ? `${counts.get(staff) ?? 0} primary patients` : `caseload ${counts.get(staff) ?? 0} of ${limit}`;
    proposals.push({ change: index, patient: id, staff, message: `Patient ${id} is admitted without a primary therapist; staff ${staff} is proposed (${load} this week).` });
  });
  return proposals.length === 0 ? changed : { ...changed, primaryStaff: proposals };
}
