/**
 * Staff and rooms: the resources a meeting uses.
 */
import type { Room, Staff } from '../model/problem.js';
import { readAvailability } from './availability.js';
import type { Context, Draft } from './context.js';
import { LIMITS } from './limits.js';
import { readMeta } from './meta.js';
import { readRecord } from './read.js';
import { readId, readNumber, readText, readTextList } from './scalars.js';
import { readStaffProgramme, STAFF_PROGRAMME_KEYS } from './staff-programme.js';
import { readStaffWork, STAFF_WORK_KEYS } from './staff-work.js';

const STAFF_KEYS: ReadonlySet<string> = new Set(['id', 'name', 'credentials', 'tags', 'availability', 'maxWeeklyHours', 'maxDailyHours', 'meta', ...STAFF_PROGRAMME_KEYS, ...STAFF_WORK_KEYS]);
const ROOM_KEYS: ReadonlySet<string> = new Set(['id', 'name', 'capacity', 'features', 'availability', 'meta']);

/**
 * A staff member.
 *
 * @example
 * ```ts
 * readStaff({ id: 'clin-1', credentials: ['LCSW'] }, 'staff[0]', context);
 * ```
 */
export function readStaff(value: unknown, path: string, context: Context): Draft<Staff> | undefined {
  const fields = readRecord(value, path, context, STAFF_KEYS, 'A staff member');
  if (fields === undefined) return undefined;
  const staff: Draft<Staff> = {};
  const id = readId(fields.required('id'), fields.at('id'), context);
  if (id !== undefined) staff.id = id;
  const name = readText(fields.optional('name'), fields.at('name'), context, 'name');
  if (name !== undefined) staff.name = name;
  const credentials = readTextList(fields.required('credentials'), fields.at('credentials'), context, 'credentials');
  if (credentials !== undefined) staff.credentials = credentials;
  const tags = readTextList(fields.optional('tags'), fields.at('tags'), context, 'tags');
  if (tags !== undefined) staff.tags = tags;
  const availability = readAvailability(fields.optional('availability'), fields.at('availability'), context, 'availability');
  if (availability !== undefined) staff.availability = availability;
  const maxWeeklyHours = readNumber(fields.optional('maxWeeklyHours'), fields.at('maxWeeklyHours'), context, 'maxWeeklyHours', { min: 0, max: 168 });
  if (maxWeeklyHours !== undefined) staff.maxWeeklyHours = maxWeeklyHours;
  const maxDailyHours = readNumber(fields.optional('maxDailyHours'), fields.at('maxDailyHours'), context, 'maxDailyHours', { min: 0, max: 24 });
  if (maxDailyHours !== undefined) staff.maxDailyHours = maxDailyHours;
  readStaffProgramme(fields, staff, context);
  const meta = readMeta(fields.optional('meta'), fields.at('meta'), context);
  if (meta !== undefined) staff.meta = meta;
  readStaffWork(fields, staff, context);
  return staff;
}

/**
 * A room. Capacity 0 is allowed (a room for staff-only use).
 *
 * @example
 * ```ts
 * readRoom({ id: 'room-a', capacity: 8 }, 'rooms[0]', context);
 * ```
 */
export function readRoom(value: unknown, path: string, context: Context): Draft<Room> | undefined {
  const fields = readRecord(value, path, context, ROOM_KEYS, 'A room');
  if (fields === undefined) return undefined;
  const room: Draft<Room> = {};
  const id = readId(fields.required('id'), fields.at('id'), context);
  if (id !== undefined) room.id = id;
  const name = readText(fields.optional('name'), fields.at('name'), context, 'name');
  if (name !== undefined) room.name = name;
  const capacity = readNumber(fields.required('capacity'), fields.at('capacity'), context, 'capacity', { integer: true, min: 0, max: LIMITS.groupSize });
  if (capacity !== undefined) room.capacity = capacity;
  const features = readTextList(fields.optional('features'), fields.at('features'), context, 'features');
  if (features !== undefined) room.features = features;
  const availability = readAvailability(fields.optional('availability'), fields.at('availability'), context, 'availability');
  if (availability !== undefined) room.availability = availability;
  const meta = readMeta(fields.optional('meta'), fields.at('meta'), context);
  if (meta !== undefined) room.meta = meta;
  return room;
}
