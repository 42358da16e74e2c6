import type { Kysely } from 'kysely';
import { nfc } from '../../../common/text.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, inTransaction, requirePermission } from './access.ts';
import type { SettingsInput, SettingsOut, TermInput } from './schema.ts';

/**
 * The register's settings: the issuing body and its abbreviation in symbols (ĐUK today, another
 * for the next organisation), the congress series' suffix, the place written before the date, and
 * the committee's terms, whose dates bound the numbering series.
 */
export async function settingsIn(tx: Kysely<Database>) {
  const row = await tx.selectFrom('office_settings').selectAll().where('id', '=', 'office').executeTakeFirst();
  if (!row)
    throw fail.conflict('OFFICE_NOT_SET_UP', {
      vi: 'Chưa thiết lập sổ văn bản (cơ quan ban hành, ký hiệu, nhiệm kỳ).',
      en: 'The register is not set up yet (issuing body, symbol, term).',
    });
  return row;
}

export async function getSettings(platform: Platform): Promise<SettingsOut> {
  const row = await platform.db.selectFrom('office_settings').selectAll().where('id', '=', 'office').executeTakeFirst();
  const terms = await platform.db.selectFrom('office_terms').selectAll().orderBy('starts_on').limit(100).execute();
  return {
    superiorBody: row?.superior_body ?? '',
    issuingBody: row?.issuing_body ?? '',
    symbolSuffix: row?.symbol_suffix ?? '',
    congressSuffix: row?.congress_suffix ?? 'ĐH',
    place: row?.place ?? '',
    configured: Boolean(row),
    terms: terms.map((t) => ({ id: t.id, name: t.name, startsOn: t.starts_on, endsOn: t.ends_on })),
  };
}

export async function saveSettings(platform: Platform, caller: Caller, input: SettingsInput): Promise<SettingsOut> {
  requirePermission(caller, 'office.issue');
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const before = await tx.selectFrom('office_settings').selectAll().where('id', '=', 'office').executeTakeFirst();
    const row = {
      superior_body: nfc(input.superiorBody),
      issuing_body: nfc(input.issuingBody),
      symbol_suffix: nfc(input.symbolSuffix),
      congress_suffix: nfc(input.congressSuffix),
      place: nfc(input.place),
      updated_at: now.toISOString(),
    };
    if (before) await tx.updateTable('office_settings').set(row).where('id', '=', 'office').execute();
    else
      await tx
        .insertInto('office_settings')
        .values({ id: 'office', ...row })
        .execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'office_settings.save', entityType: 'office_settings', entityId: 'office', before, after: row },
      now,
    );
  });
  return getSettings(platform);
}

/** A new term: it must not overlap another; its documents start again from 01. */
export async function addTerm(platform: Platform, caller: Caller, input: TermInput): Promise<SettingsOut> {
  requirePermission(caller, 'office.issue');
  if (input.endsOn < input.startsOn)
    throw fail.field('endsOn', 'before_start', 'Ngày kết thúc trước ngày bắt đầu.', 'The end is before the start.');
  const now = platform.clock();
  await inTransaction(platform, async (tx) => {
    const overlap = await tx
      .selectFrom('office_terms')
      .select(['name'])
      .where('starts_on', '<=', input.endsOn)
      .where('ends_on', '>=', input.startsOn)
      .executeTakeFirst();
    if (overlap)
      throw fail.field(
        'startsOn',
        'term_overlap',
        `Trùng thời gian với nhiệm kỳ ${overlap.name}.`,
        `Overlaps the term ${overlap.name}.`,
      );
    const row = {
      id: newId(now.getTime()),
      name: nfc(input.name),
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      created_at: now.toISOString(),
    };
    await tx.insertInto('office_terms').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'office_term.create', entityType: 'office_term', entityId: row.id, after: row },
      now,
    );
  });
  return getSettings(platform);
}
