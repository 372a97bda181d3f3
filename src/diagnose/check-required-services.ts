/**
 * Pre-solve check: a session a patient certainly needs that they can never attend, for a reason
 * of their own (availability, eligibility, family availability, primary therapist, telehealth),
 * when the service itself could run. Service-wide reasons are `checkServiceResources` findings.
 */
import type { Finding } from './types.js';
import { eligible, patientServiceSlots, type Reach } from './reach.js';
import { requiredServices } from './required.js';

/** Finding `'service-unreachable'` (unit sessions). */
export function checkRequiredServices(reach: Reach, explained: ReadonlySet<string>): Finding[] {
  const problem = reach.problem;
  const findings: Finding[] = [];
  problem.patients.forEach((p, patient) => {
    if (reach.stop?.() === true) return;
    for (const need of requiredServices(problem, patient)) {
      const service = problem.services[need.service]!;
      if (explained.has(`${p.id}\u0000${service.id}`)) continue;
      if (patientServiceSlots(reach, patient, need.service).size() > 0) continue;
      let reason: string;
      if (!eligible(problem, patient, need.service)) reason = 'their tags do not meet its eligibility';
      else if (service.telehealth === 'only' && !p.telehealth) reason = 'it is held only by telehealth and they cannot join by telehealth';
      else if (service.primaryOnly && p.primaryStaff < 0) reason = 'only a primary therapist may lead it and they have none';
      else if (service.withFamily && p.family.size() === 0) reason = 'it needs their family and no family availability is given';
      else if (patientServiceSlots(reach, patient, need.service, { ignoreAvailability: true, ignoreEnrolment: true }).size() > 0)
        reason = 'no time when they are free (and enrolled) has staff and a room for it';
      else reason = service.trackBound ? 'it never runs inside their tracks\u2019 windows with staff and a room' : 'it never has staff and a room together';
      findings.push({
        code: 'service-unreachable',
        message: `Patient ${p.id} can never attend ${service.id}: ${reason}.`,
        requirements: [need.rule],
        patients: [p.id],
        services: [service.id],
        staff: service.primaryOnly && p.primaryStaff >= 0 ? [problem.staff[p.primaryStaff]!.id] : [],
        rooms: [],
        figures: { needed: need.min, available: 0, unit: 'sessions' },
      });
    }
  });
  return findings;
}
