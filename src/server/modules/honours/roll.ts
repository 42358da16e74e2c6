import { fail } from '../../platform/http/errors.ts';
import { readStoredFile } from '../../platform/files/store.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { liveUnits } from '../organisation/index.ts';
import type { Category } from './campaigns.ts';
import { decisionOf, honourees, type Decision } from './results.ts';

/**
 * The public roll of honour (Bảng vinh danh): what anyone may read, without signing in, of a
 * campaign whose results the Standing Committee confirmed by decision (status `decided`): its
 * name, the decision, and per category the confirmed honourees in order with their unit, the
 * citation and the photo. Nothing else of the honours is public: not the dossier's documents,
 * not drafts, not the nominees who were not selected, not the Council's votes. Anything outside
 * that answers "not found", the same as a code that does not exist.
 */
type Reader = Pick<Platform, 'db'>;

export type PublicHonouree = {
  position: number;
  nominationId: string;
  name: string;
  unit: string;
  citation: string;
  photoUrl: string | null;
};
export type PublicCategory = { kind: Category['kind']; name: string; honourees: PublicHonouree[] };
export type PublicRoll = {
  code: string;
  name: string;
  bloc: string | null;
  decision: Decision;
  categories: PublicCategory[];
};
export type PublicRollSummary = { code: string; name: string; decision: Decision; count: number };

export const rollNotFound = () =>
  fail.notFound({ vi: 'Không có bảng vinh danh này.', en: 'There is no such roll of honour.' });
const photoNotFound = () => fail.notFound({ vi: 'Không có ảnh này.', en: 'There is no such photo.' });

export const photoPath = (code: string, nominationId: string) =>
  `/api/public/honours/${encodeURIComponent(code)}/photos/${nominationId}`;

/** A decided campaign by its code, else "not found". */
async function decidedCampaign(platform: Reader, code: string) {
  const row = await platform.db
    .selectFrom('honour_campaigns')
    .select(['id', 'code', 'name', 'council_unit_id'])
    .where('code', '=', code)
    .where('status', '=', 'decided')
    .executeTakeFirst();
  if (!row) throw rollNotFound();
  return row;
}

/** The current photo of each of these nominations: nomination id → file id. */
async function currentPhotos(platform: Reader, nominationIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!nominationIds.length) return out;
  const rows = await platform.db
    .selectFrom('honour_dossier_items')
    .select(['nomination_id', 'file_id'])
    .where('kind', '=', 'photo')
    .where('nomination_id', 'in', nominationIds)
    .orderBy('added_at')
    .execute();
  for (const r of rows) out.set(r.nomination_id, r.file_id); // the latest wins (there is only one)
  return out;
}

/** The Bloc whose roll it is: the Bloc the campaign's Council belongs to, else the registry's first Bloc. */
async function blocName(platform: Platform, councilUnitId: string | null, day: string): Promise<string | null> {
  const blocs = await liveUnits(platform, day, { kinds: ['bloc'], limit: 20 });
  if (councilUnitId) {
    for (const b of blocs) if (await platform.unitScope.isWithin(councilUnitId, b.id)) return b.name;
  }
  return blocs[0]?.name ?? null;
}

/** The decided campaigns, latest decision first (at most 100). */
export async function publicRolls(platform: Platform): Promise<PublicRollSummary[]> {
  const campaigns = await platform.db
    .selectFrom('honour_campaigns')
    .select(['id', 'code', 'name'])
    .where('status', '=', 'decided')
    .orderBy('updated_at', 'desc')
    .limit(100)
    .execute();
  if (!campaigns.length) return [];
  const counts = await platform.db
    .selectFrom('honour_nominations as n')
    .select(['n.campaign_id', (eb) => eb.fn.count<number>('n.id').distinct().as('n')])
    .where(
      'n.campaign_id',
      'in',
      campaigns.map((c) => c.id),
    )
    .where('n.id', 'in', (eb) =>
      eb.selectFrom('honour_nomination_events').select('nomination_id').where('action', '=', 'confirmed'),
    )
    .groupBy('n.campaign_id')
    .execute();
  const out: PublicRollSummary[] = [];
  for (const c of campaigns) {
    const decision = await decisionOf(platform, c.id);
    if (!decision) continue;
    out.push({
      code: c.code,
      name: c.name,
      decision,
      count: Number(counts.find((x) => x.campaign_id === c.id)?.n ?? 0),
    });
  }
  return out.sort((a, b) => b.decision.date.localeCompare(a.decision.date) || a.code.localeCompare(b.code));
}

/** One decided campaign's roll: the confirmed honourees per category, in order, each with its photo's address. */
export async function publicRoll(platform: Platform, code: string): Promise<PublicRoll> {
  const campaign = await decidedCampaign(platform, code);
  const roll = await honourees(platform, campaign.id);
  if (!roll.decision) throw rollNotFound();
  const photos = await currentPhotos(
    platform,
    roll.categories.flatMap((c) => c.honourees.map((h) => h.nominationId)),
  );
  return {
    code: campaign.code,
    name: campaign.name,
    bloc: await blocName(platform, campaign.council_unit_id, roll.decision.date),
    decision: roll.decision,
    categories: roll.categories.map((c) => ({
      kind: c.kind,
      name: c.name,
      honourees: c.honourees.map((h) => {
        const photo = photos.get(h.nominationId);
        return {
          position: h.position,
          nominationId: h.nominationId,
          name: h.name,
          unit: h.unit.name,
          citation: h.citation,
          photoUrl: photo ? `${photoPath(campaign.code, h.nominationId)}?v=${photo}` : null,
        };
      }),
    })),
  };
}

/** The photo of a confirmed honouree of a decided campaign, with its bytes; "not found" for anything else. */
export async function publicPhoto(platform: Platform, code: string, nominationId: string) {
  const campaign = await decidedCampaign(platform, code);
  const roll = await honourees(platform, campaign.id);
  if (!roll.decision || !roll.categories.some((c) => c.honourees.some((h) => h.nominationId === nominationId)))
    throw photoNotFound();
  const fileId = (await currentPhotos(platform, [nominationId])).get(nominationId);
  if (!fileId) throw photoNotFound();
  // Past the gate above, the file store reads it as the system would; only images are ever photos.
  const file = await readStoredFile(platform, systemCaller('public roll of honour'), fileId);
  if (!file.mediaType.startsWith('image/')) throw photoNotFound();
  return file;
}
