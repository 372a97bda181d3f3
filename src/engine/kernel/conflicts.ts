/**
 * Conflict statistics: during construction and search, which hard rule blocked which placement
 * for which patient, and which room or staff member was the bottleneck. The diagnosis work turns
 * them into the causes of unmet requirements.
 */
import type { CompiledProblem } from '../../compiled/compile.js';

/** Counts of blocked placements, by patient and by blocking entity. */
export class ConflictStats {
  /** Patient id -> rule code -> placements it blocked. */
  readonly byPatient: Map<string, Map<string, number>> = new Map();
  /** Rule code -> entity (`room:<id>`, `staff:<id>`, `track:<id>`) -> placements it blocked. */
  readonly byEntity: Map<string, Map<string, number>> = new Map();

  /** Records that `code` blocked a placement for `patient`. */
  blockPatient(patient: string, code: string): void {
    bump(this.byPatient, patient, code);
  }

  /** Records that `entity` (e.g. `room:room-a`) blocked a placement under `code`. */
  blockEntity(code: string, entity: string): void {
    bump(this.byEntity, code, entity);
  }

  /** Total placements a rule code blocked for one patient. */
  count(patient: string, code: string): number {
    return this.byPatient.get(patient)?.get(code) ?? 0;
  }
}

function bump(map: Map<string, Map<string, number>>, outer: string, inner: string): void {
  let row = map.get(outer);
  if (!row) {
    row = new Map();
    map.set(outer, row);
  }
  row.set(inner, (row.get(inner) ?? 0) + 1);
}

const entityNameCache = new WeakMap<object, { services: string[]; rooms: string[] }>();

/**
 * The conflict statistics' names of each service and room (`service:<id>`, `room:<id>`), built
 * once per compiled problem: a name built afresh for every refused placement was hashed afresh
 * by the statistics' maps, a measurable share of the search's refused staff and room choices.
 *
 * @example
 * ```ts
 * engine.conflicts.blockEntity('room-double-booked', entityNames(engine.problem).rooms[r]!);
 * ```
 */
export function entityNames(problem: CompiledProblem): { services: string[]; rooms: string[] } {
  let names = entityNameCache.get(problem);
  if (!names) {
    names = { services: problem.services.map((s) => `service:${s.id}`), rooms: problem.rooms.map((r) => `room:${r.id}`) };
    entityNameCache.set(problem, names);
  }
  return names;
}
