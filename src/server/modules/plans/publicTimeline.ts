import { slugify } from '../../../common/text.ts';
import { documentTypes } from '../../documents/model.ts';
import { docType } from './documents.ts';
import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { timeline } from './dashboard.ts';

/**
 * The plans the public website shows: those of the top of the tree (not units' sub-plans) once
 * issued with a number. Each is addressed by its number and year without diacritics
 * (01-KH/ĐUK of 2019 → `01-kh-duk-2019`). The timeline is the plan's own (activities, their
 * dates, status and lead units), without reports, people or files.
 */
export type PublicPlanSummary = { slug: string; number: string; kind: string; title: string; issuedOn: string };

/** "KẾ HOẠCH" → "Kế hoạch": the document's type as it starts a sentence. */
function kindOf(type: string): string {
  const lower = type.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** "01-KH/ĐUK": the number, the type's symbol and the issuer's, as the document prints them. */
function fullNumber(r: { number: string | null; type: string; symbol_suffix: string | null }): string {
  const symbol = documentTypes[docType(r.type)];
  return `${r.number}-${symbol}${r.symbol_suffix ? `/${r.symbol_suffix}` : ''}`;
}

export function planSlug(number: string, issuedOn: string): string {
  return `${slugify(number)}-${issuedOn.slice(0, 4)}`;
}

export async function publicPlans(platform: Platform): Promise<PublicPlanSummary[]> {
  const rows = await platform.db
    .selectFrom('plans')
    .select(['id', 'number', 'type', 'symbol_suffix', 'title', 'issued_on'])
    .where('parent_plan_id', 'is', null)
    .where('number', 'is not', null)
    .where('issued_on', 'is not', null)
    .orderBy('issued_on', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    slug: planSlug(fullNumber(r), r.issued_on!),
    number: fullNumber(r),
    kind: kindOf(r.type),
    title: r.title,
    issuedOn: r.issued_on!,
  }));
}

export async function publicPlanTimeline(platform: Platform, slug: string) {
  const rows = await platform.db
    .selectFrom('plans')
    .select(['id', 'number', 'type', 'symbol_suffix', 'issued_on'])
    .where('parent_plan_id', 'is', null)
    .where('number', 'is not', null)
    .where('issued_on', 'is not', null)
    .execute();
  const row = rows.find((r) => planSlug(fullNumber(r), r.issued_on!) === slug);
  if (!row) return null;
  const t = await timeline(platform, systemCaller('website'), row.id);
  return {
    slug,
    number: fullNumber(row),
    kind: kindOf(row.type),
    issuedOn: row.issued_on!,
    title: t.plan.title,
    today: t.today,
    activities: t.activities.map((a) => ({
      ref: a.ref,
      section: a.section,
      title: a.title,
      start: a.start,
      due: a.due,
      tentative: a.tentative,
      status: a.status,
      statusLabel: a.statusLabel,
      percent: a.percent,
      lead: a.lead,
      leadCount: a.leadCount,
    })),
  };
}
export type PublicPlanTimeline = NonNullable<Awaited<ReturnType<typeof publicPlanTimeline>>>;
