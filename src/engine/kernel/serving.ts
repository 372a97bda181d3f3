/**
 * Re-planning's acceptance guard for the search: a change to a published week is kept only when
 * it serves the patients the changes affected (their shortfall, summed, goes down; they may
 * trade a session of theirs for one they need more) and leaves every other patient it touches
 * the very week they had (the same sessions: same service, day and start; they may move to a parallel
 * section or get another clinician or room, never lose or gain a session). The score alone cannot say this: requirements come before the
 * soft `stability` rule, so a move that gains an admitted patient a few minutes by moving a
 * whole group of others to another time would always win.
 */
import { sessionKey } from '../../compiled/meetings.js';
import type { Engine } from './engine.js';
import { shortfall } from './needs.js';

/**
 * Per patient, how many of their published sessions they hold, kept up to date as changes are
 * kept; and which patients the search serves.
 *
 * @example
 * ```ts
 * const guard = new ServingGuard(engine, affected);
 * if (guard.accepts(changed)) guard.note(changed);
 * ```
 */
export class ServingGuard {
  private readonly held: Int32Array;
  /** Per patient, how many meetings they attend. */
  private readonly count: Int32Array;
  /** Per served patient, their shortfall as last noted. */
  private readonly short: Float64Array;
  private readonly served: Uint8Array;
  private readonly engine: Engine;

  constructor(engine: Engine, serving: readonly number[]) {
    this.engine = engine;
    const n = engine.problem.patients.length;
    this.held = new Int32Array(n);
    this.count = new Int32Array(n);
    this.served = new Uint8Array(n);
    this.short = new Float64Array(n);
    for (const p of serving) this.served[p] = 1;
    for (let p = 0; p < n; p++) this.note1(p);
  }

  /** Whether the search serves patient `p` (one the changes affected). */
  serves(p: number): boolean {
    return this.served[p] === 1;
  }

  /** How many of `p`'s published sessions the current timetable holds for them. */
  private heldNow(p: number): number {
    const published = this.engine.state.previous?.patientSessions[p];
    if (!published || published.size === 0) return 0;
    const state = this.engine.state;
    const seen = new Set<string>();
    for (const index of state.patientMeetings[p]!) {
      const key = sessionKey(state.meetings[index]!);
      if (published.has(key)) seen.add(key);
    }
    return seen.size;
  }

  /**
   * Whether the change that touched `changed` (each patient once) lowered the served patients'
   * shortfall and left every other patient it touched the sessions they held.
   */
  accepts(changed: readonly number[]): boolean {
    let gain = 0;
    for (const p of changed) {
      if (this.served[p] === 1) gain += this.short[p]! - shortfall(this.engine, p);
      else if (this.heldNow(p) !== this.held[p] || this.engine.state.patientMeetings[p]!.length !== this.count[p]) return false;
    }
    return gain > 1e-9;
  }

  /** Records the current timetable for `changed` (after a change is kept). */
  note(changed: readonly number[]): void {
    for (const p of changed) this.note1(p);
  }

  private note1(p: number): void {
    this.held[p] = this.heldNow(p);
    this.count[p] = this.engine.state.patientMeetings[p]!.length;
    if (this.served[p] === 1) this.short[p] = shortfall(this.engine, p);
  }
}
