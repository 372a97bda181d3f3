/**
 * Services: kind, duration, group sizes, staff seats and the plain field defaults.
 */
import type { Service } from '../model/problem.js';
import { readDuration } from './clock.js';
import type { Context, Draft } from './context.js';
import { DEFAULT_GROUP_MAX_SIZE, DEFAULT_GROUP_MIN_SIZE, DEFAULT_SEAT_COUNT, DEFAULT_TELEHEALTH_POLICY } from './defaults.js';
import { ISSUE_CODES } from './issue-codes.js';
import { LIMITS } from './limits.js';
import { readMeta } from './meta.js';
import { readArray, readRecord } from './read.js';
import { readBoolean, readChoice, readId, readNumber, readText, readTextList } from './scalars.js';
import { readNotesMinutes } from './staff-work.js';

type Seat = Service['staff'][number];

const SERVICE_KEYS: ReadonlySet<string> = new Set([
  'id', 'name', 'kind', 'durationMinutes', 'minSize', 'maxSize', 'staff', 'primaryOnly', 'room', 'telehealth',
  'withFamily', 'countsTowardHours', 'eligibility', 'homogeneousBy', 'trackBound', 'meta',
  'notesMinutes',
]);
const SEAT_KEYS: ReadonlySet<string> = new Set(['credentials', 'tags', 'count']);
const ROOM_NEEDS_KEYS: ReadonlySet<string> = new Set(['features']);
const ELIGIBILITY_KEYS: ReadonlySet<string> = new Set(['requireTags', 'excludeTags']);
const KINDS = ['group', 'individual'] as const;
const TELEHEALTH = ['never', 'allowed', 'only'] as const;

/**
 * A service, with its plain field defaults filled in (sizes, telehealth, flags, seat counts).
 *
 * @example
 * ```ts
 * const service = readService({ id: 'dbt', kind: 'group', durationMinutes: 60, staff: [{ credentials: ['LCSW'] }] }, 'services[0]', context);
 * // minSize 2, maxSize 12, telehealth 'never', trackBound true, ...
 * ```
 */
export function readService(value: unknown, path: string, context: Context): Draft<Service> | undefined {
  const fields = readRecord(value, path, context, SERVICE_KEYS, 'A service');
  if (fields === undefined) return undefined;
  const service: Draft<Service> = {};
  const id = readId(fields.required('id'), fields.at('id'), context);
  if (id !== undefined) service.id = id;
  const name = readText(fields.optional('name'), fields.at('name'), context, 'name');
  if (name !== undefined) service.name = name;
  const kind = readChoice(fields.required('kind'), fields.at('kind'), context, 'kind', KINDS);
  if (kind !== undefined) service.kind = kind;
  const duration = readDuration(fields.required('durationMinutes'), fields.at('durationMinutes'), context, 'durationMinutes');
  if (duration !== undefined) service.durationMinutes = duration;

  const sizeBounds = { integer: true, min: 1, max: LIMITS.groupSize };
  const minSize = readNumber(fields.optional('minSize'), fields.at('minSize'), context, 'minSize', sizeBounds);
  const maxSize = readNumber(fields.optional('maxSize'), fields.at('maxSize'), context, 'maxSize', sizeBounds);
  if (kind === 'individual') {
    for (const [key, size] of [['minSize', minSize], ['maxSize', maxSize]] as const) {
      if (size !== undefined && size !== 1) context.report(fields.at(key), ISSUE_CODES.individualSize, `An individual service holds exactly one patient: ${key} must be 1 or absent, not ${size}.`);
    }
  }
  const group = kind !== 'individual';
  service.minSize = minSize ?? (group ? DEFAULT_GROUP_MIN_SIZE : 1);
  service.maxSize = maxSize ?? (group ? DEFAULT_GROUP_MAX_SIZE : 1);
  if (group && service.minSize > service.maxSize && (minSize !== undefined || maxSize !== undefined)) {
    const at = maxSize !== undefined ? 'maxSize' : 'minSize';
    context.report(fields.at(at), ISSUE_CODES.invalidRange, `maxSize (${service.maxSize}) is below minSize (${service.minSize}).`);
  }

  const seats = readArray(fields.required('staff'), fields.at('staff'), context, LIMITS.windows, 'staff', (item, itemPath) => readSeat(item, itemPath, context));
  if (seats !== undefined) {
    if (seats.length === 0) context.report(fields.at('staff'), ISSUE_CODES.empty, 'A service needs at least one staff seat.');
    service.staff = seats;
  }
  const primaryOnly = readBoolean(fields.optional('primaryOnly'), fields.at('primaryOnly'), context, 'primaryOnly');
  service.primaryOnly = primaryOnly ?? false;
  const room = readRecord(fields.optional('room'), fields.at('room'), context, ROOM_NEEDS_KEYS, 'room');
  if (room !== undefined) {
    const features = readTextList(room.optional('features'), room.at('features'), context, 'features');
    service.room = features === undefined ? {} : { features };
  }
  service.telehealth = readChoice(fields.optional('telehealth'), fields.at('telehealth'), context, 'telehealth', TELEHEALTH) ?? DEFAULT_TELEHEALTH_POLICY;
  service.withFamily = readBoolean(fields.optional('withFamily'), fields.at('withFamily'), context, 'withFamily') ?? false;
  service.countsTowardHours = readBoolean(fields.optional('countsTowardHours'), fields.at('countsTowardHours'), context, 'countsTowardHours') ?? true;
  const eligibility = readRecord(fields.optional('eligibility'), fields.at('eligibility'), context, ELIGIBILITY_KEYS, 'eligibility');
  if (eligibility !== undefined) {
    service.eligibility = {};
    const requireTags = readTextList(eligibility.optional('requireTags'), eligibility.at('requireTags'), context, 'requireTags');
    if (requireTags !== undefined) service.eligibility.requireTags = requireTags;
    const excludeTags = readTextList(eligibility.optional('excludeTags'), eligibility.at('excludeTags'), context, 'excludeTags');
    if (excludeTags !== undefined) service.eligibility.excludeTags = excludeTags;
  }
  const homogeneousBy = readTextList(fields.optional('homogeneousBy'), fields.at('homogeneousBy'), context, 'homogeneousBy');
  if (homogeneousBy !== undefined) service.homogeneousBy = homogeneousBy;
  service.trackBound = readBoolean(fields.optional('trackBound'), fields.at('trackBound'), context, 'trackBound') ?? kind === 'group';
  const meta = readMeta(fields.optional('meta'), fields.at('meta'), context);
  if (meta !== undefined) service.meta = meta;
  readNotesMinutes(fields, service, context);
  return service;
}

function readSeat(value: unknown, path: string, context: Context): Draft<Seat> | undefined {
  const fields = readRecord(value, path, context, SEAT_KEYS, 'A staff seat');
  if (fields === undefined) return undefined;
  const seat: Draft<Seat> = {};
  const credentials = readTextList(fields.required('credentials'), fields.at('credentials'), context, 'credentials', true);
  if (credentials !== undefined) seat.credentials = credentials;
  const tags = readTextList(fields.optional('tags'), fields.at('tags'), context, 'tags');
  if (tags !== undefined) seat.tags = tags;
  seat.count = readNumber(fields.optional('count'), fields.at('count'), context, 'count', { integer: true, min: 1, max: LIMITS.sessions }) ?? DEFAULT_SEAT_COUNT;
  return seat;
}
