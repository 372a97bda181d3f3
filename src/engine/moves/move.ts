/**
 * The one shape of a local-search move.
 */
import type { Engine } from '../kernel/engine.js';

/**
 * A local-search move: changes the state through the engine's checked primitives and returns
 * whether it produced a change that keeps every hard rule; the search then scores it and keeps
 * or undoes it. A move that fails half-way is undone by the search.
 *
 * @example
 * ```ts
 * const noop: Move = () => false; // nothing to change: the search draws again
 * ```
 */
export type Move = (engine: Engine) => boolean;
