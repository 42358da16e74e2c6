import { displayNames } from '../../platform/auth/users.ts';
import { vietnamDay } from '../../../common/dates.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { activeRoleHolders } from '../../platform/auth/users.ts';
import { filesOf, type StoredFile } from '../../platform/files/store.ts';
import { fail } from '../../platform/http/errors.ts';
import { rolesHolding } from '../../platform/policy/permissions.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitRefs } from '../organisation/index.ts';
import { notify } from '../plans/index.ts';
import { type Caller, inboxUnits, inTransaction, mayReceiveFor, requirePermission } from './access.ts';
import { publishOffice } from './live.ts';
import { findOutgoing, OUTGOING_FILES } from './outgoing.ts';
import type { InboxItemOut } from './schema.ts';

/**
 * A recipient unit's inbox: the documents sent to it (and only those), newest first; opening one
 * is recorded the first time; acknowledging receipt is the unit's answer the sender sees on the
 * receipt board. Units that have not acknowledged are reminded in the app (and by e-mail where
 * configured), through the job queue, once a day after `REMIND_AFTER_DAYS`.
 */
export const REMIND_AFTER_DAYS = 2;
export const SWEEP_JOB = 'office.reminders.sweep';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const deliveryNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy văn bản trong hộp thư đến.', en: 'Document not found in the inbox.' });

export async function listInbox(
  platform: Platform,
  caller: Caller,
  query: { pending?: '1' | '0' },
): Promise<{ items: InboxItemOut[]; pending: number }> {
  const units = await inboxUnits(platform, caller);
  if (units !== null && units.length === 0) return { items: [], pending: 0 };
  let q = platform.db
    .selectFrom('office_deliveries as d')
    .innerJoin('office_outgoing as o', 'o.id', 'd.outgoing_id')
    .select([
      'd.id',
      'd.unit_id',
      'd.sent_at',
      'd.opened_at',
      'd.acknowledged_at',
      'd.acknowledged_by',
      'd.acknowledged_by_name',
      'o.id as outgoing_id',
      'o.doc_type',
      'o.symbol',
      'o.issued_on',
      'o.summary',
      'o.signer_name',
      'o.signer_position',
    ]);
  if (units !== null) q = q.where('d.unit_id', 'in', units);
  const rows = await q.orderBy('d.sent_at', 'desc').orderBy('d.id', 'desc').limit(500).execute();
  const names = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  const files = await filesOf(
    platform.db,
    OUTGOING_FILES,
    rows.map((r) => r.outgoing_id),
  );
  const people = await displayNames(
    platform.db,
    rows.map((r) => r.acknowledged_by),
  );
  const items = rows.map((r) => ({
    id: r.id,
    unit: { id: r.unit_id, name: names.get(r.unit_id)?.name ?? '' },
    sentAt: r.sent_at,
    openedAt: r.opened_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: (r.acknowledged_by ? people.get(r.acknowledged_by) : undefined) ?? r.acknowledged_by_name,
    document: {
      id: r.outgoing_id,
      type: r.doc_type,
      symbol: r.symbol,
      issuedOn: r.issued_on,
      summary: r.summary,
      signer: { name: r.signer_name, position: r.signer_position },
      file: (files.get(r.outgoing_id)?.[0] as StoredFile | undefined) ?? null,
    },
  }));
  const pending = items.filter((i) => !i.acknowledgedAt).length;
  return { items: query.pending === '1' ? items.filter((i) => !i.acknowledgedAt) : items, pending };
}

/** The delivery, when it was sent to a unit of the caller's (else "not found": ids cannot be probed). */
async function ownDelivery(platform: Platform, caller: Caller, id: string) {
  const row = await platform.db.selectFrom('office_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(await mayReceiveFor(platform, caller, row.unit_id))) throw deliveryNotFound();
  return row;
}

async function inboxItem(platform: Platform, caller: Caller, id: string): Promise<InboxItemOut> {
  const all = await listInbox(platform, caller, {});
  const item = all.items.find((i) => i.id === id);
  if (!item) throw deliveryNotFound();
  return item;
}

export async function openDelivery(platform: Platform, caller: Caller, id: string): Promise<InboxItemOut> {
  const row = await ownDelivery(platform, caller, id);
  if (!row.opened_at) {
    const now = platform.clock();
    const changed = await inTransaction(platform, async (tx) => {
      const r = await tx
        .updateTable('office_deliveries')
        .set({ opened_at: now.toISOString(), opened_by: caller.actor.userId })
        .where('id', '=', id)
        .where('opened_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await recordAudit(
        tx,
        caller.actor,
        {
          action: 'office_delivery.open',
          entityType: 'office_delivery',
          entityId: id,
          after: { openedAt: now.toISOString() },
        },
        now,
      );
      return true;
    });
    if (changed) publishOffice(platform, 'opened', { outgoingId: row.outgoing_id });
  }
  return inboxItem(platform, caller, id);
}

export async function acknowledgeDelivery(platform: Platform, caller: Caller, id: string): Promise<InboxItemOut> {
  const row = await ownDelivery(platform, caller, id);
  if (row.acknowledged_at)
    throw fail.conflict('ALREADY_ACKNOWLEDGED', {
      vi: 'Đơn vị đã xác nhận nhận văn bản này.',
      en: 'Your unit has already acknowledged this document.',
    });
  const now = platform.clock().toISOString();
  await inTransaction(platform, async (tx) => {
    const r = await tx
      .updateTable('office_deliveries')
      .set({
        opened_at: row.opened_at ?? now,
        opened_by: row.opened_by ?? caller.actor.userId,
        acknowledged_at: now,
        acknowledged_by: caller.actor.userId,
        acknowledged_by_name: caller.actor.name,
      })
      .where('id', '=', id)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw fail.conflict('ALREADY_ACKNOWLEDGED', {
        vi: 'Đơn vị đã xác nhận nhận văn bản này.',
        en: 'Your unit has already acknowledged this document.',
      });
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'office_delivery.acknowledge',
        entityType: 'office_delivery',
        entityId: id,
        before: { acknowledgedAt: null },
        after: { acknowledgedAt: now, unitId: row.unit_id, outgoingId: row.outgoing_id },
      },
      platform.clock(),
    );
  });
  publishOffice(platform, 'acknowledged', { outgoingId: row.outgoing_id });
  return inboxItem(platform, caller, id);
}

/** The users who keep a unit's inbox: a grant carrying office.receive on the unit or above it (not the everywhere grants). */
async function keepersOf(platform: Platform, unitId: string, holders: { userId: string; unitId: string | null }[]) {
  const users = new Set<string>();
  for (const h of holders) if (h.unitId && (await platform.unitScope.isWithin(unitId, h.unitId))) users.add(h.userId);
  return [...users];
}

/**
 * Reminds the units that have not acknowledged a document: each keeper of the unit's inbox gets
 * one notification per day (dedupe key: delivery, user, day). `force` reminds now, whatever the age.
 */
export async function remindUnacknowledged(
  platform: Platform,
  options: { outgoingId?: string; force?: boolean } = {},
): Promise<number> {
  const now = platform.clock();
  const today = vietnamDay(now);
  let q = platform.db
    .selectFrom('office_deliveries as d')
    .innerJoin('office_outgoing as o', 'o.id', 'd.outgoing_id')
    .select(['d.id', 'd.unit_id', 'd.sent_at', 'o.id as outgoing_id', 'o.symbol', 'o.summary'])
    .where('d.acknowledged_at', 'is', null);
  if (options.outgoingId) q = q.where('d.outgoing_id', '=', options.outgoingId);
  if (!options.force)
    q = q.where('d.sent_at', '<=', new Date(now.getTime() - REMIND_AFTER_DAYS * 86_400_000).toISOString());
  const rows = await q.limit(20_000).execute();
  const holders = await activeRoleHolders(platform.db, {
    roles: rolesHolding('office.receive').filter((r) => r !== 'system_admin'),
    limit: 50_000,
  });
  let sent = 0;
  for (const d of rows) {
    const users = await keepersOf(platform, d.unit_id, holders);
    let any = false;
    for (const userId of users) {
      const fresh = await notify(platform, {
        userId,
        kind: 'office.unacknowledged',
        title: { vi: `Chưa xác nhận nhận văn bản ${d.symbol}`, en: `Receipt of ${d.symbol} not acknowledged` },
        body: {
          vi: `Đề nghị đơn vị mở và xác nhận đã nhận văn bản: ${d.summary}`,
          en: `Please open and acknowledge the document: ${d.summary}`,
        },
        link: `/office/inbox/${d.id}`,
        entityType: 'office_delivery',
        entityId: d.id,
        dedupeKey: `office.unacknowledged:${d.id}:${userId}:${today}`,
      });
      if (fresh) {
        sent++;
        any = true;
      }
    }
    if (any)
      await platform.db
        .updateTable('office_deliveries')
        .set((eb) => ({ reminders: eb('reminders', '+', 1), last_reminded_at: now.toISOString() }))
        .where('id', '=', d.id)
        .execute();
  }
  return sent;
}

/** The sender reminds, now, every unit that has not acknowledged one document. */
export async function remindNow(platform: Platform, caller: Caller, outgoingId: string): Promise<{ notified: number }> {
  requirePermission(caller, 'office.issue');
  await findOutgoing(platform.db, outgoingId);
  const notified = await remindUnacknowledged(platform, { outgoingId, force: true });
  await recordAudit(
    platform.db,
    caller.actor,
    { action: 'office_outgoing.remind', entityType: 'office_outgoing', entityId: outgoingId, after: { notified } },
    platform.clock(),
  );
  publishOffice(platform, 'sent', { outgoingId });
  return { notified };
}

/** The daily sweep at 08:00 in Việt Nam (01:00 UTC), and the next day's. */
export async function scheduleOfficeReminders(platform: Platform, day = vietnamDay(platform.clock())): Promise<void> {
  await platform.jobs.enqueue(
    SWEEP_JOB,
    {},
    { dedupeKey: `${SWEEP_JOB}:${day}`, runAt: new Date(`${day}T01:00:00Z`), maxAttempts: 3 },
  );
}

export function registerOfficeJobs(platform: Platform): void {
  platform.jobs.register(SWEEP_JOB, async (_payload: unknown, { logger }) => {
    const sent = await remindUnacknowledged(platform);
    logger.info('office reminders', { sent });
    await scheduleOfficeReminders(platform, addDays(vietnamDay(platform.clock()), 1));
  });
}
