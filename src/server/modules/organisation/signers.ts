import type { Kysely } from 'kysely';
import { fold } from '../../../common/text.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { UnitKind } from './kinds.ts';
import { liveUnits } from './lookups.ts';
import { positionsIn } from './units.ts';

/**
 * Who signs for a body on a day, from the registry: in the first live unit of that kind (or in the
 * unit named by its id, such as the unit that organises an event), the first by rank holding a
 * position whose title begins with `title`, compared without diacritics or case (so "Bí thư" is
 * the Secretary, never "Phó Bí thư"; an empty title is the unit's head, the first by rank). Empty
 * when the registry does not know, so that a document leaves the line to be written by hand
 * rather than print a wrong name.
 */
export async function signerOf(
  platform: { db: Kysely<Database> },
  body: UnitKind | { unitId: string | null },
  title: string,
  day: string,
): Promise<string> {
  const unitId =
    typeof body === 'string' ? (await liveUnits(platform, day, { kinds: [body], limit: 1 }))[0]?.id : body.unitId;
  if (!unitId) return '';
  const wanted = fold(title);
  const held = (await positionsIn(platform.db, { unitId }, day, true)).find(
    (p) => (p.validFrom ?? '') <= day && fold(p.title).startsWith(wanted),
  );
  return held?.fullName ?? '';
}

/**
 * The signature of an event's organising committee (T/M BAN TỔ CHỨC, TRƯỞNG BAN): the head of the
 * unit that organises it, as the registry knows him on the event's day; a blank name when no unit
 * is named or no one holds its first post. The festival's prize decision and the ceremony's papers
 * sign with it.
 */
export async function organisersSignature(platform: { db: Kysely<Database> }, unitId: string | null, day: string) {
  return {
    authority: 'T/M BAN TỔ CHỨC',
    position: 'TRƯỞNG BAN',
    name: await signerOf(platform, { unitId }, '', day),
  };
}
