/**
 * RFC 5545 recurrences through the `rrule` package.
 *
 * rrule 2.8 ships no `exports` map, so a named ESM import fails under Node while bundlers
 * accept it: take the namespace and its `default` when there is one. rrule's dates are
 * floating wall-clock values stored in the UTC fields of a `Date`.
 */
import * as rruleNamespace from 'rrule';
import type { RRuleSet, RRule } from 'rrule';

type RRuleModule = typeof import('rrule');
const rrule: RRuleModule = ((rruleNamespace as unknown as { default?: RRuleModule }).default ?? rruleNamespace) as RRuleModule;

/** Parses `DTSTART` + `RRULE` lines; throws on malformed text. */
export function parseRecurrence(text: string): RRule | RRuleSet {
  return rrule.rrulestr(text, { forceset: false });
}

/**
 * Start times (as floating minutes since 1970-01-01 00:00 local) of the occurrences of `text`
 * that begin in `[fromMinute, toMinute)`.
 */
export function occurrenceStarts(text: string, fromMinute: number, toMinute: number): number[] {
  const rule = parseRecurrence(text);
  const dates = rule.between(new Date(fromMinute * 60_000), new Date(toMinute * 60_000 - 1), true);
  return dates.map((date) => Math.round(date.getTime() / 60_000));
}
