import { describe, expect, it } from 'vitest';
import { terminalIo, terminalSafe } from './terminal.js';

describe('terminalSafe', () => {
  it('shows C0, DEL, C1, bidi controls, separators and lone surrogates as visible escapes', () => {
    expect(terminalSafe('a\u001b[2Jb\u0007c\u007fd\u009be\u202Ef\u2066g\u2028h\uD800i')).toBe('a\\u001b[2Jb\\u0007c\\u007fd\\u009be\\u202ef\\u2066g\\u2028h\\ud800i');
    expect(terminalSafe('line\nbreak\ttab\r')).toBe('line\\u000abreak\\u0009tab\\u000d');
    expect(terminalSafe('line\nbreak\ttab\r', true)).toBe('line\nbreak\ttab\\u000d');
  });
  it('keeps printable text, emoji included, and accepts any value', () => {
    expect(terminalSafe('Gruppe für 認知 😀 — ok')).toBe('Gruppe für 認知 😀 — ok');
    expect(terminalSafe(42)).toBe('42');
  });
  it('keeps JSON valid', () => {
    const json = JSON.stringify({ id: 'a\u009b\u202e\u2028' });
    expect(JSON.parse(terminalSafe(json, true))).toEqual({ id: 'a\u009b\u202e\u2028' });
  });
});

describe('terminalIo', () => {
  it('escapes what commands print, and lets the progress bar draw', () => {
    const written: string[] = [];
    const io = terminalIo({ stdout: (t) => written.push(`out:${t}`), stderr: (t) => written.push(`err:${t}`), stderrIsTTY: true });
    io.stdout('m\u001b[31m\n');
    io.stderr('\r\u001b[2K');
    io.drawProgress?.('\r\u001b[2K');
    expect(written).toEqual(['out:m\\u001b[31m\n', 'err:\\u000d\\u001b[2K', 'err:\r\u001b[2K']);
    expect(io.stderrIsTTY).toBe(true);
  });
});
