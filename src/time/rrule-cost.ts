/**
 * What expanding a recurrence for one week costs, estimated from its parts without expanding it.
 *
 * rrule produces every candidate time of every period it walks: a day of a DAILY rule yields
 * |BYHOUR| x |BYMINUTE| x |BYSECOND| candidates (86,400 for the full product), and each costs a
 * few microseconds. The walk starts a few periods before the week for the rules
 * {@link skipsToWindow} moves, and at DTSTART for the others (MONTHLY, YEARLY, COUNT with day
 * filters), so an old DTSTART multiplies the cost by the weeks in between. Measured on the
 * bench machine (bench/input-cost.ts): about 3 us per candidate, and per period walked about
 * 6 us for a day, 11 us for a month and 120 us for a year; the weights below turn periods into
 * candidate-equivalents. Every figure is an upper bound: a clinic rule's real cost is lower.
 */
import type { RRule, RRuleSet } from 'rrule';
import { parseRecurrence, skipsToWindow } from './rrule.js';
import { DAILY, MONTHLY, MS_PER_DAY, WEEKLY, YEARLY } from './rrule-probe.js';

type ParsedOptions = RRule['options'];
/** Days of an average period, to count the periods of a walk. */
const PERIOD_DAYS = new Map([[YEARLY, 365], [MONTHLY, 30], [WEEKLY, 7], [DAILY, 1]]);
/** Cost of walking one period, in candidates (the rest of a period's filtering work). */
const PERIOD_WEIGHT = new Map([[YEARLY, 40], [MONTHLY, 4], [WEEKLY, 4], [DAILY, 2]]);
/** Periods walked before the week by a rule moved near it (two, and the one holding the look-back). */
const PERIODS_BEFORE = 3;
/** Parsing a text and setting up its expansion, in candidates (about 0.15 ms). */
export const PARSE_COST = 50;

/**
 * The estimate for one recurrence text.
 *
 * @example
 * ```ts
 * const cost: RecurrenceCost = recurrenceCost('DTSTART:20261123T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR', 20_780);
 * cost.perWeek; // 3
 * ```
 */
export interface RecurrenceCost {
  /** The most occurrences the recurrence can have in any 7 days (RDATEs included). */
  readonly perWeek: number;
  /** Candidates (and periods, weighted) the expander walks through for the week, parsing included. */
  readonly expansion: number;
}

const sizeOf = (values: readonly unknown[] | null | undefined): number => values?.length ?? 0;

/** Days of any 7 in a row on which the rule can produce an occurrence. */
function daysPerWeek(options: ParsedOptions): number {
  let days = 7;
  const weekdays = new Set<number>([...(options.byweekday ?? []), ...(options.bynweekday ?? []).map((pair) => pair[0] ?? 0)]);
  if (weekdays.size > 0) days = Math.min(days, weekdays.size);
  // A month has at least 28 days, so 7 days in a row never repeat a day of the month.
  const monthDays = sizeOf(options.bymonthday) + sizeOf(options.bynmonthday);
  if (monthDays > 0) days = Math.min(days, monthDays);
  if (sizeOf(options.byyearday) > 0) days = Math.min(days, sizeOf(options.byyearday));
  if (options.freq === DAILY) days = Math.min(days, Math.ceil(7 / options.interval));
  return days;
}

/**
 * Candidates rrule makes in any 7 days (`made`: BYSETPOS picks from a period's whole set, so
 * all of them are made) and the most it keeps (`kept`).
 */
function rulePerWeek(options: ParsedOptions): { made: number; kept: number } {
  // rrule fills BYHOUR, BYMINUTE and BYSECOND from DTSTART when they are not given.
  const times = Math.max(1, sizeOf(options.byhour)) * Math.max(1, sizeOf(options.byminute)) * Math.max(1, sizeOf(options.bysecond));
  const made = daysPerWeek(options) * times;
  // BYSETPOS keeps that many per month or year, and 7 days touch two of them at most.
  return { made, kept: sizeOf(options.bysetpos) > 0 ? Math.min(made, 2 * sizeOf(options.bysetpos)) : made };
}

/** Candidates and weighted periods walked to expand the 8 days ending `weekEndDay` (the week and its look-back). */
function ruleExpansion(options: ParsedOptions, made: number, weekEndDay: number | undefined): number {
  const periodDays = (PERIOD_DAYS.get(options.freq) ?? 1) * options.interval;
  const weight = PERIOD_WEIGHT.get(options.freq) ?? 1;
  // 8 days fit in two 7-day spans.
  const inWindow = 2 * made + (Math.ceil(8 / periodDays) + 1) * weight;
  const dtstartDay = Math.floor(options.dtstart.getTime() / MS_PER_DAY);
  if (weekEndDay === undefined || weekEndDay <= dtstartDay) return inWindow;
  if (skipsToWindow(options)) {
    const perPeriod = options.freq === DAILY ? Math.ceil(made / daysPerWeek(options)) : made;
    return inWindow + PERIODS_BEFORE * (perPeriod + weight);
  }
  // The walk stops at UNTIL when that comes first.
  const untilDay = options.until === null ? weekEndDay : Math.min(weekEndDay, Math.floor(options.until.getTime() / MS_PER_DAY) + 1);
  const days = Math.max(0, untilDay - dtstartDay);
  const candidates = Math.ceil(days / 7) * made;
  const counted = options.count === null ? candidates : Math.min(candidates, options.count);
  return inWindow + counted + Math.ceil(days / periodDays) * weight;
}

/**
 * The cost of expanding `text` for the week starting on day `weekStartDay` (days since
 * 1970-01-01; without it, the cost of a week near DTSTART). `text` must pass
 * `recurrenceProblem`. Reads the parsed rule's parts only: it never expands it.
 *
 * @example
 * ```ts
 * recurrenceCost('DTSTART:20261123T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR', 20_780).perWeek; // 3
 * recurrenceCost('DTSTART:20261123T000000\nRRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23', 20_780).perWeek; // 168
 * ```
 */
export function recurrenceCost(text: string, weekStartDay?: number): RecurrenceCost {
  const set = parseRecurrence(text) as RRuleSet;
  const dates = set.rdates().length;
  let perWeek = dates;
  let expansion = PARSE_COST + dates + set.exdates().length;
  const weekEndDay = weekStartDay === undefined ? undefined : weekStartDay + 7;
  for (const rule of set.rrules()) {
    const { made, kept } = rulePerWeek(rule.options);
    perWeek += kept;
    expansion += ruleExpansion(rule.options, made, weekEndDay);
  }
  return { perWeek, expansion };
}
