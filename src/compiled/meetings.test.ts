import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { meetingWith, type PlacedMeeting } from './meetings.js';

const group: PlacedMeeting = { id: 'g1', service: 2, track: 0, day: 1, start: 600, end: 660, room: 3, telehealth: false, staff: [4], patients: [5, 6], pinned: true };

describe('meetingWith', () => {
  it('copies every field, changes only those given, and leaves the original alone', () => {
    const copy = meetingWith(group, { patients: [5, 6, 7], room: -1, telehealth: true, pinned: false, id: '' });
    expect(copy).toEqual({ ...group, patients: [5, 6, 7], room: -1, telehealth: true, pinned: false, id: '' });
    expect(copy).not.toBe(group);
    expect(group.patients).toEqual([5, 6]);
    expect(meetingWith(group, {})).toEqual(group);
  });

  it('keeps no-shows when the meeting has them, and adds no key when it has none', () => {
    expect(meetingWith({ ...group, noShows: [6] }, { staff: [] }).noShows).toEqual([6]);
    expect('noShows' in meetingWith(group, { staff: [] })).toBe(false);
  });

  it('builds its keys in one order whatever the changes (one hidden class for every meeting)', () => {
    const keys = Object.keys(group);
    for (const changes of [{}, { patients: [] }, { end: 700, start: 640, day: 2 }, { staff: [1], room: 0 }]) {
      expect(Object.keys(meetingWith({ pinned: false, patients: [], staff: [], telehealth: false, room: -1, end: 1, start: 0, day: 0, track: -1, service: 0, id: '' }, changes))).toEqual(keys);
    }
  });
});

/**
 * Construction and the kernel build every meeting through `meetingWith` (or one literal in the
 * interface's order): an object spread gives each spread site a hidden class of its own, and five
 * of them made the fast checks and rules megamorphic and deoptimised them in a cold process
 * (first complete at 1,000 patients, construction CPU about a third lower with one class).
 */
describe('meetings built by construction', () => {
  it('are never object spreads', () => {
    const root = join(import.meta.dirname, '..', 'engine');
    const files = [
      ...readdirSync(join(root, 'construct')).map((f) => join(root, 'construct', f)),
      ...readdirSync(join(root, 'kernel')).map((f) => join(root, 'kernel', f)),
      join(root, 'chains', 'relieve.ts'),
    ].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const spreads = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ where: `${file}:${i + 1}`, line }))
        .filter(({ line }) => /\{\s*\.\.\.\w/.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*')),
    );
    expect(spreads.map((s) => s.where)).toEqual([]);
  });
});

/**
 * Re-planning builds meetings through `meetingWith` too (the engine runs on them), but it also
 * spreads problems, issues and reasons, so a line's text cannot tell a meeting's spread from
 * another: the type checker reads what each spread in src/replan copies.
 */
describe('meetings built by re-planning', () => {
  it('are never object spreads of a PlacedMeeting', () => {
    const root = join(import.meta.dirname, '..', 'replan');
    const files = readdirSync(root)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => join(root, f));
    const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, skipLibCheck: true, types: [] });
    const checker = program.getTypeChecker();
    const spreads: string[] = [];
    let others = 0;
    for (const file of files) {
      const source = program.getSourceFile(file)!;
      const visit = (node: ts.Node): void => {
        if (ts.isSpreadAssignment(node)) {
          const type = checker.getNonNullableType(checker.getTypeAtLocation(node.expression));
          const copied = type.aliasSymbol?.name ?? type.getSymbol()?.name;
          // A type the checker could not resolve (any) could be a meeting: it counts as one.
          if (copied === 'PlacedMeeting' || (type.flags & ts.TypeFlags.Any) !== 0) spreads.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
          else others += 1;
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(spreads).toEqual([]);
    // Spreads of problems, issues and reasons were found and told apart from meetings.
    expect(others).toBeGreaterThan(0);
  });
});
