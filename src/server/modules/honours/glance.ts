import type { Platform } from '../../platform/platform.ts';

/**
 * Honours against the quota, for the leader's home page (ADR 30): the campaign still nominating
 * (else the latest), each category's quota and its nominations by stage — sent, eligible after
 * screening, selected by the Council.
 */
export async function honoursGlance(platform: Platform) {
  const db = platform.db;
  const campaign =
    (await db
      .selectFrom('honour_campaigns')
      .select(['id', 'name', 'status', 'nomination_due'])
      .where('status', '=', 'nominating')
      .orderBy('nomination_due', 'desc')
      .executeTakeFirst()) ??
    (await db
      .selectFrom('honour_campaigns')
      .select(['id', 'name', 'status', 'nomination_due'])
      .orderBy('nomination_due', 'desc')
      .executeTakeFirst());
  if (!campaign) return null;
  const categories = await db
    .selectFrom('honour_categories')
    .select(['id', 'name', 'quota'])
    .where('campaign_id', '=', campaign.id)
    .orderBy('position')
    .execute();
  const counts = await db
    .selectFrom('honour_nominations')
    .select(['category_id', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaign.id)
    .groupBy(['category_id', 'status'])
    .execute();
  const n = (categoryId: string, statuses: string[]) =>
    counts
      .filter((c) => c.category_id === categoryId && statuses.includes(c.status))
      .reduce((s, c) => s + Number(c.n), 0);
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status as 'nominating' | 'decided',
      nominationDue: campaign.nomination_due,
    },
    categories: categories.map((c) => ({
      id: c.id,
      name: c.name,
      quota: c.quota,
      sent: n(c.id, ['submitted', 'eligible', 'ineligible', 'selected']),
      eligible: n(c.id, ['eligible', 'selected']),
      selected: n(c.id, ['selected']),
    })),
  };
}
