import { describe, expect, it } from 'vitest';
import { better, LateAcceptance, noWorse } from '../../src/engine/acceptance.js';
import type { Score } from '../../src/model/report.js';

const score = (requirement: number, soft = 0): Score => ({ hard: 0, requirement, soft });

describe('late acceptance', () => {
  it('orders scores by hard, then requirement, then soft', () => {
    expect(better({ hard: 0, requirement: 500, soft: 9 }, { hard: 1, requirement: 0, soft: 0 })).toBe(true);
    expect(better(score(60, 9), score(120))).toBe(true);
    expect(better(score(60, 1), score(60, 2))).toBe(true);
    expect(noWorse(score(60, 2), score(60, 2))).toBe(true);
    expect(noWorse(score(61), score(60))).toBe(false);
  });

  it('keeps a losing step only on the credit of the score `length` iterations back, and only when escape allows it', () => {
    const acceptance = new LateAcceptance(4, score(300));
    expect(acceptance.allows(score(200), score(100), 1, () => true)).toBe(true);
    expect(acceptance.allows(score(200), score(100), 1, () => false)).toBe(false);
    expect(acceptance.allows(score(400), score(100), 1, () => true)).toBe(false);
  });

  it('ages the history every iteration recorded, so old credit runs out after `length` iterations', () => {
    // The search records every iteration, a draw whose move changed nothing included: after
    // `length` of them at 100, a step to 200 is no longer covered by the 300 of the start.
    const acceptance = new LateAcceptance(4, score(300));
    for (let iteration = 1; iteration <= 4; iteration++) acceptance.record(iteration, score(100));
    for (let iteration = 5; iteration <= 8; iteration++) expect(acceptance.allows(score(200), score(100), iteration, () => true)).toBe(false);
    acceptance.reset(score(300));
    expect(acceptance.allows(score(200), score(100), 5, () => true)).toBe(true);
  });
});
