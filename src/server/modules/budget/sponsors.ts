import type { Kysely } from 'kysely';
import { fold, nfc } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { planBrief, planOfActivity } from '../plans/index.ts';
import { type Caller, inTransaction, planNotFound, requireBudget, sponsorNotFound } from './access.ts';
import { publishBudget } from './live.ts';
import type { PledgeInput, ReceiptInput, SponsorInput, SponsorOut, SponsorUpdate } from './schema.ts';

/**
 * Social mobilisation (ADR 25): sponsors of a plan — enterprises, people, other bodies, and the
 * units whose contributions count as the "units' contributions" source —, what each pledged, what
 * it paid (with the day) and what it gave in kind (with its value). A sponsor that agrees to be
 * acknowledged in public is listed by `publicSponsors` for the website.
 */
type Db = Kysely<Database>;

export async function createSponsor(
  platform: Platform,
  caller: Caller,
  input: SponsorInput,
  options: { isDemo?: boolean } = {},
): Promise<SponsorOut> {
  await requireBudget(platform, caller, 'budget.edit');
  if (!(await planBrief(platform, input.planId))) throw planNotFound();
  const now = platform.clock();
  const name = nfc(input.name);
  const id = await inTransaction(platform, async (tx) => {
    const same = await tx
      .selectFrom('budget_sponsors')
      .select('id')
      .where('plan_id', '=', input.planId)
      .where('name_folded', '=', fold(name))
      .executeTakeFirst();
    if (same)
      throw fail.field(
        'name',
        'duplicate',
        'Nhà tài trợ này đã có trong danh sách.',
        'This sponsor is already listed.',
      );
    const row = {
      id: newId(now.getTime()),
      plan_id: input.planId,
      name,
      name_folded: fold(name),
      kind: input.kind,
      address: input.address || null,
      representative: input.representative || null,
      public_consent: input.publicConsent ? 1 : 0,
      is_demo: options.isDemo ? 1 : 0,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await tx.insertInto('budget_sponsors').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'budget_sponsor.create', entityType: 'budget_sponsor', entityId: row.id, after: row },
      now,
    );
    return row.id;
  });
  publishBudget(platform, 'sponsor', input.planId);
  return getSponsor(platform, caller, id);
}

async function findSponsor(db: Db, id: string) {
  const row = await db.selectFrom('budget_sponsors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw sponsorNotFound();
  return row;
}

export async function updateSponsor(platform: Platform, caller: Caller, id: string, input: SponsorUpdate) {
  await requireBudget(platform, caller, 'budget.edit');
  const now = platform.clock();
  const planId = await inTransaction(platform, async (tx) => {
    const before = await findSponsor(tx, id);
    const set = {
      ...(input.name !== undefined ? { name: nfc(input.name), name_folded: fold(nfc(input.name)) } : {}),
      ...(input.address !== undefined ? { address: input.address || null } : {}),
      ...(input.representative !== undefined ? { representative: input.representative || null } : {}),
      ...(input.publicConsent !== undefined ? { public_consent: input.publicConsent ? 1 : 0 } : {}),
      updated_at: now.toISOString(),
    };
    await tx.updateTable('budget_sponsors').set(set).where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'budget_sponsor.update', entityType: 'budget_sponsor', entityId: id, before, after: set },
      now,
    );
    return before.plan_id;
  });
  publishBudget(platform, 'sponsor', planId);
  return getSponsor(platform, caller, id);
}

async function checkActivity(platform: Platform, planId: string, activityId: string | null) {
  if (activityId === null) return;
  if ((await planOfActivity(platform, activityId)) !== planId)
    throw fail.field(
      'activityId',
      'not_in_plan',
      'Hoạt động không thuộc kế hoạch của nhà tài trợ.',
      'The activity is not in the sponsor’s plan.',
    );
}

export async function addPledge(platform: Platform, caller: Caller, sponsorId: string, input: PledgeInput) {
  await requireBudget(platform, caller, 'budget.edit');
  const sponsor = await findSponsor(platform.db, sponsorId);
  await checkActivity(platform, sponsor.plan_id, input.activityId);
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const row = {
      id: newId(now.getTime()),
      sponsor_id: sponsorId,
      activity_id: input.activityId,
      amount: input.amount,
      pledged_on: input.pledgedOn,
      note: input.note || null,
      created_at: now.toISOString(),
    };
    await tx.insertInto('budget_pledges').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'budget_pledge.add', entityType: 'budget_sponsor', entityId: sponsorId, after: row },
      now,
    );
  });
  publishBudget(platform, 'sponsor', sponsor.plan_id);
  return getSponsor(platform, caller, sponsorId);
}

/** Money received (with its day) or support in kind (with its value): the plan's pages update live. */
export async function addReceipt(platform: Platform, caller: Caller, sponsorId: string, input: ReceiptInput) {
  await requireBudget(platform, caller, 'budget.edit');
  const sponsor = await findSponsor(platform.db, sponsorId);
  await checkActivity(platform, sponsor.plan_id, input.activityId);
  if (input.kind === 'in_kind' && !input.description)
    throw fail.field('description', 'required', 'Hãy ghi hiện vật hỗ trợ là gì.', 'Say what was given in kind.');
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const row = {
      id: newId(now.getTime()),
      sponsor_id: sponsorId,
      activity_id: input.activityId,
      kind: input.kind,
      amount: input.amount,
      description: input.description || null,
      received_on: input.receivedOn,
      recorded_by: caller.actor.userId,
      created_at: now.toISOString(),
    };
    await tx.insertInto('budget_receipts').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'budget_receipt.add', entityType: 'budget_sponsor', entityId: sponsorId, after: row },
      now,
    );
  });
  publishBudget(platform, 'receipt', sponsor.plan_id);
  return getSponsor(platform, caller, sponsorId);
}

async function sponsorViews(db: Db, rows: Awaited<ReturnType<typeof findSponsor>>[]): Promise<SponsorOut[]> {
  const ids = rows.map((r) => r.id);
  const pledges = ids.length
    ? await db
        .selectFrom('budget_pledges')
        .selectAll()
        .where('sponsor_id', 'in', ids)
        .orderBy('pledged_on')
        .orderBy('id')
        .execute()
    : [];
  const receipts = ids.length
    ? await db
        .selectFrom('budget_receipts')
        .selectAll()
        .where('sponsor_id', 'in', ids)
        .orderBy('received_on')
        .orderBy('id')
        .execute()
    : [];
  return rows.map((s) => {
    const p = pledges.filter((x) => x.sponsor_id === s.id);
    const r = receipts.filter((x) => x.sponsor_id === s.id);
    const pledged = p.reduce((t, x) => t + x.amount, 0);
    const received = r.filter((x) => x.kind === 'money').reduce((t, x) => t + x.amount, 0);
    const inKind = r.filter((x) => x.kind === 'in_kind').reduce((t, x) => t + x.amount, 0);
    return {
      id: s.id,
      planId: s.plan_id,
      name: s.name,
      kind: s.kind,
      address: s.address,
      representative: s.representative,
      publicConsent: s.public_consent === 1,
      pledged,
      received,
      inKind,
      outstanding: Math.max(0, pledged - received - inKind),
      pledges: p.map((x) => ({
        id: x.id,
        amount: x.amount,
        pledgedOn: x.pledged_on,
        activityId: x.activity_id,
        note: x.note,
      })),
      receipts: r.map((x) => ({
        id: x.id,
        kind: x.kind,
        amount: x.amount,
        receivedOn: x.received_on,
        activityId: x.activity_id,
        description: x.description,
      })),
    };
  });
}

export async function getSponsor(platform: Platform, caller: Caller, id: string): Promise<SponsorOut> {
  await requireBudget(platform, caller, 'budget.read');
  const [view] = await sponsorViews(platform.db, [await findSponsor(platform.db, id)]);
  return view;
}

const collator = new Intl.Collator('vi');

export async function listSponsors(platform: Platform, caller: Caller, query: { planId: string; q: string }) {
  await requireBudget(platform, caller, 'budget.read');
  let q = platform.db.selectFrom('budget_sponsors').selectAll().where('plan_id', '=', query.planId);
  if (query.q) q = q.where('name_folded', 'like', `%${fold(query.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await q.limit(2000).execute();
  rows.sort((a, b) => collator.compare(a.name, b.name));
  const items = await sponsorViews(platform.db, rows);
  return {
    items,
    totals: {
      pledged: items.reduce((t, s) => t + s.pledged, 0),
      received: items.reduce((t, s) => t + s.received, 0),
      inKind: items.reduce((t, s) => t + s.inKind, 0),
    },
  };
}

/**
 * For the public website: the sponsors that agreed to be acknowledged in public, with what they
 * gave (money received and the value in kind), in Vietnamese order. No pledges, no addresses.
 */
export async function publicSponsors(db: Db, planId?: string) {
  let q = db.selectFrom('budget_sponsors').select(['id', 'plan_id', 'name', 'kind']).where('public_consent', '=', 1);
  if (planId) q = q.where('plan_id', '=', planId);
  const rows = await q.limit(2000).execute();
  const ids = rows.map((r) => r.id);
  const receipts = ids.length
    ? await db
        .selectFrom('budget_receipts')
        .select(['sponsor_id', 'kind', 'amount', 'description'])
        .where('sponsor_id', 'in', ids)
        .execute()
    : [];
  return rows
    .map((s) => {
      const mine = receipts.filter((r) => r.sponsor_id === s.id);
      return {
        name: s.name,
        kind: s.kind,
        planId: s.plan_id,
        money: mine.filter((r) => r.kind === 'money').reduce((t, r) => t + r.amount, 0),
        inKind: mine
          .filter((r) => r.kind === 'in_kind')
          .map((r) => ({ description: r.description ?? '', value: r.amount })),
      };
    })
    .filter((s) => s.money > 0 || s.inKind.length > 0)
    .sort((a, b) => collator.compare(a.name, b.name));
}
