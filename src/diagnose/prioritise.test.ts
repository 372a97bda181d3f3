import { describe, expect, it } from 'vitest';
import type { RepairCandidate } from './repair-candidates.js';
import { prioritise } from './prioritise.js';

function candidate(kind: RepairCandidate['kind'], message: string, patients: string[], cost = 2): RepairCandidate {
  return { kind, message, cost, patients, apply: () => undefined };
}

describe('prioritise', () => {
  it('takes the best of each kind in turn, so one kind aimed at many patients cannot fill every verified slot', () => {
    const everyone = Array.from({ length: 300 }, (_, i) => `p-${i}`);
    const perEntry = [
      [candidate('extend-staff-hours', 'Have s-1 work Mon 09:00-17:00', everyone), candidate('extend-staff-hours', 'Have s-2 work Mon 09:00-17:00', everyone)],
      [candidate('extend-staff-hours', 'Have s-3 work Mon 09:00-17:00', everyone.slice(0, 200))],
      [candidate('add-room', 'Add a room for track evening Tue 18:00-21:00', everyone.slice(0, 20), 4)],
      [candidate('add-per-diem-staff', 'Add a per-diem LCSW for track evening Tue 18:00-21:00', everyone.slice(0, 30), 4)],
    ];
    expect(prioritise(perEntry).map((c) => c.message)).toEqual([
      'Have s-1 work Mon 09:00-17:00',
      'Add a per-diem LCSW for track evening Tue 18:00-21:00',
      'Add a room for track evening Tue 18:00-21:00',
      'Have s-2 work Mon 09:00-17:00',
      'Have s-3 work Mon 09:00-17:00',
    ]);
  });

  it('merges the same change proposed for several entries, with every patient it is aimed at', () => {
    const order = prioritise([[candidate('open-room', 'Open room-b Tue 18:00-21:00', ['p-1'])], [candidate('open-room', 'Open room-b Tue 18:00-21:00', ['p-2'])]]);
    expect(order).toHaveLength(1);
    expect(order[0]!.patients).toEqual(['p-1', 'p-2']);
  });
});
