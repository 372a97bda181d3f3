/**
 * What the availabilities of a problem cost to expand for its week, checked against
 * `LIMITS.rruleOccurrences` (one RRULE), `LIMITS.rruleExpansion` (one availability) and
 * `LIMITS.totalWindows` (the problem). The costs are estimated from the rules' parts
 * (time/rrule-cost.ts): nothing is expanded here, so a rejected input is rejected quickly.
 */
import type { Availability } from '../model/problem.js';
import { recurrenceCost } from '../time/rrule-cost.js';
import { indexOf, pathOf, type Context, type Draft } from './context.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';

/**
 * Reports the RRULE entries of `availability` (read at `path`) too costly to expand, and the
 * availability that takes the problem past `LIMITS.totalWindows`.
 *
 * @example
 * ```ts
 * checkAvailabilityCost(availability, 'patients[3].availability', context);
 * ```
 */
export function checkAvailabilityCost(availability: Draft<Availability>, path: string, context: Context): void {
  const tally = context.tally;
  let units = (availability.weekly?.length ?? 0) + (availability.except?.length ?? 0);
  let spent = 0;
  let overspent = false;
  const rules = availability.rrule ?? [];
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]?.rule;
    units += 1;
    // A rule that failed its own checks has been reported already.
    if (rule === undefined) continue;
    const rulePath = pathOf(indexOf(pathOf(path, 'rrule'), index), 'rule');
    const cost = recurrenceCost(rule, tally.weekStartDay);
    if (cost.perWeek > LIMITS.rruleOccurrences) {
      context.report(
        rulePath,
        ISSUE_CODES.tooCostly,
        `This recurrence can have up to ${cost.perWeek} occurrences a week (more than ${LIMITS.rruleOccurrences}): use fewer BYHOUR, BYMINUTE and BYSECOND values, or a weekly window with start and end times instead.`,
      );
      continue;
    }
    spent += cost.expansion;
    if (spent > LIMITS.rruleExpansion) {
      // Reported once per availability; the rules past the bound are not counted in the problem's total.
      if (overspent) continue;
      overspent = true;
      context.report(
        rulePath,
        ISSUE_CODES.tooCostly,
        `Expanding the recurrences of this availability up to this one walks through about ${spent} occurrences (more than ${LIMITS.rruleExpansion}): move DTSTART close to the week, drop COUNT, and merge rules into weekly windows.`,
      );
      continue;
    }
    if (!tally.reported && !tally.texts.has(rule)) {
      tally.texts.add(rule);
      units += cost.expansion;
    }
  }
  tally.units += units;
  if (!tally.reported && tally.units > LIMITS.totalWindows) {
    tally.reported = true;
    context.report(
      path,
      ISSUE_CODES.tooLarge,
      `The problem's availabilities hold more than ${LIMITS.totalWindows} windows, exceptions and RRULE occurrences to expand (this one takes it past; the availabilities after it are not checked): merge overlapping windows, share RRULE texts, or split the program.`,
    );
  }
}
