/**
 * Conflict statistics: during construction and search, which hard rule blocked which placement
 * for which patient, and which room or staff member was the bottleneck. The diagnosis work turns
 * them into the causes of unmet requirements.
 */

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
