/**
 * The row types of every table, for Kysely. Conventions that keep SQLite and PostgreSQL in step:
 * ids are text (time-ordered, made by the app), times are ISO-8601 UTC text, booleans are 0/1,
 * JSON is text. Each module adds its tables' interface here.
 */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  display_name_folded: string;
  password_hash: string;
  locale: string;
  is_active: number;
  must_change_password: number;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
  /** The person this account belongs to (organisation module). */
  person_id?: string | null;
}

export interface SessionsTable {
  /** sha256 of the token that only the browser holds. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
}

export interface RoleGrantsTable {
  id: string;
  user_id: string;
  role: string;
  /** null: the grant covers every unit. */
  unit_id: string | null;
  granted_at: string;
  granted_by: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  ip: string | null;
}

export interface JobsTable {
  id: string;
  type: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** Organisation module: the unit tree, its history, groups, people, positions, who is in charge. */
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

/** Plans module: plans and sub-plans, activities, who carries them, milestones, reports, supervision, notifications. */
export interface PlansTable {
  id: string;
  parent_plan_id: string | null;
  /** the unit whose plan it is (the Bloc; a grassroots unit for a sub-plan) */
  unit_id: string | null;
  superior_body: string | null;
  issuing_body: string | null;
  symbol_suffix: string | null;
  number: string | null;
  place: string | null;
  issued_on: string | null;
  type: string;
  title: string;
  title_folded: string;
  legal_basis_json: string;
  introduction_json: string;
  purposes_json: string;
  sections_json: string;
  recipients_json: string;
  archive: string | null;
  signer_json: string;
  closing: string | null;
  period_start: string | null;
  period_due: string | null;
  /** the day sub-plans are due ("triển khai tới cơ sở trước ngày …") */
  deploy_due: string | null;
  demo_key: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanActivitiesTable {
  id: string;
  plan_id: string;
  /** the draft's id ("A7"), kept so milestones and documents can refer to it */
  ref: string;
  kind: string;
  section: string;
  position: number;
  title: string;
  description: string;
  sub_items_json: string;
  other_participants_json: string;
  start_on: string | null;
  due_on: string | null;
  tentative: number;
  recurrence: string | null;
  target_value: number | null;
  target_comparator: string | null;
  target_indicator: string | null;
  target_unit: string | null;
  target_breakdown_json: string | null;
  status_source: string | null;
  origin_activity_id: string | null;
  /** copies of the latest report (see progress.ts) */
  progress_percent: number | null;
  progress_figure: number | null;
  done_on: string | null;
  last_report_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanActivityUnitsTable {
  plan_id: string;
  activity_id: string;
  unit_id: string;
  role: string;
  position: number;
  percent: number | null;
  done_on: string | null;
}

export interface PlanMilestonesTable {
  id: string;
  plan_id: string;
  position: number;
  title: string;
  text: string;
  start_on: string | null;
  due_on: string | null;
  tentative: number;
  closes_json: string;
}

export interface PlanReportsTable {
  id: string;
  plan_id: string;
  activity_id: string;
  unit_id: string | null;
  text: string;
  percent: number;
  figure: number | null;
  done_on: string | null;
  reported_by: string | null;
  reporter_name: string;
  reported_at: string;
}

export interface PlanDeployUnitsTable {
  plan_id: string;
  unit_id: string;
}

export interface PlanSupervisionsTable {
  id: string;
  plan_id: string | null;
  unit_id: string;
  person_id: string | null;
  kind: string;
  visited_on: string;
  findings: string;
  follow_ups: string;
  recorded_by: string | null;
  recorder_name: string;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  link: string | null;
  entity_type: string | null;
  entity_id: string | null;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

/** Platform: uploaded files, their bytes beside their metadata (ADR 9). */
export interface StoredFilesTable {
  id: string;
  sha256: string;
  size: number;
  media_type: string;
  name: string;
  owner_type: string | null;
  owner_id: string | null;
  uploaded_by: string | null;
  uploaded_at: string;
  content: Uint8Array;
}

/** Reporting module: indicators, templates, submissions, values and their history, live totals (ADR 11). */
export interface ReportIndicatorsTable {
  id: string;
  code: string;
  name: string;
  name_folded: string;
  value_type: string;
  aggregation: string;
  unit_of_measure: string | null;
  breakdown_json: string;
  description: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface ReportTemplatesTable {
  id: string;
  code: string;
  name: string;
  name_folded: string;
  period_type: string;
  regime: string;
  campaign_start: string | null;
  campaign_end: string | null;
  sections_json: string;
  rules_json: string;
  assignment_json: string;
  schedule_json: string;
  counts_on: string;
  is_active: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface ReportSubmissionsTable {
  id: string;
  template_id: string;
  unit_id: string;
  period_id: string;
  status: string;
  counted: number;
  version: number;
  submitted_at: string | null;
  submitted_on: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  return_reason: string | null;
  reopened_until: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface ReportValuesTable {
  submission_id: string;
  template_id: string;
  unit_id: string;
  period_id: string;
  indicator_id: string;
  breakdown_key: string;
  num_value: number | null;
  text_value: string | null;
  comment: string | null;
}

export interface ReportValueHistoryTable {
  id: string;
  submission_id: string;
  indicator_id: string;
  breakdown_key: string;
  old_value: string | null;
  new_value: string | null;
  changed_by: string | null;
  changer_name: string;
  changed_at: string;
}

export interface ReportTotalsTable {
  template_id: string;
  indicator_id: string;
  breakdown_key: string;
  unit_id: string;
  period_id: string;
  sum: number;
  count: number;
}

/** Emulation module: drives, participants, registered targets, criteria and scores. */
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

/** Honours module: campaigns, nominations and dossiers, screening, the Council's sessions and secret ballots (ADR 12). */
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
}

export interface HonourSessionMembersTable {
  session_id: string;
  user_id: string;
  name: string;
  role: string;
  attendance: string;
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
}

export interface HonourVotersTable {
  round_id: string;
  user_id: string;
  via: string;
}

export interface HonourTalliesTable {
  round_id: string;
  nomination_id: string;
  choice: string;
  count: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  role_grants: RoleGrantsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
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
  plans: PlansTable;
  plan_activities: PlanActivitiesTable;
  plan_activity_units: PlanActivityUnitsTable;
  plan_milestones: PlanMilestonesTable;
  plan_reports: PlanReportsTable;
  plan_deploy_units: PlanDeployUnitsTable;
  plan_supervisions: PlanSupervisionsTable;
  notifications: NotificationsTable;
  stored_files: StoredFilesTable;
  report_indicators: ReportIndicatorsTable;
  report_templates: ReportTemplatesTable;
  report_submissions: ReportSubmissionsTable;
  report_values: ReportValuesTable;
  report_value_history: ReportValueHistoryTable;
  report_totals: ReportTotalsTable;
  emulation_drives: EmulationDrivesTable;
  emulation_participants: EmulationParticipantsTable;
  emulation_registrations: EmulationRegistrationsTable;
  emulation_criteria: EmulationCriteriaTable;
  emulation_scores: EmulationScoresTable;
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
  honour_tallies: HonourTalliesTable;
}
