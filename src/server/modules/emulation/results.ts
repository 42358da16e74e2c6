import type { Platform } from '../../platform/platform.ts';
import { ranking } from './ranking.ts';
import type { DriveStatus } from './schema.ts';

/**
 * What the honours module shows beside a unit's nomination: each drive the unit took part in,
 * its rank among the participants, its total score and its reported results.
 */
export async function unitResults(platform: Platform, unitId: string) {
  const drives = await platform.db
    .selectFrom('emulation_participants as p')
    .innerJoin('emulation_drives as d', 'd.id', 'p.drive_id')
    .select(['d.id', 'd.code', 'd.name', 'd.start_on', 'd.end_on', 'd.status'])
    .where('p.unit_id', '=', unitId)
    .orderBy('d.start_on', 'desc')
    .limit(20)
    .execute();
  const out = [];
  for (const d of drives) {
    const r = await ranking(platform, d.id);
    const mine = r.items.find((l) => l.unitId === unitId);
    out.push({
      drive: {
        id: d.id,
        code: d.code,
        name: d.name,
        start: d.start_on,
        end: d.end_on,
        status: d.status as DriveStatus,
      },
      participants: r.items.length,
      rank: mine?.rank ?? null,
      total: mine?.total ?? null,
      scores:
        mine?.scores.map((s) => ({ ...s, criterion: r.criteria.find((c) => c.id === s.criterionId)?.name ?? '' })) ??
        [],
    });
  }
  return { unitId, drives: out };
}
