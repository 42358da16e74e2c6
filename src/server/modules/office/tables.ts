/** The office module's row types, merged into the one `Database` (ADR 13). */
export interface OfficeSettingsTable {
  /** always 'office': one row */
  id: string;
  superior_body: string;
  issuing_body: string;
  /** the issuer's part of the symbol: "ĐUK" in "45-KH/ĐUK" */
  symbol_suffix: string;
  /** congress documents' suffix: "ĐH" in "01-NQ/ĐH" */
  congress_suffix: string;
  place: string;
  updated_at: string;
}

export interface OfficeTermsTable {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  created_at: string;
}

/** One row per numbering series; `last_number` is raised by one in the issuing transaction. */
export interface OfficeCountersTable {
  series: string;
  last_number: number;
}

export interface OfficeOutgoingTable {
  id: string;
  term_id: string;
  /** the numbering series inside the term: the type's code, or 'ĐH' for congress documents */
  series: string;
  doc_type: string;
  number: number;
  /** "45-KH/ĐUK", as printed */
  symbol: string;
  issued_on: string;
  summary: string;
  summary_folded: string;
  signer_name: string;
  signer_position: string;
  is_public: number;
  is_congress: number;
  /** the "Nơi nhận" lines as written, JSON string[] */
  recipients_json: string;
  /** the module and record that issued it ("honours.campaign", id), or null for the Office's own */
  source_type: string | null;
  source_id: string | null;
  issued_by: string | null;
  created_at: string;
  sent_at: string | null;
}

/** One recipient unit of a sent document: when it reached the inbox, was opened, acknowledged. */
export interface OfficeDeliveriesTable {
  id: string;
  outgoing_id: string;
  unit_id: string;
  /** the "Nơi nhận" line the unit came from */
  line: string;
  sent_at: string;
  opened_at: string | null;
  opened_by: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  last_reminded_at: string | null;
  reminders: number;
}

export interface OfficeIncomingTable {
  id: string;
  year: number;
  arrival_number: number;
  received_on: string;
  sender: string;
  /** the sender's number and symbol as written: "125-CV/TU" */
  reference: string;
  doc_date: string | null;
  summary: string;
  summary_folded: string;
  lead_unit_id: string | null;
  /** JSON string[]: the coordinating units */
  coordinating_json: string;
  deadline: string | null;
  instructions: string | null;
  assigned_by: string | null;
  assigned_at: string | null;
  /** the plan activity the assignment became, whose status then counts */
  plan_activity_id: string | null;
  done_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    office_settings: OfficeSettingsTable;
    office_terms: OfficeTermsTable;
    office_counters: OfficeCountersTable;
    office_outgoing: OfficeOutgoingTable;
    office_deliveries: OfficeDeliveriesTable;
    office_incoming: OfficeIncomingTable;
  }
}

/** An event the Office staffs: a plan's activity (or a day of it), where and when (Vietnam time, "YYYY-MM-DDTHH:mm"). */
export interface OfficeDutyEventsTable {
  id: string;
  title: string;
  title_folded: string;
  place: string;
  starts_at: string;
  ends_at: string;
  plan_id: string | null;
  plan_activity_id: string | null;
  activity_title: string | null;
  notes: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One person on duty at an event: where, from when to when, doing what. */
export interface OfficeDutiesTable {
  id: string;
  event_id: string;
  person_id: string;
  person_name: string;
  unit_id: string | null;
  unit_name: string | null;
  position_title: string | null;
  duties: string;
  place: string;
  starts_at: string;
  ends_at: string;
  created_by: string | null;
  created_at: string;
}

/** One row per person booked, raised in each booking's transaction: the bookings of one person queue (ADR 29). */
export interface OfficeDutyLocksTable {
  person_id: string;
  bookings: number;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    office_duty_events: OfficeDutyEventsTable;
    office_duties: OfficeDutiesTable;
    office_duty_locks: OfficeDutyLocksTable;
  }
}
