/**
 * Row types of the emulation module: drives, participants, registered targets, criteria and
 * scores. They join the platform's one `Database` interface by declaration merging (ADR 13).
 */
export interface EmulationDrivesTable {
  id: string;
  code: string;
  name: string;
  name_folded: string;
  theme: string;
  start_on: string;
  end_on: string;
  launch_number: string | null;
  launch_date: string | null;
  template_id: string | null;
  registration_due: string | null;
  status: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface EmulationParticipantsTable {
  drive_id: string;
  unit_id: string;
  joined_at: string;
}

export interface EmulationRegistrationsTable {
  id: string;
  drive_id: string;
  unit_id: string;
  targets_json: string;
  note: string;
  status: string;
  review_note: string | null;
  submitted_at: string;
  submitted_by: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
}

export interface EmulationCriteriaTable {
  id: string;
  drive_id: string;
  position: number;
  name: string;
  weight: number;
  method: string;
  indicator_id: string | null;
  max_score: number;
}

export interface EmulationScoresTable {
  drive_id: string;
  unit_id: string;
  criterion_id: string;
  score: number;
  note: string | null;
  scored_by: string | null;
  scored_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    emulation_drives: EmulationDrivesTable;
    emulation_participants: EmulationParticipantsTable;
    emulation_registrations: EmulationRegistrationsTable;
    emulation_criteria: EmulationCriteriaTable;
    emulation_scores: EmulationScoresTable;
  }
}
