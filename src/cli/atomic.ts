/**
 * Writes that never leave a half-written result: each file is written under a temporary name
 * beside its target and renamed over it only once complete (a rename within one folder is
 * atomic), and a set of files is renamed into place only once every one of them is written.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** How a file is written; tests pass one that fails on purpose. */
export type WriteFile = (path: string, text: string) => void;

const writeUtf8: WriteFile = (path, text) => writeFileSync(path, text, { flag: 'wx' });

/** A hidden, short temporary name: never longer than the file system allows, whatever the target's name. */
function temporaryName(): string {
  return `.iop-scheduler-${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Writes `text` to `path` atomically: readers see the old file or the new one, never a part.
 * A target that exists and is not a regular file (`/dev/stdout`, a pipe) is written directly.
 * A symbolic link is followed, so the file it points to is replaced, not the link.
 *
 * @example
 * ```ts
 * writeFileAtomic('week.json', `${JSON.stringify(schedule, null, 2)}\n`);
 * ```
 */
export function writeFileAtomic(path: string, text: string, write: WriteFile = writeUtf8): void {
  const target = existsSync(path) ? realpathSync(path) : path;
  if (existsSync(target) && !statSync(target).isFile()) {
    writeFileSync(target, text);
    return;
  }
  const temporary = join(dirname(target), temporaryName());
  try {
    write(temporary, text);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Creates `dir` (and parents) and writes `files` into it as one set: all are written under
 * temporary names first, then each is renamed to its name. When a write fails, the temporary
 * files (and the folders this call created) are removed and the folder is as it was.
 *
 * @example
 * ```ts
 * writeFilesAtomic('calendars', [{ name: 'week.ics', text: ics }]);
 * ```
 */
export function writeFilesAtomic(dir: string, files: ReadonlyArray<{ name: string; text: string }>, write: WriteFile = writeUtf8): void {
  for (const file of files) {
    if (file.name !== basename(file.name) || file.name === '.' || file.name === '..') throw new RangeError(`'${file.name}' is not a plain file name.`);
    // Checked before anything is written: a rename onto a folder would fail halfway through the set.
    const target = join(dir, file.name);
    if (existsSync(target) && !statSync(target).isFile()) throw new Error(`${target} exists and is not a file.`);
  }
  const created = mkdirSync(dir, { recursive: true });
  const pending: Array<{ temporary: string; target: string }> = [];
  try {
    for (const file of files) {
      const temporary = join(dir, temporaryName());
      pending.push({ temporary, target: join(dir, file.name) });
      write(temporary, file.text);
    }
  } catch (error) {
    for (const { temporary } of pending) rmSync(temporary, { force: true });
    if (created !== undefined) rmSync(created, { recursive: true, force: true });
    throw error;
  }
  let renamed = 0;
  try {
    for (const { temporary, target } of pending) {
      renameSync(temporary, target);
      renamed += 1;
    }
  } catch (error) {
    for (const { temporary } of pending.slice(renamed)) rmSync(temporary, { force: true });
    throw error;
  }
}
