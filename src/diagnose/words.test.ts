import { describe, expect, it } from 'vitest';
import { spansWords } from './words.js';

const span = (day: number, from: string, to: string) => {
  const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { day, start: minutes(from), end: minutes(to) };
};

describe('spansWords', () => {
  it('puts days with the same hours together, three or more in a row as a range', () => {
    expect(spansWords([0, 1, 2, 3, 4].map((d) => span(d, '09:00', '17:00')))).toBe('Mon-Fri 09:00-17:00');
    expect(spansWords([0, 2, 3].map((d) => span(d, '17:30', '20:30')))).toBe('Mon, Wed and Thu 17:30-20:30');
    expect(spansWords([span(1, '18:00', '21:00'), span(4, '09:00', '12:00'), span(2, '18:00', '21:00')])).toBe('Tue and Wed 18:00-21:00; Fri 09:00-12:00');
    expect(spansWords([0, 1, 2, 4].map((d) => span(d, '18:00', '21:00')))).toBe('Mon-Wed and Fri 18:00-21:00');
  });
});
