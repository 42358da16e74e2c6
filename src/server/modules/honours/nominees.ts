import { todayIso } from '../../../common/dates.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { partyMembersWithin, unitsWithin } from '../organisation/index.ts';
import { mayNominateFor, type Caller } from './access.ts';
import type { NomineeQuery } from './schema.ts';

/**
 * Whom a unit may nominate, for the nomination form's pickers: the same rule `createNomination`
 * applies — a collective is the unit itself or a unit below it, an individual a Party member whose
 * Party unit is there, a product's maker an enterprise there — searched by name.
 */
export async function nomineeCandidates(platform: Platform, caller: Caller, query: NomineeQuery) {
  if (!(await mayNominateFor(platform, caller, query.unitId))) throw fail.forbidden();
  const q = query.q?.trim() || undefined;
  if (query.kind === 'individual') {
    const people = await partyMembersWithin(platform, query.unitId, { q, limit: query.limit });
    return { items: people.map((p) => ({ id: p.id, name: p.fullName, detail: p.partyUnitName })) };
  }
  const units = await unitsWithin(platform, query.unitId, todayIso(platform.clock()), {
    kinds: query.kind === 'product' ? ['enterprise'] : undefined,
    q,
    limit: query.limit,
  });
  return { items: units.map((u) => ({ id: u.id, name: u.name, detail: u.shortName })) };
}
