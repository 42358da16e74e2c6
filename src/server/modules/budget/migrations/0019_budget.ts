import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { defaultRates } from '../rates.ts';

/**
 * The budget (issue 18, ADR 25): an estimate per plan activity kept in versions (an approved
 * version is frozen; a new version starts from it) with its lines; the dated settings of award
 * money (base salary, coefficient per form of award); sponsors with their pledges and receipts
 * (money or in kind); spending against an estimate line with its voucher; a plan's settlement.
 * Money is whole VND; quantities and coefficients are stored in thousandths.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('budget_estimates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_estimates_plan').on('budget_estimates').column('plan_id').execute();
  await db.schema
    .createTable('budget_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estimate_id', 'text', (c) => c.notNull().references('budget_estimates.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('budget_versions_number')
    .on('budget_versions')
    .columns(['estimate_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createTable('budget_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('budget_versions.id'))
    /** the same line across versions: spending points at it */
    .addColumn('line_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('quantity_milli', 'integer', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('budget_lines_key')
    .on('budget_lines')
    .columns(['version_id', 'line_key'])
    .unique()
    .execute();
  await db.schema
    .createTable('budget_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** 'base_salary' or a form of award's coefficient: 'coefficient' */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** '' for the base salary; the form of award ("giay_khen_bloc.individual") for a coefficient */
    .addColumn('award_form', 'text', (c) => c.notNull())
    /** VND for the base salary; thousandths for a coefficient (300 = 0,3) */
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('budget_rates_dated')
    .on('budget_rates')
    .columns(['kind', 'award_form', 'effective_from'])
    .unique()
    .execute();
  await db.schema
    .createTable('budget_sponsors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    /** enterprise | unit (a unit's contribution) | individual | other */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('representative', 'text')
    .addColumn('public_consent', 'integer', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_sponsors_plan').on('budget_sponsors').column('plan_id').execute();
  await db.schema
    .createTable('budget_pledges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sponsor_id', 'text', (c) => c.notNull().references('budget_sponsors.id'))
    .addColumn('activity_id', 'text')
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('pledged_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('budget_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sponsor_id', 'text', (c) => c.notNull().references('budget_sponsors.id'))
    .addColumn('activity_id', 'text')
    /** money | in_kind */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** VND received, or the value of what was given in kind */
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_receipts_sponsor').on('budget_receipts').column('sponsor_id').execute();
  await db.schema.createIndex('budget_pledges_sponsor').on('budget_pledges').column('sponsor_id').execute();
  await db.schema
    .createTable('budget_spending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estimate_id', 'text', (c) => c.notNull().references('budget_estimates.id'))
    .addColumn('line_key', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('spent_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('voucher_number', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('budget_spending_estimate').on('budget_spending').column('estimate_id').execute();
  await db.schema
    .createTable('budget_settlements')
    .addColumn('plan_id', 'text', (c) => c.primaryKey())
    .addColumn('closed_on', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // today's Party and State values as the defaults; the Office adds a dated value when they change
  const now = new Date().toISOString();
  await db
    .insertInto('budget_rates')
    .values(
      defaultRates.map((r) => ({
        id: randomUUID(),
        kind: r.kind,
        award_form: r.awardForm,
        value: r.value,
        effective_from: r.effectiveFrom,
        source: r.source,
        created_at: now,
      })),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'budget_settlements',
    'budget_spending',
    'budget_receipts',
    'budget_pledges',
    'budget_sponsors',
    'budget_rates',
    'budget_lines',
    'budget_versions',
    'budget_estimates',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
