import type { Kysely } from 'kysely';

/**
 * The unit that organises the ceremony (its Ban Tổ chức): the programme, the MC's script and the
 * report after the night are signed for the organising committee by that unit's head as the
 * registry knows him, as the festival's prize decision is. Null until someone names it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ceremonies').addColumn('organiser_unit_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ceremonies').dropColumn('organiser_unit_id').execute();
}
