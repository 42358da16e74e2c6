import { publishHonours } from './live.ts';
import { standingCommitteeSecretary } from './signer.ts';
import { shortDmy } from '../../../common/dates.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { issueNumber } from '../office/index.ts';
import { unitRefs } from '../organisation/index.ts';
import { campaignNotFound, mayJudge, requireManage, type Caller } from './access.ts';
import { categoriesOf, findCampaign, type Category } from './campaigns.ts';
import { logEvent } from './nominations.ts';
import type { RoundOutcome } from './tally.ts';
import type { CampaignStatus } from './schema.ts';

/**
 * The results of a campaign. The Council's rounds mark nominations 'selected'; the Standing
 * Committee then confirms the list by a decision (number and date): the campaign becomes
 * 'decided' and keeps the decision's number and date as its own fields (its number from the
 * office's register unless typed in), each confirmed honouree's history gets a 'confirmed' event
 * naming it ("Quyết định số 125-QĐ/ĐUK, ngày 05/8/2019"), and the Council's sessions close, so the
 * list is fixed.
 *
 * Order: as the rounds chose them (sessions by day, rounds by number, each round's selected by
 * approvals or points, as `tally.ts` sorted them); anything else after, by name.
 */
type Reader = Pick<Platform, 'db'>;
export type Decision = { number: string; date: string };
export type Honouree = {
  position: number;
  nominationId: string;
  kind: Category['kind'];
  name: string;
  unit: { id: string; name: string };
  nomineeUnitId: string | null;
  citation: string;
  summary: string;
};

const decisionNote = (d: Decision) => `Quyết định số ${d.number}, ngày ${shortDmy(d.date)}`;
/** The decision that confirmed the campaign's results, or null while it is not decided. */
export async function decisionOf(platform: Reader, campaignId: string): Promise<Decision | null> {
  const row = await platform.db
    .selectFrom('honour_campaigns')
    .select(['decision_number', 'decision_date'])
    .where('id', '=', campaignId)
    .executeTakeFirst();
  return row?.decision_number && row.decision_date ? { number: row.decision_number, date: row.decision_date } : null;
}

/** "Đảng bộ … hoàn thành xuất sắc …": the summary's first sentences, up to about 300 characters. */
export function citationOf(summary: string): string {
  const text = summary.replace(/\s+/g, ' ').trim();
  if (text.length <= 300) return text;
  const sentences = text.match(/[^.!?]+[.!?]+/g) ?? [text];
  let out = '';
  for (const s of sentences) {
    if ((out + s).length > 300) break;
    out += s;
  }
  return (out || `${text.slice(0, 297)}…`).trim();
}

/** Nomination ids in the order the rounds selected them. */
async function selectionOrder(platform: Reader, campaignId: string): Promise<string[]> {
  const rounds = await platform.db
    .selectFrom('honour_rounds as r')
    .innerJoin('honour_sessions as s', 's.id', 'r.session_id')
    .select(['r.result_json'])
    .where('s.campaign_id', '=', campaignId)
    .where('r.status', '=', 'closed')
    .orderBy('s.held_on')
    .orderBy('s.created_at')
    .orderBy('r.number')
    .execute();
  const order: string[] = [];
  for (const r of rounds) {
    const outcome = r.result_json ? (JSON.parse(r.result_json) as { outcome: RoundOutcome }).outcome : null;
    for (const id of outcome?.selected ?? []) if (!order.includes(id)) order.push(id);
  }
  return order;
}

// Numbers in names as a reader counts them ("số 2" before "số 10"); accents still tell names apart.
const collator = new Intl.Collator('vi', { numeric: true });

/** The honourees per category: the confirmed ones once decided, else those the Council selected so far. */
async function listed(platform: Reader, campaignId: string, decided: boolean) {
  const categories = await categoriesOf(platform, campaignId);
  let query = platform.db.selectFrom('honour_nominations as n').selectAll('n').where('n.campaign_id', '=', campaignId);
  if (decided) {
    query = query.where('n.id', 'in', (eb) =>
      eb.selectFrom('honour_nomination_events').select('nomination_id').where('action', '=', 'confirmed'),
    );
  } else query = query.where('n.status', '=', 'selected');
  const rows = await query.execute();
  const order = await selectionOrder(platform, campaignId);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : Number.MAX_SAFE_INTEGER);
  rows.sort((a, b) => rank(a.id) - rank(b.id) || collator.compare(a.nominee_name, b.nominee_name));
  const units = await unitRefs(platform as Platform, [...new Set(rows.map((r) => r.unit_id))]);
  return categories.map((category) => ({
    category,
    honourees: rows
      .filter((r) => r.category_id === category.id)
      .map(
        (r, i): Honouree => ({
          position: i + 1,
          nominationId: r.id,
          kind: category.kind,
          name: r.nominee_name,
          unit: { id: r.unit_id, name: units.get(r.unit_id)?.name ?? '' },
          nomineeUnitId: r.nominee_unit_id,
          citation: citationOf(r.summary),
          summary: r.summary,
        }),
      ),
  }));
}

/**
 * For the ceremony (and the documents): the confirmed honourees per category, in order, with the
 * decision; empty lists while the campaign is not decided.
 */
export async function honourees(platform: Reader, campaignId: string) {
  const campaign = await findCampaign(platform, campaignId);
  const decision = campaign.status === 'decided' ? await decisionOf(platform, campaignId) : null;
  const lists = await listed(platform, campaignId, campaign.status === 'decided');
  return {
    campaign: {
      id: campaign.id,
      code: campaign.code,
      name: campaign.name,
      status: campaign.status as CampaignStatus,
      councilUnitId: campaign.council_unit_id,
    },
    decision,
    categories: lists.map((l) => ({
      id: l.category.id,
      kind: l.category.kind,
      name: l.category.name,
      quota: l.category.quota,
      honourees: decision ? l.honourees : [],
    })),
  };
}

/** The results: per category the list against the quota and the shortfall. Before the decision only those who judge see it. */
export async function campaignResults(platform: Platform, caller: Caller, campaignId: string) {
  const campaign = await findCampaign(platform, campaignId);
  const decided = campaign.status === 'decided';
  if (!decided && !mayJudge(caller)) throw campaignNotFound();
  const decision = decided ? await decisionOf(platform, campaignId) : null;
  const lists = await listed(platform, campaignId, decided);
  const categories = lists.map((l) => ({
    id: l.category.id,
    kind: l.category.kind,
    name: l.category.name,
    quota: l.category.quota,
    count: l.honourees.length,
    shortfall: Math.max(0, l.category.quota - l.honourees.length),
    honourees: l.honourees.map((h) => ({
      position: h.position,
      nominationId: h.nominationId,
      name: h.name,
      unit: h.unit,
      citation: h.citation,
    })),
  }));
  const quota = categories.reduce((s, c) => s + c.quota, 0);
  const count = categories.reduce((s, c) => s + c.count, 0);
  return {
    campaignId,
    status: campaign.status as CampaignStatus,
    decided,
    decision,
    categories,
    totals: { quota, count, shortfall: categories.reduce((s, c) => s + c.shortfall, 0) },
  };
}

/** The Standing Committee confirms the Council's selection: the list is fixed by the decision. */
export async function confirmResults(
  platform: Platform,
  caller: Caller,
  campaignId: string,
  input: { number?: string; date: string },
) {
  requireManage(caller);
  const campaign = await findCampaign(platform, campaignId);
  if (campaign.status === 'decided')
    throw fail.conflict('CAMPAIGN_DECIDED', {
      vi: 'Kết quả đợt tôn vinh đã được xác nhận.',
      en: "The campaign's results are already confirmed.",
    });
  const open = await platform.db
    .selectFrom('honour_rounds as r')
    .innerJoin('honour_sessions as s', 's.id', 'r.session_id')
    .select('r.id')
    .where('s.campaign_id', '=', campaignId)
    .where('r.status', 'in', ['open', 'counting'])
    .executeTakeFirst();
  if (open)
    throw fail.conflict('ROUND_OPEN', {
      vi: 'Hội đồng còn một vòng bỏ phiếu chưa kết thúc.',
      en: 'A Council round is still open.',
    });
  const lists = await listed(platform, campaignId, false);
  const chosen = lists.flatMap((l) => l.honourees);
  if (!chosen.length)
    throw fail.conflict('NOTHING_SELECTED', {
      vi: 'Hội đồng chưa bình chọn được hồ sơ nào.',
      en: 'The Council has selected no one yet.',
    });
  const now = platform.clock();
  const signer = await standingCommitteeSecretary(platform, input.date);
  await platform.db.transaction().execute(async (tx) => {
    // without a number typed in, the decision takes the next QĐ number of the term from the office's register
    const number =
      input.number ??
      (
        await issueNumber(
          tx,
          caller.actor,
          {
            type: 'QĐ',
            date: input.date,
            summary: `Về việc tôn vinh ${campaign.name.replace(/^tôn vinh\s+/iu, '')}`,
            signer: { name: signer, position: 'BÍ THƯ' },
            source: { type: 'honours.campaign', id: campaignId },
          },
          now,
        )
      ).symbol;
    const decision: Decision = { number, date: input.date };
    const note = decisionNote(decision);
    const changed = await tx
      .updateTable('honour_campaigns')
      .set({
        status: 'decided',
        decision_number: decision.number,
        decision_date: decision.date,
        updated_at: now.toISOString(),
      })
      .where('id', '=', campaignId)
      .where('status', '<>', 'decided')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw fail.conflict('CAMPAIGN_DECIDED', {
        vi: 'Kết quả đợt tôn vinh đã được xác nhận.',
        en: "The campaign's results are already confirmed.",
      });
    await tx
      .updateTable('honour_sessions')
      .set({ status: 'closed' })
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'open')
      .execute();
    for (const h of chosen) await logEvent(tx, h.nominationId, caller.actor, 'confirmed', note, now);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_campaign.confirm',
        entityType: 'honour_campaign',
        entityId: campaignId,
        before: { status: campaign.status },
        after: {
          status: 'decided',
          decision,
          honourees: lists.map((l) => ({
            categoryId: l.category.id,
            quota: l.category.quota,
            nominationIds: l.honourees.map((h) => h.nominationId),
          })),
        },
      },
      now,
    );
  });
  publishHonours(platform, 'confirmed', { campaignId });
  return campaignResults(platform, caller, campaignId);
}
