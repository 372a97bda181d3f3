/**
 * The re-planned week as the shortfall causes read it: the engine after re-planning, the instant
 * before which nothing could change, who was affected, and which meetings were frozen.
 */
import type { Engine } from '../engine/index.js';

/**
 * What re-planning leaves for its causes to read.
 *
 * @example
 * ```ts
 * const view: ReplanView = { engine, firstOpenMinute: opensAt, affected, frozen };
 * if (changeable(view, index)) console.log('could have changed');
 * ```
 */
export interface ReplanView {
  engine: Engine;
  /** Per day index, the first wall-clock minute at which something may be placed or changed (1441: none). */
  firstOpenMinute: readonly number[];
  /** Patients re-planning served (admitted, displaced, owed a make-up). */
  affected: ReadonlyMap<number, unknown>;
  /** Ids of meetings that could not change (pinned, or already started). */
  frozen: ReadonlySet<string>;
}

/**
 * Whether a meeting may start on `day` at `start` (not before the cutoff).
 *
 * @example
 * ```ts
 * if (!isOpen(view, m.day, m.start)) past.push(m);
 * ```
 */
export function isOpen(view: ReplanView, day: number, start: number): boolean {
  return day >= 0 && day < 7 && start >= view.firstOpenMinute[day]!;
}

/**
 * Whether the meeting at `index` could be changed by re-planning.
 *
 * @example
 * ```ts
 * const movable = state.liveMeetings().filter((i) => changeable(view, i));
 * ```
 */
export function changeable(view: ReplanView, index: number): boolean {
  const m = view.engine.state.meetings[index];
  return !!m && !m.pinned && !view.frozen.has(m.id) && isOpen(view, m.day, m.start);
}
