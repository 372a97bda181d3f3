import { describe, expect, it } from 'vitest';
import { issuesAfter } from '../../test/input/support.js';

const withRule = (rule: unknown, durationMinutes: unknown = 180): string[] =>
  issuesAfter((p) => (p.patients[0].availability = { rrule: [{ rule, durationMinutes }] }));
const PATH = 'patients[0].availability.rrule[0]';

describe('rrule entries', () => {
  it('accepts a floating DTSTART with a weekly RRULE', () => {
    expect(withRule('DTSTART:20261107T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=SA')).toEqual([]);
    expect(withRule('DTSTART:20261107T090000\r\nRRULE:FREQ=DAILY;COUNT=30')).toEqual([]);
  });
  it('rejects text that does not parse', () => {
    expect(withRule('DTSTART:20261107T090000\nRRULE:FREQ=WEEKLY;BYDAY=XX')).toEqual([`${PATH}.rule invalid-recurrence`]);
    expect(withRule('DTSTART:20261107T090000\nRRULE:FREQ=FORTNIGHTLY')).toEqual([`${PATH}.rule invalid-recurrence`]);
    expect(withRule('garbage')).toEqual([`${PATH}.rule invalid-recurrence`]);
    expect(withRule('DTSTART:20261340T090000\nRRULE:FREQ=WEEKLY')).toEqual([`${PATH}.rule invalid-recurrence`]);
  });
  it('requires a DTSTART', () => {
    expect(withRule('RRULE:FREQ=WEEKLY;BYDAY=MO')).toEqual([`${PATH}.rule missing-dtstart`]);
  });
  it('requires floating local time: no Z, no TZID', () => {
    expect(withRule('DTSTART:20261107T090000Z\nRRULE:FREQ=WEEKLY')).toEqual([`${PATH}.rule not-floating`]);
    expect(withRule('DTSTART;TZID=America/New_York:20261107T090000\nRRULE:FREQ=WEEKLY')).toEqual([`${PATH}.rule not-floating`]);
    expect(withRule('DTSTART:20261107T090000\nRRULE:FREQ=WEEKLY;UNTIL=20261231T000000Z')).toEqual([`${PATH}.rule not-floating`]);
  });
  it.each(['HOURLY', 'MINUTELY', 'SECONDLY'])('rejects FREQ=%s as unsupported', (frequency) => {
    expect(withRule(`DTSTART:20261107T090000\nRRULE:FREQ=${frequency}`)).toEqual([`${PATH}.rule unsupported-recurrence`]);
  });
  it('accepts a DTSTART long before the week (the expander skips ahead)', () => {
    expect(withRule('DTSTART:19501106T090000\nRRULE:FREQ=DAILY')).toEqual([]);
  });
  it('rejects a duration that is not a positive multiple of 5 up to 1440', () => {
    expect(withRule('DTSTART:20261107T090000\nRRULE:FREQ=WEEKLY', 0)).toEqual([`${PATH}.durationMinutes invalid-duration`]);
    expect(withRule('DTSTART:20261107T090000\nRRULE:FREQ=WEEKLY', 1441)).toEqual([`${PATH}.durationMinutes invalid-duration`]);
    expect(withRule('DTSTART:20261107T090000\nRRULE:FREQ=WEEKLY', 7)).toEqual([`${PATH}.durationMinutes invalid-duration`]);
  });
  it('rejects a rule that is no string, or too long', () => {
    expect(withRule(42)).toEqual([`${PATH}.rule invalid-type`]);
    expect(withRule(`DTSTART:20261107T090000\nRRULE:FREQ=WEEKLY;BYDAY=${'MO,'.repeat(1000)}MO`)).toEqual([`${PATH}.rule too-long`]);
  });
});
