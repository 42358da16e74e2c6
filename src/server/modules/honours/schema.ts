import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { day, idParam, pageParams } from '../../platform/http/params.ts';

/** Request shapes of the honours module. Bodies are strict; every string and list is bounded. */
const uuid = z.string().uuid();
export { idParam };
export const categoryKinds = ['collective', 'individual', 'product'] as const;
/** `photo`: the portrait, the collective's or the product's picture, for the roll of honour (an image; one at a time; not required). */
export const dossierKinds = ['cover_submission', 'achievement_report', 'review_minutes', 'evidence', 'photo'] as const;

/** A rule the system checks from its own data (eligibility.ts); a criterion without one is checked by hand. */
export const eligibilityCheck = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('unit_years'), min: z.number().int().min(1).max(100) }),
    z.strictObject({ kind: z.literal('party_years'), min: z.number().int().min(1).max(80) }),
    z.strictObject({ kind: z.literal('emulation_rank'), top: z.number().int().min(1).max(1000) }),
  ])
  .openapi({
    description:
      "`unit_years`: the unit (the collective, the product's enterprise) has existed at least `min` full years at the nomination deadline; `party_years`: the individual has been a Party member at least `min` full years; `emulation_rank`: the unit ranks among the first `top` of the campaign's emulation drive",
  });

const criterion = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'msg:code_format'),
  description: requiredText(1000),
  required: z.boolean().optional().default(true),
  weight: z.number().min(0).max(100).optional().default(1),
  evidence: text(1000).optional().default(''),
  check: eligibilityCheck
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

export const campaignInput = z
  .strictObject({
    code: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'msg:code_format'),
    name: requiredText(500),
    nominationOpens: day,
    nominationDue: day,
    driveId: uuid
      .nullable()
      .optional()
      .transform((v) => v ?? null)
      .openapi({ description: 'The emulation drive whose results are shown beside nominations' }),
    councilUnitId: uuid
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    categories: z
      .array(
        z.strictObject({
          kind: z.enum(categoryKinds),
          name: requiredText(300),
          quota: z.number().int().min(1).max(1000),
          criteria: z.array(criterion).max(30).optional().default([]),
        }),
      )
      .min(1)
      .max(10),
  })
  .openapi('HonourCampaignInput');
export type CampaignInput = z.output<typeof campaignInput>;

export const nominationInput = z
  .strictObject({
    categoryId: uuid,
    unitId: uuid.openapi({ description: 'The nominating grassroots unit' }),
    nomineeUnitId: uuid
      .nullable()
      .optional()
      .transform((v) => v ?? null)
      .openapi({ description: 'A collective: the unit nominated' }),
    nomineePersonId: uuid
      .nullable()
      .optional()
      .transform((v) => v ?? null)
      .openapi({ description: 'An individual: the person nominated' }),
    productName: text(300)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    productEnterpriseId: uuid
      .nullable()
      .optional()
      .transform((v) => v ?? null)
      .openapi({ description: 'A product: the enterprise that makes it' }),
    summary: text(8000).optional().default(''),
  })
  .openapi('HonourNominationInput');
export type NominationInput = z.output<typeof nominationInput>;
export const updateNominationInput = z
  .strictObject({ summary: text(8000).optional(), productName: text(300).nullable().optional() })
  .openapi('UpdateHonourNomination');
export const dossierInput = z
  .strictObject({
    fileId: uuid,
    kind: z.enum(dossierKinds).openapi({
      description:
        '`photo` takes a PNG, JPEG or WebP image (by content) and replaces the current photo; it may be added at any stage',
    }),
  })
  .openapi('HonourDossierItem');
export const reasonInput = z.strictObject({ reason: requiredText(2000) }).openapi('HonourReason');
export const screeningInput = z
  .strictObject({
    results: z
      .array(
        z.strictObject({
          key: z.string().max(40),
          result: z.enum(['met', 'not_met', 'note']),
          note: text(1000)
            .nullable()
            .optional()
            .transform((v) => (v ? v : null)),
        }),
      )
      .max(30),
    eligible: z.boolean(),
    reason: text(2000)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .openapi('HonourScreening');
export type ScreeningInput = z.output<typeof screeningInput>;

/** A member's place on the Council: Chủ tịch, Phó Chủ tịch, Thư ký, Ủy viên. */
export const councilRoles = ['chair', 'vice_chair', 'secretary', 'member'] as const;
export const sessionInput = z
  .strictObject({
    campaignId: uuid,
    title: requiredText(500),
    heldOn: day,
    members: z
      .array(z.strictObject({ userId: uuid, role: z.enum(councilRoles).optional().default('member') }))
      .min(1)
      .max(100),
    rules: z.strictObject({
      quorum: z
        .strictObject({ numerator: z.number().int().min(1).max(10), denominator: z.number().int().min(1).max(10) })
        .optional()
        .default({ numerator: 2, denominator: 3 }),
      approval: z
        .strictObject({
          share: z.number().min(0.01).max(1),
          strict: z.boolean(),
          base: z.enum(['members', 'present', 'cast']),
        })
        .optional()
        .default({ share: 0.5, strict: true, base: 'members' }),
      method: z.enum(['approve', 'rank']).optional().default('approve'),
      tieBreak: z.enum(['further_round']).optional().default('further_round'),
      writtenVotes: z.boolean().optional().default(false),
    }),
  })
  .openapi('HonourSessionInput');
export type SessionInput = z.output<typeof sessionInput>;
export const attendanceInput = z
  .strictObject({
    attendance: z
      .array(z.strictObject({ userId: uuid, attendance: z.enum(['present', 'absent']) }))
      .min(1)
      .max(100),
  })
  .openapi('HonourAttendance');
export const conflictInput = z
  .strictObject({
    nominationId: uuid,
    note: text(1000)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .openapi('HonourConflict');
export const roundInput = z
  .strictObject({
    categoryId: uuid,
    nominationIds: z.array(uuid).max(500).optional().openapi({
      description: 'For a further round: the tied nominees; by default every eligible nominee of the category',
    }),
    seats: z.number().int().min(1).max(1000).optional(),
  })
  .openapi('HonourRoundInput');
export const ballotInput = z
  .strictObject({
    choices: z
      .array(z.strictObject({ nominationId: uuid, choice: z.enum(['approve', 'reject', 'abstain']) }))
      .max(500)
      .optional(),
    ranking: z
      .array(uuid)
      .max(500)
      .optional()
      .openapi({ description: 'For a ranking session: the nominees in order, best first' }),
    onBehalfOf: uuid
      .nullable()
      .optional()
      .transform((v) => v ?? null)
      .openapi({ description: "The secretary enters an absent member's written vote, where the rules allow" }),
  })
  .openapi('HonourBallot');
export type BallotInput = z.output<typeof ballotInput>;
export const nomineeQuery = z.object({
  unitId: uuid.openapi({ description: 'The nominating unit' }),
  kind: z.enum(categoryKinds),
  q: text(200).optional().openapi({ description: 'Part of the name, with or without diacritics' }),
  limit: z.coerce.number().int().min(1).max(100).optional().default(20),
});
export type NomineeQuery = z.output<typeof nomineeQuery>;
export const listQuery = z.object({
  ...pageParams,
  categoryId: uuid.optional(),
  status: z.string().max(20).optional(),
  unitId: uuid.optional(),
});
export const pageQuery = z.object(pageParams);
export const anyJson = z.any();
export const confirmInput = z
  .strictObject({
    decisionNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{1,10}-[^/\s]{1,20}\/[^/\s]{1,20}$/u, 'msg:code_format')
      .openapi({ example: '125-QĐ/ĐUK', description: "Number and symbol of the Standing Committee's decision" }),
    decidedOn: day,
  })
  .openapi('HonourConfirmation');
export const proposalInput = z
  .strictObject({
    nominationIds: z
      .array(uuid)
      .min(1)
      .max(200)
      .openapi({ description: 'The confirmed honourees proposed to the higher level' }),
    to: text(300)
      .optional()
      .transform((v) => v || 'Ban Thường vụ Tỉnh ủy Thái Bình'),
    award: text(300)
      .optional()
      .transform((v) => v || 'Bằng khen của Ban Thường vụ Tỉnh ủy'),
  })
  .openapi('HonourProposal');
