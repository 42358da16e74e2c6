import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { day, idParam, pageParams } from '../../platform/http/params.ts';
import { indicatorOut } from '../reporting/index.ts';

/** Request shapes of the emulation module. Bodies are strict; every string and list is bounded. */
const uuid = z.string().uuid();
export { idParam };
export const unitParam = z.object({ unitId: uuid.openapi({ param: { name: 'unitId', in: 'path' } }) });
export const registrationParam = z.object({
  id: uuid.openapi({ param: { name: 'id', in: 'path' } }),
  registrationId: uuid.openapi({ param: { name: 'registrationId', in: 'path' } }),
});
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const driveInput = z
  .strictObject({
    code: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'msg:code_format'),
    name: requiredText(500),
    theme: text(4000).optional().default(''),
    start: day,
    end: day,
    launchNumber: optionalText(60).openapi({ description: 'The launching document, e.g. "12-KH/ĐUK"' }),
    launchDate: day
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    templateId: uuid
      .nullable()
      .optional()
      .transform((v) => v ?? null)
      .openapi({ description: 'The reporting template (campaign) through which units report their results' }),
    registrationDue: day
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    participantIds: z.array(uuid).max(20_000).optional().default([]),
  })
  .openapi('EmulationDriveInput');
export type DriveInput = z.output<typeof driveInput>;

export const updateDriveInput = z
  .strictObject({
    name: requiredText(500).optional(),
    theme: text(4000).optional(),
    end: day.optional(),
    launchNumber: text(60).nullable().optional(),
    launchDate: day.nullable().optional(),
    registrationDue: day.nullable().optional(),
    status: z
      .enum(['open', 'closed'])
      .optional()
      .openapi({ description: '"closed" fixes the ranking for the honours that follow' }),
  })
  .openapi('UpdateEmulationDrive');
export type UpdateDriveInput = z.output<typeof updateDriveInput>;

export const participantsInput = z
  .strictObject({
    add: z.array(uuid).max(20_000).optional().default([]),
    remove: z.array(uuid).max(20_000).optional().default([]),
  })
  .openapi('EmulationParticipants');

export const registrationInput = z
  .strictObject({
    unitId: uuid,
    targets: z
      .array(
        z.strictObject({
          indicatorId: uuid
            .nullable()
            .optional()
            .transform((v) => v ?? null),
          text: requiredText(1000),
          value: z
            .number()
            .min(0)
            .max(1e12)
            .nullable()
            .optional()
            .transform((v) => v ?? null),
        }),
      )
      .min(1)
      .max(50),
    note: text(4000).optional().default(''),
  })
  .openapi('EmulationRegistrationInput');
export type RegistrationInput = z.output<typeof registrationInput>;
export const reviewInput = z
  .strictObject({ decision: z.enum(['accept', 'return']), note: optionalText(2000) })
  .openapi('EmulationReview');

export const criteriaInput = z
  .strictObject({
    criteria: z
      .array(
        z.strictObject({
          name: requiredText(500),
          weight: z.number().min(0).max(100),
          method: z.enum(['indicator', 'manual']).openapi({
            description:
              '"indicator": scored from the unit\'s reported result against the best unit; "manual": scored by the Bloc',
          }),
          indicatorId: uuid
            .nullable()
            .optional()
            .transform((v) => v ?? null),
          maxScore: z.number().min(1).max(1000).optional().default(10),
        }),
      )
      .min(1)
      .max(30),
  })
  .openapi('EmulationCriteriaInput');
export type CriteriaInput = z.output<typeof criteriaInput>;

export const scoresInput = z
  .strictObject({
    unitId: uuid,
    scores: z
      .array(z.strictObject({ criterionId: uuid, score: z.number().min(0).max(1000), note: optionalText(1000) }))
      .min(1)
      .max(30),
  })
  .openapi('EmulationScoresInput');
export type ScoresInput = z.output<typeof scoresInput>;

export const listQuery = z.object({ ...pageParams, q: text(200).optional() });
export const registrationQuery = z.object({
  ...pageParams,
  status: z.enum(['submitted', 'accepted', 'returned']).optional(),
});

/* ---- What the emulation module answers: plain shapes, exactly what is sent. ---- */
export const driveStatuses = ['open', 'closed'] as const;
export const registrationStatuses = ['submitted', 'accepted', 'returned'] as const;
const pageFields = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int() };
const driveFields = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  theme: z.string(),
  start: z.string(),
  end: z.string(),
  launchNumber: z.string().nullable(),
  launchDate: z.string().nullable(),
  templateId: z.string().nullable(),
  registrationDue: z.string().nullable(),
  status: z.enum(driveStatuses),
  isDemo: z.boolean(),
};
export const driveOut = z.object(driveFields).openapi('EmulationDrive');
export const drivePage = z.object({ items: z.array(driveOut), ...pageFields }).openapi('EmulationDrivePage');
export const driveDetailOut = z
  .object({
    ...driveFields,
    participantCount: z.number().int(),
    participants: z
      .array(z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable() }))
      .openapi({ description: 'The first 500, in Vietnamese order' }),
    registrations: z
      .partialRecord(z.enum(registrationStatuses), z.number().int())
      .openapi({ description: 'How many registrations are in each state (states with none are left out)' }),
    template: z
      .object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        campaignPeriodId: z.string().nullable(),
        indicators: z.array(indicatorOut),
      })
      .nullable(),
  })
  .openapi('EmulationDriveDetail');

const targetOut = z.object({ indicatorId: z.string().nullable(), text: z.string(), value: z.number().nullable() });
export const registrationOut = z
  .object({
    id: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }),
    targets: z.array(targetOut),
    note: z.string(),
    status: z.enum(registrationStatuses),
    reviewNote: z.string().nullable(),
    submittedAt: z.string(),
    reviewedAt: z.string().nullable(),
  })
  .openapi('EmulationRegistration');
export const registrationPage = z
  .object({ items: z.array(registrationOut), ...pageFields })
  .openapi('EmulationRegistrationPage');

export const criterionOut = z
  .object({
    id: z.string(),
    name: z.string(),
    weight: z.number(),
    method: z.enum(['indicator', 'manual']),
    indicatorId: z.string().nullable(),
    maxScore: z.number(),
  })
  .openapi('EmulationCriterion');
export const criteriaOut = z.object({ items: z.array(criterionOut) }).openapi('EmulationCriteria');
const scoreOut = z.object({ criterionId: z.string(), score: z.number().nullable(), result: z.number().nullable() });
export const rankingOut = z
  .object({
    driveId: z.string(),
    status: z.enum(driveStatuses),
    criteria: z.array(criterionOut),
    items: z.array(
      z.object({
        unitId: z.string(),
        name: z.string(),
        scores: z.array(scoreOut),
        total: z.number(),
        rank: z.number().int(),
      }),
    ),
  })
  .openapi('EmulationRanking');
export const unitResultsOut = z
  .object({
    unitId: z.string(),
    drives: z.array(
      z.object({
        drive: z.object({
          id: z.string(),
          code: z.string(),
          name: z.string(),
          start: z.string(),
          end: z.string(),
          status: z.enum(driveStatuses),
        }),
        participants: z.number().int(),
        rank: z.number().int().nullable(),
        total: z.number().nullable(),
        scores: z.array(scoreOut.extend({ criterion: z.string() })),
      }),
    ),
  })
  .openapi('EmulationUnitResults');

export type DriveStatus = (typeof driveStatuses)[number];
export type RegistrationStatus = (typeof registrationStatuses)[number];
export type Drive = z.output<typeof driveOut>;
export type DrivePage = z.output<typeof drivePage>;
export type DriveDetail = z.output<typeof driveDetailOut>;
export type Registration = z.output<typeof registrationOut>;
export type RegistrationPage = z.output<typeof registrationPage>;
export type CriterionOut = z.output<typeof criterionOut>;
export type Ranking = z.output<typeof rankingOut>;
export type UnitResults = z.output<typeof unitResultsOut>;
