/** The budget module's row types, merged into the one `Database` (ADR 13). Money is whole VND. */
export interface BudgetEstimatesTable {
  id: string;
  plan_id: string;
  /** one estimate per plan activity */
  activity_id: string;
  title: string;
  is_demo: number;
  created_by: string | null;
  created_at: string;
}

export type VersionStatus = 'draft' | 'submitted' | 'approved' | 'superseded';

export interface BudgetVersionsTable {
  id: string;
  estimate_id: string;
  number: number;
  status: VersionStatus;
  note: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  /** the day the Standing Committee approved it */
  decided_on: string | null;
  return_reason: string | null;
  created_at: string;
}

export type FundingSource = 'bloc' | 'mobilised' | 'units';

export interface BudgetLinesTable {
  id: string;
  version_id: string;
  line_key: string;
  position: number;
  item: string;
  /** quantity × 1000 */
  quantity_milli: number;
  unit: string;
  unit_price: number;
  amount: number;
  source: FundingSource;
}

export interface BudgetRatesTable {
  id: string;
  kind: 'base_salary' | 'coefficient';
  award_form: string;
  /** VND for the base salary, thousandths for a coefficient */
  value: number;
  effective_from: string;
  source: string;
  created_at: string;
}

export type SponsorKind = 'enterprise' | 'unit' | 'individual' | 'other';

export interface BudgetSponsorsTable {
  id: string;
  plan_id: string;
  name: string;
  name_folded: string;
  kind: SponsorKind;
  address: string | null;
  representative: string | null;
  public_consent: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface BudgetPledgesTable {
  id: string;
  sponsor_id: string;
  activity_id: string | null;
  amount: number;
  pledged_on: string;
  note: string | null;
  created_at: string;
}

export interface BudgetReceiptsTable {
  id: string;
  sponsor_id: string;
  activity_id: string | null;
  kind: 'money' | 'in_kind';
  amount: number;
  description: string | null;
  received_on: string;
  recorded_by: string | null;
  created_at: string;
}

export interface BudgetSpendingTable {
  id: string;
  estimate_id: string;
  line_key: string;
  amount: number;
  spent_on: string;
  description: string;
  voucher_number: string;
  recorded_by: string | null;
  created_at: string;
}

export interface BudgetSettlementsTable {
  plan_id: string;
  closed_on: string;
  closed_by: string | null;
  note: string | null;
  created_at: string;
}

declare module '../../platform/db/tables.ts' {
  interface Database {
    budget_estimates: BudgetEstimatesTable;
    budget_versions: BudgetVersionsTable;
    budget_lines: BudgetLinesTable;
    budget_rates: BudgetRatesTable;
    budget_sponsors: BudgetSponsorsTable;
    budget_pledges: BudgetPledgesTable;
    budget_receipts: BudgetReceiptsTable;
    budget_spending: BudgetSpendingTable;
    budget_settlements: BudgetSettlementsTable;
  }
}
