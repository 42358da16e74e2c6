import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { day, idParam, pageParams } from '../../platform/http/params.ts';

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
export const anyJson = z.any();
