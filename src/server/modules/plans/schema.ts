import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { day, idParam, pageParams } from '../../platform/http/params.ts';
import { activityStatuses } from './status.ts';

/** Request and response shapes of the plans module. Bodies are strict; every string and list is bounded. */
const uuid = z.string().uuid();
const bilingual = z.object({ vi: z.string(), en: z.string() });
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const optionalDay = day
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const textList = (max: number, each: number) => z.array(requiredText(each)).max(max);

export { idParam };

export const statusSchema = z.enum(activityStatuses);
export const statusSourceKeys = ['organisation.new_grassroots', 'reporting.templates', 'honours.selection'] as const;

const target = z
  .strictObject({
    value: z.number().min(0).max(1_000_000_000),
    comparator: z
      .enum(['gte', 'eq', 'lte'])
      .openapi({ description: '"gte": at least (từ … trở lên); "eq": exactly; "lte": at most' }),
    indicator: requiredText(300),
    unit: optionalText(50),
    breakdown: z
      .array(z.strictObject({ value: z.number().min(0).max(1_000_000_000), indicator: requiredText(300) }))
      .max(20)
      .optional()
      .default([]),
  })
  .openapi('PlanTarget');

const activityFields = {
  kind: z.enum(['task', 'duty']).optional().default('task'),
  section: requiredText(20).openapi({ description: 'Section path as numbered in the plan, e.g. "II.3"' }),
  title: requiredText(1000),
  description: text(8000).optional().default(''),
  subItems: textList(30, 2000).optional().default([]).openapi({ description: 'The "+" lines under the activity' }),
  leadUnitIds: z.array(uuid).max(20000).optional().default([]),
  coordinatingUnitIds: z.array(uuid).max(20000).optional().default([]),
  otherParticipants: textList(30, 300)
    .optional()
    .default([])
    .openapi({ description: 'Participants outside the registry, as written' }),
  start: optionalDay,
  due: optionalDay,
  tentative: z.boolean().optional().default(false),
  recurrence: z
    .enum(['daily', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly', 'continuous'])
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  target: target
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  statusSource: z
    .enum(statusSourceKeys)
    .nullable()
    .optional()
    .transform((v) => v ?? null)
    .openapi({
      description:
        'A module that decides this activity\'s progress from its own data: "organisation.new_grassroots" (grassroots units founded in the period), "reporting.templates" (report templates issued and reports received), "honours.selection" (the honourees selected against the quota; done on the day the results are confirmed)',
    }),
};

export const activityInput = z
  .strictObject({ ref: text(20).optional(), ...activityFields })
  .openapi('PlanActivityInput');
export type ActivityInput = z.output<typeof activityInput>;

export const updateActivityInput = z
  .strictObject({
    section: requiredText(20).optional(),
    title: requiredText(1000).optional(),
    description: text(8000).optional(),
    subItems: textList(30, 2000).optional(),
    leadUnitIds: z.array(uuid).max(20000).optional(),
    coordinatingUnitIds: z.array(uuid).max(20000).optional(),
    otherParticipants: textList(30, 300).optional(),
    start: day.nullable().optional(),
    due: day.nullable().optional(),
    tentative: z.boolean().optional(),
    target: target.nullable().optional(),
    statusSource: z.enum(statusSourceKeys).nullable().optional(),
  })
  .openapi('UpdatePlanActivity');
export type UpdateActivityInput = z.output<typeof updateActivityInput>;

const sectionInput = z.strictObject({
  path: requiredText(20),
  marker: text(10).optional().default(''),
  title: text(1000).openapi({ description: 'Empty when the numbered line is itself a duty (III.5, III.7)' }),
  role: z.enum(['purposes', 'content', 'timeline', 'organisation']).optional().default('content'),
  notes: textList(20, 2000)
    .optional()
    .default([])
    .openapi({ description: 'Lines under the heading that are not activities (a period, a note)' }),
});

const milestoneInput = z.strictObject({
  title: requiredText(1000),
  text: text(2000).optional().default(''),
  start: optionalDay,
  due: optionalDay,
  tentative: z.boolean().optional().default(false),
  closes: z
    .array(requiredText(20))
    .max(100)
    .optional()
    .default([])
    .openapi({ description: 'Refs of the activities the milestone closes' }),
});

const headerFields = {
  superiorBody: optionalText(300),
  issuingBody: optionalText(300),
  symbolSuffix: optionalText(30),
  number: optionalText(60),
  place: optionalText(100),
  date: optionalDay,
  type: requiredText(60).optional().default('KẾ HOẠCH'),
  title: requiredText(1000),
};

const signerInput = z.strictObject({
  authority: optionalText(200),
  position: optionalText(200),
  name: optionalText(200),
  personId: uuid.nullable().optional(),
});

export const createPlanInput = z
  .strictObject({
    header: z.strictObject(headerFields),
    unitId: uuid.nullable().optional().openapi({ description: 'The unit whose plan it is (the Bloc)' }),
    legalBasis: textList(20, 4000).optional().default([]),
    introduction: textList(20, 4000).optional().default([]),
    purposes: textList(50, 4000).optional().default([]),
    sections: z.array(sectionInput).max(200).optional().default([]),
    periodStart: optionalDay,
    periodDue: optionalDay,
    deployDue: optionalDay.openapi({ description: 'The day sub-plans are due (the seed: 10/6/2019)' }),
    activities: z.array(activityInput).max(500).optional().default([]),
    milestones: z.array(milestoneInput).max(100).optional().default([]),
    recipients: textList(50, 300).optional().default([]),
    archive: optionalText(300),
    signer: signerInput.optional().default({ authority: null, position: null, name: null }),
    closing: optionalText(4000),
  })
  .openapi('CreatePlan');
export type CreatePlanInput = z.output<typeof createPlanInput>;

export const updatePlanInput = z
  .strictObject({
    superiorBody: optionalText(300),
    issuingBody: optionalText(300),
    symbolSuffix: optionalText(30),
    number: optionalText(60),
    place: optionalText(100),
    date: day.nullable().optional(),
    title: requiredText(1000).optional(),
    periodStart: day.nullable().optional(),
    periodDue: day.nullable().optional(),
    deployDue: day.nullable().optional(),
    recipients: textList(50, 300).optional(),
    closing: text(4000).nullable().optional(),
  })
  .openapi('UpdatePlan');
export type UpdatePlanInput = z.input<typeof updatePlanInput>;

export const planListQuery = z.object({ ...pageParams, parentId: uuid.optional(), q: text(200).optional() });
export const activityListQuery = z.object({
  ...pageParams,
  status: statusSchema.optional(),
  unitId: uuid.optional(),
  section: text(20).optional(),
});
export const unitDashboardQuery = z.object({ ...pageParams, lateOnly: z.enum(['0', '1']).optional() });
export const calendarQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'msg:date_format')
    .openapi({ example: '2019-08' }),
});

export const reportInput = z
  .strictObject({
    text: requiredText(8000),
    percent: z.number().int().min(0).max(100),
    figure: z.number().min(0).max(1_000_000_000).nullable().optional(),
    doneOn: day
      .nullable()
      .optional()
      .openapi({ description: 'The day the work was done (with 100 %); defaults to today in Việt Nam' }),
    unitId: uuid
      .nullable()
      .optional()
      .openapi({ description: "The reporting unit; defaults to the caller's unit on the activity" }),
    attachmentIds: z
      .array(uuid)
      .max(10)
      .optional()
      .default([])
      .openapi({ description: 'Files uploaded first with POST /api/files (minutes, photos, documents): at most 10' }),
  })
  .openapi('ProgressReportInput');
export type ReportInput = z.input<typeof reportInput>;

export const subPlanInput = z
  .strictObject({
    unitId: uuid,
    title: optionalText(1000),
    number: optionalText(60),
    issuedOn: day.nullable().optional().openapi({ description: 'The day the unit issued its plan; defaults to today' }),
    pick: z
      .array(uuid)
      .max(500)
      .optional()
      .default([])
      .openapi({ description: "Activities of the Bloc's plan the unit takes on" }),
    own: z.array(activityInput).max(200).optional().default([]).openapi({ description: "The unit's own activities" }),
  })
  .openapi('SubPlanInput');
export type SubPlanInput = z.output<typeof subPlanInput>;
export const subPlanDraftQuery = z.object({
  unitId: uuid.openapi({ description: 'The unit whose plan is being built' }),
});

export const supervisionInput = z
  .strictObject({
    planId: uuid.nullable().optional(),
    unitId: uuid,
    kind: z.enum(['urge', 'inspect']),
    visitedOn: day,
    findings: requiredText(8000),
    followUps: text(8000).optional().default(''),
  })
  .openapi('SupervisionInput');
export type SupervisionInput = z.output<typeof supervisionInput>;
export const supervisionQuery = z.object({ ...pageParams, planId: uuid.optional(), unitId: uuid.optional() });

export const notificationQuery = z.object({ ...pageParams, unread: z.enum(['0', '1']).optional() });

// ---------- responses (kept loose: the services build them) ----------
const unitRef = z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() });
export const activityView = z
  .object({
    id: z.string(),
    planId: z.string(),
    ref: z.string(),
    kind: z.string(),
    section: z.string(),
    title: z.string(),
    description: z.string(),
    subItems: z.array(z.string()),
    lead: z.array(unitRef),
    coordinating: z.array(unitRef),
    otherParticipants: z.array(z.string()),
    start: z.string().nullable(),
    due: z.string().nullable(),
    tentative: z.boolean(),
    recurrence: z.string().nullable(),
    target: z.any().nullable(),
    statusSource: z.string().nullable(),
    originActivityId: z.string().nullable(),
    percent: z.number().nullable(),
    figure: z.number().nullable(),
    doneOn: z.string().nullable(),
    status: statusSchema,
    statusLabel: bilingual,
    sourceNote: bilingual.nullable(),
    unitLine: z
      .object({
        unitId: z.string(),
        role: z.string(),
        percent: z.number().nullable(),
        doneOn: z.string().nullable(),
        status: statusSchema,
        statusLabel: bilingual,
      })
      .nullable()
      .optional()
      .openapi({ description: "With `unitId` in the query: that unit's own line of the activity" }),
  })
  .openapi('PlanActivity');
export const activityPage = z.object({
  items: z.array(activityView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const planView = z.any().openapi('Plan');
export const anyJson = z.any();
