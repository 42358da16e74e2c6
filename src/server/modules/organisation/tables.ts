/**
 * Row types of the organisation module: the unit tree, its history, groups, people, positions, who
 * is in charge. They join the platform's one `Database` interface by declaration merging (ADR 13).
 */
export interface UnitsTable {
  id: string;
  code: string;
  kind: string;
  name: string;
  short_name: string | null;
  name_folded: string;
  /** fold(name + short name + code): what `q` searches. */
  search_folded: string;
  sort_key: string;
  parent_id: string | null;
  depth: number;
  position: number;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  tax_code: string | null;
  workers: number | null;
  note: string | null;
  /** ISO dates; valid_to is the first day the unit no longer exists (null: still exists). */
  valid_from: string;
  valid_to: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface UnitClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface UnitVersionsTable {
  id: string;
  unit_id: string;
  parent_id: string | null;
  name: string;
  short_name: string | null;
  search_folded: string;
  sort_key: string;
  valid_from: string;
  valid_to: string | null;
  operation_id: string | null;
}

export interface UnitOperationsTable {
  id: string;
  type: string;
  unit_id: string;
  target_id: string | null;
  effective_on: string;
  document_number: string | null;
  document_date: string | null;
  note: string | null;
  details_json: string | null;
  is_demo: number;
  created_at: string;
  created_by: string | null;
}

export interface GroupSetsTable {
  id: string;
  code: string;
  name: string;
  position: number;
  created_at: string;
}

export interface GroupsTable {
  id: string;
  set_id: string;
  code: string;
  name: string;
  name_folded: string;
  position: number;
  created_at: string;
}

export interface UnitGroupsTable {
  unit_id: string;
  set_id: string;
  group_id: string;
}

export interface PeopleTable {
  id: string;
  full_name: string;
  name_folded: string;
  sort_key: string;
  gender: string | null;
  birth_year: number | null;
  party_joined_on: string | null;
  party_unit_id: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  note: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface PositionsTable {
  id: string;
  person_id: string;
  unit_id: string;
  title: string;
  rank: number;
  valid_from: string | null;
  valid_to: string | null;
  created_at: string;
}

export interface UnitSupervisorsTable {
  id: string;
  person_id: string;
  unit_id: string;
  note: string | null;
  created_at: string;
}

export interface OrganisationImportsTable {
  id: string;
  kind: string;
  status: string;
  file_name: string | null;
  row_count: number;
  rows_json: string;
  problems_json: string;
  created_by: string | null;
  created_at: string;
  confirmed_at: string | null;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    units: UnitsTable;
    unit_closure: UnitClosureTable;
    unit_versions: UnitVersionsTable;
    unit_operations: UnitOperationsTable;
    group_sets: GroupSetsTable;
    groups: GroupsTable;
    unit_groups: UnitGroupsTable;
    people: PeopleTable;
    positions: PositionsTable;
    unit_supervisors: UnitSupervisorsTable;
    organisation_imports: OrganisationImportsTable;
  }
}
