/**
 * A patient whose primary therapist is over their caseload (`Staff.maxCaseload`) and who needs a
 * session only their primary may lead (`primaryOnly`): the overload is a cause of what they miss,
 * and another clinician with the credentials and room in their caseload is the repair.
 */
import type { CompiledProblem, CompiledStaff } from '../compiled/compile.js';
import type { Cause, Unmet } from '../model/report.js';
import type { RepairCandidate } from './repair-candidates.js';
import { listText } from './words.js';

/** Reassignments proposed per patient: the least loaded clinicians who fit. */
const ALTERNATIVES = 2;

/** The `primaryOnly` services (indexes) `patient` must have this week: their `requires` and their tracks' curricula. */
function primaryOnlyNeeds(compiled: CompiledProblem, patient: number): number[] {
  const p = compiled.patients[patient]!;
  const needed = new Set<number>();
  for (const entry of p.requires) if (entry.min > 0) needed.add(entry.service);
  for (const track of p.tracks) for (const entry of compiled.tracks[track]!.curriculum) if (entry.min > 0) needed.add(entry.service);
  return [...needed].filter((s) => compiled.services[s]!.primaryOnly).sort((a, b) => a - b);
}

/**
 * The primary of the entry's patient when they are over caseload and the entry depends on them:
 * the patient needs a `primaryOnly` session, and the entry is that service's count or the
 * patient's hours or days (to which it counts).
 */
function overloaded(compiled: CompiledProblem, entry: Unmet, service: string | undefined): { primary: CompiledStaff; needs: number[] } | undefined {
  const patient = compiled.patientIndex.get(entry.patient);
  if (patient === undefined) return undefined;
  const primary = compiled.staff[compiled.patients[patient]!.primaryStaff];
  if (!primary || primary.caseload <= primary.maxCaseload) return undefined;
  const needs = primaryOnlyNeeds(compiled, patient);
  if (needs.length === 0) return undefined;
  const own = service === undefined ? undefined : compiled.serviceIndex.get(service);
  if (own !== undefined && !needs.includes(own)) return undefined;
  return { primary, needs };
}

/**
 * The caseload cause of an unmet entry (none when the patient's primary is within caseload, or
 * when nothing the entry counts needs the primary).
 *
 * @example
 * ```ts
 * caseloadCauses(compiled, entry, 'individual');
 * // [{ code: 'staff-caseload', message: "Patient p3's primary therapist clin-1 is primary to 4 patients this week, over the caseload of 2; only clin-1 may lead p3's individual.", staff: ['clin-1'] }]
 * ```
 */
export function caseloadCauses(compiled: CompiledProblem, entry: Unmet, service: string | undefined): Cause[] {
  const found = overloaded(compiled, entry, service);
  if (!found) return [];
  const { primary, needs } = found;
  const services = listText(needs.map((s) => compiled.services[s]!.id));
  return [
    {
      code: 'staff-caseload',
      message: `Patient ${entry.patient}'s primary therapist ${primary.id} is primary to ${primary.caseload} patients this week, over the caseload of ${primary.maxCaseload}; only ${primary.id} may lead ${entry.patient}'s ${services}.`,
      staff: [primary.id],
    },
  ];
}

/**
 * Candidates that give the entry's patient another primary therapist: a member who may lead every
 * `primaryOnly` service the patient needs and has room in their caseload, the fewest primary
 * patients first (then problem order), at most two. None unless {@link caseloadCauses} names the
 * overload.
 *
 * @example
 * ```ts
 * caseloadCandidates(compiled, entry, 'individual')[0]?.message;
 * // 'Make clin-2 the primary therapist of p3 (caseload 0 of 3 this week)'
 * ```
 */
export function caseloadCandidates(compiled: CompiledProblem, entry: Unmet, service: string | undefined): RepairCandidate[] {
  const found = overloaded(compiled, entry, service);
  if (!found) return [];
  const { primary, needs } = found;
  const fits = (m: CompiledStaff): boolean =>
    m !== primary && m.caseload < m.maxCaseload && needs.every((s) => compiled.services[s]!.seats.some((seat) => seat.eligibleStaff.includes(m.index)));
  return compiled.staff
    .filter(fits)
    .sort((a, b) => a.caseload - b.caseload || a.index - b.index)
    .slice(0, ALTERNATIVES)
    .map((member) => ({
      kind: 'reassign-primary',
      message: `Make ${member.id} the primary therapist of ${entry.patient} (${member.maxCaseload === Infinity ? `${member.caseload} primary patients, no caseload limit` : `caseload ${member.caseload} of ${member.maxCaseload}`} this week)`,
      // A patient changing therapist is a clinical decision, dearer than a setting.
      cost: 3,
      patients: [entry.patient],
      apply(problem) {
        const target = problem.patients.find((p) => p.id === entry.patient);
        if (target) target.primaryStaff = member.id;
      },
    }));
}
