/**
 * What other folders may import from the engine (the import test, test/architecture/imports.test.ts,
 * refuses any deeper import from outside engine/): building a working set, construction, the
 * search, and the checked primitives re-planning drives the engine with.
 */
export { createEngine, reportReserveMs, type SolveStart } from './kernel/create.js';
export { blocker, canLeave, equip, removePatient, settle, tryAdd, type Engine } from './kernel/engine.js';
export { ConflictStats } from './kernel/conflicts.js';
export { patientBlocker } from './kernel/feasible.js';
export { groupSlots, windowStarts, type GroupSlot } from './kernel/slots.js';
export { sessionsOf } from './kernel/tally.js';
export { construct } from './construct/construct.js';
export { placeOptional } from './construct/optional.js';
export { releaseBroken, type PublishedMeeting, type Released, type ReleaseResult } from './construct/release.js';
export { constructAffected } from './construct/affected.js';
export { individualNeeds } from './construct/individuals.js';
export { search } from './search.js';
