/**
 * Row types of the reporting module: indicators, templates, submissions, values and their history,
 * live totals (ADR 11). They join the platform's one `Database` interface by declaration merging
 * (ADR 13).
 */
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

declare module '../../platform/db/tables.ts' {
  interface Database {
    report_indicators: ReportIndicatorsTable;
    report_templates: ReportTemplatesTable;
    report_submissions: ReportSubmissionsTable;
    report_values: ReportValuesTable;
    report_value_history: ReportValueHistoryTable;
    report_totals: ReportTotalsTable;
  }
}
