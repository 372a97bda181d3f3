import { describe, expect, it } from 'vitest';
import type { Problem } from '../model/problem.js';
import { SLOT_MINUTES, SLOTS_PER_DAY } from '../time/week.js';
import { eveningOverRoomCapacity } from '../../test/diagnose/scenarios.js';
import { changedSlots } from './changed-slots.js';

/** Slot range of a weekday (0 = Monday) from `start` to `end` hours. */
const at = (day: number, start: number, end: number): [number, number] => [day * SLOTS_PER_DAY + (start * 60) / SLOT_MINUTES, day * SLOTS_PER_DAY + (end * 60) / SLOT_MINUTES];

function changed(change: (copy: Problem) => void) {
  const before = eveningOverRoomCapacity();
  const after = structuredClone(before);
  change(after);
  return changedSlots(before, after);
}

describe('changedSlots', () => {
  it('is empty when nothing changed', () => {
    expect(changed(() => {})?.size()).toBe(0);
  });

  it('gives the slots an availability gained: room-b open Tuesday evening too', () => {
    const slots = changed((p) => p.rooms[1]!.availability!.weekly!.push({ days: ['TU'], start: '18:00', end: '21:00' }))!;
    expect(slots.size()).toBe(36);
    expect(slots.containsRange(...at(1, 18, 21))).toBe(true);
  });

  it('gives every slot of a room added', () => {
    const slots = changed((p) => p.rooms.push({ id: 'room-c', capacity: 12, features: ['group'], availability: { weekly: [{ days: ['WE'], start: '18:00', end: '21:00' }] } }))!;
    expect(slots.size()).toBe(36);
    expect(slots.containsRange(...at(2, 18, 21))).toBe(true);
  });

  it('has no place in time for a service, a patient\'s telehealth or anything removed', () => {
    expect(changed((p) => void (p.services[0]!.maxSize = 10))).toBeUndefined();
    expect(changed((p) => void (p.patients[0]!.telehealth = true))).toBeUndefined();
    expect(changed((p) => void p.rooms.pop())).toBeUndefined();
  });
});
