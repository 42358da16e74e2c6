import type { Kysely } from 'kysely';

/**
 * The badminton tournament (issue 14): a tournament with its dates, venue and courts; its events
 * (kind, category, format, scoring); the entries units make for their own people; each event's
 * draw (the random seed and every lot, kept for anyone to re-run); and the matches with their
 * sides, court, times and result.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tournaments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('entry_deadline', 'text', (c) => c.notNull())
    .addColumn('organiser_unit_id', 'text')
    .addColumn('rest_minutes', 'integer', (c) => c.notNull())
    .addColumn('events_per_player', 'integer')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('tournament_courts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tournament_id', 'text', (c) => c.notNull().references('tournaments.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    /** JSON: [{ day, from, to }] opening hours, Vietnam time. */
    .addColumn('hours_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('tournament_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tournament_id', 'text', (c) => c.notNull().references('tournaments.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category_json', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('scoring', 'text', (c) => c.notNull())
    .addColumn('group_scoring', 'text')
    .addColumn('group_count', 'integer')
    .addColumn('qualifiers_per_group', 'integer')
    .addColumn('third_place', 'text', (c) => c.notNull())
    .addColumn('entries_per_unit', 'integer')
    .addColumn('mixed_units', 'integer', (c) => c.notNull())
    .addColumn('match_minutes', 'integer', (c) => c.notNull())
    .addColumn('tie_format_json', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tournament_events_code')
    .on('tournament_events')
    .columns(['tournament_id', 'code'])
    .unique()
    .execute();
  await db.schema
    .createTable('tournament_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('tournament_events.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('seed', 'integer')
    .addColumn('return_reason', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('tournament_entries_unit')
    .on('tournament_entries')
    .columns(['event_id', 'unit_id'])
    .execute();
  await db.schema
    .createTable('tournament_entry_players')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('tournament_entries.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tournament_entry_players_pk', ['entry_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('tournament_entry_players_person')
    .on('tournament_entry_players')
    .column('person_id')
    .execute();
  await db.schema
    .createTable('tournament_draws')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('tournament_events.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('random_seed', 'text', (c) => c.notNull())
    /** JSON: the entries as drawn (id, unit, seed), the positions and every lot. */
    .addColumn('input_json', 'text', (c) => c.notNull())
    .addColumn('positions_json', 'text', (c) => c.notNull())
    .addColumn('log_json', 'text', (c) => c.notNull())
    .addColumn('drawn_by', 'text')
    .addColumn('drawn_by_name', 'text', (c) => c.notNull())
    .addColumn('drawn_at', 'text', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tournament_draws_event')
    .on('tournament_draws')
    .columns(['event_id', 'version'])
    .unique()
    .execute();
  await db.schema
    .createTable('tournament_matches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('tournament_events.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('group_no', 'integer')
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    /** JSON: where each side comes from (an entry, the winner or loser of a match, a bye). */
    .addColumn('sources_json', 'text', (c) => c.notNull())
    .addColumn('entry_a', 'text')
    .addColumn('entry_b', 'text')
    .addColumn('walk_through', 'integer', (c) => c.notNull())
    .addColumn('court_id', 'text')
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('umpire_user_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('games_json', 'text')
    .addColumn('outcome', 'text')
    .addColumn('winner_side', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tournament_matches_code')
    .on('tournament_matches')
    .columns(['event_id', 'code'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'tournament_matches',
    'tournament_draws',
    'tournament_entry_players',
    'tournament_entries',
    'tournament_events',
    'tournament_courts',
    'tournaments',
  ])
    await db.schema.dropTable(t).execute();
}
