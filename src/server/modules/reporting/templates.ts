import { fold } from '../../../common/text.ts';
import { deadlinesOf } from '../../../common/periods.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { foldedContains } from '../../platform/db/search.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { requireManage, templateNotFound, type Caller } from './access.ts';
import { indicatorsByIds } from './indicators.ts';
import { indicatorIdsOf, templateOf, type Template } from './model.ts';
import { campaignId } from './periods.ts';
import type { TemplateInput, UpdateTemplateInput } from './schema.ts';

/** Templates (biểu mẫu): sections of indicators, who reports, how often, the deadlines per level. */

function checkSchedule(schedule: Template['schedule'], path = 'schedule') {
  try {
    deadlinesOf('2019-01', 'calendar', schedule);
  } catch (err) {
    throw fail.field(
      path,
      'schedule',
      `Lịch hạn không hợp lệ: ngày khóa sổ phải sau mọi hạn nộp (${(err as Error).message}).`,
      `The schedule is not valid: the lock must come after every deadline (${(err as Error).message}).`,
    );
  }
}

export async function findTemplate(platform: Pick<Platform, 'db'>, id: string): Promise<Template> {
  const row = await platform.db.selectFrom('report_templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw templateNotFound();
  return templateOf(row);
}

/** A template by its code (other modules' demo data find the seed's templates so). */
export async function findTemplateByCode(platform: Pick<Platform, 'db'>, code: string): Promise<Template | null> {
  const row = await platform.db.selectFrom('report_templates').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? templateOf(row) : null;
}

export async function listTemplates(platform: Platform, query: { page: number; pageSize: number; q?: string }) {
  let base = platform.db.selectFrom('report_templates');
  if (query.q) base = base.where('name_folded', 'like', foldedContains(query.q));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('code')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows
      .map(templateOf)
      .map((t) => ({ ...t, campaignPeriodId: t.periodType === 'campaign' ? campaignId(t) : null })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The template with its indicators, as a form needs them. */
export async function getTemplate(platform: Platform, id: string) {
  const template = await findTemplate(platform, id);
  const indicators = await indicatorsByIds(platform, indicatorIdsOf(template));
  return {
    ...template,
    campaignPeriodId: template.periodType === 'campaign' ? campaignId(template) : null,
    indicators: indicatorIdsOf(template)
      .map((i) => indicators.get(i)!)
      .filter(Boolean),
  };
}

export async function createTemplate(
  platform: Platform,
  caller: Caller,
  input: TemplateInput,
  options: { isDemo?: boolean } = {},
): Promise<Template> {
  requireManage(caller);
  if ((input.periodType === 'campaign') !== (input.campaign !== null)) {
    throw fail.field(
      'campaign',
      'campaign_dates',
      'Biểu mẫu theo đợt (chiến dịch) cần ngày bắt đầu và kết thúc; biểu mẫu định kỳ thì không.',
      'A campaign template needs its start and end; a periodic one does not.',
    );
  }
  if (input.campaign && input.campaign.end < input.campaign.start)
    throw fail.field(
      'campaign.end',
      'end_before_start',
      'Ngày kết thúc trước ngày bắt đầu.',
      'The end is before the start.',
    );
  const ids = input.sections.flatMap((s) => s.items.map((i) => i.indicatorId));
  if (new Set(ids).size !== ids.length)
    throw fail.field(
      'sections',
      'duplicate_indicator',
      'Một chỉ tiêu xuất hiện hai lần trong biểu mẫu.',
      'An indicator appears twice in the template.',
    );
  const known = await indicatorsByIds(platform, ids);
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw fail.field('sections', 'unknown_indicator', 'Có chỉ tiêu không tồn tại.', 'An indicator does not exist.');
  for (const [i, r] of input.rules.entries()) {
    if (!known.has(r.left) || !known.has(r.right))
      throw fail.field(
        `rules.${i}`,
        'rule_outside',
        'Quy tắc kiểm tra phải dùng chỉ tiêu có trong biểu mẫu.',
        'A rule must use indicators of the template.',
      );
  }
  checkSchedule(input.schedule);
  if (!input.assignment.kinds.length && !input.assignment.groupIds.length && !input.assignment.unitIds.length) {
    throw fail.field(
      'assignment',
      'nobody',
      'Chọn đơn vị phải báo cáo (theo loại, nhóm hoặc danh sách).',
      'Choose who must report (by kind, group or list).',
    );
  }
  const now = platform.clock();
  const row = {
    id: newId(now.getTime()),
    code: input.code,
    name: input.name,
    name_folded: fold(`${input.code} ${input.name}`),
    period_type: input.periodType,
    regime: input.regime,
    campaign_start: input.campaign?.start ?? null,
    campaign_end: input.campaign?.end ?? null,
    sections_json: JSON.stringify(input.sections),
    rules_json: JSON.stringify(input.rules),
    assignment_json: JSON.stringify(input.assignment),
    schedule_json: JSON.stringify(input.schedule),
    counts_on: input.countsOn,
    is_active: 1,
    is_demo: options.isDemo ? 1 : 0,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await platform.db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('report_templates').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw fail.conflict('TEMPLATE_CODE_TAKEN', {
        vi: `Mã biểu mẫu "${input.code}" đã có.`,
        en: `Template code "${input.code}" is taken.`,
      });
    }
    await tx.insertInto('report_templates').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'report_template.create', entityType: 'report_template', entityId: row.id, after: row },
      now,
    );
  });
  return templateOf(row);
}

/**
 * Name, active flag and schedule may change at any time. What counts (submitted or approved)
 * may change only while nothing has been reported, since the live totals were built on it.
 */
export async function updateTemplate(
  platform: Platform,
  caller: Caller,
  id: string,
  input: UpdateTemplateInput,
): Promise<Template> {
  requireManage(caller);
  if (input.schedule) checkSchedule(input.schedule);
  const now = platform.clock();
  return platform.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('report_templates').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw templateNotFound();
    if (input.countsOn && input.countsOn !== before.counts_on) {
      const any = await tx
        .selectFrom('report_submissions')
        .select('id')
        .where('template_id', '=', id)
        .where('status', '!=', 'draft')
        .limit(1)
        .executeTakeFirst();
      if (any)
        throw fail.conflict('TEMPLATE_IN_USE', {
          vi: 'Đã có báo cáo gửi theo biểu mẫu này; không đổi được cách tính tổng.',
          en: 'Reports have been submitted on this template; what counts cannot change.',
        });
    }
    const name = input.name ?? before.name;
    const patch = {
      name,
      name_folded: fold(`${before.code} ${name}`),
      is_active: input.isActive === undefined ? before.is_active : input.isActive ? 1 : 0,
      counts_on: input.countsOn ?? before.counts_on,
      schedule_json: input.schedule ? JSON.stringify(input.schedule) : before.schedule_json,
      updated_at: now.toISOString(),
    };
    await tx.updateTable('report_templates').set(patch).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'report_template.update',
        entityType: 'report_template',
        entityId: id,
        before,
        after: { ...before, ...patch },
      },
      now,
    );
    return templateOf({ ...before, ...patch });
  });
}
