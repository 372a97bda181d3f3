/**
 * The RFC 5545 VTIMEZONE component of a zone, built from the runtime's time-zone data.
 *
 * Why not a bundled table: the data must be as current as the runtime that computes the
 * meetings' instants (a zone that abolished DST, such as America/Mexico_City in 2022, must not
 * show DST in the calendar). When the zone follows one yearly rule over the years that matter
 * (US, EU, ...), the component states that rule (`RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU`), which
 * every client, Outlook included, understands and which stays right for a series that never ends;
 * otherwise it lists each change explicitly.
 */
import type { LocalDate } from '../model/problem.js';
import { offsetMinutesAt, offsetTransitions, zoneAbbreviation, type OffsetTransition } from './zone-transitions.js';

const RFC_WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const MS_PER_MINUTE = 60_000;
/** Years over which a yearly rule must hold before the component states it. */
const RULE_YEARS_CHECKED = 9;
const cache = new Map<string, string>();

interface YearlyRule {
  month: number;
  weekday: number;
  /** 1..5 from the start of the month, or -1 for the last such weekday. */
  ordinal: number;
}

/**
 * The VTIMEZONE of `timeZone`, valid for every instant from the start of the year before
 * `fromDate` to the end of `throughDate`'s year (at least eight years on, and beyond when the zone
 * follows a yearly rule).
 * Lines are joined with CRLF and are short enough to need no folding.
 *
 * @example
 * ```ts
 * vtimezone('America/Los_Angeles', '2026-11-23', '2026-11-29');
 * // BEGIN:VTIMEZONE / TZID:America/Los_Angeles / BEGIN:DAYLIGHT ... RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU ...
 * ```
 */
export function vtimezone(timeZone: string, fromDate: LocalDate, throughDate: LocalDate): string {
  // A rule's first onset must precede every instant covered: scan from two years back.
  const firstYear = Number(fromDate.slice(0, 4)) - 2;
  // Enough years that a rule's weekday falls on every day of the month it can: 'the last Sunday'
  // and 'the fifth Sunday' of March agree in 2025 and 2026, not in 2027.
  const lastYear = Math.max(Number(throughDate.slice(0, 4)), firstYear + RULE_YEARS_CHECKED);
  const key = `${timeZone} ${firstYear} ${lastYear}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const scanFrom = Date.UTC(firstYear, 0, 1);
  const scanTo = Date.UTC(lastYear + 1, 0, 1);
  const transitions = offsetTransitions(timeZone, scanFrom, scanTo);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const rules = yearlyRules(transitions, firstYear, lastYear);
  if (rules) {
    for (const { rule, first } of rules) lines.push(...observance(timeZone, first, rule));
  } else {
    const offset = offsetMinutesAt(timeZone, scanFrom);
    // The offset in force before the first change in range, from an onset before any meeting.
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${formatOffset(offset)}`, `TZOFFSETTO:${formatOffset(offset)}`);
    const name = zoneAbbreviation(timeZone, scanFrom);
    if (name) lines.push(`TZNAME:${name}`);
    lines.push('END:STANDARD');
    for (const transition of transitions) lines.push(...observance(timeZone, transition, undefined));
  }
  lines.push('END:VTIMEZONE');
  const text = lines.join('\r\n');
  if (cache.size > 64) cache.clear();
  cache.set(key, text);
  return text;
}

function observance(timeZone: string, transition: OffsetTransition, rule: YearlyRule | undefined): string[] {
  const kind = transition.toMinutes > transition.fromMinutes ? 'DAYLIGHT' : 'STANDARD';
  const lines = [
    `BEGIN:${kind}`,
    `DTSTART:${formatLocal(transition.atMs + transition.fromMinutes * MS_PER_MINUTE)}`,
    `TZOFFSETFROM:${formatOffset(transition.fromMinutes)}`,
    `TZOFFSETTO:${formatOffset(transition.toMinutes)}`,
  ];
  if (rule) lines.push(`RRULE:FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.ordinal}${RFC_WEEKDAYS[rule.weekday]}`);
  const name = zoneAbbreviation(timeZone, transition.atMs);
  if (name) lines.push(`TZNAME:${name}`);
  lines.push(`END:${kind}`);
  return lines;
}

/**
 * The two yearly rules the transitions follow, each with its first transition, when every year
 * of `[firstYear, lastYear]` has exactly one change each way at the same local time on the same
 * weekday of the same month (same ordinal, or always the last such weekday), with the same offsets.
 */
function yearlyRules(
  transitions: readonly OffsetTransition[],
  firstYear: number,
  lastYear: number,
): Array<{ rule: YearlyRule; first: OffsetTransition }> | undefined {
  const years = lastYear - firstYear + 1;
  if (transitions.length !== 2 * years) return undefined;
  const forward = transitions.filter((t) => t.toMinutes > t.fromMinutes);
  const backward = transitions.filter((t) => t.toMinutes < t.fromMinutes);
  const result: Array<{ rule: YearlyRule; first: OffsetTransition }> = [];
  for (const group of [forward, backward]) {
    const first = group[0];
    if (group.length !== years || first === undefined) return undefined;
    const rule = commonRule(group, firstYear);
    if (!rule) return undefined;
    result.push({ rule, first });
  }
  return result;
}

function commonRule(group: readonly OffsetTransition[], firstYear: number): YearlyRule | undefined {
  const shapes = group.map((transition) => {
    const local = new Date(transition.atMs + transition.fromMinutes * MS_PER_MINUTE);
    const day = local.getUTCDate();
    const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      weekday: local.getUTCDay(),
      minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
      ordinal: Math.ceil(day / 7),
      last: day + 7 > daysInMonth,
      offsets: `${transition.fromMinutes}/${transition.toMinutes}`,
    };
  });
  const first = shapes[0];
  if (!first) return undefined;
  const same = shapes.every(
    (shape, index) =>
      shape.year === firstYear + index &&
      shape.month === first.month &&
      shape.weekday === first.weekday &&
      shape.minuteOfDay === first.minuteOfDay &&
      shape.offsets === first.offsets,
  );
  if (!same) return undefined;
  if (shapes.every((shape) => shape.ordinal === first.ordinal)) return { month: first.month, weekday: first.weekday, ordinal: first.ordinal };
  if (shapes.every((shape) => shape.last)) return { month: first.month, weekday: first.weekday, ordinal: -1 };
  return undefined;
}

/** `YYYYMMDDTHHMMSS` of the UTC fields of `ms` (a wall-clock time stored as UTC). */
function formatLocal(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** `+HHMM` / `-HHMM`. */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`;
}
