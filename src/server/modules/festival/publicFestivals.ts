import type { Platform } from '../../platform/platform.ts';
import { describeEntries } from './festivals.ts';
import { roundResults } from './judging.ts';

/**
 * What anyone may read without signing in (`/api/public/festivals`): each festival's accepted
 * entries, and the results of its certified rounds only — rank, score, act and prizes, never a
 * judge's marks.
 */
export async function publicFestivals(platform: Platform) {
  const festivals = await platform.db
    .selectFrom('festivals')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  const items = [];
  for (const f of festivals) {
    const rows = await platform.db
      .selectFrom('festival_entries')
      .selectAll()
      .where('festival_id', '=', f.id)
      .where('status', '=', 'accepted')
      .orderBy('entered_at')
      .orderBy('id')
      .execute();
    const entries = (await describeEntries(platform, rows)).map((e) => ({
      song: e.song,
      unitName: e.unit.name,
      performers: e.performers.map((p) => p.name),
      performance: e.performance,
    }));
    const rounds = await platform.db
      .selectFrom('festival_rounds')
      .select(['id', 'name', 'held_on', 'venue'])
      .where('festival_id', '=', f.id)
      .where('status', '=', 'certified')
      .orderBy('held_on')
      .execute();
    const out = [];
    for (const r of rounds) {
      const results = await roundResults(platform, null, r.id);
      out.push({
        name: r.name,
        heldOn: r.held_on,
        venue: r.venue,
        results: results.ranking.map((x) => ({
          rank: x.rank,
          score: x.score,
          song: x.song,
          unitName: x.unitName,
          performers: x.performers,
          prizes: x.prizes,
        })),
      });
    }
    items.push({ code: f.code, name: f.name, entries, rounds: out });
  }
  return { items };
}
