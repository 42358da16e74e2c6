import type { Selectable } from 'kysely';
import type { ReportIndicatorsTable, ReportTemplatesTable } from './tables.ts';
import type { DeadlineSchedule, PeriodType, Regime } from '../../../common/periods.ts';
import type {
  Aggregation,
  Breakdown,
  FormIndicator,
  FormItem,
  FormRule,
  ValueType,
} from '../../../common/reportValues.ts';
import type { UnitKind } from '../organisation/index.ts';

/** The reporting regime as data, read from its rows: indicators and templates (biểu mẫu). */
export type IndicatorRow = Selectable<ReportIndicatorsTable>;
export type TemplateRow = Selectable<ReportTemplatesTable>;

export type Indicator = FormIndicator & { description: string; isDemo: boolean };
export type TemplateSection = { key: string; title: string; items: FormItem[] };
/** Which units must report: units of these kinds, in these groups, or listed (any of the three). */
export type Assignment = { kinds: UnitKind[]; groupIds: string[]; unitIds: string[] };
export type CountsOn = 'submitted' | 'approved';

export type Template = {
  id: string;
  code: string;
  name: string;
  periodType: PeriodType;
  regime: Regime;
  campaign: { start: string; end: string } | null;
  sections: TemplateSection[];
  rules: FormRule[];
  assignment: Assignment;
  schedule: DeadlineSchedule;
  countsOn: CountsOn;
  isActive: boolean;
  isDemo: boolean;
};

export function indicatorOf(r: IndicatorRow): Indicator {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    valueType: r.value_type as ValueType,
    aggregation: r.aggregation as Aggregation,
    unit: r.unit_of_measure,
    breakdown: JSON.parse(r.breakdown_json) as Breakdown[],
    description: r.description,
    isDemo: r.is_demo === 1,
  };
}

export function templateOf(r: TemplateRow): Template {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    periodType: r.period_type as PeriodType,
    regime: r.regime as Regime,
    campaign: r.campaign_start && r.campaign_end ? { start: r.campaign_start, end: r.campaign_end } : null,
    sections: JSON.parse(r.sections_json) as TemplateSection[],
    rules: JSON.parse(r.rules_json) as FormRule[],
    assignment: JSON.parse(r.assignment_json) as Assignment,
    schedule: JSON.parse(r.schedule_json) as DeadlineSchedule,
    countsOn: r.counts_on as CountsOn,
    isActive: r.is_active === 1,
    isDemo: r.is_demo === 1,
  };
}

/** The indicator ids a template asks for, in form order. */
export const indicatorIdsOf = (t: Pick<Template, 'sections'>) => [
  ...new Set(t.sections.flatMap((s) => s.items.map((i) => i.indicatorId))),
];
