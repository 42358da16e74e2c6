import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Bilingual } from '../../app/api.ts';
import { toIsoDate } from '../../../common/dates.ts';

/** The shapes of the organisation API (src/server/modules/organisation/schema.ts), as the screens read them. */
export type UnitSummary = {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  depth: number;
  validFrom: string;
  validTo: string | null;
  childCount: number;
  parentName: string | null;
  isDemo: boolean;
};
export type UnitPage = { items: UnitSummary[]; total: number; page: number; pageSize: number; asOf: string };
export type UnitRef = { id: string; name: string; shortName: string | null; kind: string };
export type Position = {
  id: string;
  personId: string;
  fullName: string;
  unitId: string;
  unitName: string;
  title: string;
  rank: number;
  validFrom: string | null;
  validTo: string | null;
};
export type InCharge = {
  id: string;
  personId: string;
  fullName: string;
  titles: string[];
  unitId: string;
  unitName: string;
  unitShortName: string | null;
  note: string | null;
};
export type Operation = {
  id: string;
  type: 'found' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve';
  label: Bilingual;
  effectiveOn: string;
  documentNumber: string | null;
  documentDate: string | null;
  note: string | null;
  unit: UnitRef;
  target: UnitRef | null;
  details: Record<string, unknown> | null;
  createdAt: string;
};
export type GroupRef = {
  setId: string;
  setCode: string;
  setName: string;
  groupId: string;
  groupCode: string;
  groupName: string;
};
export type UnitDetail = UnitSummary & {
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  taxCode: string | null;
  workers: number | null;
  note: string | null;
  position: number;
  kindLabel: Bilingual;
  groups: GroupRef[];
  ancestors: UnitRef[];
  children: UnitSummary[];
  people: Position[];
  partyMembers: { direct: number; subtree: number };
  versions: {
    name: string;
    shortName: string | null;
    parentId: string | null;
    parentName: string | null;
    validFrom: string;
    validTo: string | null;
  }[];
  history: Operation[];
  inCharge: InCharge[];
  createdAt: string;
  updatedAt: string;
};
export type PersonSummary = {
  id: string;
  fullName: string;
  givenName: string;
  gender: 'male' | 'female' | null;
  birthYear: number | null;
  partyJoinedOn: string | null;
  partyUnitId: string | null;
  partyUnitName: string | null;
  phone: string | null;
  email: string | null;
  titles: string[];
  isDemo: boolean;
};
export type PersonPage = { items: PersonSummary[]; total: number; page: number; pageSize: number };
export type PersonDetail = PersonSummary & {
  address: string | null;
  note: string | null;
  positions: Position[];
  inChargeOf: InCharge[];
  accounts: { id: string; username: string; displayName: string }[];
  createdAt: string;
  updatedAt: string;
};
export type Labelled = { code: string; label: Bilingual };
export type Meta = { kinds: Labelled[]; operationTypes: Labelled[]; genders: Labelled[] };
export type GroupSet = {
  id: string;
  code: string;
  name: string;
  groups: { id: string; code: string; name: string; unitCount: number }[];
};
export type ImportProblem = { row: number; column: string; code: string; messages: Bilingual };
export type ImportPreview = {
  id: string;
  kind: 'units' | 'people';
  status: 'previewed' | 'confirmed';
  fileName: string | null;
  rowCount: number;
  valid: boolean;
  problems: ImportProblem[];
  rows: Record<string, unknown>[];
};

export const UNIT_PAGE_SIZE = 50;
export const PEOPLE_PAGE_SIZE = 25;
/** Kinds a committee member can be put in charge of (the server's grassrootsKinds). */
export const grassrootsKinds = ['grassroots_committee', 'grassroots_cell'];

export const bi = (b: Bilingual | undefined, lang: string) => (b ? (lang === 'en' ? b.en : b.vi) : '');

export function useMeta() {
  return useQuery({
    queryKey: ['organisation', 'meta'],
    queryFn: () => api<Meta>('/api/organisation/meta'),
    staleTime: 60 * 60_000,
  });
}

/** "Ban tham mưu" for "board", in the reader's language. */
export function useKindLabel() {
  const meta = useMeta();
  return (kind: string, lang: string) => bi(meta.data?.kinds.find((k) => k.code === kind)?.label, lang) || kind;
}

export type UnitFilter = {
  q?: string;
  asOf?: string;
  parentId?: string;
  kind?: string;
  includeEnded?: boolean;
  page?: number;
  pageSize?: number;
};

export function unitQuery(filter: UnitFilter) {
  return {
    queryKey: ['organisation', 'units', filter],
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api<UnitPage>('/api/units', {
        query: {
          q: filter.q,
          asOf: filter.asOf,
          parentId: filter.parentId,
          kind: filter.kind,
          includeEnded: filter.includeEnded ? '1' : undefined,
          page: filter.page ?? 1,
          pageSize: filter.pageSize ?? UNIT_PAGE_SIZE,
        },
        signal,
      }),
  };
}

export function useUnits(filter: UnitFilter, enabled = true) {
  return useQuery({ ...unitQuery(filter), enabled, placeholderData: keepPreviousData });
}

export function useUnit(id: string | null | undefined) {
  return useQuery({
    queryKey: ['organisation', 'unit', id],
    queryFn: ({ signal }) => api<UnitDetail>(`/api/units/${id}`, { signal }),
    enabled: !!id,
  });
}

export function usePeople(filter: { q?: string; unitId?: string | null; page: number }) {
  return useQuery({
    queryKey: ['organisation', 'people', filter],
    queryFn: ({ signal }) =>
      api<PersonPage>('/api/people', {
        query: { q: filter.q, unitId: filter.unitId ?? undefined, page: filter.page, pageSize: PEOPLE_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: ['organisation', 'person', id],
    queryFn: ({ signal }) => api<PersonDetail>(`/api/people/${id}`, { signal }),
  });
}

export function useInCharge() {
  return useQuery({
    queryKey: ['organisation', 'in-charge'],
    queryFn: ({ signal }) => api<{ items: InCharge[] }>('/api/in-charge', { signal }),
  });
}

export function useGroupSets() {
  return useQuery({
    queryKey: ['organisation', 'group-sets'],
    queryFn: () => api<{ items: GroupSet[] }>('/api/group-sets'),
    staleTime: 5 * 60_000,
  });
}

/** After a change: every organisation query may be stale (names, counts, trees). */
export function useInvalidateOrganisation() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['organisation'] });
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayIso(): string {
  const d = new Date();
  return toIsoDate({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

/** A Mantine DateInput value (a "YYYY-MM-DD" string in v8+, or a Date) as YYYY-MM-DD, or null. */
export function isoOf(value: unknown): string | null {
  if (!value) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return toIsoDate({ year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() });
  }
  return null;
}
