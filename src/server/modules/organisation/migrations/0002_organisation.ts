import type { Kysely } from 'kysely';

/**
 * The organisation module: units with their history (versions and restructuring operations),
 * the closure table that answers subtree questions, exclusive group sets, people and their
 * positions, who is in charge of which grassroots units, staged Excel imports, and the link
 * from a user account to a person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('search_folded', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('tax_code', 'text')
    .addColumn('workers', 'integer')
    .addColumn('note', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_parent_idx').on('units').columns(['parent_id', 'position', 'sort_key']).execute();
  await db.schema.createIndex('units_sort_idx').on('units').columns(['sort_key', 'id']).execute();
  await db.schema.createIndex('units_order_idx').on('units').columns(['position', 'sort_key', 'id']).execute();
  await db.schema.createIndex('units_kind_idx').on('units').column('kind').execute();

  // Every (ancestor, descendant) pair of the current tree, a unit being its own ancestor at depth 0.
  await db.schema
    .createTable('unit_closure')
    .addColumn('ancestor_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('descendant_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_closure_pk', ['ancestor_id', 'descendant_id'])
    .execute();
  await db.schema
    .createIndex('unit_closure_descendant_idx')
    .on('unit_closure')
    .columns(['descendant_id', 'ancestor_id'])
    .execute();

  // What a unit was called and where it sat over time: [valid_from, valid_to).
  await db.schema
    .createTable('unit_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('search_folded', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('operation_id', 'text')
    .execute();
  await db.schema
    .createIndex('unit_versions_unit_idx')
    .on('unit_versions')
    .columns(['unit_id', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('unit_versions_parent_idx')
    .on('unit_versions')
    .columns(['parent_id', 'valid_from'])
    .execute();

  await db.schema
    .createTable('unit_operations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('target_id', 'text', (c) => c.references('units.id'))
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('document_date', 'text')
    .addColumn('note', 'text')
    .addColumn('details_json', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('unit_operations_unit_idx')
    .on('unit_operations')
    .columns(['unit_id', 'effective_on'])
    .execute();
  await db.schema
    .createIndex('unit_operations_target_idx')
    .on('unit_operations')
    .columns(['target_id', 'effective_on'])
    .execute();
  await db.schema
    .createIndex('unit_operations_type_idx')
    .on('unit_operations')
    .columns(['type', 'effective_on'])
    .execute();

  await db.schema
    .createTable('group_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('set_id', 'text', (c) => c.notNull().references('group_sets.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('groups_set_code_uq', ['set_id', 'code'])
    .execute();
  // One group per set per unit: the primary key is what makes the sets exclusive.
  await db.schema
    .createTable('unit_groups')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('set_id', 'text', (c) => c.notNull().references('group_sets.id'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addPrimaryKeyConstraint('unit_groups_pk', ['unit_id', 'set_id'])
    .execute();
  await db.schema.createIndex('unit_groups_group_idx').on('unit_groups').column('group_id').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('party_joined_on', 'text')
    .addColumn('party_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('note', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_sort_idx').on('people').columns(['sort_key', 'id']).execute();
  await db.schema.createIndex('people_party_unit_idx').on('people').column('party_unit_id').execute();

  await db.schema
    .createTable('positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull().defaultTo(100))
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('positions_person_idx').on('positions').column('person_id').execute();
  await db.schema.createIndex('positions_unit_idx').on('positions').columns(['unit_id', 'rank']).execute();

  await db.schema
    .createTable('unit_supervisors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('unit_supervisors_uq', ['person_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('unit_supervisors_unit_idx').on('unit_supervisors').column('unit_id').execute();

  await db.schema
    .createTable('organisation_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('problems_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('person_id').execute();
  for (const t of [
    'organisation_imports',
    'unit_supervisors',
    'positions',
    'people',
    'unit_groups',
    'groups',
    'group_sets',
    'unit_operations',
    'unit_versions',
    'unit_closure',
    'units',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
