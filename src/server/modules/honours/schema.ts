import { z } from '@hono/zod-openapi';
import { requiredText, text } from '../../../common/schemas.ts';
import { day, idParam, pageParams } from '../../platform/http/params.ts';
import { unitResultsOut } from '../emulation/index.ts';
import { storedFile } from '../../platform/files/schema.ts';

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
const hex = z.string().regex(/^[0-9a-f]{64}$/, 'msg:hex');
const proofIn = z.strictObject({ c: hex, s: hex });
/**
 * A ballot encrypted in the member's browser (src/common/ballotCrypto.ts): one row per nominee the
 * member votes on, one 0/1 cell per choice (approve, reject, abstain) or per place (ranking), each
 * with its proof; the server checks every proof and never sees a choice.
 */
export const ballotInput = z
  .strictObject({
    ballot: z.strictObject({
      rows: z
        .array(
          z.strictObject({
            nominationId: uuid,
            cells: z
              .array(
                z.strictObject({
                  a: hex,
                  b: hex,
                  proof: z.strictObject({ c0: hex, c1: hex, s0: hex, s1: hex }),
                }),
              )
              .min(1)
              .max(100),
            sum: proofIn,
          }),
        )
        .min(1)
        .max(100),
      columns: z.array(proofIn).max(100),
    }),
    onBehalfOf: uuid
      .nullable()
      .optional()
      .transform((v) => v ?? null)
      .openapi({ description: "The secretary enters an absent member's written vote, where the rules allow" }),
  })
  .openapi('HonourBallot');
export const ballotKeyInput = z
  .strictObject({
    publicKey: hex.openapi({ description: "The chair's public key (ristretto255), made on the chair's device" }),
    proof: proofIn.openapi({ description: 'A proof that the chair holds its secret (Schnorr)' }),
  })
  .openapi('HonourBallotKey');
export const tallyKinds = ['approve', 'reject', 'abstain', 'points'] as const;
export const tallyInput = z
  .strictObject({
    totals: z
      .array(
        z.strictObject({
          nominationId: uuid,
          kind: z.enum(tallyKinds),
          count: z.number().int().min(0).max(1_000_000),
          d: hex,
          proof: proofIn,
        }),
      )
      .max(500),
  })
  .openapi('HonourTally', { description: 'The decrypted totals, each with a proof of correct decryption' });
export type BallotInput = z.output<typeof ballotInput>;
export type TallyInput = z.output<typeof tallyInput>;
export type BallotKeyInput = z.output<typeof ballotKeyInput>;
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
export const confirmInput = z
  .strictObject({
    decisionNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{1,10}-[^/\s]{1,20}\/[^/\s]{1,20}$/u, 'msg:code_format')
      .optional()
      .openapi({
        example: '125-QĐ/ĐUK',
        description:
          "Number and symbol of the Standing Committee's decision; left out, the next QĐ number of the term is taken from the office's outgoing register",
      }),
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

/* ---- What the honours module answers: plain shapes, exactly what is sent; nothing of who chose what. ---- */
export const campaignStatuses = ['nominating', 'decided'] as const;
export const nominationStatuses = ['draft', 'submitted', 'returned', 'eligible', 'ineligible', 'selected'] as const;
export const requiredDossierKinds = ['cover_submission', 'achievement_report', 'review_minutes'] as const;
export const screeningResults = ['met', 'not_met', 'note'] as const;
export const attendances = ['unknown', 'present', 'absent'] as const;
export const roundStatuses = ['open', 'counting', 'closed'] as const;
/** A session is closed when the campaign's results are confirmed. */
export const sessionStatuses = ['open', 'closed'] as const;
export const methods = ['approve', 'rank'] as const;
export const approvalBases = ['members', 'present', 'cast'] as const;
const bilingualOut = z.object({ vi: z.string(), en: z.string() });
const pageFields = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int() };
const unitNameOut = z.object({ id: z.string(), name: z.string() });

export const criterionOut = z
  .object({
    key: z.string(),
    description: z.string(),
    required: z.boolean(),
    weight: z.number(),
    evidence: z.string(),
    check: eligibilityCheck.nullable().optional(),
  })
  .openapi('HonourCriterion');
const campaignSummaryFields = {
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nominationOpens: z.string(),
  nominationDue: z.string(),
  status: z.enum(campaignStatuses),
};
export const campaignPage = z
  .object({ items: z.array(z.object(campaignSummaryFields)), ...pageFields })
  .openapi('HonourCampaignPage');
export const campaignOut = z
  .object({
    ...campaignSummaryFields,
    driveId: z.string().nullable(),
    councilUnitId: z.string().nullable(),
    isDemo: z.boolean(),
    categories: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(categoryKinds),
        name: z.string(),
        quota: z.number().int(),
        position: z.number().int(),
        criteria: z.array(criterionOut),
        counts: z
          .partialRecord(z.enum(nominationStatuses), z.number().int())
          .openapi({ description: 'Nominations by status (statuses with none are left out)' }),
      }),
    ),
  })
  .openapi('HonourCampaign');

export const nomineeCandidatesOut = z
  .object({ items: z.array(z.object({ id: z.string(), name: z.string(), detail: z.string().nullable() })) })
  .openapi('HonourNomineeCandidates');

export const nominationPage = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        categoryId: z.string(),
        unit: unitNameOut,
        nomineeName: z.string(),
        status: z.enum(nominationStatuses),
        reason: z.string().nullable(),
        submittedAt: z.string().nullable(),
      }),
    ),
    ...pageFields,
  })
  .openapi('HonourNominationPage');
export const nominationOut = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    category: z.object({
      id: z.string(),
      kind: z.enum(categoryKinds),
      name: z.string(),
      criteria: z.array(criterionOut),
    }),
    unit: unitNameOut,
    nominee: z.object({
      name: z.string(),
      unitId: z.string().nullable(),
      personId: z.string().nullable(),
      productName: z.string().nullable(),
      enterpriseId: z.string().nullable(),
    }),
    summary: z.string(),
    status: z.enum(nominationStatuses),
    reason: z.string().nullable(),
    submittedAt: z.string().nullable(),
    dossier: z.array(
      z.object({ kind: z.enum(dossierKinds), label: bilingualOut, file: z.object(storedFile.shape).nullable() }),
    ),
    missing: z.array(z.object({ key: z.enum([...requiredDossierKinds, 'summary']), vi: z.string(), en: z.string() })),
    events: z.array(z.object({ action: z.string(), note: z.string().nullable(), by: z.string(), at: z.string() })),
    screening: z.array(z.object({ key: z.string(), result: z.enum(screeningResults), note: z.string().nullable() })),
    checks: z.array(
      z.object({ key: z.string(), outcome: z.enum(['met', 'not_met', 'unknown']), detail: bilingualOut }),
    ),
    emulation: unitResultsOut.shape.drives,
    may: z.object({ edit: z.boolean(), screen: z.boolean() }),
  })
  .openapi('HonourNomination');

const rulesOut = z
  .object({
    quorum: z.object({ numerator: z.number().int(), denominator: z.number().int() }),
    approval: z.object({ share: z.number(), strict: z.boolean(), base: z.enum(approvalBases) }),
    method: z.enum(methods),
    tieBreak: z.enum(['further_round']),
    writtenVotes: z.boolean(),
  })
  .openapi('HonourSessionRules');
const quorumOut = z.object({
  members: z.number().int(),
  present: z.number().int(),
  needed: z.number().int(),
  met: z.boolean(),
});
export const sessionPage = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        campaignId: z.string(),
        title: z.string(),
        heldOn: z.string(),
        status: z.enum(sessionStatuses),
        quorum: quorumOut,
        rounds: z.number().int(),
        openRounds: z.number().int(),
      }),
    ),
    ...pageFields,
  })
  .openapi('HonourSessionPage');
export const sessionOut = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    title: z.string(),
    heldOn: z.string(),
    rules: rulesOut,
    status: z.enum(sessionStatuses),
    roster: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        role: z.enum(councilRoles),
        attendance: z.enum(attendances),
        votes: z.boolean().openapi({
          description: "Whether the member votes: the Office's secretary sits as Thư ký and does not",
        }),
      }),
    ),
    quorum: quorumOut,
    conflicts: z.array(z.object({ userId: z.string(), nominationId: z.string(), note: z.string().nullable() })),
    rounds: z.array(
      z.object({
        id: z.string(),
        number: z.number().int(),
        categoryId: z.string(),
        method: z.enum(methods),
        seats: z.number().int(),
        status: z.enum(roundStatuses),
        openedAt: z.string(),
        closedAt: z.string().nullable(),
        voted: z.number().int(),
        expected: z.number().int(),
      }),
    ),
    categories: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(categoryKinds),
        name: z.string(),
        quota: z.number().int(),
        selected: z.number().int(),
        nominees: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            unitName: z.string(),
            status: z.enum(['eligible', 'selected']),
          }),
        ),
      }),
    ),
    me: z
      .object({ userId: z.string(), role: z.enum(councilRoles), attendance: z.enum(attendances), votes: z.boolean() })
      .nullable(),
    ballotKey: z
      .object({ publicKey: z.string().nullable(), holder: z.string().nullable() })
      .openapi({ description: "The chair's public key for the encrypted ballot, and who holds its secret" }),
    may: z.object({ run: z.boolean(), declare: z.boolean(), setKey: z.boolean() }),
  })
  .openapi('HonourSession');
export const councilCandidatesOut = z
  .object({
    items: z.array(
      z.object({
        userId: z.string(),
        username: z.string(),
        name: z.string(),
        votes: z.boolean(),
        secretary: z.boolean(),
      }),
    ),
  })
  .openapi('HonourCouncilCandidates');

const tallyLineOut = z.object({
  nominationId: z.string(),
  approve: z.number().int(),
  reject: z.number().int(),
  abstain: z.number().int(),
  points: z.number().int(),
  conflicted: z.number().int(),
  base: z.number().int(),
  needed: z.number().int(),
  passed: z.boolean(),
  outcome: z.enum(['selected', 'tied', 'passed_over_quota', 'not_passed']),
});
const roundResultOut = z
  .object({
    roster: z.number().int().openapi({ description: 'The members who vote (the secretary who does not is left out)' }),
    present: z.number().int().openapi({ description: 'The voting members present' }),
    voted: z.number().int(),
    written: z.number().int(),
    rules: rulesOut,
    seats: z.number().int(),
    outcome: z.object({
      quorumNeeded: z.number().int(),
      quorumMet: z.boolean(),
      lines: z.array(tallyLineOut),
      selected: z.array(z.string()),
      tied: z.array(z.string()),
      seatsLeft: z.number().int(),
      shortfall: z.number().int(),
    }),
  })
  .openapi('HonourRoundResult');
export const roundOut = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    sessionTitle: z.string(),
    heldOn: z.string(),
    campaignId: z.string(),
    number: z.number().int(),
    categoryId: z.string(),
    categoryName: z.string(),
    method: z.enum(methods),
    rules: rulesOut,
    seats: z.number().int(),
    status: z.enum(roundStatuses),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    nominees: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        unitName: z.string(),
        conflicted: z.boolean().openapi({ description: 'The caller declared a conflict of interest on this nominee' }),
      }),
    ),
    expected: z.number().int(),
    voted: z.number().int(),
    iHaveVoted: z.boolean(),
    me: z.object({ role: z.enum(councilRoles), attendance: z.enum(attendances), votes: z.boolean() }).nullable(),
    ballotKey: z.string().nullable().openapi({ description: "The session's public key, to encrypt a ballot for" }),
    box: z
      .object({
        totals: z.array(z.object({ nominationId: z.string(), kind: z.enum(tallyKinds), a: z.string(), b: z.string() })),
        receipts: z.array(z.string()),
      })
      .nullable()
      .openapi({ description: 'The encrypted running totals and the receipts of the ballots in, sorted' }),
    may: z.object({ vote: z.boolean(), close: z.boolean(), enterWritten: z.boolean(), tally: z.boolean() }),
    absentees: z
      .array(
        z.object({
          userId: z.string(),
          name: z.string(),
          entered: z.boolean(),
          conflicts: z.array(z.string()),
        }),
      )
      .openapi({ description: 'For the secretary of an open round that takes written votes; else empty' }),
    result: roundResultOut.nullable().openapi({ description: 'The tally and the outcome, once the round is closed' }),
  })
  .openapi('HonourRound');
export const ballotOut = z
  .object({ voted: z.boolean(), roundId: z.string(), receipt: z.string() })
  .openapi({ description: 'Only that the ballot is in: nothing of its choices' });
export const openRoundsOut = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        number: z.number().int(),
        sessionId: z.string(),
        sessionTitle: z.string(),
        heldOn: z.string(),
        campaignId: z.string(),
        categoryName: z.string(),
        nominees: z.number().int(),
        openedAt: z.string(),
      }),
    ),
  })
  .openapi('HonourOpenRounds');
export const resultsOut = z
  .object({
    campaignId: z.string(),
    status: z.enum(campaignStatuses),
    decided: z.boolean(),
    decision: z.object({ number: z.string(), date: z.string() }).nullable(),
    categories: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(categoryKinds),
        name: z.string(),
        quota: z.number().int(),
        count: z.number().int(),
        shortfall: z.number().int(),
        honourees: z.array(
          z.object({
            position: z.number().int(),
            nominationId: z.string(),
            name: z.string(),
            unit: unitNameOut,
            citation: z.string(),
          }),
        ),
      }),
    ),
    totals: z.object({ quota: z.number().int(), count: z.number().int(), shortfall: z.number().int() }),
  })
  .openapi('HonourResults');

export type CampaignStatus = (typeof campaignStatuses)[number];
export type NominationStatus = (typeof nominationStatuses)[number];
export type CouncilRole = (typeof councilRoles)[number];
export type Attendance = (typeof attendances)[number];
export type SessionStatus = (typeof sessionStatuses)[number];
export type CampaignPage = z.output<typeof campaignPage>;
export type Campaign = z.output<typeof campaignOut>;
export type NomineeCandidates = z.output<typeof nomineeCandidatesOut>;
export type NominationPage = z.output<typeof nominationPage>;
export type Nomination = z.output<typeof nominationOut>;
export type SessionPage = z.output<typeof sessionPage>;
export type Session = z.output<typeof sessionOut>;
export type CouncilCandidates = z.output<typeof councilCandidatesOut>;
export type Round = z.output<typeof roundOut>;
export type RoundResult = z.output<typeof roundResultOut>;
export type BallotAnswer = z.output<typeof ballotOut>;
export type OpenRounds = z.output<typeof openRoundsOut>;
export type Results = z.output<typeof resultsOut>;
