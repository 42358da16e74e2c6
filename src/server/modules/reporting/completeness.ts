import { sql } from 'kysely';
import { todayIso } from '../../../common/dates.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireRead, type Caller } from './access.ts';
import { expectedUnits } from './assignment.ts';
import { isTemplatePeriod } from './periods.ts';
import { unitDeadlines, type SubmissionStatus } from './submissions.ts';
import { findTemplate } from './templates.ts';
import { fail } from '../../platform/http/errors.ts';
import { deadlinesOf } from '../../../common/periods.ts';
import { periodRef } from './periods.ts';

/**
 * Completeness and timeliness of a template's period under a unit: how many units must report,
 * how many have (submitted or approved), how many on time (by each unit's own level deadline and
 * the on-time grace), and the page of those who have not. Counted in the database.
 */
const received = ['submitted', 'approved'];

export async function completeness(
  platform: Platform,
  caller: Caller,
  q: { templateId: string; unitId: string; periodId: string; page: number; pageSize: number; missingOnly?: boolean },
) {
  const template = await findTemplate(platform, q.templateId);
  if (!isTemplatePeriod(template, q.periodId))
    throw fail.validation([
      {
        in: 'query',
        path: 'periodId',
        code: 'wrong_period',
        messages: { vi: 'Kỳ báo cáo không khớp với biểu mẫu.', en: 'The period does not match the template.' },
      },
    ]);
  await requireRead(platform, caller, q.unitId);
  const d = deadlinesOf(periodRef(template, q.periodId), template.regime, template.schedule);
  const by = (level: string) => (d.levels.find((l) => l.level === level) ?? d.levels.at(-1)!).onTimeBy;
  const today = todayIso(platform.clock());
  const base = () =>
    expectedUnits(platform.db, template, d.window, q.unitId).leftJoin('report_submissions as s', (j) =>
      j.onRef('s.unit_id', '=', 'u.id').on('s.template_id', '=', template.id).on('s.period_id', '=', q.periodId),
    );
  const onTimeBy = sql<string>`case when u.kind = 'sub_cell' or (u.kind = 'grassroots_cell' and u.parent_kind = 'grassroots_committee') then ${by('cell')} when u.kind in ('grassroots_committee', 'grassroots_cell') then ${by('grassroots')} else ${by('bloc')} end`;
  const counts = await base()
    .select([
      (eb) => eb.fn.countAll<number>().as('expected'),
      sql<number>`sum(case when s.status in ('submitted', 'approved') then 1 else 0 end)`.as('received'),
      sql<number>`sum(case when s.status in ('submitted', 'approved') and s.submitted_on <= ${onTimeBy} then 1 else 0 end)`.as(
        'on_time',
      ),
      sql<number>`sum(case when s.status = 'approved' then 1 else 0 end)`.as('approved'),
      sql<number>`sum(case when s.status = 'returned' then 1 else 0 end)`.as('returned'),
      sql<number>`sum(case when s.status = 'draft' then 1 else 0 end)`.as('drafts'),
    ])
    .executeTakeFirstOrThrow();
  let list = base().select([
    'u.id',
    'u.name',
    'u.short_name',
    'u.kind',
    's.id as submission_id',
    's.status',
    's.submitted_on',
    onTimeBy.as('on_time_by'),
  ]);
  if (q.missingOnly) list = list.where((eb) => eb.or([eb('s.id', 'is', null), eb('s.status', 'not in', received)]));
  const rows = await list
    .orderBy('u.sort_key')
    .orderBy('u.id')
    .limit(q.pageSize + 1)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const expected = Number(counts.expected);
  const got = Number(counts.received ?? 0);
  const own = await unitDeadlines(platform.db, template, q.unitId, q.periodId);
  return {
    templateId: template.id,
    periodId: q.periodId,
    today,
    window: d.window,
    levels: d.levels,
    lockOn: d.lockOn,
    ownDue: own.due,
    expected,
    received: got,
    onTime: Number(counts.on_time ?? 0),
    approved: Number(counts.approved ?? 0),
    returned: Number(counts.returned ?? 0),
    drafts: Number(counts.drafts ?? 0),
    missing: expected - got,
    rate: expected ? got / expected : null,
    items: rows.slice(0, q.pageSize).map((r) => ({
      unit: { id: r.id, name: r.name, shortName: r.short_name, kind: r.kind },
      submissionId: r.submission_id,
      status: (r.status ?? 'missing') as SubmissionStatus | 'missing',
      submittedOn: r.submitted_on,
      onTimeBy: r.on_time_by,
      onTime: r.submitted_on && received.includes(r.status ?? '') ? r.submitted_on <= r.on_time_by : null,
    })),
    page: q.page,
    pageSize: q.pageSize,
    hasMore: rows.length > q.pageSize,
  };
}
