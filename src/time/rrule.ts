/**
 * RFC 5545 recurrences through the `rrule` package, checked and bounded.
 *
 * rrule 2.8 ships no `exports` map, so a named ESM import fails under Node while bundlers
 * accept it: take the namespace and its `default` when there is one. rrule's dates are
 * floating wall-clock values stored in the UTC fields of a `Date`, so no zone takes part.
 * As in rrule (and python-dateutil), DTSTART is an occurrence only when it matches the rule;
 * RFC 5545 would always count it.
 *
 * rrule's iterator only stops at UNTIL/COUNT once a candidate day passes the BY filters, and
 * otherwise runs on to the year 9999 (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30 takes ~10 s), and it
 * walks every period from DTSTART. So before expanding, {@link recurrenceProblem} rejects what
 * RFC 5545 does not allow and what cannot be expanded quickly, each rule is probed for a day it
 * can ever produce (rrule-probe.ts), and DTSTART moves forward by whole periods to just before
 * the window (carrying COUNT when every period yields the same number of occurrences). What
 * is left (the walk from an old DTSTART of MONTHLY, YEARLY or COUNT-with-day-filter rules, and
 * the candidates BYHOUR x BYMINUTE x BYSECOND make) is estimated without expanding by
 * rrule-cost.ts, and validation bounds it (`LIMITS.rruleOccurrences`, `LIMITS.rruleExpansion`).
 */
import * as rruleNamespace from 'rrule';
import type { RRuleSet, RRule, Options } from 'rrule';
import { ruleCanMatch } from './rrule-probe.js';
import { recurrenceShapeProblem, type FloatingRule } from './rrule-shape.js';

type RRuleModule = typeof import('rrule');
const rrule: RRuleModule = ((rruleNamespace as unknown as { default?: RRuleModule }).default ?? rruleNamespace) as RRuleModule;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** Distinct rule texts (and rule-week pairs) kept: a 10,000-patient problem fits. */
const CACHE_LIMIT = 20_000;

interface Parsed {
  readonly set: RRuleSet;
  readonly problem: string | undefined;
}

const parsedByText = new Map<string, Parsed>();
const startsByWindow = new Map<string, readonly number[]>();

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  // Oldest first: Map keeps insertion order.
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value;
}

function parse(text: string): Parsed {
  const cached = parsedByText.get(text);
  if (cached !== undefined) return cached;
  let set: RRuleSet;
  let problem: string | undefined;
  try {
    set = rrule.rrulestr(text, { forceset: true }) as RRuleSet;
    problem = recurrenceShapeProblem(text, set.rrules() as FloatingRule[], set.exrules().length);
  } catch (error) {
    set = new rrule.RRuleSet();
    problem = `malformed recurrence: ${error instanceof Error ? error.message : String(error)}`;
  }
  return remember(parsedByText, text, { set, problem });
}

/**
 * Why `text` (a `DTSTART` line with a floating local time and an `RRULE` line, optionally
 * `RDATE`/`EXDATE` lines) cannot be used as availability, or `undefined` when it can.
 * Rejected: malformed text, no `DTSTART`, a `TZID` or UTC (`Z`) start, FREQ finer than DAILY,
 * DTSTART before 1900, BY parts RFC 5545 forbids for the frequency, out-of-range values, EXRULE.
 *
 * @example
 * recurrenceProblem('DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE'); // undefined
 * recurrenceProblem('DTSTART:20261102T090000\nRRULE:FREQ=HOURLY'); // 'FREQ=HOURLY is finer than DAILY, ...'
 */
export function recurrenceProblem(text: string): string | undefined {
  return parse(text).problem;
}

/**
 * Parses `DTSTART` + `RRULE` (+ `RDATE`/`EXDATE`) lines, cached by text; throws a `RangeError`
 * when {@link recurrenceProblem} finds a problem. Treat the result as read-only: it is shared.
 *
 * @example
 * parseRecurrence('DTSTART:20261102T090000\nRRULE:FREQ=WEEKLY;COUNT=3').all().length; // 3
 */
export function parseRecurrence(text: string): RRule | RRuleSet {
  const parsed = parse(text);
  if (parsed.problem !== undefined) throw new RangeError(parsed.problem);
  return parsed.set;
}

/**
 * Occurrences each DAILY/WEEKLY period yields when no BY part filters days (so COUNT can be
 * carried across skipped periods), or `undefined`.
 */
function occurrencesPerPeriod(options: FloatingRule['options']): number | undefined {
  const filtersDays = [options.bymonth, options.bymonthday, options.bynmonthday, options.byyearday, options.byweekno, options.bysetpos].some(
    (values) => values !== null && values !== undefined && values.length > 0,
  );
  if (filtersDays) return undefined;
  const times = (options.byhour?.length ?? 1) * (options.byminute?.length ?? 1) * (options.bysecond?.length ?? 1);
  if (options.freq === rrule.Frequency.DAILY) return options.byweekday !== null && options.byweekday.length > 0 ? undefined : times;
  return (options.byweekday?.length ?? 1) * times;
}

/**
 * Whether expanding a week of the rule starts a few periods before the week rather than at its
 * DTSTART (see {@link occurrenceStarts}): DAILY and WEEKLY rules, unless COUNT has to be counted
 * from DTSTART because day filters make periods yield different numbers of occurrences. The
 * expansion-cost estimate (rrule-cost.ts) reads this to know how long the walk is.
 *
 * @example
 * skipsToWindow((parseRecurrence('DTSTART:19900101T090000\nRRULE:FREQ=WEEKLY') as RRuleSet).rrules()[0]!.options); // true
 */
export function skipsToWindow(options: FloatingRule['options']): boolean {
  if (options.freq !== rrule.Frequency.DAILY && options.freq !== rrule.Frequency.WEEKLY) return false;
  return options.count === null || occurrencesPerPeriod(options) !== undefined;
}

/**
 * The rule with DTSTART moved forward by whole periods to shortly before `fromMs`: the same
 * occurrences from there on, COUNT reduced by the occurrences skipped (`undefined` when none
 * are left). A period before the new DTSTART yields the same occurrences whatever its day, so
 * the skipped ones are exactly `periods * perPeriod`.
 */
function nearWindow(rule: FloatingRule, fromMs: number): RRule | undefined {
  const { freq, interval, count, dtstart } = rule.options;
  // MONTHLY and YEARLY walks are short anyway (12 periods a year at most).
  if (!skipsToWindow(rule.options)) return rule as unknown as RRule;
  const periodMs = freq === rrule.Frequency.DAILY ? interval * MS_PER_DAY : interval * 7 * MS_PER_DAY;
  const periods = Math.floor((fromMs - dtstart.getTime()) / periodMs) - 2;
  if (periods <= 0) return rule as unknown as RRule;
  const options: Partial<Options> = { ...(rule.origOptions as Partial<Options>), dtstart: new Date(dtstart.getTime() + periods * periodMs) };
  if (count !== null) {
    const perPeriod = occurrencesPerPeriod(rule.options) ?? 0;
    const left = count - periods * perPeriod;
    if (left <= 0) return undefined;
    options.count = left;
  }
  return new rrule.RRule(options);
}

function boundedSet(set: RRuleSet, fromMs: number): RRuleSet {
  const bounded = new rrule.RRuleSet();
  for (const rule of set.rrules() as FloatingRule[]) {
    if (!ruleCanMatch(rule.options)) continue;
    const near = nearWindow(rule, fromMs);
    if (near !== undefined) bounded.rrule(near);
  }
  for (const date of set.rdates()) bounded.rdate(date);
  for (const date of set.exdates()) bounded.exdate(date);
  return bounded;
}

/**
 * Start times, as floating minutes since 1970-01-01 00:00 wall clock, of the occurrences of
 * `text` that begin in `[fromMinute, toMinute)`, ascending. Cached by text and window; throws a
 * `RangeError` when {@link recurrenceProblem} finds a problem. Runs in bounded time for any text.
 *
 * @example
 * const monday = 20_780 * 1440; // 2026-11-23 00:00 as floating minutes (dayNumber * 1440)
 * occurrenceStarts('DTSTART:20261123T090000\nRRULE:FREQ=DAILY;COUNT=2', monday, monday + 7 * 1440);
 * // [monday + 540, monday + 1440 + 540]
 */
export function occurrenceStarts(text: string, fromMinute: number, toMinute: number): number[] {
  const key = `${fromMinute}:${toMinute}:${text}`;
  const cached = startsByWindow.get(key);
  if (cached !== undefined) return [...cached];
  const set = parseRecurrence(text) as RRuleSet;
  if (!(toMinute > fromMinute)) return [];
  const fromMs = fromMinute * MS_PER_MINUTE;
  const dates = boundedSet(set, fromMs).between(new Date(fromMs), new Date(toMinute * MS_PER_MINUTE - 1), true);
  const starts = dates.map((date) => Math.round(date.getTime() / MS_PER_MINUTE));
  return [...remember(startsByWindow, key, starts)];
}
