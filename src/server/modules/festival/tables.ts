/** The festival module's row types, merged into the one `Database` (ADR 13). */
export interface FestivalsTable {
  id: string;
  code: string;
  name: string;
  name_folded: string;
  organiser_unit_id: string | null;
  entries_per_unit: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface FestivalEntriesTable {
  id: string;
  festival_id: string;
  unit_id: string;
  performance: string;
  song: string;
  composer: string;
  lyricist: string | null;
  genre: string;
  accompaniment: string;
  declared_seconds: number;
  measured_seconds: number | null;
  /** The backing track's length read from its headers (0022). */
  track_seconds: number | null;
  status: string;
  return_reason: string | null;
  entered_by: string | null;
  entered_at: string;
  decided_by: string | null;
  decided_at: string | null;
  ceremony_position: number | null;
}

export interface FestivalEntryPerformersTable {
  entry_id: string;
  person_id: string;
  position: number;
}

export interface FestivalRoundsTable {
  id: string;
  festival_id: string;
  kind: string;
  unit_id: string | null;
  name: string;
  held_on: string;
  venue: string;
  max_act_seconds: number;
  method: string;
  tie_break_json: string;
  order_seed: string | null;
  status: string;
  method_frozen_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  certified_at: string | null;
  certified_by: string | null;
  results_json: string | null;
  now_position: number | null;
  created_at: string;
}

export interface FestivalRoundEntriesTable {
  round_id: string;
  entry_id: string;
  position: number;
}

export interface FestivalCriteriaTable {
  id: string;
  round_id: string;
  code: string;
  name: string;
  weight: number;
  max: number;
  position: number;
}

export interface FestivalJudgesTable {
  id: string;
  round_id: string;
  user_id: string | null;
  name: string;
  unit_id: string | null;
  is_head: number;
  position: number;
}

export interface FestivalRecusalsTable {
  id: string;
  round_id: string;
  judge_id: string;
  entry_id: string;
  note: string;
  declared_by: string | null;
  declared_at: string;
}

export interface FestivalSheetsTable {
  id: string;
  round_id: string;
  judge_id: string;
  entry_id: string;
  scores_json: string;
  status: string;
  entered_by: string | null;
  updated_at: string;
  locked_at: string | null;
}

export interface FestivalSheetChangesTable {
  id: string;
  sheet_id: string;
  before_json: string;
  after_json: string;
  reason: string;
  changed_by: string | null;
  changed_at: string;
}

export interface FestivalPrizesTable {
  id: string;
  round_id: string;
  entry_id: string;
  kind: string;
  title: string | null;
  position: number;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    festivals: FestivalsTable;
    festival_entries: FestivalEntriesTable;
    festival_entry_performers: FestivalEntryPerformersTable;
    festival_rounds: FestivalRoundsTable;
    festival_round_entries: FestivalRoundEntriesTable;
    festival_criteria: FestivalCriteriaTable;
    festival_judges: FestivalJudgesTable;
    festival_recusals: FestivalRecusalsTable;
    festival_sheets: FestivalSheetsTable;
    festival_sheet_changes: FestivalSheetChangesTable;
    festival_prizes: FestivalPrizesTable;
  }
}
