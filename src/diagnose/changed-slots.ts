/**
 * Where a repair changes the week: the slots whose resources differ between a problem and its
 * repaired copy. explain's verifying re-solves re-seat only the groups there (the engine's
 * `polishOnly`): at 1,000 patients re-seating every group time again for each candidate was 60%
 * of its re-solve, for gains only where the change is.
 */
import type { Availability, Problem } from '../model/problem.js';
import { availabilitySlots } from '../time/availability.js';
import { SlotSet } from '../time/slot-set.js';

/** Slots in exactly one of `a` and `b`. */
function symmetricDifference(a: SlotSet, b: SlotSet): SlotSet {
  const onlyA = a.clone();
  onlyA.removeAll(b);
  const onlyB = b.clone();
  onlyB.removeAll(a);
  onlyA.unionWith(onlyB);
  return onlyA;
}

/** Entities compared by id, `field` the one whose change has a place in time. */
interface Kind {
  before: ReadonlyArray<{ id: string }>;
  after: ReadonlyArray<{ id: string }>;
  field: 'availability' | 'windows';
  /** Whether an entity new in `after` (a room, a per-diem clinician) counts by its own availability. */
  added: boolean;
}

/**
 * Adds to `into` the slots where `kind`'s entities changed; `false` when a change has no place in
 * time (an entity removed, a field other than `field` changed).
 */
function addChanges(into: SlotSet, kind: Kind, weekStart: string): boolean {
  const slots = (entity: { id: string }): SlotSet => availabilitySlots((entity as Record<string, unknown>)[kind.field] as Availability | undefined, weekStart);
  const old = new Map(kind.before.map((entity) => [entity.id, entity]));
  const kept = new Set(kind.after.map((entity) => entity.id));
  if (kind.before.some((entity) => !kept.has(entity.id))) return false;
  for (const entity of kind.after) {
    const was = old.get(entity.id);
    if (was === undefined) {
      if (!kind.added) return false;
      into.unionWith(slots(entity));
      continue;
    }
    if (JSON.stringify(was) === JSON.stringify(entity)) continue;
    if (JSON.stringify({ ...was, [kind.field]: undefined }) !== JSON.stringify({ ...entity, [kind.field]: undefined })) return false;
    into.unionWith(symmetricDifference(slots(was), slots(entity)));
  }
  return true;
}

/**
 * The slots of the week where `after` (a repaired copy of `before`) differs by a room, a staff
 * member, a patient's availability or a track's windows: the slots a changed availability gained
 * or lost, and every slot of a room or clinician added. `undefined` when the change has no single
 * place in time (a service, a programme rule, a patient's tracks or telehealth, anything
 * removed). Empty when nothing changed.
 *
 * @example
 * ```ts
 * const slots = changedSlots(problem, withRoomOnTuesdayEvening);
 * slots?.intersectsRange(tuesday1800, tuesday2100); // true
 * ```
 */
export function changedSlots(before: Problem, after: Problem): SlotSet | undefined {
  const rest = (problem: Problem): string => JSON.stringify({ ...problem, patients: undefined, staff: undefined, rooms: undefined, tracks: undefined });
  if (rest(before) !== rest(after)) return undefined;
  const slots = new SlotSet();
  const kinds: Kind[] = [
    { before: before.rooms, after: after.rooms, field: 'availability', added: true },
    { before: before.staff, after: after.staff, field: 'availability', added: true },
    { before: before.patients, after: after.patients, field: 'availability', added: false },
    { before: before.tracks, after: after.tracks, field: 'windows', added: false },
  ];
  for (const kind of kinds) if (!addChanges(slots, kind, after.weekStart)) return undefined;
  return slots;
}
