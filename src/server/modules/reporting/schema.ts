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
export const anyJson = z.any();
