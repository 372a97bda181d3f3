/**
 * File names for the calendars `--ics DIR` writes, one per patient, staff member and room, from
 * ids that may be any string of up to 200 characters (`LIMITS.idLength`): dots, slashes, emoji,
 * `CON`. A name must be portable (POSIX portable characters only), short (every file system
 * takes 255 bytes; these stay under 80), never special ('.', '..', hidden, a Windows device
 * name) and distinct from every other id's name, also on case-insensitive file systems.
 */
import { createHash } from 'node:crypto';

/** Ids kept as they are: lower-case letters, digits, '-' and inner '.', at most 64 characters. */
const SAFE_ID = /^[a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?$/;
const READABLE_LENGTH = 40;
const HASH_HEX = 16;

/**
 * The file name of `kind`'s calendar for `id`: `patient-p-07.ics` when the id is safe as it is,
 * else a readable part and a stable hash of the whole id, `patient-dana-lee_1f0c...9a.ics`. Only
 * hashed names hold '_', which safe ids never do, so the two kinds of names never meet; the
 * hash tells apart ids that read alike ('P1' and 'p1', '😀' and '😃').
 *
 * @example
 * ```ts
 * calendarFileName('patient', 'p-07'); // 'patient-p-07.ics'
 * calendarFileName('room', '../etc/passwd'); // 'room-etc-passwd_<16 hex digits>.ics'
 * ```
 */
export function calendarFileName(kind: 'patient' | 'staff' | 'room', id: string): string {
  if (SAFE_ID.test(id) && !id.includes('..')) return `${kind}-${id}.ics`;
  const readable = id
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, READABLE_LENGTH)
    .replace(/^-+|-+$/g, '');
  const hash = createHash('sha256').update(id, 'utf8').digest('hex').slice(0, HASH_HEX);
  return `${kind}-${readable}_${hash}.ics`;
}
