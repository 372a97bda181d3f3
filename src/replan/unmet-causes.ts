/**
 * Why a re-planned week still leaves requirements unmet: for the patients the changes affected, a
 * make-up that found no place and the shortfall re-planning could not close, before the usual
 * causes; for everyone else, the usual causes.
 */
import type { CompiledProblem } from '../compiled/compile.js';
import type { Cause, Report } from '../model/report.js';
import type { PlacedMeeting, RuleContext } from '../rules/types.js';
import type { Budget } from '../time/budget.js';
import { findCauses, unmetServices } from '../diagnose/causes.js';
import { impossibleFindings } from '../diagnose/diagnose.js';
import { shortfallCause } from './shortfall-causes.js';
import type { ReplanView } from './view.js';

/**
 * Fills `report.unmet[*].causes` in place. `missed` holds, per published meeting id, the patients
 * who missed it; `published` the published meetings by id; `servingCut` whether the budget or
 * the iteration limit stopped re-planning before the affected patients were served.
 *
 * @example
 * ```ts
 * explainUnmet(ctx, report, view, log.missed, byId, servingCut, budget);
 * console.log(report.unmet[0]?.causes[0]?.message);
 * ```
 */
export function explainUnmet(
  ctx: RuleContext,
  report: Report,
  view: ReplanView,
  missed: ReadonlyMap<string, ReadonlySet<number>>,
  published: ReadonlyMap<string, PlacedMeeting>,
  servingCut: boolean,
  budget: Budget,
): void {
  const compiled = ctx.problem;
  const affectedIds = new Set([...view.affected.keys()].map((p) => compiled.patients[p]!.id));
  const unmetHere = report.unmet.filter((u) => affectedIds.has(u.patient));
  // One pass of pre-solve checks, only for the patients with something unmet (a full diagnosis of
  // a large clinic costs more than the re-planning itself).
  const focus = new Set<number>();
  for (const entry of report.unmet) focus.add(compiled.patientIndex.get(entry.patient)!);
  const findings = focus.size === 0 ? [] : impossibleFindings(compiled, focus, budget);
  if (unmetHere.length > 0) {
    const causes = findCauses(ctx, { ...report, unmet: unmetHere }, findings, view.engine.conflicts, budget);
    const services = unmetServices({ ...report, unmet: unmetHere });
    unmetHere.forEach((entry, i) => {
      const p = compiled.patientIndex.get(entry.patient)!;
      const extra: Cause[] = [];
      for (const [meetingId, set] of missed) {
        if (!set.has(p) || !couldMakeUp(compiled, entry.rule, services[i], published.get(meetingId)!.service)) continue;
        extra.push({
          code: 'make-up-not-placed',
          message: `Patient ${entry.patient} missed meeting ${meetingId} and no session could be added for them later this week.`,
          meetings: [meetingId],
        });
      }
      const why = shortfallCause(view, p, entry, servingCut);
      if (why) extra.push(why);
      entry.causes = [...extra, ...(causes[i] ?? [])];
    });
  }
  // Every other unmet requirement (patients the changes did not touch) gets its causes too.
  const withoutCauses = report.unmet.filter((entry) => entry.causes.length === 0);
  if (withoutCauses.length > 0) {
    findCauses(ctx, { ...report, unmet: withoutCauses }, findings, undefined, budget).forEach((causes, i) => (withoutCauses[i]!.causes = causes));
  }
}

/** Whether a session of service `missed` would reduce an unmet `rule` (of `service`, for counts). */
function couldMakeUp(compiled: CompiledProblem, rule: string, service: string | undefined, missed: number): boolean {
  const s = compiled.services[missed]!;
  if (rule === 'curriculum-min' || rule === 'requires-min') return service === s.id;
  return rule === 'patient-min-days' || s.countsTowardHours;
}
