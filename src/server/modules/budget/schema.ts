import { z } from '@hono/zod-openapi';
import { MAX_AMOUNT } from '../../../common/money.ts';
import { requiredText, text } from '../../../common/schemas.ts';
import { storedFile } from '../../platform/files/schema.ts';
import { day } from '../../platform/http/params.ts';

/** Request and answer shapes of the budget. Money is whole VND; bodies are strict; every list is bounded. */
const uuid = z.string().uuid();
const pathId = (name: string) => uuid.openapi({ param: { name, in: 'path' } });
export const idParam = z.object({ id: pathId('id') });
export const planParam = z.object({ planId: pathId('planId') });
const money = z.number().int('msg:whole_number').min(0).max(MAX_AMOUNT).openapi({ description: 'Whole VND' });
const positiveMoney = money.min(1);

export const fundingSources = ['bloc', 'mobilised', 'units'] as const;
export const fundingSource = z
  .enum(fundingSources)
  .openapi({ description: "bloc: the Bloc's budget; mobilised: social mobilisation; units: units' contributions" });
export const versionStatus = z.enum(['draft', 'submitted', 'approved', 'superseded']);

export const estimateInput = z
  .strictObject({ activityId: uuid, title: text(300).optional().default('') })
  .openapi('BudgetEstimateInput');
export type EstimateInput = z.output<typeof estimateInput>;

export const lineInput = z.strictObject({
  key: uuid.optional().openapi({ description: 'The line kept from the version before; absent for a new line' }),
  item: requiredText(300),
  quantity: z
    .number()
    .positive()
    .max(1_000_000)
    .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, 'msg:at_most_three_decimals'),
  unit: requiredText(40),
  unitPrice: money,
  source: fundingSource,
});
export const draftInput = z
  .strictObject({ lines: z.array(lineInput).max(300), note: text(1000).optional().default('') })
  .openapi('BudgetDraftInput');
export type DraftInput = z.output<typeof draftInput>;

export const approveInput = z.strictObject({ decidedOn: day }).openapi('BudgetApproveInput');
export const returnInput = z.strictObject({ reason: requiredText(1000) }).openapi('BudgetReturnInput');
export const compareQuery = z.object({
  from: z.coerce.number().int().min(1).max(10_000),
  to: z.coerce.number().int().min(1).max(10_000),
});

const sourceFigures = z.object({
  source: fundingSource,
  estimate: z.number(),
  pledged: z
    .number()
    .openapi({ description: "The Bloc's budget: the estimate once approved; others: what sponsors pledged" }),
  funds: z
    .number()
    .openapi({ description: "The Bloc's budget: the estimate once approved; others: what was received" }),
  spent: z.number(),
  variance: z.number().openapi({ description: 'estimate − spent (the spending variance)' }),
  fundingVariance: z
    .number()
    .openapi({ description: 'funds − estimate (the funding variance: below zero, still to raise)' }),
  balance: z.number().openapi({ description: 'funds − spent' }),
});
export type SourceFigures = z.output<typeof sourceFigures>;

export const lineOut = z.object({
  key: z.string(),
  position: z.number(),
  item: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number(),
  amount: z.number(),
  source: fundingSource,
});
export const versionOut = z.object({
  id: z.string(),
  number: z.number(),
  status: versionStatus,
  note: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  total: z.number(),
  lines: z.array(lineOut),
});
export const estimateOut = z
  .object({
    id: z.string(),
    planId: z.string(),
    activity: z.object({ id: z.string(), ref: z.string(), title: z.string() }),
    title: z.string(),
    versions: z.array(versionOut),
    approvedNumber: z.number().nullable(),
    lines: z.array(
      lineOut.extend({ spent: z.number(), variance: z.number().openapi({ description: 'amount − spent' }) }),
    ),
    bySource: z.array(sourceFigures),
  })
  .openapi('BudgetEstimate');
export type EstimateOut = z.output<typeof estimateOut>;

export const compareOut = z
  .object({
    from: z.number(),
    to: z.number(),
    lines: z.array(
      z.object({
        key: z.string(),
        item: z.string(),
        change: z.enum(['added', 'removed', 'changed', 'same']),
        from: lineOut.nullable(),
        to: lineOut.nullable(),
        difference: z.number(),
      }),
    ),
    totals: z.object({ from: z.number(), to: z.number(), difference: z.number() }),
  })
  .openapi('BudgetCompare');

export const overviewOut = z
  .object({
    plan: z.object({ id: z.string(), title: z.string(), number: z.string().nullable() }),
    settlement: z.object({ closedOn: z.string(), note: z.string().nullable() }).nullable(),
    bySource: z.array(sourceFigures),
    unassigned: z
      .object({ funds: z.number(), pledged: z.number() })
      .openapi({ description: 'Received (and pledged) for the plan, no activity named' }),
    activities: z.array(
      z.object({
        id: z.string(),
        ref: z.string(),
        section: z.string(),
        title: z.string(),
        estimateId: z.string().nullable(),
        status: versionStatus.nullable(),
        versionNumber: z.number().nullable(),
        estimate: z.number(),
        pledged: z.number(),
        funds: z.number(),
        spent: z.number(),
        variance: z.number(),
        fundingVariance: z.number(),
        balance: z.number(),
        bySource: z.array(sourceFigures),
      }),
    ),
    totals: sourceFigures.omit({ source: true }),
  })
  .openapi('BudgetOverview');
export type OverviewOut = z.output<typeof overviewOut>;

export const rateSettings = ['base_salary', 'giay_khen_bloc.individual', 'giay_khen_bloc.collective'] as const;
export const rateInput = z
  .strictObject({
    setting: z.enum(rateSettings),
    value: z
      .number()
      .int('msg:whole_number')
      .openapi({ description: 'VND for the base salary; thousandths for a coefficient (300 = 0,3)' }),
    effectiveFrom: day,
    source: requiredText(300).openapi({ example: 'Nghị định 73/2024/NĐ-CP' }),
  })
  .openapi('BudgetRateInput');
export type RateInput = z.output<typeof rateInput>;
const dated = z.object({ value: z.number(), effectiveFrom: z.string(), source: z.string() });
export const ratesOut = z
  .object({
    baseSalary: z.array(dated),
    forms: z.array(
      z.object({
        form: z.string(),
        label: z.object({ vi: z.string(), en: z.string() }),
        coefficients: z.array(dated),
      }),
    ),
    rounding: z.number(),
  })
  .openapi('BudgetRates');
export type RatesOut = z.output<typeof ratesOut>;

export const awardsQuery = z.object({
  campaignId: uuid.optional().openapi({ description: 'The honours campaign; the seed’s by default' }),
});
export const awardsOut = z
  .object({
    campaign: z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string() }).nullable(),
    decision: z.object({ number: z.string(), date: z.string() }).nullable(),
    baseSalary: dated.nullable(),
    categories: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        name: z.string(),
        form: z.string(),
        formLabel: z.object({ vi: z.string(), en: z.string() }),
        coefficient: z.number().nullable(),
        amountEach: z.number(),
        count: z.number(),
        total: z.number(),
        honourees: z.array(z.object({ position: z.number(), name: z.string(), unit: z.string(), amount: z.number() })),
      }),
    ),
    total: z.number(),
    count: z.number(),
  })
  .openapi('BudgetAwards');
export type AwardsOut = z.output<typeof awardsOut>;

export const sponsorKinds = ['enterprise', 'unit', 'individual', 'other'] as const;
export const sponsorInput = z
  .strictObject({
    planId: uuid,
    name: requiredText(300),
    kind: z.enum(sponsorKinds).openapi({ description: "unit: a unit's contribution (counts as units' contributions)" }),
    address: text(300).optional().default(''),
    representative: text(200).optional().default(''),
    publicConsent: z.boolean().optional().default(false),
  })
  .openapi('BudgetSponsorInput');
export type SponsorInput = z.output<typeof sponsorInput>;
export const sponsorUpdate = z
  .strictObject({
    name: requiredText(300).optional(),
    address: text(300).optional(),
    representative: text(200).optional(),
    publicConsent: z.boolean().optional(),
  })
  .openapi('BudgetSponsorUpdate');
export type SponsorUpdate = z.output<typeof sponsorUpdate>;
export const pledgeInput = z
  .strictObject({
    amount: positiveMoney,
    pledgedOn: day,
    activityId: uuid.nullable().optional().default(null),
    note: text(500).optional().default(''),
  })
  .openapi('BudgetPledgeInput');
export type PledgeInput = z.output<typeof pledgeInput>;
export const receiptInput = z
  .strictObject({
    kind: z.enum(['money', 'in_kind']),
    amount: positiveMoney.openapi({ description: 'VND received, or the value of the support in kind' }),
    receivedOn: day,
    activityId: uuid.nullable().optional().default(null),
    description: text(500).optional().default(''),
  })
  .openapi('BudgetReceiptInput');
export type ReceiptInput = z.output<typeof receiptInput>;
export const sponsorsQuery = z.object({ planId: uuid, q: text(100).optional().default('') });

export const sponsorOut = z
  .object({
    id: z.string(),
    planId: z.string(),
    name: z.string(),
    kind: z.enum(sponsorKinds),
    address: z.string().nullable(),
    representative: z.string().nullable(),
    publicConsent: z.boolean(),
    pledged: z.number(),
    received: z.number(),
    inKind: z.number(),
    outstanding: z.number(),
    pledges: z.array(
      z.object({
        id: z.string(),
        amount: z.number(),
        pledgedOn: z.string(),
        activityId: z.string().nullable(),
        note: z.string().nullable(),
      }),
    ),
    receipts: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['money', 'in_kind']),
        amount: z.number(),
        receivedOn: z.string(),
        activityId: z.string().nullable(),
        description: z.string().nullable(),
      }),
    ),
  })
  .openapi('BudgetSponsor');
export type SponsorOut = z.output<typeof sponsorOut>;
export const sponsorsOut = z
  .object({
    items: z.array(sponsorOut),
    totals: z.object({ pledged: z.number(), received: z.number(), inKind: z.number() }),
  })
  .openapi('BudgetSponsors');

export const spendingInput = z
  .strictObject({
    estimateId: uuid,
    lineKey: uuid,
    amount: positiveMoney,
    spentOn: day,
    description: requiredText(500),
    voucherNumber: requiredText(60).openapi({ description: 'Số chứng từ' }),
    voucherFileId: uuid.nullable().optional().default(null),
  })
  .openapi('BudgetSpendingInput');
export type SpendingInput = z.output<typeof spendingInput>;
export const spendingOut = z
  .object({
    id: z.string(),
    estimateId: z.string(),
    lineKey: z.string(),
    item: z.string(),
    amount: z.number(),
    spentOn: z.string(),
    description: z.string(),
    voucherNumber: z.string(),
    voucher: z.object(storedFile.shape).nullable(),
  })
  .openapi('BudgetSpending');
export type SpendingOut = z.output<typeof spendingOut>;
export const spendingListOut = z.object({ items: z.array(spendingOut) }).openapi('BudgetSpendingList');

export const settlementInput = z
  .strictObject({ closedOn: day, note: text(1000).optional().default('') })
  .openapi('BudgetSettlementInput');
export const formatQuery = z.object({ format: z.enum(['xlsx', 'docx']).optional().default('xlsx') });
