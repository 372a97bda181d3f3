/**
 * Tracks: windows, rules, curriculum and template as written. Whether the services they name
 * exist, and whether template sessions sit on the grid, is checked by `references.ts` once every
 * service has been read.
 */
import type { Track } from '../model/problem.js';
import { readAvailability } from './availability.js';
import { readClockTime, readWeekday } from './clock.js';
import type { Context, Draft } from './context.js';
import { readHoursRules } from './hours-rules.js';
import { LIMITS } from './limits.js';
import { readMeta } from './meta.js';
import { readArray, readRecord } from './read.js';
import { readSessionCounts } from './session-counts.js';
import { readId, readText } from './scalars.js';

type TemplateEntry = NonNullable<Track['template']>[number];

const TRACK_KEYS: ReadonlySet<string> = new Set(['id', 'name', 'windows', 'rules', 'curriculum', 'template', 'meta']);
const TEMPLATE_KEYS: ReadonlySet<string> = new Set(['service', 'day', 'start']);

/**
 * A track.
 *
 * @example
 * ```ts
 * readTrack({ id: 'evening', windows: { weekly: [{ days: ['TU'], start: '18:00', end: '21:00' }] } }, 'tracks[0]', context);
 * ```
 */
export function readTrack(value: unknown, path: string, context: Context): Draft<Track> | undefined {
  const fields = readRecord(value, path, context, TRACK_KEYS, 'A track');
  if (fields === undefined) return undefined;
  const track: Draft<Track> = {};
  const id = readId(fields.required('id'), fields.at('id'), context);
  if (id !== undefined) track.id = id;
  const name = readText(fields.optional('name'), fields.at('name'), context, 'name');
  if (name !== undefined) track.name = name;
  const windows = readAvailability(fields.required('windows'), fields.at('windows'), context, 'windows');
  if (windows !== undefined) track.windows = windows;
  const rules = readHoursRules(fields.optional('rules'), fields.at('rules'), context);
  if (rules !== undefined) track.rules = rules;
  const curriculum = readSessionCounts(fields.optional('curriculum'), fields.at('curriculum'), context, 'curriculum');
  if (curriculum !== undefined) track.curriculum = curriculum;
  const template = readArray(fields.optional('template'), fields.at('template'), context, LIMITS.windows, 'template', (item, itemPath) => readTemplateEntry(item, itemPath, context));
  if (template !== undefined) track.template = template;
  const meta = readMeta(fields.optional('meta'), fields.at('meta'), context);
  if (meta !== undefined) track.meta = meta;
  return track;
}

function readTemplateEntry(value: unknown, path: string, context: Context): Draft<TemplateEntry> | undefined {
  const fields = readRecord(value, path, context, TEMPLATE_KEYS, 'A template entry');
  if (fields === undefined) return undefined;
  const entry: Draft<TemplateEntry> = {};
  const service = readId(fields.required('service'), fields.at('service'), context, 'service');
  if (service !== undefined) entry.service = service;
  const day = readWeekday(fields.required('day'), fields.at('day'), context, 'day');
  if (day !== undefined) entry.day = day;
  const start = readClockTime(fields.required('start'), fields.at('start'), context, 'start', false);
  if (start !== undefined) entry.start = start.text;
  return entry;
}
