import type { Platform } from '../../platform/platform.ts';
import { campaignIdByCode, HONOURS_DEMO_CODE, honourees } from '../honours/index.ts';
import { type Caller, requireBudget } from './access.ts';
import { awardAmount, awardForms, formOfCategory, inForce, loadRates } from './rates.ts';
import type { AwardsOut } from './schema.ts';

/**
 * Award money from the honours results (ADR 25): each honouree of a decided campaign receives the
 * money of its form of award — the coefficient × the base salary, both as in force on the
 * decision's date, rounded up to tens of thousands of đồng —; totals per category and overall.
 * The honourees are read only through honours/index.ts; before the decision the list is empty.
 */
export async function awardMoney(platform: Platform, caller: Caller, campaignId?: string): Promise<AwardsOut> {
  await requireBudget(platform, caller, 'budget.read');
  return awardMoneyOf(platform, campaignId);
}

export async function awardMoneyOf(platform: Pick<Platform, 'db'>, campaignId?: string): Promise<AwardsOut> {
  const id = campaignId ?? (await campaignIdByCode(platform, HONOURS_DEMO_CODE));
  if (!id) return { campaign: null, decision: null, baseSalary: null, categories: [], total: 0, count: 0 };
  const result = await honourees(platform, id);
  const rates = await loadRates(platform);
  const day = result.decision?.date ?? null;
  const base = day ? inForce(rates.get('base_salary'), day) : null;
  const categories = result.categories.map((c) => {
    const form = formOfCategory(c.kind);
    const coefficient = day ? inForce(rates.get(form), day) : null;
    const each = base && coefficient ? awardAmount(coefficient.value, base.value) : 0;
    return {
      id: c.id,
      kind: c.kind,
      name: c.name,
      form,
      formLabel: awardForms[form],
      coefficient: coefficient ? coefficient.value / 1000 : null,
      amountEach: each,
      count: c.honourees.length,
      total: each * c.honourees.length,
      honourees: c.honourees.map((h) => ({ position: h.position, name: h.name, unit: h.unit.name, amount: each })),
    };
  });
  return {
    campaign: {
      id: result.campaign.id,
      code: result.campaign.code,
      name: result.campaign.name,
      status: result.campaign.status,
    },
    decision: result.decision,
    baseSalary: base,
    categories,
    total: categories.reduce((s, c) => s + c.total, 0),
    count: categories.reduce((s, c) => s + c.count, 0),
  };
}
