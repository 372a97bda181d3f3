/**
 * Why a track day gives a patient no care even if they were free: the clinic is closed, no
 * qualified staff works in the window, or no suitable room is open. Turns "the sessions do not
 * add up" into the clinic's reason ("Wed: no qualified staff free (clin-1, clin-2 off)").
 */
import { SlotSet } from '../time/slot-set.js';
import { SLOTS_PER_DAY } from '../time/week.js';
import { patientServiceSlots, type Reach } from './reach.js';
import { dayShort, listText } from './words.js';

/** One sentence fragment per track day on which the patient could get no counting care at all. */
export function dayGaps(reach: Reach, patient: number): { text: string[]; staff: string[]; rooms: string[] } {
  const problem = reach.problem;
  const p = problem.patients[patient]!;
  const text: string[] = [];
  const staffNamed = new Set<string>();
  const roomsNamed = new Set<string>();
  const counting = problem.services.filter((s) => s.countsTowardHours && s.trackBound);
  for (let day = p.firstDay; day < p.endDay && day < 7; day++) {
    const today = new SlotSet();
    today.addRange(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY);
    const window = new SlotSet();
    for (const track of p.tracks) window.unionWith(reach.windows[track]!);
    window.intersectWith(today);
    if (window.size() === 0) continue;
    if (problem.closedDays[day]) {
      text.push(`${dayShort(day)}: the clinic is closed`);
      continue;
    }
    const reachable = counting.some((s) => {
      const slots = patientServiceSlots(reach, patient, s.index, { ignoreAvailability: true });
      slots.intersectWith(today);
      return slots.size() > 0;
    });
    if (reachable) continue;
    const staffed = counting.some((s) => {
      const slots = reach.staffable[s.index]!.clone();
      slots.intersectWith(window);
      return slots.size() > 0;
    });
    if (!staffed) {
      const qualified = [...new Set(counting.flatMap((s) => s.seats.flatMap((seat) => seat.eligibleStaff)))].map((m) => problem.staff[m]!.id);
      for (const id of qualified) staffNamed.add(id);
      text.push(`${dayShort(day)}: no qualified staff free in the window (${listText(qualified)} off)`);
      continue;
    }
    const rooms = [...new Set(counting.flatMap((s) => s.eligibleRooms))].map((r) => problem.rooms[r]!.id);
    for (const id of rooms) roomsNamed.add(id);
    text.push(`${dayShort(day)}: no suitable room open while staff are (${listText(rooms)})`);
  }
  return { text, staff: [...staffNamed], rooms: [...roomsNamed] };
}
