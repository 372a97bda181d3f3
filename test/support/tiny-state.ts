/**
 * Helpers for tests that drive the solver's state on the tiny clinic by hand: random meetings and changes,
 * the score of a state evaluated from scratch, and a rule that counts its evaluations.
 */
import type { CompiledProblem } from '../../src/compiled/compile.js';
import type { Random } from '../../src/engine/kernel/random.js';
import { SolverState } from '../../src/engine/kernel/state.js';
import type { PlacedMeeting, Rule } from '../../src/rules/types.js';

/** A random meeting of the tiny clinic: it may break hard rules (double bookings, sizes): scores are all that is compared. */
export function randomTinyMeeting(random: Random): PlacedMeeting {
  const individual = random.int(3) === 0;
  const start = 1080 + 60 * random.int(3);
  const patients = individual ? [random.int(4)] : [...new Set([random.int(4), random.int(4), random.int(4)])];
  return {
    id: '',
    service: individual ? 1 : 0,
    track: individual ? -1 : 0,
    day: 1 + random.int(3),
    start,
    end: start + 60,
    room: random.int(3) - 1,
    telehealth: false,
    staff: [random.int(2)],
    patients,
    pinned: false,
  };
}

/**
 * One random change to `state`: a random meeting added (always, while the week is empty), or a
 * live one replaced by a random meeting or removed.
 */
export function randomTinyChange(state: SolverState, random: Random): void {
  const live = state.liveMeetings();
  const action = live.length === 0 ? 0 : random.int(3);
  if (action === 0) state.add(randomTinyMeeting(random));
  else if (action === 1) state.replace(live[random.int(live.length)]!, randomTinyMeeting(random));
  else state.remove(live[random.int(live.length)]!);
}

/** The score of `state`'s meetings evaluated from scratch. */
export function freshScore(compiled: CompiledProblem, rules: readonly Rule[], state: SolverState): ReturnType<SolverState['score']> {
  const other = new SolverState(compiled, rules, new Map());
  for (const m of state.meetings) if (m) other.add(m);
  other.rescore();
  return other.score();
}

/** A patient rule of `level` that breaks nothing and counts in `evaluations` how often it evaluated patient 0. */
export function patientZeroSpy(level: 'hard' | 'soft'): { rule: Rule; evaluations: number } {
  const spy = {
    evaluations: 0,
    rule: {
      code: `spy-${level}`,
      level,
      scope: 'patient',
      title: 'Spy',
      description: 'Counts its evaluations of patient 0.',
      evaluate(_ctx, patient) {
        if (patient === 0) spy.evaluations += 1;
      },
    } satisfies Rule as Rule,
  };
  return spy;
}
