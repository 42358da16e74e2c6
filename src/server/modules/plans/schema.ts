import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { day, idParam, pageParams } from '../../platform/http/params.ts';
import { planDraft } from './import/draft.ts';
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
export const statusSourceKeys = [
  'organisation.new_grassroots',
  'reporting.templates',
  'honours.selection',
  'tournament.results',
  'festival.results',
  'ceremony.held',
  'budget.settled',
  'office.duty',
  'publicity.pieces',
] as const;
/** An activity's sources: each key once, at most four. */
const statusSourceList = z
  .array(z.enum(statusSourceKeys))
  .max(4)
  .refine((keys) => new Set(keys).size === keys.length, 'msg:distinct_sources');

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
        'A module that decides this activity\'s progress from its own data: "organisation.new_grassroots" (grassroots units founded in the period), "reporting.templates" (report templates issued and reports received), "honours.selection" (the honourees selected against the quota; done on the day the results are confirmed), "tournament.results", "ceremony.held" (done on the day the ceremony is recorded as held), "budget.settled" (done on the day the settlement is closed, every estimate approved), "office.duty" (the duty roster: done when every event of the plan has staff on duty), "publicity.pieces" (publicity pieces published out of those planned for the activity, or for its plan when none names it)',
    }),
  statusSources: statusSourceList.optional().openapi({
    description:
      'Several modules, when the activity holds several jobs (the seed\'s A23: "budget.settled" and "office.duty"): done when every one is done, on the latest day (ADR 41). Given, it replaces `statusSource`',
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
    statusSources: statusSourceList.optional(),
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

// ---------- responses: what the services answer, and the types the web reads (ADR 14) ----------

const unitRef = z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() }).openapi('PlanUnitRef');
const comparator = z.enum(['gte', 'eq', 'lte']);
export const statusSourceSchema = z.enum(statusSourceKeys);

export const targetOut = z
  .object({
    value: z.number(),
    comparator,
    indicator: z.string(),
    unit: z.string().nullable(),
    breakdown: z.array(z.object({ value: z.number(), indicator: z.string() })),
  })
  .openapi('PlanTargetView');

export const unitLineOut = z.object({
  unitId: z.string(),
  role: z.string(),
  percent: z.number().nullable(),
  doneOn: z.string().nullable(),
  status: statusSchema,
  statusLabel: bilingual,
});

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
    lead: z.array(unitRef).openapi({ description: 'The first named units; `leadCount` says how many there are' }),
    coordinating: z.array(unitRef),
    leadCount: z.number(),
    coordinatingCount: z.number(),
    otherParticipants: z.array(z.string()),
    start: z.string().nullable(),
    due: z.string().nullable(),
    tentative: z.boolean(),
    recurrence: z.string().nullable(),
    target: targetOut.nullable(),
    statusSource: statusSourceSchema.nullable().openapi({
      description:
        "The module that decides this activity's progress from its own data (the first, when several do), or null",
    }),
    statusSources: z
      .array(statusSourceSchema)
      .openapi({ description: "Every module that decides the activity's progress" }),
    originActivityId: z.string().nullable(),
    percent: z.number().nullable(),
    figure: z.number().nullable(),
    doneOn: z.string().nullable(),
    status: statusSchema,
    statusLabel: bilingual,
    sourceNote: bilingual.nullable(),
    sources: z
      .array(
        z.object({
          key: statusSourceSchema,
          label: bilingual,
          doneOn: z.string().nullable(),
          percent: z.number().nullable(),
          note: bilingual.nullable(),
        }),
      )
      .openapi({ description: "Each source's own answer, when the activity names several" }),
    unitLine: unitLineOut
      .nullable()
      .optional()
      .openapi({ description: "With `unitId` in the query: that unit's own line of the activity" }),
  })
  .openapi('PlanActivity');

export const activityPage = z
  .object({
    items: z.array(activityView),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    today: z.string(),
  })
  .openapi('PlanActivityPage');

const storedFileRef = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  mediaType: z.string(),
  uploadedAt: z.string(),
});
export const reportOut = z
  .object({
    id: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
    text: z.string(),
    percent: z.number(),
    figure: z.number().nullable(),
    doneOn: z.string().nullable(),
    reporterName: z.string(),
    reportedAt: z.string(),
    attachments: z.array(storedFileRef),
  })
  .openapi('ProgressReport');
export const activityDetail = activityView.extend({ reports: z.array(reportOut) }).openapi('PlanActivityDetail');

export const planSummary = z
  .object({
    id: z.string(),
    parentPlanId: z.string().nullable(),
    unitId: z.string().nullable(),
    superiorBody: z.string().nullable(),
    issuingBody: z.string().nullable(),
    symbolSuffix: z.string().nullable(),
    number: z.string().nullable(),
    place: z.string().nullable(),
    date: z.string().nullable(),
    type: z.string(),
    title: z.string(),
    periodStart: z.string().nullable(),
    periodDue: z.string().nullable(),
    deployDue: z.string().nullable(),
    isDemo: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PlanSummary');
export const planPage = z
  .object({ items: z.array(planSummary), total: z.number(), page: z.number(), pageSize: z.number() })
  .openapi('PlanPage');

const sectionOut = z.object({
  path: z.string(),
  marker: z.string(),
  title: z.string(),
  role: z.enum(['purposes', 'content', 'timeline', 'organisation']),
  notes: z.array(z.string()),
});
export const milestoneOut = z
  .object({
    id: z.string(),
    title: z.string(),
    text: z.string(),
    start: z.string().nullable(),
    due: z.string().nullable(),
    tentative: z.boolean(),
    closes: z.array(z.string()),
  })
  .openapi('PlanMilestone');
export const countsOut = z
  .object({ done_on_time: z.number(), done_late: z.number(), in_progress: z.number(), overdue: z.number() })
  .openapi('PlanStatusCounts');

export const planView = planSummary
  .extend({
    unit: unitRef.nullable(),
    legalBasis: z.array(z.string()),
    introduction: z.array(z.string()),
    purposes: z.array(z.string()),
    sections: z.array(sectionOut),
    recipients: z.array(z.string()),
    archive: z.string().nullable(),
    signer: z.object({
      authority: z.string().nullable(),
      position: z.string().nullable(),
      name: z.string().nullable(),
      personId: z.string().nullable().optional(),
    }),
    closing: z.string().nullable(),
    milestones: z.array(milestoneOut),
    activities: z.array(activityView),
    counts: countsOut,
    seesWholePlan: z.boolean(),
    today: z.string(),
  })
  .openapi('Plan');

export const dashboardOut = z
  .object({ plan: planSummary, today: z.string(), total: z.number(), counts: countsOut })
  .openapi('PlanDashboard');

export const unitDashboardOut = z
  .object({
    items: z.array(
      z.object({
        unit: unitRef.extend({ kind: z.string().nullable() }),
        lead: z.number(),
        coordinating: z.number(),
        counts: countsOut,
        late: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string(), due: z.string().nullable() })),
      }),
    ),
    page: z.number(),
    pageSize: z.number(),
    hasMore: z.boolean(),
    today: z.string(),
  })
  .openapi('PlanUnitDashboard');

export const timelineOut = z
  .object({
    plan: planSummary,
    today: z.string(),
    activities: z.array(
      z.object({
        id: z.string(),
        ref: z.string(),
        section: z.string(),
        title: z.string(),
        start: z.string().nullable().openapi({ description: 'The due date when the plan gives only a deadline' }),
        due: z.string().nullable(),
        tentative: z.boolean(),
        status: statusSchema,
        statusLabel: bilingual,
        percent: z.number().nullable(),
        doneOn: z.string().nullable(),
        lead: z.array(z.string()),
        leadCount: z.number(),
      }),
    ),
    milestones: z.array(milestoneOut),
  })
  .openapi('PlanTimeline');

export const calendarDayOut = z.object({
  date: z.string(),
  activities: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string(), status: statusSchema })),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), tentative: z.boolean() })),
});
export const calendarOut = z
  .object({ month: z.string(), today: z.string(), days: z.array(calendarDayOut) })
  .openapi('PlanCalendar');

const subPlanRef = z.object({
  id: z.string(),
  type: z.string(),
  number: z.string().nullable(),
  symbolSuffix: z.string().nullable(),
  date: z.string().nullable(),
  title: z.string(),
});
export const subPlanUnitsOut = z
  .object({
    items: z.array(z.object({ unit: unitRef, subPlan: subPlanRef.nullable() })),
    deployDue: z.string().nullable(),
  })
  .openapi('SubPlanUnits');
export const subPlanDraftOut = z
  .object({
    plan: subPlanRef.extend({ issuingBody: z.string().nullable(), deployDue: z.string().nullable() }),
    unit: unitRef,
    subPlan: subPlanRef.nullable(),
    proposedTitle: z.string(),
    sections: z.array(sectionOut.omit({ notes: true })),
    activities: z.array(
      z.object({
        id: z.string(),
        ref: z.string(),
        kind: z.string(),
        section: z.string(),
        title: z.string(),
        start: z.string().nullable(),
        due: z.string().nullable(),
        tentative: z.boolean(),
        recurrence: z.string().nullable(),
        role: z.enum(['lead', 'coordinating']).nullable(),
      }),
    ),
  })
  .openapi('SubPlanDraft');
export const deploymentOut = z
  .object({
    deployDue: z.string().nullable(),
    today: z.string(),
    total: z.number(),
    deployed: z.number(),
    onTime: z.number(),
    late: z.number(),
    notDeployed: z.number(),
    items: z.array(
      z.object({
        unit: unitRef,
        subPlanId: z.string().nullable(),
        issuedOn: z.string().nullable(),
        state: z.enum(['on_time', 'late', 'missing', 'pending']).openapi({
          description: '"pending": not issued yet, before the deadline; "missing": not issued, the deadline passed',
        }),
      }),
    ),
    page: z.number(),
    pageSize: z.number(),
  })
  .openapi('PlanDeployment');

export const supervisionOut = z
  .object({
    id: z.string(),
    planId: z.string().nullable(),
    unit: z.object({ id: z.string(), name: z.string() }),
    personId: z.string().nullable(),
    kind: z.enum(['urge', 'inspect']),
    visitedOn: z.string(),
    findings: z.string(),
    followUps: z.string(),
    recorderName: z.string(),
    createdAt: z.string(),
  })
  .openapi('Supervision');
export const supervisionPage = z
  .object({ items: z.array(supervisionOut), total: z.number(), page: z.number(), pageSize: z.number() })
  .openapi('SupervisionPage');
export const supervisionUnitsOut = z
  .object({
    any: z.boolean().openapi({ description: 'The caller may record visits for every unit' }),
    items: z.array(unitRef).openapi({ description: 'The units the caller is in charge of' }),
    mandate: z.array(unitRef).openapi({
      description: "The grassroots organisations within the Inspection Commission's mandate (plans.supervise_any)",
    }),
  })
  .openapi('SupervisionUnits');

export const notificationOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: bilingual,
    body: bilingual,
    link: z.string().nullable(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');
export const notificationPage = z
  .object({ items: z.array(notificationOut), total: z.number(), page: z.number(), pageSize: z.number() })
  .openapi('NotificationPage');

const unitCandidate = z.object({ id: z.string(), name: z.string(), score: z.number() });
export const nameMatchOut = z.object({
  name: z.string(),
  status: z.enum(['exact', 'candidates', 'unmatched']),
  group: z.boolean().openapi({ description: 'A plural reference ("các ban"): may stand for several units' }),
  match: unitCandidate.extend({ via: z.enum(['name', 'shortName', 'alias']) }).nullable(),
  candidates: z.array(unitCandidate),
  resolvedIds: z.array(z.string()).openapi({ description: 'The units the name stands for, at most 200 listed' }),
  resolvedCount: z.number(),
  via: z.enum(['exact', 'group', 'best_candidate']).nullable(),
});
export const proposalOut = z
  .object({
    header: z.object({
      superiorBody: z.string().nullable(),
      issuingBody: z.string().nullable(),
      symbolSuffix: z.string().nullable(),
      number: z.string().nullable(),
      place: z.string().nullable(),
      date: z.string().nullable(),
      type: z.string(),
      title: z.string(),
    }),
    unitId: z.string().nullable(),
    legalBasis: z.array(z.string()),
    introduction: z.array(z.string()),
    purposes: z.array(z.string()),
    sections: z.array(sectionOut),
    periodStart: z.string().nullable(),
    periodDue: z.string().nullable(),
    deployDue: z.string().nullable(),
    activities: z.array(
      z.object({
        ref: z.string(),
        kind: z.enum(['task', 'duty']),
        section: z.string(),
        title: z.string(),
        description: z.string(),
        subItems: z.array(z.string()),
        leadUnitIds: z.array(z.string()),
        coordinatingUnitIds: z.array(z.string()),
        otherParticipants: z.array(z.string()),
        start: z.string().nullable(),
        due: z.string().nullable(),
        tentative: z.boolean(),
        recurrence: z
          .enum(['daily', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly', 'continuous'])
          .nullable(),
        target: targetOut.nullable(),
        statusSource: statusSourceSchema.nullable(),
      }),
    ),
    milestones: z.array(milestoneOut.omit({ id: true })),
    recipients: z.array(z.string()),
    archive: z.string().nullable(),
    signer: z.object({
      authority: z.string().nullable(),
      position: z.string().nullable(),
      name: z.string().nullable(),
    }),
    closing: z.string().nullable(),
  })
  .openapi('PlanProposal', { description: 'The body of POST /api/plans, with what could be resolved' });
export const importPreviewOut = z
  .object({ draft: planDraft, units: z.array(nameMatchOut), proposal: proposalOut })
  .openapi('PlanImportPreview');

export type UnitRef = z.output<typeof unitRef>;
export type Target = z.output<typeof targetOut>;
export type UnitLine = z.output<typeof unitLineOut>;
export type Activity = z.output<typeof activityView>;
export type ActivityPage = z.output<typeof activityPage>;
export type Report = z.output<typeof reportOut>;
export type ActivityDetail = z.output<typeof activityDetail>;
export type PlanSummary = z.output<typeof planSummary>;
export type PlanPage = z.output<typeof planPage>;
export type Section = z.output<typeof sectionOut>;
export type Milestone = z.output<typeof milestoneOut>;
export type Counts = z.output<typeof countsOut>;
export type Plan = z.output<typeof planView>;
export type Dashboard = z.output<typeof dashboardOut>;
export type UnitDashboard = z.output<typeof unitDashboardOut>;
export type UnitDashboardLine = UnitDashboard['items'][number];
export type Timeline = z.output<typeof timelineOut>;
export type TimelineActivity = Timeline['activities'][number];
export type CalendarDay = z.output<typeof calendarDayOut>;
export type CalendarMonth = z.output<typeof calendarOut>;
export type SubPlanUnits = z.output<typeof subPlanUnitsOut>;
export type SubPlanUnit = SubPlanUnits['items'][number];
export type SubPlanDraft = z.output<typeof subPlanDraftOut>;
export type SubPlanRef = z.output<typeof subPlanRef>;
export type DraftActivityLine = SubPlanDraft['activities'][number];
export type Deployment = z.output<typeof deploymentOut>;
export type Supervision = z.output<typeof supervisionOut>;
export type SupervisionPage = z.output<typeof supervisionPage>;
export type SupervisionUnits = z.output<typeof supervisionUnitsOut>;
export type AppNotification = z.output<typeof notificationOut>;
export type NotificationPage = z.output<typeof notificationPage>;
export type NameMatch = z.output<typeof nameMatchOut>;
export type Proposal = z.output<typeof proposalOut>;
export type ImportPreview = z.output<typeof importPreviewOut>;
export type StatusSource = z.output<typeof statusSourceSchema>;
// Request bodies as the web sends them.
export type PlanChange = z.input<typeof updatePlanInput>;
export type ActivityBody = z.input<typeof activityInput>;
export type ActivityChange = z.input<typeof updateActivityInput>;
export type ReportBody = z.input<typeof reportInput>;
export type SubPlanBody = z.input<typeof subPlanInput>;
export type SupervisionBody = z.input<typeof supervisionInput>;
export type CreatePlanBody = z.input<typeof createPlanInput>;

export const issuePlanInput = z
  .strictObject({ date: day.optional().openapi({ description: 'The day of issue; defaults to the plan’s date' }) })
  .openapi('IssuePlan');
export const issuedPlanOut = z
  .object({
    outgoingId: z.string().openapi({ description: 'The entry in the office’s outgoing register' }),
    number: z.string(),
    symbol: z.string().openapi({ example: '05-KH/ĐUK' }),
    recipients: z.array(z.string()),
  })
  .openapi('IssuedPlan');
