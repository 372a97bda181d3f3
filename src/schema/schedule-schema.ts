/**
 * JSON Schema (draft 2020-12) of a `Schedule`, shipped as `schedule.schema.json` at the package root and
 * exported as `iop-scheduler/schedule.schema.json`. Like the problem's, it checks shapes only:
 * `checkSchedule` judges whether the ids exist and the times agree with the problem.
 *
 * @module
 */
import { described, type JsonSchema, SCHEMA_BASE, sharedDefinitions } from './problem-schema.js';

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });
const refDescribed = (name: string, description: string): JsonSchema => described(description, ref(name));
const OFFSET_INSTANT = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$';

function meetingSchema(): JsonSchema {
  const instant = (description: string): JsonSchema => described(description, { type: 'string', format: 'date-time', pattern: OFFSET_INSTANT });
  const ids = (description: string): JsonSchema => described(description, { type: 'array', items: ref('Id') });
  return described('One session held once: a group or an individual session, on a date, with its staff, room and patients.', {
    type: 'object',
    properties: {
      id: refDescribed('Id', 'Unique within the schedule; stable across re-plans when the meeting is kept.'),
      service: refDescribed('Id', 'The service held (a service id).'),
      track: described('The track whose group programme holds it, or null for sessions outside any track.', { anyOf: [ref('Id'), { type: 'null' }] }),
      date: refDescribed('LocalDate', 'Local date, inside the scheduled week.'),
      day: refDescribed('Weekday', 'Weekday of date.'),
      start: refDescribed('StartTime', "Wall-clock start in the problem's time zone."),
      end: refDescribed('EndTime', "Wall-clock end; end - start is the service's duration."),
      startsAt: instant("ISO 8601 instant with the zone's offset at the start, e.g. '2026-11-23T18:00:00-08:00'."),
      endsAt: instant("ISO 8601 instant with the zone's offset at the end."),
      room: described('The room, or null when held by telehealth.', { anyOf: [ref('Id'), { type: 'null' }] }),
      mode: described('How it is held.', { type: 'string', enum: ['in-person', 'telehealth'] }),
      staff: ids('Staff ids leading it, one per seat position.'),
      patients: ids('Patient ids attending it.'),
      pinned: described('A pinned meeting is never moved by replan.', { type: 'boolean' }),
      noShows: ids('Patients who were booked but did not come (set by replan on meetings already held): the session counts toward nothing of theirs.'),
      revision: described('0 when first built; replan adds 1 on any change of time, room, staff or roster (the calendar SEQUENCE).', { type: 'integer', minimum: 0 }),
      meta: ref('Meta'),
    },
    required: ['id', 'service', 'track', 'date', 'day', 'start', 'end', 'startsAt', 'endsAt', 'room', 'mode', 'staff', 'patients'],
    additionalProperties: false,
  });
}

/**
 * The JSON Schema of a `Schedule` (draft 2020-12), as shipped in `schedule.schema.json`.
 *
 * @example
 * ```ts
 * writeFileSync('schedule.schema.json', `${JSON.stringify(scheduleSchema(), null, 2)}\n`);
 * ```
 */
export function scheduleSchema(): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE}schedule.schema.json`,
    title: 'iop-scheduler Schedule',
    ...described("A week's timetable, as solve and replan return it. checkSchedule remains the full check (ids, times against the problem, every rule).", {
      type: 'object',
      properties: {
        timeZone: described("Same as the problem's.", { type: 'string', minLength: 1 }),
        weekStart: refDescribed('LocalDate', "Same as the problem's."),
        meetings: described('Every meeting of the week, sorted by date, start and id.', { type: 'array', items: ref('Meeting') }),
      },
      required: ['timeZone', 'weekStart', 'meetings'],
      additionalProperties: false,
    }),
    $defs: { ...sharedDefinitions(), Meeting: meetingSchema() },
  };
}
