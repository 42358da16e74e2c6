import type { Generated } from 'kysely';

/** The tournament module's row types, merged into the one `Database` (ADR 13). */
export interface TournamentsTable {
  id: string;
  code: string;
  name: string;
  name_folded: string;
  venue: string;
  starts_on: string;
  ends_on: string;
  entry_deadline: string;
  organiser_unit_id: string | null;
  rest_minutes: number;
  events_per_player: number | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface TournamentCourtsTable {
  id: string;
  tournament_id: string;
  name: string;
  position: number;
  hours_json: string;
}

export interface TournamentEventsTable {
  id: string;
  tournament_id: string;
  code: string;
  name: string;
  kind: string;
  category_json: string;
  format: string;
  scoring: string;
  group_scoring: string | null;
  group_count: number | null;
  qualifiers_per_group: number | null;
  third_place: string;
  entries_per_unit: number | null;
  mixed_units: number;
  match_minutes: number;
  tie_format_json: string | null;
  position: number;
  created_at: string;
}

export interface TournamentEntriesTable {
  id: string;
  event_id: string;
  unit_id: string;
  status: string;
  seed: number | null;
  return_reason: string | null;
  entered_by: string | null;
  entered_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface TournamentEntryPlayersTable {
  entry_id: string;
  person_id: string;
  position: number;
}

export interface TournamentDrawsTable {
  id: string;
  event_id: string;
  version: number;
  random_seed: string;
  input_json: string;
  positions_json: string;
  log_json: string;
  drawn_by: string | null;
  drawn_by_name: string;
  drawn_at: string;
  is_current: number;
  /** The version of the draw's algorithm that made it (common/tournament/draw.ts). */
  algorithm: number;
  /** Groups then knockout: the knockout drawn from the groups' rankings once they are played (draws.ts). */
  knockout_json: string | null;
}

export interface TournamentMatchesTable {
  id: string;
  event_id: string;
  code: string;
  stage: string;
  group_no: number | null;
  round: number;
  idx: number;
  sources_json: string;
  entry_a: string | null;
  entry_b: string | null;
  walk_through: number;
  court_id: string | null;
  planned_start: string | null;
  planned_end: string | null;
  umpire_user_id: string | null;
  status: string;
  started_at: string | null;
  finished_at: string | null;
  games_json: string | null;
  outcome: string | null;
  winner_side: number | null;
  version: number;
  /** Where the umpire's rally log has brought the match (umpire.ts, ADR 28); null before scoring. */
  rally_json: string | null;
  /** A team event's tie: the captains' line-ups and the rubbers' results (ties.ts, ADR 35); null for other matches. */
  tie_json: string | null;
}

/** The umpire's rally log: one row per thing the phone sent (a start, a rally won, an undo). */
export interface TournamentRalliesTable {
  match_id: string;
  /** 0: the match itself; 1–9: the rubber of a tie (ADR 35). */
  rubber: Generated<number>;
  seq: number;
  client_id: string;
  kind: string;
  side: number | null;
  start_json: string | null;
  entered_by: string | null;
  entered_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    tournaments: TournamentsTable;
    tournament_courts: TournamentCourtsTable;
    tournament_events: TournamentEventsTable;
    tournament_entries: TournamentEntriesTable;
    tournament_entry_players: TournamentEntryPlayersTable;
    tournament_draws: TournamentDrawsTable;
    tournament_matches: TournamentMatchesTable;
    tournament_rallies: TournamentRalliesTable;
  }
}
