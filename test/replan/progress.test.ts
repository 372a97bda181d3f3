import { describe, expect, it } from 'vitest';
import type { Progress } from '../../src/model/options.js';
import { replan } from '../../src/replan/replan.js';
import { scheduleOf } from '../support/tiny.js';
import { fixtureProblem, group } from './fixture.js';

describe('replan progress', () => {
  it('does not score the empty week when the re-planning phase begins (the published week is scored once, loaded)', () => {
    const week = scheduleOf([
      group('tu-skills', 'skills', 'TU', '18:00', 'room-a', 'clin-1', ['p1', 'p2']),
      group('we-skills', 'skills', 'WE', '18:00', 'room-a', 'clin-1', ['p1', 'p2']),
      group('th-process', 'process', 'TH', '18:00', 'room-a', 'clin-1', ['p1', 'p2']),
    ]);
    const reports: Progress[] = [];
    replan(fixtureProblem(), week, [], { seed: 1, maxIterations: 100, timeLimitMs: 60_000, onProgress: (p) => void reports.push(p) });
    const first = reports.find((p) => p.phase === 'replan')!;
    // Scoring the empty week would report every patient short of their whole curriculum.
    expect(first.bestScore).toEqual({ hard: 0, requirement: 0, soft: 0 });
  });
});
