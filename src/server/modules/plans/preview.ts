import { fold } from '../../../common/text.ts';
import { splitDocumentNumber } from '../../../common/documentNumber.ts';
import type { Platform } from '../../platform/platform.ts';
import { type UnitKind, liveUnits, type UnitRef } from '../organisation/index.ts';
import { importPlanDocument } from './import/importPlan.ts';
import type { PlanDraft } from './import/draft.ts';
import { matchUnits, type UnitMatch } from './import/match.ts';
import type { Caller } from './access.ts';
import { requireManage } from './access.ts';
import type { StatusSource } from './schema.ts';
import { vietnamDay } from './status.ts';

/**
 * POST /api/plans/import/preview: the document → its draft, every unit name it uses matched
 * against the registry (exact, candidates, unmatched), and a proposed plan (the body of
 * POST /api/plans) with what could be resolved. Nothing is saved: a person corrects and confirms.
 *
 * A plural reference the matcher cannot pin to one unit ("Các tổ chức cơ sở đảng trực thuộc",
 * "các ban", "các đoàn thể") stands for every unit of its kind that exists on the plan's date.
 */
const groupKinds: [RegExp, UnitKind[]][] = [
  [/\b(co so|chi uy|dang uy)\b/, ['grassroots_committee', 'grassroots_cell']],
  [/\bdoan the\b/, ['mass_organisation']],
  [/^cac ban\b/, ['board']],
];

export type NameResolution = UnitMatch & { resolvedIds: string[]; via: 'exact' | 'group' | 'best_candidate' | null };

export function resolveNames(names: string[], registry: UnitRef[]): Map<string, NameResolution> {
  const unique = [...new Set(names)];
  const matches = matchUnits(
    unique,
    registry.map((u) => ({ id: u.id, name: u.name, shortName: u.shortName })),
  );
  const out = new Map<string, NameResolution>();
  for (const m of matches) {
    if (m.status === 'exact' && m.match) {
      out.set(m.name, { ...m, resolvedIds: [m.match.id], via: 'exact' });
      continue;
    }
    const folded = fold(m.name);
    const kinds = m.group ? groupKinds.find(([re]) => re.test(folded))?.[1] : undefined;
    // "Các ban xây dựng đảng Tỉnh ủy" is the province's boards, not the Bloc's
    const outside = /\btinh uy\b/.test(folded);
    if (kinds && !outside) {
      out.set(m.name, {
        ...m,
        resolvedIds: registry.filter((u) => kinds.includes(u.kind)).map((u) => u.id),
        via: 'group',
      });
      continue;
    }
    // one clear front-runner ("Đoàn TNCS Hồ Chí Minh khối" → "Đoàn TNCS … khối Doanh nghiệp tỉnh"): proposed, flagged for the person to check
    const [first, second] = m.candidates;
    if (!m.group && first && first.score >= 0.75 && (!second || first.score - second.score >= 0.1)) {
      out.set(m.name, { ...m, resolvedIds: [first.id], via: 'best_candidate' });
      continue;
    }
    out.set(m.name, { ...m, resolvedIds: [], via: null });
  }
  return out;
}

function splitDescription(description: string) {
  const lines = description
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    description: lines.filter((l) => !l.startsWith('+')).join('\n'),
    subItems: lines.filter((l) => l.startsWith('+')).map((l) => l.replace(/^\+\s*/, '')),
  };
}

/** The draft as the body of POST /api/plans, with the names resolved where they could be. */
export function proposePlan(draft: PlanDraft, resolved: Map<string, NameResolution>, unitId: string | null) {
  const ids = (names: string[]) => [...new Set(names.flatMap((n) => resolved.get(n)?.resolvedIds ?? []))];
  const unresolved = (names: string[]) => names.filter((n) => (resolved.get(n)?.resolvedIds.length ?? 0) === 0);
  const recipients = draft.recipients.filter((r) => !/^lưu\s*:/iu.test(r));
  const archive = draft.recipients.find((r) => /^lưu\s*:/iu.test(r))?.replace(/^lưu\s*:\s*/iu, '') ?? null;
  const sectionPaths = new Set(draft.sections.map((s) => s.path));
  return {
    header: {
      superiorBody: draft.header.superiorBody,
      issuingBody: draft.header.issuingBody,
      ...splitDocumentNumber(draft.header.number),
      place: draft.header.place,
      date: draft.header.date,
      type: draft.header.type ?? 'KẾ HOẠCH',
      title: draft.header.title ?? '',
    },
    unitId,
    legalBasis: draft.legalBasis,
    introduction: draft.introduction,
    purposes: draft.purposes,
    sections: [
      ...draft.sections.map((s) => ({
        path: s.path,
        marker: s.marker,
        title: s.title,
        role: s.role,
        notes: s.period ? [`Thời gian thực hiện ${s.period.text}.`] : [],
      })),
      // a numbered item of "Tổ chức thực hiện" whose subject runs on in the same line (III.5, III.7)
      ...[...new Set(draft.activities.map((a) => a.section))]
        .filter((p) => !sectionPaths.has(p))
        .map((p) => ({
          path: p,
          marker: `${p.split('.').pop()}.`,
          title: '',
          role: 'organisation' as const,
          notes: [] as string[],
        })),
    ],
    periodStart: draft.period?.start ?? null,
    periodDue: draft.period?.due ?? null,
    deployDue: draft.milestones.find((m) => /triển khai/iu.test(m.title))?.due ?? null,
    activities: draft.activities.map((a) => {
      const text = splitDescription(a.description);
      return {
        ref: a.id,
        kind: a.kind,
        section: a.section,
        title: a.title,
        description: text.description,
        subItems: text.subItems,
        leadUnitIds: ids(a.lead),
        coordinatingUnitIds: ids(a.coordinating).filter((id) => !ids(a.lead).includes(id)),
        otherParticipants: [...unresolved(a.lead), ...unresolved(a.coordinating)],
        start: a.start,
        due: a.due,
        tentative: a.tentative,
        recurrence: a.recurrence,
        target: a.target
          ? {
              value: a.target.value,
              comparator: a.target.comparator,
              indicator: a.target.indicator,
              unit: a.target.unit,
              breakdown: a.target.breakdown.map((b) => ({ value: b.value, indicator: b.indicator })),
            }
          : null,
        statusSource: null as StatusSource | null,
      };
    }),
    milestones: draft.milestones.map((m) => ({
      title: m.title,
      text: m.text,
      start: m.start,
      due: m.due,
      tentative: m.tentative,
      closes: m.closes,
    })),
    recipients,
    archive,
    signer: { authority: draft.signer.authority, position: draft.signer.position, name: draft.signer.name },
    closing: draft.closing,
  };
}

export async function previewPlanImport(platform: Platform, caller: Caller, bytes: Uint8Array) {
  requireManage(caller);
  const draft = await importPlanDocument(bytes);
  const day = draft.header.date ?? vietnamDay(platform.clock());
  const registry = await liveUnits(platform, day, { limit: 50_000 });
  const names = draft.activities.flatMap((a) => [...a.lead, ...a.coordinating]);
  const resolved = resolveNames(names, registry);
  const bloc = registry.find((u) => u.kind === 'bloc') ?? null;
  return {
    draft,
    units: [...resolved.values()].map((r) => ({
      name: r.name,
      status: r.status,
      group: r.group,
      match: r.match,
      candidates: r.candidates,
      resolvedIds: r.resolvedIds.slice(0, 200),
      resolvedCount: r.resolvedIds.length,
      via: r.via,
    })),
    proposal: proposePlan(draft, resolved, bloc?.id ?? null),
  };
}
