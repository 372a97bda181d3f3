/**
 * Ranges: HoursRules as given (they resolve patient > track > program > defaults where they are
 * used, so validation keeps them as written) and the conflicts their layers make when resolved.
 */
import type { HoursRules } from '../model/problem.js';
import { type Context, pathOf, quote, typeName } from './context.js';
import { resolveHoursRules } from './defaults.js';
import { ISSUE_CODES, WARNING_CODES } from './issue-codes.js';
import { readRecord } from './read.js';
import { readNumber, type NumberBounds } from './scalars.js';

/**
 * Weekly hours at or above this are partial hospitalization (ASAM 2.5), not IOP.
 *
 * @example
 * ```ts
 * if (hours >= PARTIAL_HOSPITALIZATION_HOURS) console.warn('PHP, not IOP');
 * ```
 */
export const PARTIAL_HOSPITALIZATION_HOURS = 20;

const HOURS_PER_WEEK = 168;
const MAX_SESSIONS_PER_DAY = 288;

/** The numeric fields of HoursRules (`partialWeek` is a word, read on its own). */
type NumericRule = Exclude<keyof HoursRules, 'partialWeek'>;

const BOUNDS: ReadonlyMap<NumericRule, NumberBounds> = new Map<NumericRule, NumberBounds>([
  ['minWeeklyHours', { min: 0, max: HOURS_PER_WEEK }],
  ['maxWeeklyHours', { min: 0, max: HOURS_PER_WEEK }],
  ['minDays', { integer: true, min: 0, max: 7 }],
  ['maxDays', { integer: true, min: 0, max: 7 }],
  ['maxDailyHours', { min: 0, max: 24 }],
  ['minDailyMinutes', { integer: true, min: 0, max: 1440 }],
  ['minDailyServices', { integer: true, min: 0, max: MAX_SESSIONS_PER_DAY }],
]);
const KEYS: ReadonlySet<string> = new Set([...BOUNDS.keys(), 'partialWeek']);
const DEFAULTS: Readonly<Record<NumericRule, number | undefined>> = resolveHoursRules();
const PARTIAL_WEEK_MODES: readonly string[] = ['prorate', 'full', 'exempt'];

/** Pairs that must not cross: [minimum, maximum, factor turning the maximum into the minimum's unit]. */
const PAIRS: ReadonlyArray<readonly [NumericRule, NumericRule, number]> = [
  ['minWeeklyHours', 'maxWeeklyHours', 1],
  ['minDays', 'maxDays', 1],
  ['minDailyMinutes', 'maxDailyHours', 60],
];

/**
 * One layer of HoursRules, kept as given; `maxWeeklyHours` of 20 or more is a warning (PHP, not IOP).
 *
 * @example
 * ```ts
 * readHoursRules({ minWeeklyHours: 6 }, 'tracks[0].rules', context); // { minWeeklyHours: 6 }
 * ```
 */
export function readHoursRules(value: unknown, path: string, context: Context): HoursRules | undefined {
  const fields = readRecord(value, path, context, KEYS, 'Hours rules');
  if (fields === undefined) return undefined;
  const rules: HoursRules = {};
  for (const [key, bounds] of BOUNDS) {
    const number = readNumber(fields.optional(key), fields.at(key), context, key, bounds);
    if (number !== undefined) rules[key] = number;
  }
  const partialWeek = readPartialWeek(fields.optional('partialWeek'), fields.at('partialWeek'), context);
  if (partialWeek !== undefined) rules.partialWeek = partialWeek;
  for (const [min, max, factor] of PAIRS) {
    const low = rules[min];
    const high = rules[max];
    if (low !== undefined && high !== undefined && low > high * factor) {
      context.report(fields.at(min), ISSUE_CODES.invalidRange, `${min} (${low}) is above ${max} (${high}).`);
    }
  }
  for (const key of ['minWeeklyHours', 'maxWeeklyHours'] as const) {
    const hours = rules[key];
    if (hours !== undefined && hours >= PARTIAL_HOSPITALIZATION_HOURS) {
      context.warn(fields.at(key), WARNING_CODES.partialHospitalization, `${key} ${hours}: ${PARTIAL_HOSPITALIZATION_HOURS} or more hours a week is partial hospitalization, not IOP.`);
    }
  }
  return rules;
}

/** `partialWeek`: one of 'prorate', 'full', 'exempt'. */
function readPartialWeek(value: unknown, path: string, context: Context): HoursRules['partialWeek'] {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    context.report(path, ISSUE_CODES.invalidType, `partialWeek must be a string, not ${typeName(value)}.`);
    return undefined;
  }
  if (!PARTIAL_WEEK_MODES.includes(value)) {
    context.report(path, ISSUE_CODES.invalidValue, `partialWeek must be 'prorate', 'full' or 'exempt', not ${quote(value)}.`);
    return undefined;
  }
  return value as HoursRules['partialWeek'];
}

/** The value of `key` once `layers` resolve, most specific last, over the defaults. */
function resolvedValue(layers: readonly RulesLayer[], key: NumericRule): number | undefined {
  for (let index = layers.length - 1; index >= 0; index -= 1) {
    const value = layers[index]?.rules?.[key];
    if (value !== undefined) return value;
  }
  return DEFAULTS[key];
}

/**
 * A layer of rules and where it sits in the input.
 *
 * @example
 * ```ts
 * const layer: RulesLayer = { rules: { minDays: 4 }, path: 'tracks[0].rules' };
 * ```
 */
export interface RulesLayer {
  rules: HoursRules | undefined;
  path: string;
}

/**
 * Reports a minimum above a maximum that appears only once `layers` (least specific first) are
 * resolved over the defaults, at the most specific layer, and only when that layer sets one of the pair.
 *
 * @example
 * ```ts
 * checkResolvedRules([{ rules: { maxWeeklyHours: 12 }, path: 'rules' }, { rules: { minWeeklyHours: 15 }, path: 'tracks[0].rules' }], context);
 * // conflicting-rules at tracks[0].rules.minWeeklyHours
 * ```
 */
export function checkResolvedRules(layers: readonly RulesLayer[], context: Context): void {
  const top = layers[layers.length - 1];
  if (top?.rules === undefined) return;
  for (const [min, max, factor] of PAIRS) {
    const low = resolvedValue(layers, min);
    const high = resolvedValue(layers, max);
    if (low === undefined || high === undefined || low <= high * factor) continue;
    const ownLow = top.rules[min];
    const ownHigh = top.rules[max];
    if (ownLow === undefined && ownHigh === undefined) continue;
    if (ownLow !== undefined && ownHigh !== undefined) continue; // reported by readHoursRules
    const key = ownLow !== undefined ? min : max;
    context.report(pathOf(top.path, key), ISSUE_CODES.conflictingRules, `Resolved with the rules above it, ${min} is ${low} but ${max} is ${high}.`);
  }
}
