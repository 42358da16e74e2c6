import { periodLabel, periodOfDate, previous } from '../../../common/periods.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from './access.ts';
import { completeness } from './completeness.ts';
import { templateOf } from './model.ts';
import { campaignId, periodRef } from './periods.ts';

/**
 * This period's reporting completeness under a unit, for the leader's home page (ADR 30): each
 * active template's last closed period (a campaign template: its campaign once it has begun),
 * counted by `completeness` — the same figures as its screen, which the link opens.
 */
export async function reportingGlance(platform: Platform, caller: Caller, today: string, unitId: string) {
  const templates = (
    await platform.db
      .selectFrom('report_templates')
      .selectAll()
      .where('is_active', '=', 1)
      .orderBy('code')
      .limit(5)
      .execute()
  ).map(templateOf);
  const out = [];
  for (const t of templates) {
    let periodId: string;
    if (t.periodType === 'campaign') {
      if (!t.campaign || t.campaign.start > today) continue;
      periodId = campaignId(t);
    } else periodId = previous(periodOfDate(t.periodType, today, t.regime));
    const c = await completeness(platform, caller, { templateId: t.id, unitId, periodId, page: 1, pageSize: 1 });
    out.push({
      templateId: t.id,
      name: t.name,
      periodId,
      period: { vi: periodLabel(periodRef(t, periodId), 'vi'), en: periodLabel(periodRef(t, periodId), 'en') },
      due: c.ownDue,
      expected: c.expected,
      received: c.received,
      onTime: c.onTime,
      rate: c.rate,
      path: `/reporting/completeness?templateId=${t.id}&unitId=${unitId}&periodId=${encodeURIComponent(periodId)}`,
    });
  }
  return out;
}
