import { displayNames } from '../../platform/auth/users.ts';
import type { Kysely, Selectable } from 'kysely';
import { vietnamDay } from '../../../common/dates.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/tables.ts';
import { attachFiles, filesOf, type StoredFile } from '../../platform/files/store.ts';
import { fail } from '../../platform/http/errors.ts';
import { foldedContains } from '../../platform/db/search.ts';
import type { Platform } from '../../platform/platform.ts';
import { liveUnits, unitRefs } from '../organisation/index.ts';
import { matchUnits } from '../plans/index.ts';
import { type Caller, inTransaction, outgoingNotFound, requirePermission } from './access.ts';
import { publishOffice } from './live.ts';
import { issueNumber } from './numbering.ts';
import type { OfficeOutgoingTable } from './tables.ts';
import type { DeliveryOut, IssueRequest, OutgoingOut, ReceiptBoardOut, ResolvedOut } from './schema.ts';
import { recordAudit } from '../../platform/audit/record.ts';

/**
 * The outgoing register: the Office numbers a document (numbering.ts), attaches its file and
 * sends it to the recipient units of its "Nơi nhận"; each unit finds it in its inbox (inbox.ts).
 * Outside bodies named in the list stay as the lines written.
 */
export const OUTGOING_FILES = 'office_outgoing';
type OutgoingRow = Selectable<OfficeOutgoingTable>;

export async function issueDocument(platform: Platform, caller: Caller, input: IssueRequest): Promise<ReceiptBoardOut> {
  requirePermission(caller, 'office.issue');
  const now = platform.clock();
  const unitIds = [...new Set(input.units.map((u) => u.unitId))];
  const known = await unitRefs(platform, unitIds);
  const missing = unitIds.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw fail.field(
      `units.${missing}.unitId`,
      'unknown_unit',
      'Đơn vị nhận không có trong danh mục đơn vị.',
      'The recipient unit is not in the registry.',
    );
  const id = await inTransaction(platform, async (tx) => {
    const issued = await issueNumber(
      tx,
      caller.actor,
      {
        type: input.type,
        date: input.date,
        summary: input.summary,
        signer: { name: input.signerName, position: input.signerPosition },
        recipients: input.recipients,
        isPublic: input.isPublic,
        congress: input.congress,
      },
      now,
    );
    if (input.fileId)
      await attachFiles(tx, caller.actor, [input.fileId], { type: OUTGOING_FILES, id: issued.id }, 'fileId');
    if (unitIds.length) await sendTo(tx, caller, issued.id, input.units, now);
    return issued.id;
  });
  publishOffice(platform, 'sent', { outgoingId: id });
  return receiptBoard(platform, caller, id);
}

/** Sends a registered document to units (each once), inside the caller's transaction. */
export async function sendTo(
  tx: Kysely<Database>,
  caller: Caller,
  outgoingId: string,
  units: readonly { unitId: string; line: string }[],
  now: Date,
): Promise<number> {
  const seen = new Set<string>();
  const rows = units
    .filter((u) => !seen.has(u.unitId) && seen.add(u.unitId))
    .map((u, i) => ({
      id: newId(now.getTime() + i),
      outgoing_id: outgoingId,
      unit_id: u.unitId,
      line: u.line,
      sent_at: now.toISOString(),
      opened_at: null,
      opened_by: null,
      acknowledged_at: null,
      acknowledged_by: null,
      acknowledged_by_name: null,
      last_reminded_at: null,
      reminders: 0,
    }));
  if (!rows.length) return 0;
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insertInto('office_deliveries')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['outgoing_id', 'unit_id']).doNothing())
      .execute();
  await tx.updateTable('office_outgoing').set({ sent_at: now.toISOString() }).where('id', '=', outgoingId).execute();
  await recordAudit(
    tx,
    caller.actor,
    {
      action: 'office_outgoing.send',
      entityType: 'office_outgoing',
      entityId: outgoingId,
      after: { units: rows.map((r) => ({ unitId: r.unit_id, line: r.line })) },
    },
    now,
  );
  return rows.length;
}

/**
 * A "Nơi nhận" list → units of the registry on the day: a line naming one unit gives that unit;
 * a plural line ("Các Ban xây dựng đảng Tỉnh ủy") the units it plausibly stands for, for a person to
 * confirm; a line naming nothing in the registry ("Lưu: …", an outside body) stays as text.
 */
export async function resolveRecipients(
  platform: Platform,
  caller: Caller,
  input: { lines: string[]; day?: string },
): Promise<ResolvedOut> {
  requirePermission(caller, 'office.issue');
  const day = input.day ?? vietnamDay(platform.clock());
  const registry = await liveUnits(platform, day, { limit: 50_000 });
  const lines = input.lines.map((l) =>
    l
      .replace(/^[-–•+]\s*/u, '')
      .replace(/[;.,]+$/u, '')
      .trim(),
  );
  const matches = matchUnits(
    lines.map((l) => l.replace(/^lưu\s*:.*/iu, '')),
    registry.map((u) => ({ id: u.id, name: u.name, shortName: u.shortName })),
    { limit: 30, threshold: 0.55 },
  );
  return {
    lines: matches.map((m, i) => {
      if (m.match && !m.group)
        return { line: lines[i], kind: 'unit' as const, units: [{ id: m.match.id, name: m.match.name }] };
      if (m.group && m.candidates.length)
        return { line: lines[i], kind: 'group' as const, units: m.candidates.map((c) => ({ id: c.id, name: c.name })) };
      if (!m.group && m.candidates.length && m.candidates[0].score >= 0.8)
        return {
          line: lines[i],
          kind: 'unit' as const,
          units: [{ id: m.candidates[0].id, name: m.candidates[0].name }],
        };
      return { line: lines[i], kind: 'text' as const, units: [] };
    }),
  };
}

async function countsOf(db: Kysely<Database>, ids: string[]) {
  const out = new Map<string, { units: number; opened: number; acknowledged: number }>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('office_deliveries')
    .select((eb) => [
      'outgoing_id',
      eb.fn.countAll<number>().as('units'),
      eb.fn.count<number>('opened_at').as('opened'),
      eb.fn.count<number>('acknowledged_at').as('acknowledged'),
    ])
    .where('outgoing_id', 'in', ids)
    .groupBy('outgoing_id')
    .execute();
  for (const r of rows)
    out.set(r.outgoing_id, { units: Number(r.units), opened: Number(r.opened), acknowledged: Number(r.acknowledged) });
  return out;
}

export async function describeOutgoing(platform: Platform, rows: OutgoingRow[]): Promise<OutgoingOut[]> {
  const ids = rows.map((r) => r.id);
  const [files, counts] = await Promise.all([filesOf(platform.db, OUTGOING_FILES, ids), countsOf(platform.db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    type: r.doc_type,
    number: r.number,
    symbol: r.symbol,
    issuedOn: r.issued_on,
    summary: r.summary,
    signer: { name: r.signer_name, position: r.signer_position },
    isPublic: r.is_public === 1,
    congress: r.is_congress === 1,
    recipients: JSON.parse(r.recipients_json) as string[],
    // the latest file: the signed scan attached after issuing replaces the draft
    file: (files.get(r.id)?.at(-1) as StoredFile | undefined) ?? null,
    source: r.source_type && r.source_id ? { type: r.source_type, id: r.source_id } : null,
    sentAt: r.sent_at,
    receipt: counts.get(r.id) ?? { units: 0, opened: 0, acknowledged: 0 },
  }));
}

export async function listOutgoing(
  platform: Platform,
  caller: Caller,
  query: { q?: string; type?: string; year?: number },
): Promise<{ items: OutgoingOut[] }> {
  requirePermission(caller, 'office.read');
  let q = platform.db.selectFrom('office_outgoing').selectAll();
  if (query.type) q = q.where('doc_type', '=', query.type);
  if (query.year) q = q.where('issued_on', '>=', `${query.year}-01-01`).where('issued_on', '<=', `${query.year}-12-31`);
  if (query.q?.trim()) {
    const term = query.q;
    q = q.where((w) => w.or([w('summary_folded', 'like', foldedContains(term)), w('symbol', '=', term.trim())]));
  }
  const rows = await q.orderBy('issued_on', 'desc').orderBy('created_at', 'desc').limit(1000).execute();
  return { items: await describeOutgoing(platform, rows) };
}

export async function findOutgoing(db: Kysely<Database>, id: string): Promise<OutgoingRow> {
  const row = await db.selectFrom('office_outgoing').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw outgoingNotFound();
  return row;
}

/** The sender's view: every recipient unit with when it received, opened and acknowledged. */
export async function receiptBoard(platform: Platform, caller: Caller, id: string): Promise<ReceiptBoardOut> {
  requirePermission(caller, 'office.read');
  const row = await findOutgoing(platform.db, id);
  const [document] = await describeOutgoing(platform, [row]);
  const rows = await platform.db
    .selectFrom('office_deliveries')
    .selectAll()
    .where('outgoing_id', '=', id)
    .limit(20_000)
    .execute();
  const units = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  // who acknowledged, as people know them (the account's display name)
  const people = await displayNames(
    platform.db,
    rows.map((r) => r.acknowledged_by),
  );
  const collator = new Intl.Collator('vi');
  const deliveries: DeliveryOut[] = rows
    .map((r) => ({
      id: r.id,
      unit: { id: r.unit_id, name: units.get(r.unit_id)?.name ?? '' },
      line: r.line,
      sentAt: r.sent_at,
      openedAt: r.opened_at,
      acknowledgedAt: r.acknowledged_at,
      acknowledgedBy: (r.acknowledged_by ? people.get(r.acknowledged_by) : undefined) ?? r.acknowledged_by_name,
      reminders: r.reminders,
      lastRemindedAt: r.last_reminded_at,
    }))
    // those still awaited first, then by acknowledgement time, then by name
    .sort(
      (a, b) =>
        Number(Boolean(a.acknowledgedAt)) - Number(Boolean(b.acknowledgedAt)) ||
        (a.acknowledgedAt ?? '').localeCompare(b.acknowledgedAt ?? '') ||
        collator.compare(a.unit.name, b.unit.name),
    );
  return { document, deliveries };
}
