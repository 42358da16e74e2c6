/** The ceremony module's row types, merged into the one `Database` (ADR 13). */
export interface CeremoniesTable {
  id: string;
  code: string;
  name: string;
  name_folded: string;
  event_date: string;
  venue: string;
  doors: string;
  start_time: string;
  target_end: string;
  honours_campaign_id: string | null;
  /** the unit that organises it (its Ban Tổ chức), whose head signs for the organisers; null when not named */
  organiser_unit_id: string | null;
  stage_size: number;
  syllables_per_minute: number;
  /** JSON: category kinds in the order the batches go up */
  category_order_json: string;
  /** JSON: the award batches as frozen (null while they follow the results) */
  awards_json: string | null;
  frozen_at: string | null;
  published: number;
  /** the show's pause: the instant the show-caller held (null while running or not started) */
  hold_since: string | null;
  /** JSON: the passages timed at a rehearsal, [{ text, seconds, at }] (the pace is calibrated from them) */
  rehearsal_json: string;
  /** JSON: the invitation letter as issued, { outgoingId, number, symbol, date, signer }, or null */
  invitation_json: string | null;
  held_on: string | null;
  is_demo: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CeremonySegmentsTable {
  id: string;
  ceremony_id: string;
  position: number;
  section: string;
  kind: string;
  title: string;
  minutes: number;
  hard_start: string | null;
  on_stage: string;
  microphones: string;
  mc_lines: string;
  speech_text: string;
  /** JSON: [{ kind: sound|light|screen|video, text }] */
  cues_json: string;
  /** JSON: the act performed (a festival entry or a guest act entered by hand), or null */
  act_json: string | null;
  actual_start: string | null;
  actual_end: string | null;
}

export interface CeremonyGuestsTable {
  id: string;
  ceremony_id: string;
  name: string;
  name_folded: string;
  title: string;
  organisation: string;
  level: string;
  branch: string;
  rank: number;
  may_present: number;
  reply: string;
  deputy_name: string | null;
  deputy_title: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    ceremonies: CeremoniesTable;
    ceremony_segments: CeremonySegmentsTable;
    ceremony_guests: CeremonyGuestsTable;
  }
}
