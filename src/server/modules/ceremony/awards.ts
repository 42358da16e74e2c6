import {
  type AwardHonouree,
  awardBatches,
  DEFAULT_CATEGORY_ORDER,
  type Presenter,
} from '../../../common/ceremony/awards.ts';
import type { Platform } from '../../platform/platform.ts';
import { honourees } from '../honours/index.ts';
import type { CeremoniesTable, CeremonyGuestsTable } from './tables.ts';
import type { BatchOut } from './schema.ts';

/**
 * The award presentations from the honours results: the decided honourees of the ceremony's
 * campaign cut into batches (common/ceremony/awards.ts), the presenters from the guests who may
 * present and have said they come (or send a deputy, who presents in their place). While the
 * programme is not frozen the batches follow the results and the replies at every reading; once
 * frozen they are what was frozen, and what the results say now is shown as a difference to
 * accept.
 */
type Reader = Pick<Platform, 'db'>;

/** A campaign confirmed by one decision honours in one form; the ceremony presents it as "tôn vinh". */
const HONOURS_FORM = 'Tôn vinh';

export function presentersOf(guests: readonly CeremonyGuestsTable[]): Presenter[] {
  return guests
    .filter((g) => g.may_present === 1 && (g.reply === 'attending' || (g.reply === 'deputy' && g.deputy_name)))
    .map((g) => ({
      id: g.id,
      name: g.reply === 'deputy' ? g.deputy_name! : g.name,
      title: g.reply === 'deputy' ? (g.deputy_title ?? g.title) : g.title,
      level: g.level as Presenter['level'],
      branch: g.branch as Presenter['branch'],
      rank: g.rank,
    }));
}

export async function currentAwards(
  platform: Reader,
  ceremony: CeremoniesTable,
  guests: readonly CeremonyGuestsTable[],
) {
  if (!ceremony.honours_campaign_id) return { campaign: null, decision: null, batches: [] as BatchOut[] };
  const results = await honourees(platform, ceremony.honours_campaign_id);
  const list: AwardHonouree[] = results.categories.flatMap((c) =>
    c.honourees.map((h) => ({
      id: h.nominationId,
      name: h.name,
      unit: h.unit.name,
      formRank: 1,
      form: HONOURS_FORM,
      categoryKind: c.kind,
      category: c.name,
      citation: h.citation,
    })),
  );
  const order = JSON.parse(ceremony.category_order_json) as string[];
  const batches = awardBatches(list, presentersOf(guests), {
    stageSize: ceremony.stage_size,
    categoryOrder: order.length ? order : DEFAULT_CATEGORY_ORDER,
  }).map(
    (b): BatchOut => ({
      ...b,
      honourees: b.honourees.map((h) => ({ ...h })),
      presenter: b.presenter ? { id: b.presenter.id, name: b.presenter.name, title: b.presenter.title } : null,
    }),
  );
  return {
    campaign: {
      id: results.campaign.id,
      code: results.campaign.code,
      name: results.campaign.name,
      decided: results.campaign.status === 'decided',
    },
    decision: results.decision,
    batches,
  };
}

/** What changed between the frozen batches and those the results give now (null when nothing did). */
export function differenceOf(frozen: readonly BatchOut[], current: readonly BatchOut[]) {
  const place = (batches: readonly BatchOut[]) => {
    const m = new Map<string, { batch: number; presenter: string | null; h: BatchOut['honourees'][number] }>();
    for (const b of batches)
      for (const h of b.honourees) m.set(h.id, { batch: b.number, presenter: b.presenter?.id ?? null, h });
    return m;
  };
  const was = place(frozen);
  const now = place(current);
  const added = [...now.values()].filter((x) => !was.has(x.h.id)).map((x) => x.h);
  const removed = [...was.values()].filter((x) => !now.has(x.h.id)).map((x) => x.h);
  let moved = 0;
  for (const [id, x] of now) {
    const before = was.get(id);
    if (before && (before.batch !== x.batch || before.presenter !== x.presenter)) moved++;
  }
  return added.length || removed.length || moved ? { added, removed, moved } : null;
}

/** Minutes to plan for the presentations: the decision read (2) and about 3 a batch. */
export const awardMinutes = (batches: readonly BatchOut[]) => (batches.length ? 2 + 3 * batches.length : 0);
