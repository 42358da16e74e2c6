import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { grassrootsKinds } from './kinds.ts';

/**
 * What the public website says about the organisation (its header, footer and "about" page):
 * the root of the tree as it stands on `day` — name, address and contacts, founding day — and
 * how many Party organisations it holds, by kind. Nothing about people.
 */
export type PublicProfile = {
  name: string;
  shortName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  foundedOn: string;
  grassroots: number;
  units: number;
};

export async function publicProfile(platform: { db: Kysely<Database> }, day: string): Promise<PublicProfile | null> {
  const root = await platform.db
    .selectFrom('units')
    .select(['id', 'name', 'short_name', 'address', 'phone', 'email', 'website', 'valid_from'])
    .where('parent_id', 'is', null)
    .where('valid_from', '<=', day)
    .where((w) => w.or([w('valid_to', 'is', null), w('valid_to', '>', day)]))
    .orderBy('position')
    .orderBy('sort_key')
    .executeTakeFirst();
  if (!root) return null;
  const counts = await platform.db
    .selectFrom('units as u')
    .innerJoin('unit_closure as c', 'c.descendant_id', 'u.id')
    .select((eb) => [
      eb.fn.countAll<number>().as('units'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when('u.kind', 'in', [...grassrootsKinds])
            .then(1)
            .else(0)
            .end(),
        )
        .as('grassroots'),
    ])
    .where('c.ancestor_id', '=', root.id)
    .where('u.id', '!=', root.id)
    .where('u.valid_from', '<=', day)
    .where((w) => w.or([w('u.valid_to', 'is', null), w('u.valid_to', '>', day)]))
    .executeTakeFirstOrThrow();
  return {
    name: root.name,
    shortName: root.short_name,
    address: root.address,
    phone: root.phone,
    email: root.email,
    website: root.website,
    foundedOn: root.valid_from,
    grassroots: Number(counts.grassroots ?? 0),
    units: Number(counts.units),
  };
}
