import { splitDocumentNumber } from '../../../common/documentNumber.ts';
import { api } from '../../app/api.ts';
import type { PickedUnit } from '../organisation/UnitMultiPicker.tsx';
import type { ImportPreview, NameMatch, Proposal } from '../../../server/modules/plans/schema.ts';

export type { PickedUnit };

/**
 * The import preview (POST /api/plans/import/preview, src/server/modules/plans/preview.ts) as the
 * import screens read it, and the pure rules that turn a person's corrections into the body of
 * POST /api/plans. Nothing here talks to the server except `previewImport`.
 */

// The answer of POST /api/plans/import/preview: the server's schemas themselves (ADR 14).
export type {
  DraftActivity,
  DraftMilestone,
  DraftSection,
  DraftWarning,
  PlanDraft,
} from '../../../server/modules/plans/import/draft.ts';
export type { ImportPreview, NameMatch, Proposal } from '../../../server/modules/plans/schema.ts';
export type ProposedActivity = Proposal['activities'][number];
export type UnitCandidate = NameMatch['candidates'][number];

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The media type to send a chosen file with, or null when it is neither .txt nor .docx. */
export function importTypeOf(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.txt')) return 'text/plain; charset=utf-8';
  if (name.endsWith('.docx')) return DOCX_TYPE;
  return null;
}

export function previewImport(file: File, type: string): Promise<ImportPreview> {
  return api<ImportPreview>('/api/plans/import/preview', { method: 'POST', raw: { data: file, type } });
}

// ---------- a person's corrections ----------

/**
 * What a name of the document becomes: what the server proposed, one unit the person chose, the
 * name kept as written (a participant outside the registry), or left out. `checked`: a person
 * has looked at it (names matched exactly or as a group need no look).
 */
export type NameChoice = { kind: 'proposed' | 'unit' | 'text' | 'skip'; unit?: PickedUnit; checked: boolean };

/** A unit of an activity: a name as the document writes it, or a unit the person added. */
export type Entry = { type: 'name'; name: string } | { type: 'unit'; unit: PickedUnit };

export type EditedActivity = {
  ref: string;
  section: string;
  sectionTitle: string | null;
  title: string;
  start: string | null;
  due: string | null;
  tentative: boolean;
  lead: Entry[];
  coordinating: Entry[];
};

export type EditedHeader = {
  superiorBody: string;
  issuingBody: string;
  number: string;
  symbolSuffix: string;
  place: string;
  date: string | null;
  type: string;
  title: string;
  periodStart: string | null;
  periodDue: string | null;
  deployDue: string | null;
  recipients: string;
  signerAuthority: string;
  signerPosition: string;
  signerName: string;
};

export type ImportState = { header: EditedHeader; names: Record<string, NameChoice>; activities: EditedActivity[] };

/** A name the person should look at: not in the registry, or matched only by a best guess. */
export type Flag = 'unmatched' | 'guess' | null;

export function flagOf(m: NameMatch): Flag {
  if (m.via === 'best_candidate') return 'guess';
  if (m.via === null) return 'unmatched';
  return null;
}

/** The names still waiting for a person's look (unmatched or guessed, not yet decided). */
export function namesToCheck(preview: ImportPreview, names: Record<string, NameChoice>): NameMatch[] {
  return preview.units.filter((m) => flagOf(m) !== null && !names[m.name]?.checked);
}

/** The number as the form edits it: the server's split of "12-KH/CB" (common/documentNumber.ts), empty strings for none. */
export function splitNumber(raw: string | null): { number: string; symbolSuffix: string } {
  const s = splitDocumentNumber(raw);
  return { number: s.number ?? '', symbolSuffix: s.symbolSuffix ?? '' };
}

export function initialState(preview: ImportPreview): ImportState {
  const { draft, proposal } = preview;
  const signer = proposal.signer;
  const numbered = splitNumber(proposal.header.number);
  return {
    header: {
      superiorBody: proposal.header.superiorBody ?? '',
      issuingBody: proposal.header.issuingBody ?? '',
      number: numbered.number,
      symbolSuffix: proposal.header.symbolSuffix ?? numbered.symbolSuffix,
      place: proposal.header.place ?? '',
      date: proposal.header.date,
      type: proposal.header.type,
      title: proposal.header.title,
      periodStart: proposal.periodStart,
      periodDue: proposal.periodDue,
      deployDue: proposal.deployDue,
      recipients: proposal.recipients.join('\n'),
      signerAuthority: signer.authority ?? '',
      signerPosition: signer.position ?? '',
      signerName: signer.name ?? '',
    },
    names: Object.fromEntries(
      preview.units.map((m) => [m.name, { kind: 'proposed', checked: flagOf(m) === null } satisfies NameChoice]),
    ),
    activities: draft.activities.map((a) => ({
      ref: a.id,
      section: a.section,
      sectionTitle: a.sectionTitle,
      title: a.title,
      start: a.start,
      due: a.due,
      tentative: a.tentative,
      lead: a.lead.map((name) => ({ type: 'name', name })),
      coordinating: a.coordinating.map((name) => ({ type: 'name', name })),
    })),
  };
}

/** How a name reads after the person's choice: the unit(s) it stands for, or nothing. */
export function nameOutcome(
  m: NameMatch | undefined,
  choice: NameChoice | undefined,
): { kind: 'units'; count: number; name: string | null } | { kind: 'text' } | { kind: 'skip' } {
  const c = choice ?? { kind: 'proposed', checked: true };
  if (c.kind === 'unit' && c.unit) return { kind: 'units', count: 1, name: c.unit.name };
  if (c.kind === 'skip') return { kind: 'skip' };
  if (c.kind === 'text' || !m || m.resolvedCount === 0) return { kind: 'text' };
  const named =
    m.match?.name ??
    (m.via === 'best_candidate' ? (m.candidates.find((x) => x.id === m.resolvedIds[0])?.name ?? null) : null);
  return { kind: 'units', count: m.resolvedCount, name: m.resolvedCount === 1 ? named : null };
}

/**
 * The unit ids of one role (lead or coordinating) of an activity. `proposed` holds the server's
 * ids for the names as written; a name's own ids are known when the answer listed them all (it
 * lists at most 200), else they are what the proposal holds beyond the other names' ids.
 */
function roleIds(
  original: string[],
  entries: Entry[],
  proposed: string[],
  matches: Map<string, NameMatch>,
  names: Record<string, NameChoice>,
): string[] {
  const known = (n: string) => {
    const m = matches.get(n);
    return m && m.resolvedIds.length === m.resolvedCount ? m.resolvedIds : null;
  };
  const accounted = new Set(original.flatMap((n) => known(n) ?? []));
  const residual = proposed.filter((id) => !accounted.has(id));
  const out: string[] = [];
  for (const e of entries) {
    if (e.type === 'unit') {
      out.push(e.unit.id);
      continue;
    }
    const choice = names[e.name];
    if (choice?.kind === 'unit' && choice.unit) out.push(choice.unit.id);
    else if (!choice || choice.kind === 'proposed') out.push(...(known(e.name) ?? residual));
  }
  return [...new Set(out)];
}

/** Names kept as written: participants outside the registry. */
function writtenNames(entries: Entry[], matches: Map<string, NameMatch>, names: Record<string, NameChoice>): string[] {
  return entries.flatMap((e) => {
    if (e.type !== 'name') return [];
    const outcome = nameOutcome(matches.get(e.name), names[e.name]);
    return outcome.kind === 'text' ? [e.name] : [];
  });
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The body of POST /api/plans: the server's proposal with the person's corrections. */
export function buildProposal(preview: ImportPreview, state: ImportState): Proposal {
  const { draft, proposal } = preview;
  const matches = new Map(preview.units.map((m) => [m.name, m]));
  const h = state.header;
  return {
    ...proposal,
    header: {
      ...proposal.header,
      superiorBody: orNull(h.superiorBody),
      issuingBody: orNull(h.issuingBody),
      number: orNull(h.number),
      symbolSuffix: orNull(h.symbolSuffix),
      place: orNull(h.place),
      date: h.date,
      type: h.type.trim() || 'KẾ HOẠCH',
      title: h.title.trim(),
    },
    periodStart: h.periodStart,
    periodDue: h.periodDue,
    deployDue: h.deployDue,
    recipients: h.recipients
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean),
    signer: { authority: orNull(h.signerAuthority), position: orNull(h.signerPosition), name: orNull(h.signerName) },
    activities: proposal.activities.map((p, i) => {
      const edited = state.activities[i];
      const source = draft.activities[i];
      const lead = roleIds(source.lead, edited.lead, p.leadUnitIds, matches, state.names);
      const coordinating = roleIds(
        source.coordinating,
        edited.coordinating,
        p.coordinatingUnitIds,
        matches,
        state.names,
      ).filter((id) => !lead.includes(id));
      return {
        ...p,
        title: edited.title.trim(),
        start: edited.start,
        due: edited.due,
        tentative: edited.tentative,
        leadUnitIds: lead,
        coordinatingUnitIds: coordinating,
        otherParticipants: [
          ...new Set([
            ...writtenNames(edited.lead, matches, state.names),
            ...writtenNames(edited.coordinating, matches, state.names),
          ]),
        ],
      };
    }),
  };
}

/** Problems the browser can see before sending: keyed like the server's field paths. */
export function checkState(state: ImportState): Record<string, 'required' | 'dueBeforeStart'> {
  const out: Record<string, 'required' | 'dueBeforeStart'> = {};
  if (!state.header.title.trim()) out['header.title'] = 'required';
  if (state.header.periodStart && state.header.periodDue && state.header.periodStart > state.header.periodDue)
    out.periodDue = 'dueBeforeStart';
  state.activities.forEach((a, i) => {
    if (!a.title.trim()) out[`activities.${i}.title`] = 'required';
    if (a.start && a.due && a.start > a.due) out[`activities.${i}.due`] = 'dueBeforeStart';
  });
  return out;
}
