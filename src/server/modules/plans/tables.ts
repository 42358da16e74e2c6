/**
 * Row types of the plans module: plans and sub-plans, activities, who carries them, milestones,
 * reports, supervision, notifications. They join the platform's one `Database` interface by
 * declaration merging (ADR 13).
 */
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

declare module '../../platform/db/tables.ts' {
  interface Database {
    plans: PlansTable;
    plan_activities: PlanActivitiesTable;
    plan_activity_units: PlanActivityUnitsTable;
    plan_milestones: PlanMilestonesTable;
    plan_reports: PlanReportsTable;
    plan_deploy_units: PlanDeployUnitsTable;
    plan_supervisions: PlanSupervisionsTable;
    notifications: NotificationsTable;
  }
}
