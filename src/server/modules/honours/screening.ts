import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { mayScreen, nominationNotFound, type Caller } from './access.ts';
import { categoriesOf } from './campaigns.ts';
import { checksOfNomination } from './eligibility.ts';
import { getNomination, logEvent } from './nominations.ts';
import type { ScreeningInput } from './schema.ts';

/**
 * The Propaganda Board checks a submitted nomination against each criterion of its category
 * (met / not met / a note) and marks it eligible or not with a reason; or returns it to the unit
 * with reasons. A nomination that fails a required criterion cannot be marked eligible, nor can a
 * criterion be marked met when the system's own check of it (eligibility.ts) fails.
 */

async function submitted(platform: Platform, caller: Caller, id: string) {
  if (!mayScreen(caller)) throw fail.forbidden();
  const row = await platform.db.selectFrom('honour_nominations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw nominationNotFound();
  if (!['submitted', 'eligible', 'ineligible'].includes(row.status)) {
    throw fail.conflict('NOMINATION_NOT_SUBMITTED', {
      vi: 'Hồ sơ chưa được gửi hoặc đã đưa ra Hội đồng.',
      en: 'The nomination is not submitted, or is already before the Council.',
    });
  }
  return row;
}

export async function screenNomination(platform: Platform, caller: Caller, id: string, input: ScreeningInput) {
  const row = await submitted(platform, caller, id);
  const criteria = (await categoriesOf(platform, row.campaign_id)).find((c) => c.id === row.category_id)!.criteria;
  for (const [i, r] of input.results.entries())
    if (!criteria.some((c) => c.key === r.key))
      throw fail.field(
        `results.${i}.key`,
        'unknown_criterion',
        'Tiêu chí không thuộc loại tôn vinh này.',
        'The criterion is not of this category.',
      );
  // what the records say overrules a "met": a unit founded four years ago has not existed five
  const checks = await checksOfNomination(platform, row, criteria);
  for (const [i, r] of input.results.entries()) {
    const check = checks.find((c) => c.key === r.key);
    if (r.result === 'met' && check?.outcome === 'not_met')
      throw fail.field(
        `results.${i}.result`,
        'check_not_met',
        `Theo dữ liệu của hệ thống, tiêu chí chưa đạt: ${check.detail.vi}`,
        `By the system's records the criterion is not met: ${check.detail.en}`,
      );
  }
  const failed = criteria.filter((c) => c.required && input.results.find((r) => r.key === c.key)?.result === 'not_met');
  if (input.eligible && failed.length)
    throw fail.field(
      'eligible',
      'required_not_met',
      `Không đạt tiêu chí bắt buộc: ${failed.map((f) => f.description).join('; ')}.`,
      `A required criterion is not met: ${failed.map((f) => f.description).join('; ')}.`,
    );
  if (!input.eligible && !input.reason)
    throw fail.field('reason', 'required', 'Ghi lý do không đủ điều kiện.', 'Give the reason it is not eligible.');
  const unchecked = criteria.filter((c) => c.required && !input.results.some((r) => r.key === c.key));
  if (input.eligible && unchecked.length)
    throw fail.field(
      'results',
      'unchecked',
      `Chưa thẩm định tiêu chí: ${unchecked.map((u) => u.description).join('; ')}.`,
      `Not yet checked: ${unchecked.map((u) => u.description).join('; ')}.`,
    );
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('honour_screenings').where('nomination_id', '=', id).execute();
    if (input.results.length) {
      await tx
        .insertInto('honour_screenings')
        .values(
          input.results.map((r) => ({
            nomination_id: id,
            criterion_key: r.key,
            result: r.result,
            note: r.note,
            screened_by: caller.actor.userId,
            screened_at: now.toISOString(),
          })),
        )
        .execute();
    }
    const status = input.eligible ? 'eligible' : 'ineligible';
    await tx
      .updateTable('honour_nominations')
      .set({ status, reason: input.reason, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await logEvent(tx, id, caller.actor, status, input.reason, now);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_nomination.screen',
        entityType: 'honour_nomination',
        entityId: id,
        before: { status: row.status },
        after: { status, reason: input.reason, results: input.results },
      },
      now,
    );
  });
  return getNomination(platform, caller, id);
}

export async function returnNomination(platform: Platform, caller: Caller, id: string, reason: string) {
  const row = await submitted(platform, caller, id);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('honour_nominations')
      .set({ status: 'returned', reason, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await logEvent(tx, id, caller.actor, 'returned', reason, now);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_nomination.return',
        entityType: 'honour_nomination',
        entityId: id,
        before: { status: row.status },
        after: { status: 'returned', reason },
      },
      now,
    );
  });
  return getNomination(platform, caller, id);
}
