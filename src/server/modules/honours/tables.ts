/**
 * Row types of the honours module: campaigns, nominations and dossiers, screening, the Council's
 * sessions and secret ballots (ADR 12). They join the platform's one `Database` interface by
 * declaration merging (ADR 13).
 */
export interface HonourCampaignsTable {
  id: string;
  code: string;
  name: string;
  name_folded: string;
  nomination_opens: string;
  nomination_due: string;
  drive_id: string | null;
  council_unit_id: string | null;
  status: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
  /** The decision that confirmed the results ("125-QĐ/ĐUK") and its ISO date; null until decided (migration 0024). */
  decision_number: string | null;
  decision_date: string | null;
}

export interface HonourCategoriesTable {
  id: string;
  campaign_id: string;
  kind: string;
  name: string;
  quota: number;
  position: number;
  criteria_json: string;
}

export interface HonourNominationsTable {
  id: string;
  campaign_id: string;
  category_id: string;
  unit_id: string;
  nominee_unit_id: string | null;
  nominee_person_id: string | null;
  product_name: string | null;
  product_enterprise_id: string | null;
  nominee_name: string;
  summary: string;
  status: string;
  reason: string | null;
  submitted_at: string | null;
  created_by: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface HonourDossierItemsTable {
  nomination_id: string;
  file_id: string;
  kind: string;
  added_at: string;
}

export interface HonourNominationEventsTable {
  id: string;
  nomination_id: string;
  action: string;
  note: string | null;
  actor_id: string | null;
  actor_name: string;
  at: string;
}

export interface HonourScreeningsTable {
  nomination_id: string;
  criterion_key: string;
  result: string;
  note: string | null;
  screened_by: string | null;
  screened_at: string;
}

export interface HonourSessionsTable {
  id: string;
  campaign_id: string;
  title: string;
  held_on: string;
  rules_json: string;
  status: string;
  created_by: string | null;
  created_at: string;
  /** The chair's public key for the encrypted ballot (hex ristretto255), made on the chair's own device. */
  ballot_key: string | null;
}

export interface HonourSessionMembersTable {
  session_id: string;
  user_id: string;
  name: string;
  role: string;
  attendance: string;
  /** 1 when the member votes; 0 for the Office's secretary, who sits as Thư ký (migration 0024). */
  votes: number;
}

export interface HonourConflictsTable {
  session_id: string;
  user_id: string;
  nomination_id: string;
  note: string | null;
}

export interface HonourRoundsTable {
  id: string;
  session_id: string;
  number: number;
  category_id: string;
  method: string;
  nominations_json: string;
  seats: number;
  status: string;
  opened_at: string;
  closed_at: string | null;
  result_json: string | null;
  /** The encrypted running totals and the sorted receipts (ballot.ts BallotBox); never a plaintext count. */
  box_json: string | null;
}

export interface HonourVotersTable {
  round_id: string;
  user_id: string;
  via: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    honour_campaigns: HonourCampaignsTable;
    honour_categories: HonourCategoriesTable;
    honour_nominations: HonourNominationsTable;
    honour_dossier_items: HonourDossierItemsTable;
    honour_nomination_events: HonourNominationEventsTable;
    honour_screenings: HonourScreeningsTable;
    honour_sessions: HonourSessionsTable;
    honour_session_members: HonourSessionMembersTable;
    honour_conflicts: HonourConflictsTable;
    honour_rounds: HonourRoundsTable;
    honour_voters: HonourVotersTable;
  }
}
