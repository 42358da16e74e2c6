import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { day, idParam, pageParams } from '../../platform/http/params.ts';
import { aggregations, ruleOperators, valueTypes } from '../../../common/reportValues.ts';
import { periodTypes, regimes } from '../../../common/periods.ts';
import { unitKindCodes } from '../organisation/index.ts';

/** Request shapes of the reporting module. Bodies are strict; every string and list is bounded. */
const uuid = z.string().uuid();
const bilingual = z.strictObject({ vi: requiredText(300), en: requiredText(300) });
const code = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'msg:code_format');
export { idParam };
/** A period id: 2019-08, 2019Q3, 2019H1, 2019, or a campaign's `campaign:<code>`. */
export const periodIdSchema = z
  .string()
  .regex(/^(\d{4}(-(0[1-9]|1[0-2])|Q[1-4]|H[12])?|campaign:[A-Za-z0-9_.-]{1,40})$/, 'msg:period_format')
  .openapi({ example: '2019-08' });

export const indicatorInput = z
  .strictObject({
    code,
    name: requiredText(300),
    valueType: z.enum(valueTypes),
    aggregation: z.enum(aggregations),
    unit: text(40)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    breakdown: z
      .array(z.strictObject({ key: code, label: bilingual }))
      .max(12)
      .optional()
      .default([]),
    description: text(2000).optional().default(''),
  })
  .openapi('ReportIndicatorInput');
export type IndicatorInput = z.output<typeof indicatorInput>;
export const updateIndicatorInput = z
  .strictObject({
    name: requiredText(300).optional(),
    unit: text(40).nullable().optional(),
    description: text(2000).optional(),
    aggregation: z.enum(aggregations).optional(),
  })
  .openapi('UpdateReportIndicator');
export type UpdateIndicatorInput = z.output<typeof updateIndicatorInput>;

const level = z.strictObject({
  level: z.enum(['cell', 'grassroots', 'bloc']),
  daysAfterEnd: z.number().int().min(0).max(365),
});
export const templateInput = z
  .strictObject({
    code,
    name: requiredText(300),
    periodType: z.enum(periodTypes),
    regime: z.enum(regimes).optional().default('calendar'),
    campaign: z
      .strictObject({ start: day, end: day })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    sections: z
      .array(
        z.strictObject({
          key: code,
          title: requiredText(300),
          items: z
            .array(z.strictObject({ indicatorId: uuid, required: z.boolean().optional().default(false) }))
            .min(1)
            .max(200),
        }),
      )
      .min(1)
      .max(30),
    rules: z
      .array(
        z.strictObject({
          left: uuid,
          operator: z.enum(ruleOperators),
          right: uuid,
          message: bilingual
            .nullable()
            .optional()
            .transform((v) => v ?? null),
        }),
      )
      .max(100)
      .optional()
      .default([]),
    assignment: z.strictObject({
      kinds: z.array(z.enum(unitKindCodes)).max(20).optional().default([]),
      groupIds: z.array(uuid).max(100).optional().default([]),
      unitIds: z.array(uuid).max(20_000).optional().default([]),
    }),
    schedule: z
      .strictObject({
        levels: z.array(level).min(1).max(3),
        onTimeDays: z.number().int().min(0).max(60).optional().default(0),
        lockDays: z.number().int().min(1).max(400),
      })
      .optional()
      .default({
        levels: [
          { level: 'cell', daysAfterEnd: 3 },
          { level: 'grassroots', daysAfterEnd: 5 },
          { level: 'bloc', daysAfterEnd: 10 },
        ],
        onTimeDays: 0,
        lockDays: 30,
      }),
    countsOn: z.enum(['submitted', 'approved']).optional().default('submitted'),
  })
  .openapi('ReportTemplateInput');
export type TemplateInput = z.output<typeof templateInput>;
export const updateTemplateInput = z
  .strictObject({
    name: requiredText(300).optional(),
    isActive: z.boolean().optional(),
    countsOn: z.enum(['submitted', 'approved']).optional(),
    schedule: templateInput.shape.schedule.unwrap().unwrap().optional(),
  })
  .openapi('UpdateReportTemplate');
export type UpdateTemplateInput = z.output<typeof updateTemplateInput>;

export const listQuery = z.object({ ...pageParams, q: text(200).optional() });
export const formQuery = z.object({ templateId: uuid, unitId: uuid, periodId: periodIdSchema });

const value = z.union([z.number(), z.string().max(2000), z.null()]);
export const saveInput = z
  .strictObject({
    templateId: uuid,
    unitId: uuid,
    periodId: periodIdSchema,
    values: z
      .array(
        z.strictObject({
          indicatorId: uuid,
          breakdownKey: z.string().max(40).optional().default(''),
          value,
          comment: text(1000).nullable().optional(),
        }),
      )
      .max(2000),
    version: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: 'The version the form was loaded at; a save over a newer one is refused (409)' }),
  })
  .openapi('ReportSaveInput');
export type SaveInput = z.output<typeof saveInput>;
export const reasonInput = z.strictObject({ reason: requiredText(2000) }).openapi('ReportReason');
export const reopenInput = z
  .strictObject({ reason: requiredText(2000), days: z.number().int().min(1).max(60).optional().default(7) })
  .openapi('ReportReopen');

export const totalsQuery = z.object({
  templateId: uuid,
  unitId: uuid,
  from: periodIdSchema,
  to: periodIdSchema,
  indicatorIds: z
    .string()
    .max(4000)
    .optional()
    .openapi({ description: 'Comma-separated indicator ids; all of the template by default' }),
});
export const groupTotalsQuery = totalsQuery.extend({
  groupSetId: uuid.openapi({ description: 'A group set of the organisation module (ownership, sector…)' }),
});
export const childrenQuery = z.object({ templateId: uuid, unitId: uuid, periodId: periodIdSchema, ...pageParams });
export const completenessQuery = z.object({
  templateId: uuid,
  unitId: uuid,
  periodId: periodIdSchema,
  ...pageParams,
  missingOnly: z.enum(['0', '1']).optional(),
});

/* ---- What the reporting module answers. Plain shapes (no transforms): they describe exactly what is sent. ---- */
const bilingualOut = z.object({ vi: z.string(), en: z.string() });
const reportValue = z.union([z.number(), z.string(), z.null()]);
const windowOut = z.object({ start: z.string(), end: z.string() });
const levelDeadlineOut = z.object({ level: z.string(), due: z.string(), onTimeBy: z.string() });
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
/** A figure per indicator id (null: nothing counts yet). */
const valuesById = z.record(z.string(), z.number().nullable());

export const indicatorOut = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    valueType: z.enum(valueTypes),
    aggregation: z.enum(aggregations),
    unit: z.string().nullable(),
    breakdown: z.array(z.object({ key: z.string(), label: bilingualOut })),
    description: z.string(),
    isDemo: z.boolean(),
  })
  .openapi('ReportIndicator');
export const indicatorPage = pageOf(indicatorOut).openapi('ReportIndicatorPage');

const sectionOut = z.object({
  key: z.string(),
  title: z.string(),
  items: z.array(z.object({ indicatorId: z.string(), required: z.boolean() })),
});
const ruleOut = z.object({
  left: z.string(),
  operator: z.enum(ruleOperators),
  right: z.string(),
  message: bilingualOut.nullable(),
});
const templateFields = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  periodType: z.enum(periodTypes),
  regime: z.enum(regimes),
  campaign: windowOut.nullable(),
  sections: z.array(sectionOut),
  rules: z.array(ruleOut),
  assignment: z.object({
    kinds: z.array(z.enum(unitKindCodes)),
    groupIds: z.array(z.string()),
    unitIds: z.array(z.string()),
  }),
  schedule: z.object({
    levels: z.array(z.object({ level: z.string(), daysAfterEnd: z.number().int() })).readonly(),
    onTimeDays: z.number().int(),
    lockDays: z.number().int(),
  }),
  countsOn: z.enum(['submitted', 'approved']),
  isActive: z.boolean(),
  isDemo: z.boolean(),
};
/** A template as stored (the answer to a create or an update). */
export const templateOut = z.object(templateFields).openapi('ReportTemplate');
const campaignPeriodId = z
  .string()
  .nullable()
  .openapi({ description: "A campaign template's one period id (`campaign:<code>`), else null" });
export const templateSummaryOut = z.object({ ...templateFields, campaignPeriodId }).openapi('ReportTemplateSummary');
export const templatePage = pageOf(templateSummaryOut).openapi('ReportTemplatePage');
export const templateDetailOut = z
  .object({ ...templateFields, campaignPeriodId, indicators: z.array(indicatorOut) })
  .openapi('ReportTemplateDetail');

export const submissionStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
const unitRefOut = z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable(), kind: z.string() });
export const reportFormOut = z
  .object({
    template: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      periodType: z.enum(periodTypes),
      regime: z.enum(regimes),
      sections: z.array(sectionOut),
      rules: z.array(ruleOut),
      countsOn: z.enum(['submitted', 'approved']),
    }),
    indicators: z.array(indicatorOut),
    unit: z.object({
      id: z.string(),
      name: z.string(),
      shortName: z.string().nullable(),
      kind: z.enum(unitKindCodes),
    }),
    periodId: z.string(),
    deadlines: z.object({
      today: z.string(),
      window: windowOut,
      level: z.enum(['cell', 'grassroots', 'bloc']),
      due: z.string(),
      onTimeBy: z.string(),
      lockOn: z.string(),
      levels: z.array(levelDeadlineOut),
    }),
    expected: z.boolean(),
    submission: z
      .object({
        id: z.string(),
        status: z.enum(submissionStatuses),
        version: z.number().int(),
        submittedAt: z.string().nullable(),
        submittedOn: z.string().nullable(),
        timeliness: z.enum(['on_time', 'late']).nullable(),
        decidedAt: z.string().nullable(),
        returnReason: z.string().nullable(),
        reopenedUntil: z.string().nullable(),
        counted: z.boolean(),
      })
      .nullable(),
    values: z.array(
      z.object({
        indicatorId: z.string(),
        breakdownKey: z.string(),
        value: reportValue,
        comment: z.string().nullable(),
      }),
    ),
    locked: z.object({ code: z.string(), messages: bilingualOut }).nullable(),
    may: z.object({
      edit: z.boolean(),
      submit: z.boolean(),
      approve: z.boolean(),
      return: z.boolean(),
      reopen: z.boolean(),
    }),
  })
  .openapi('ReportForm');

export const historyPage = pageOf(
  z.object({
    id: z.string(),
    indicatorId: z.string(),
    indicatorName: z.string(),
    breakdownKey: z.string(),
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
    changedBy: z.string(),
    changedAt: z.string(),
  }),
).openapi('ReportHistoryPage');

const indicatorHead = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  aggregation: z.enum(aggregations),
};
export const totalsOut = z
  .object({
    templateId: z.string(),
    unitId: z.string(),
    from: z.string(),
    to: z.string(),
    pieces: z.array(z.string()),
    indicators: z.array(
      z.object({
        ...indicatorHead,
        value: z.number().nullable(),
        count: z.number().int(),
        breakdown: z.array(z.object({ key: z.string(), value: z.number().nullable(), count: z.number().int() })),
      }),
    ),
  })
  .openapi('ReportTotals');
export const groupTotalsOut = z
  .object({
    templateId: z.string(),
    unitId: z.string(),
    from: z.string(),
    to: z.string(),
    groupSet: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    indicators: z.array(z.object(indicatorHead)),
    groups: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        unitCount: z.number().int(),
        values: valuesById,
      }),
    ),
    ungrouped: z.object({ values: valuesById }),
    total: z.object({ values: valuesById }),
  })
  .openapi('ReportGroupTotals');
export const childTotalsOut = z
  .object({
    periodId: z.string(),
    items: z.array(z.object({ unit: unitRefOut, values: valuesById })),
    page: z.number().int(),
    pageSize: z.number().int(),
    hasMore: z.boolean(),
  })
  .openapi('ReportChildTotals');
export const completenessOut = z
  .object({
    templateId: z.string(),
    periodId: z.string(),
    today: z.string(),
    window: windowOut,
    levels: z.array(levelDeadlineOut),
    lockOn: z.string(),
    ownDue: z.string(),
    expected: z.number().int(),
    received: z.number().int(),
    onTime: z.number().int(),
    approved: z.number().int(),
    returned: z.number().int(),
    drafts: z.number().int(),
    missing: z.number().int(),
    rate: z.number().nullable(),
    items: z.array(
      z.object({
        unit: unitRefOut,
        submissionId: z.string().nullable(),
        status: z.enum([...submissionStatuses, 'missing']),
        submittedOn: z.string().nullable(),
        onTimeBy: z.string(),
        onTime: z.boolean().nullable(),
      }),
    ),
    page: z.number().int(),
    pageSize: z.number().int(),
    hasMore: z.boolean(),
  })
  .openapi('ReportCompleteness');

export const formFilePreviewOut = z
  .object({
    valid: z.boolean(),
    errors: z.number().int(),
    warnings: z.number().int(),
    changed: z.number().int(),
    currentVersion: z.number().int(),
    fileVersion: z.number().int().nullable(),
    problems: z.array(
      z.object({
        row: z.number().int().nullable(),
        column: z.string().nullable(),
        code: z.string(),
        severity: z.enum(['error', 'warning']),
        indicatorId: z.string().optional(),
        breakdownKey: z.string().optional(),
        messages: bilingualOut,
      }),
    ),
    rows: z.array(
      z.object({
        row: z.number().int(),
        indicatorId: z.string(),
        code: z.string(),
        name: z.string(),
        breakdownKey: z.string(),
        breakdownLabel: z.string().nullable(),
        current: reportValue,
        value: reportValue,
        currentComment: z.string().nullable(),
        comment: z.string().nullable(),
        changed: z.boolean(),
      }),
    ),
    templateId: z.string(),
    unitId: z.string(),
    periodId: z.string(),
    template: z.object({ code: z.string(), name: z.string() }),
    unit: z.object({ id: z.string(), name: z.string() }),
    periodLabel: z.string(),
  })
  .openapi('ReportFormFilePreview');

export type IndicatorOut = z.output<typeof indicatorOut>;
export type TemplateOut = z.output<typeof templateOut>;
export type TemplateSummary = z.output<typeof templateSummaryOut>;
export type TemplateDetail = z.output<typeof templateDetailOut>;
export type ReportForm = z.output<typeof reportFormOut>;
export type TemplatePage = z.output<typeof templatePage>;
export type HistoryPage = z.output<typeof historyPage>;
export type HistoryEntry = HistoryPage['items'][number];
export type Totals = z.output<typeof totalsOut>;
export type GroupTotals = z.output<typeof groupTotalsOut>;
export type ChildTotals = z.output<typeof childTotalsOut>;
export type Completeness = z.output<typeof completenessOut>;
export type FormFilePreview = z.output<typeof formFilePreviewOut>;
export type SaveBody = z.input<typeof saveInput>;
