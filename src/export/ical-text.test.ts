import { describe, expect, it } from 'vitest';
import { icsText } from './ical-text.js';

describe('icsText', () => {
  it('replaces C0 (but HTAB and line breaks), DEL, C1 and lone surrogates with U+FFFD', () => {
    expect(icsText('a\u001bb\u0007c\u007fd\u0085e\uD800f')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(icsText('tab\tline\nbreak\r\n')).toBe('tab\tline\nbreak\r\n');
    expect(icsText('Gruppe für 認知 😀')).toBe('Gruppe für 認知 😀');
  });
});
