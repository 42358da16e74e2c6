import { fold } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { campaignNotFound, requireManage, type Caller } from './access.ts';
import type { CampaignInput, CampaignStatus } from './schema.ts';

/** An honours campaign (the seed: 15 collectives, 15 individuals, 15 products by 30/7/2019) and its categories with quotas and criteria. */
export type EligibilityCheck =
  | { kind: 'unit_years'; min: number }
  | { kind: 'party_years'; min: number }
  | { kind: 'emulation_rank'; top: number };
export type Criterion = {
  key: string;
  description: string;
  required: boolean;
  weight: number;
  evidence: string;
  check?: EligibilityCheck | null;
};
export type Category = {
  id: string;
  kind: 'collective' | 'individual' | 'product';
  name: string;
  quota: number;
  position: number;
  criteria: Criterion[];
};

export async function findCampaign(platform: Pick<Platform, 'db'>, id: string) {
  const row = await platform.db.selectFrom('honour_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw campaignNotFound();
  return row;
}

export async function categoriesOf(platform: Pick<Platform, 'db'>, campaignId: string): Promise<Category[]> {
  const rows = await platform.db
    .selectFrom('honour_categories')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Category['kind'],
    name: r.name,
    quota: r.quota,
    position: r.position,
    criteria: JSON.parse(r.criteria_json) as Criterion[],
  }));
}

export async function getCampaign(platform: Platform, id: string) {
  const c = await findCampaign(platform, id);
  const categories = await categoriesOf(platform, id);
  const counts = await platform.db
    .selectFrom('honour_nominations')
    .select(['category_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', id)
    .groupBy(['category_id', 'status'])
    .execute();
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    nominationOpens: c.nomination_opens,
    nominationDue: c.nomination_due,
    driveId: c.drive_id,
    councilUnitId: c.council_unit_id,
    status: c.status as CampaignStatus,
    isDemo: c.is_demo === 1,
    categories: categories.map((cat) => ({
      ...cat,
      counts: Object.fromEntries(counts.filter((x) => x.category_id === cat.id).map((x) => [x.status, Number(x.n)])),
    })),
  };
}

export async function listCampaigns(platform: Platform, q: { page: number; pageSize: number }) {
  const total = Number(
    (
      await platform.db
        .selectFrom('honour_campaigns')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await platform.db
    .selectFrom('honour_campaigns')
    .selectAll()
    .orderBy('nomination_due', 'desc')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    items: rows.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      nominationOpens: c.nomination_opens,
      nominationDue: c.nomination_due,
      status: c.status as CampaignStatus,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function createCampaign(
  platform: Platform,
  caller: Caller,
  input: CampaignInput,
  options: { isDemo?: boolean } = {},
) {
  requireManage(caller);
  if (input.nominationDue < input.nominationOpens)
    throw fail.validation([
      {
        in: 'body',
        path: 'nominationDue',
        code: 'end_before_start',
        messages: { vi: 'Hạn nộp hồ sơ trước ngày bắt đầu.', en: 'The deadline is before the opening.' },
      },
    ]);
  for (const [i, c] of input.categories.entries()) {
    if (new Set(c.criteria.map((x) => x.key)).size !== c.criteria.length)
      throw fail.validation([
        {
          in: 'body',
          path: `categories.${i}.criteria`,
          code: 'duplicate_key',
          messages: { vi: 'Mã tiêu chí bị trùng.', en: 'A criterion key is repeated.' },
        },
      ]);
  }
  const now = platform.clock();
  const id = newId(now.getTime());
  await platform.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('honour_campaigns').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw fail.conflict('CAMPAIGN_CODE_TAKEN', {
        vi: `Mã đợt tôn vinh "${input.code}" đã có.`,
        en: `Campaign code "${input.code}" is taken.`,
      });
    }
    const row = {
      id,
      code: input.code,
      name: input.name,
      name_folded: fold(input.name),
      nomination_opens: input.nominationOpens,
      nomination_due: input.nominationDue,
      drive_id: input.driveId,
      council_unit_id: input.councilUnitId,
      status: 'nominating',
      is_demo: options.isDemo ? 1 : 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await tx.insertInto('honour_campaigns').values(row).execute();
    await tx
      .insertInto('honour_categories')
      .values(
        input.categories.map((c, i) => ({
          id: newId(now.getTime()),
          campaign_id: id,
          kind: c.kind,
          name: c.name,
          quota: c.quota,
          position: i + 1,
          criteria_json: JSON.stringify(c.criteria),
        })),
      )
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_campaign.create',
        entityType: 'honour_campaign',
        entityId: id,
        after: { ...row, categories: input.categories },
      },
      now,
    );
  });
  return getCampaign(platform, id);
}

/** A campaign's id by its code (the ceremony's demo finds the seed's campaign), or null. */
export async function campaignIdByCode(platform: Pick<Platform, 'db'>, code: string): Promise<string | null> {
  const row = await platform.db.selectFrom('honour_campaigns').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id ?? null;
}
