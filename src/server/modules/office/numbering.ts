import type { Kysely } from 'kysely';
import { documentSymbol, type PartyDocumentCode } from '../../../common/partyDocumentTypes.ts';
import { fold, nfc } from '../../../common/text.ts';
import { type Actor, recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import { settingsIn } from './settings.ts';

/**
 * Numbering by Hướng dẫn 36-HD/VPTW 1.3.1.a: each type from 01 within the committee's term,
 * congress documents in one series of their own; the arrival number of incoming documents in order
 * of receipt within the year. A series is one row of `office_counters`, raised by one with
 * UPDATE … RETURNING inside the transaction that writes the document: the row stays locked until
 * that transaction ends (PostgreSQL's row lock; SQLite's one writer), so two processes never get
 * the same number, and a rolled-back document gives its number back (no gap). ADR 23.
 */
export async function nextInSeries(tx: Kysely<Database>, series: string): Promise<number> {
  await tx
    .insertInto('office_counters')
    .values({ series, last_number: 0 })
    .onConflict((oc) => oc.column('series').doNothing())
    .execute();
  const row = await tx
    .updateTable('office_counters')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('series', '=', series)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

/** The committee's term a day falls in, or a message on `field`. */
export async function termOn(tx: Kysely<Database>, day: string, field = 'date') {
  const term = await tx
    .selectFrom('office_terms')
    .selectAll()
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .executeTakeFirst();
  if (!term)
    throw fail.field(
      field,
      'no_term',
      'Ngày này không thuộc nhiệm kỳ nào đã khai báo; hãy khai báo nhiệm kỳ trong phần thiết lập văn thư.',
      'This day falls in no term on record; set up the term in the office settings.',
    );
  return term;
}

export type IssueInput = {
  type: PartyDocumentCode;
  /** the day of issue, ISO */
  date: string;
  summary: string;
  signer: { name: string; position: string };
  /** the "Nơi nhận" lines as written */
  recipients?: readonly string[];
  isPublic?: boolean;
  /** a congress document: numbered in the congress series */
  congress?: boolean;
  /** the module's record the document belongs to */
  source?: { type: string; id: string };
};

export type IssuedNumber = { id: string; number: number; symbol: string; termId: string };

/**
 * Takes the next number for a document and writes it in the outgoing register, inside the
 * caller's transaction (other modules call this when they issue a document: the honours decision,
 * the plan). The audit row is written in the same transaction.
 */
export async function issueNumber(
  tx: Kysely<Database>,
  actor: Actor,
  input: IssueInput,
  now: Date,
): Promise<IssuedNumber> {
  const settings = await settingsIn(tx);
  const term = await termOn(tx, input.date);
  const series = input.congress ? 'ĐH' : input.type;
  const number = await nextInSeries(tx, `out:${term.id}:${series}`);
  const symbol = documentSymbol(number, input.type, input.congress ? settings.congress_suffix : settings.symbol_suffix);
  const id = newId(now.getTime());
  const summary = nfc(input.summary.trim());
  const row = {
    id,
    term_id: term.id,
    series,
    doc_type: input.type,
    number,
    symbol,
    issued_on: input.date,
    summary,
    summary_folded: fold(summary),
    signer_name: nfc(input.signer.name.trim()),
    signer_position: nfc(input.signer.position.trim()),
    is_public: input.isPublic ? 1 : 0,
    is_congress: input.congress ? 1 : 0,
    recipients_json: JSON.stringify((input.recipients ?? []).map((r) => nfc(r.trim())).filter(Boolean)),
    source_type: input.source?.type ?? null,
    source_id: input.source?.id ?? null,
    issued_by: actor.userId,
    created_at: now.toISOString(),
    sent_at: null,
  };
  await tx.insertInto('office_outgoing').values(row).execute();
  await recordAudit(
    tx,
    actor,
    { action: 'office_outgoing.issue', entityType: 'office_outgoing', entityId: id, after: row },
    now,
  );
  return { id, number, symbol, termId: term.id };
}

/** The next arrival number of the year, in the recording transaction. */
export const nextArrivalNumber = (tx: Kysely<Database>, year: number) => nextInSeries(tx, `in:${year}`);

/** The register's entry for a record another module issued ("tournament.results", id), or null before it is issued. */
export async function registeredNumber(
  db: Kysely<Database>,
  source: { type: string; id: string },
): Promise<{ id: string; number: number; symbol: string; issuedOn: string } | null> {
  const row = await db
    .selectFrom('office_outgoing')
    .select(['id', 'number', 'symbol', 'issued_on'])
    .where('source_type', '=', source.type)
    .where('source_id', '=', source.id)
    .orderBy('created_at')
    .executeTakeFirst();
  return row ? { id: row.id, number: row.number, symbol: row.symbol, issuedOn: row.issued_on } : null;
}

/**
 * Issues a record's document once: the register's number for `input.source` if it has one, else the
 * next number of the type, in the caller's transaction (`tx`). For the festival's and the
 * tournament's decisions and notices and the ceremony's invitations, which print the symbol it gives.
 * Printing the document again gives the same number. Two first issues of one record at the same
 * moment would each take a number: a caller that can be raced updates its own record's row first in
 * the same transaction (a row lock), as the plan's issue does.
 */
export async function issueOnce(
  tx: Kysely<Database>,
  actor: Actor,
  input: IssueInput & { source: { type: string; id: string } },
  now: Date,
): Promise<IssuedNumber & { existing: boolean }> {
  const found = await registeredNumber(tx, input.source);
  if (found) {
    const term = await tx
      .selectFrom('office_outgoing')
      .select('term_id')
      .where('id', '=', found.id)
      .executeTakeFirstOrThrow();
    return { id: found.id, number: found.number, symbol: found.symbol, termId: term.term_id, existing: true };
  }
  return { ...(await issueNumber(tx, actor, input, now)), existing: false };
}
