import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFilesAtomic, type WriteFile } from './atomic.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'iop-atomic-'));

/** Writes like the real writer, but fails on the `n`-th file. */
function failingOn(n: number): WriteFile {
  let count = 0;
  return (path, text) => {
    count += 1;
    if (count === n) throw new Error('disk full');
    writeFileSync(path, text, { flag: 'wx' });
  };
}

describe('writeFileAtomic', () => {
  it('replaces the file whole, and leaves the old one and no temporary file when the write fails', () => {
    const dir = fresh();
    const path = join(dir, 'week.json');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(() => writeFileAtomic(path, 'newer', failingOn(1))).toThrow('disk full');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['week.json']);
  });

  it('writes a file whose name is as long as the file system allows', () => {
    const dir = fresh();
    const path = join(dir, `${'x'.repeat(250)}.json`);
    writeFileAtomic(path, '{}');
    expect(readFileSync(path, 'utf8')).toBe('{}');
  });
});

describe('writeFilesAtomic', () => {
  const files = ['week.ics', 'patient-a.ics', 'patient-b.ics'].map((name) => ({ name, text: `text of ${name}` }));

  it('writes every file of the set', () => {
    const dir = join(fresh(), 'nested', 'ics');
    writeFilesAtomic(dir, files);
    expect(readdirSync(dir).sort()).toEqual(['patient-a.ics', 'patient-b.ics', 'week.ics']);
    expect(readFileSync(join(dir, 'patient-b.ics'), 'utf8')).toBe('text of patient-b.ics');
  });

  it('leaves no folder it created and no file of the set when a write fails halfway', () => {
    const root = fresh();
    expect(() => writeFilesAtomic(join(root, 'new', 'ics'), files, failingOn(3))).toThrow('disk full');
    expect(readdirSync(root)).toEqual([]);
  });

  it('leaves an existing folder as it was when a write fails halfway', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'week.ics'), 'last week');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(() => writeFilesAtomic(dir, files, failingOn(2))).toThrow('disk full');
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'week.ics']);
    expect(readFileSync(join(dir, 'week.ics'), 'utf8')).toBe('last week');
  });

  it('refuses names that are not plain file names, and targets that are folders, before writing anything', () => {
    const dir = fresh();
    expect(() => writeFilesAtomic(dir, [{ name: '../escape.ics', text: '' }])).toThrow(RangeError);
    mkdirSync(join(dir, 'patient-b.ics'));
    expect(() => writeFilesAtomic(dir, files)).toThrow('is not a file');
    expect(readdirSync(dir)).toEqual(['patient-b.ics']);
  });
});
