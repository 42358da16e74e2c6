import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitRefs } from '../organisation/index.ts';
import { describeEntries } from './festivals.ts';
import { roundResults } from './judging.ts';

/**
 * What anyone may read without signing in: each festival's accepted entries, and the results of
 * its certified rounds only — rank, score, act and prizes, never a judge's marks. The same answer
 * feeds `/api/public/festivals` and the server-rendered pages under `/hoi-dien`.
 */
export const PUBLIC_PATH = '/hoi-dien';

type Db = Kysely<Database>;
type FestivalRow = Awaited<ReturnType<typeof festivalRows>>[number];
const festivalRows = (db: Db, code?: string) => {
  let q = db.selectFrom('festivals').selectAll();
  if (code !== undefined) q = q.where('code', '=', code);
  return q.orderBy('created_at', 'desc').limit(50).execute();
};

/** The night that counts for a festival: the Bloc's exchange night, else its last round. */
async function headline(db: Db, festivalId: string) {
  const rounds = await db
    .selectFrom('festival_rounds')
    .select(['kind', 'held_on', 'venue', 'status'])
    .where('festival_id', '=', festivalId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  const main = rounds.findLast((r) => r.kind === 'exchange') ?? rounds.at(-1) ?? null;
  return {
    date: main?.held_on ?? null,
    venue: main?.venue ?? null,
    // Certified: the exchange night (or, without one, every round) has its result certified.
    certified:
      rounds.length > 0 &&
      (rounds.some((r) => r.kind === 'exchange')
        ? rounds.filter((r) => r.kind === 'exchange').every((r) => r.status === 'certified')
        : rounds.every((r) => r.status === 'certified')),
  };
}

export type PublicFestivalSummary = {
  code: string;
  name: string;
  /** The exchange night's day (yyyy-mm-dd), else the last round's; null before any round is set up. */
  date: string | null;
  venue: string | null;
  certified: boolean;
  /** The public page, from the site's root. */
  link: string;
};

/** The festivals for the public website's events page, latest first. */
export async function publicFestivals(db: Db): Promise<PublicFestivalSummary[]> {
  const out: PublicFestivalSummary[] = [];
  for (const f of await festivalRows(db)) {
    const h = await headline(db, f.id);
    out.push({
      code: f.code,
      name: f.name,
      ...h,
      link: `${PUBLIC_PATH}/${encodeURIComponent(f.code)}`,
    });
  }
  return out;
}

async function publicView(platform: Platform, f: FestivalRow) {
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
    composer: e.composer,
    unitName: e.unit.name,
    performers: e.performers.map((p) => p.name),
    performance: e.performance,
  }));
  const rounds = await platform.db
    .selectFrom('festival_rounds')
    .select(['id', 'name', 'kind', 'held_on', 'venue', 'status'])
    .where('festival_id', '=', f.id)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  const out = [];
  for (const r of rounds) {
    const certified = r.status === 'certified';
    const results = certified
      ? (await roundResults(platform, null, r.id)).ranking.map((x) => ({
          rank: x.rank,
          score: x.score,
          song: x.song,
          unitName: x.unitName,
          performers: x.performers,
          prizes: x.prizes,
        }))
      : [];
    out.push({
      name: r.name,
      kind: r.kind as 'heat' | 'exchange',
      heldOn: r.held_on,
      venue: r.venue,
      certified,
      results,
    });
  }
  const organiser = f.organiser_unit_id
    ? ((await unitRefs(platform, [f.organiser_unit_id])).get(f.organiser_unit_id)?.name ?? null)
    : null;
  return { code: f.code, name: f.name, organiser, ...(await headline(platform.db, f.id)), entries, rounds: out };
}
export type PublicFestival = Awaited<ReturnType<typeof publicView>>;

/** Every festival as the public sees it (`/api/public/festivals`). */
export async function publicFestivalDetails(platform: Platform) {
  const items = [];
  for (const f of await festivalRows(platform.db)) {
    const { rounds, ...rest } = await publicView(platform, f);
    // The API's answer lists only certified rounds, with their results.
    items.push({ ...rest, rounds: rounds.filter((r) => r.certified).map(({ certified: _, kind: __, ...r }) => r) });
  }
  return { items };
}

/** One festival by its code, or null. */
export async function publicFestival(platform: Platform, code: string): Promise<PublicFestival | null> {
  const [f] = await festivalRows(platform.db, code);
  return f ? publicView(platform, f) : null;
}
