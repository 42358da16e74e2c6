import { formatDmy } from '../../../common/dates.ts';
import type { ActivityStatusSource } from '../plans/index.ts';
import { decisionOf } from './results.ts';

/**
 * The plan's "select 45 outstanding collectives, individuals and products by 30/7" (II.4) takes
 * its progress from this module: the campaign whose nomination window meets the activity's
 * period (the one whose deadline is nearest the activity's); percent = selected (confirmed once
 * decided) / the total quota; done on the day of the Standing Committee's decision.
 */
export const honoursSelectionSource: ActivityStatusSource = {
  key: 'honours.selection',
  label: {
    vi: 'Bình chọn tập thể, cá nhân, sản phẩm tiêu biểu (phân hệ tôn vinh)',
    en: 'Selecting the outstanding collectives, individuals and products (honours)',
  },
  async evaluate(platform, activity, plan, today) {
    const from = activity.start ?? plan.periodStart ?? plan.issuedOn ?? '0000-01-01';
    const until = activity.due ?? today;
    const campaigns = await platform.db
      .selectFrom('honour_campaigns')
      .select(['id', 'name', 'status', 'nomination_due'])
      .where('nomination_due', '>=', from)
      .where('nomination_opens', '<=', until)
      .execute();
    if (!campaigns.length) return null;
    const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(until));
    const campaign = campaigns.sort(
      (a, b) => distance(a.nomination_due) - distance(b.nomination_due) || a.id.localeCompare(b.id),
    )[0];
    const quota = Number(
      (
        await platform.db
          .selectFrom('honour_categories')
          .select((eb) => eb.fn.sum<number>('quota').as('q'))
          .where('campaign_id', '=', campaign.id)
          .executeTakeFirst()
      )?.q ?? 0,
    );
    const decided = campaign.status === 'decided';
    const decision = decided ? await decisionOf(platform, campaign.id) : null;
    let selected: number;
    if (decided) {
      const rows = await platform.db
        .selectFrom('honour_nomination_events as e')
        .innerJoin('honour_nominations as n', 'n.id', 'e.nomination_id')
        .select('n.id')
        .distinct()
        .where('n.campaign_id', '=', campaign.id)
        .where('e.action', '=', 'confirmed')
        .execute();
      selected = rows.length;
    } else {
      selected = Number(
        (
          await platform.db
            .selectFrom('honour_nominations')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('campaign_id', '=', campaign.id)
            .where('status', '=', 'selected')
            .executeTakeFirstOrThrow()
        ).n,
      );
    }
    const doneOn = decision && decision.date <= today ? decision.date : null;
    const percent = quota ? Math.min(100, Math.round((selected / quota) * 100)) : 0;
    return {
      doneOn,
      percent,
      figure: selected,
      note: doneOn
        ? {
            vi: `Đã xác nhận ${selected}/${quota} tập thể, cá nhân, sản phẩm tiêu biểu (Quyết định số ${decision!.number}, ngày ${formatDmy(doneOn)}).`,
            en: `${selected} of ${quota} honourees confirmed (decision ${decision!.number} of ${formatDmy(doneOn)}).`,
          }
        : {
            vi: `Hội đồng đã bình chọn ${selected}/${quota}; chưa có quyết định xác nhận kết quả.`,
            en: `The Council has selected ${selected} of ${quota}; the results are not yet confirmed.`,
          },
    };
  },
};
