import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { issueNumber } from '../office/index.ts';
import { inTransaction, planNotFound, publishPlans, requireManage, type Caller } from './access.ts';

/**
 * Issuing a plan of the Bloc: it takes the next "KH" number of the term from the office's
 * outgoing register (Hướng dẫn 36-HD/VPTW 1.3.1.a), in the same transaction that writes the number
 * and the issuer's suffix into the plan, so its .docx/.pdf print "Số 05-KH/ĐUK". A plan with a
 * number is issued already.
 */
export async function issuePlan(
  platform: Platform,
  caller: Caller,
  planId: string,
  options: { date?: string } = {},
): Promise<{ outgoingId: string; number: string; symbol: string; recipients: string[] }> {
  requireManage(caller);
  const now = platform.clock();
  const out = await inTransaction(platform, async (tx) => {
    const plan = await tx.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
    if (!plan) throw planNotFound();
    if (plan.number?.trim())
      throw fail.conflict('PLAN_ISSUED', {
        vi: `Kế hoạch đã có số ${plan.number}.`,
        en: `The plan already has the number ${plan.number}.`,
      });
    const date = options.date ?? plan.issued_on;
    if (!date) throw fail.field('date', 'required', 'Cần ngày ban hành kế hoạch.', 'The plan needs a date of issue.');
    const signer = JSON.parse(plan.signer_json) as { position: string | null; name: string | null };
    const recipients = JSON.parse(plan.recipients_json) as string[];
    const issued = await issueNumber(
      tx,
      caller.actor,
      {
        type: 'KH',
        date,
        summary: plan.title,
        signer: { name: signer.name ?? '', position: signer.position ?? '' },
        recipients,
        isPublic: false,
        source: { type: 'plans.plan', id: plan.id },
      },
      now,
    );
    const [number, suffix] = [issued.symbol.split('-')[0], issued.symbol.split('/').slice(1).join('/')];
    const after = { number, symbol_suffix: suffix, issued_on: date, updated_at: now.toISOString() };
    await tx.updateTable('plans').set(after).where('id', '=', plan.id).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'plan.issue',
        entityType: 'plan',
        entityId: plan.id,
        before: { number: plan.number, symbol_suffix: plan.symbol_suffix, issued_on: plan.issued_on },
        after: { ...after, outgoingId: issued.id },
      },
      now,
    );
    return { outgoingId: issued.id, number, symbol: issued.symbol, recipients };
  });
  publishPlans(platform, { entity: 'plan', id: planId, change: 'updated' });
  return out;
}

/** A demo plan's id by its key (other modules' demo data builds on the seed's plan). */
export async function demoPlanId(platform: Pick<Platform, 'db'>, key: string): Promise<string | null> {
  const row = await platform.db.selectFrom('plans').select('id').where('demo_key', '=', key).executeTakeFirst();
  return row?.id ?? null;
}

/** A plan's activity ids by their reference ("A12"), for other modules' demo data (the office's duty roster). */
export async function activityIdsByRef(platform: Pick<Platform, 'db'>, planId: string): Promise<Map<string, string>> {
  const rows = await platform.db
    .selectFrom('plan_activities')
    .select(['id', 'ref'])
    .where('plan_id', '=', planId)
    .limit(5000)
    .execute();
  return new Map(rows.map((r) => [r.ref, r.id]));
}
