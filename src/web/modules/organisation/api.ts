import { systemToday } from '../../app/clock.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Bilingual } from '../../app/api.ts';
import { toIsoDate } from '../../../common/dates.ts';
import type {
  GroupSetList,
  InChargeList,
  Meta,
  PersonDetail,
  PersonPage,
  UnitDetail,
  UnitPage,
} from '../../../server/modules/organisation/schema.ts';

/** The shapes of the organisation API: the server's schemas themselves (ADR 14). */
export type {
  GroupRef,
  GroupSet,
  ImportPreview,
  ImportProblem,
  ImportResult,
  InCharge,
  Labelled,
  Meta,
  Operation,
  OperationApplied,
  PersonDetail,
  PersonPage,
  PersonSummary,
  Position,
  UnitDetail,
  UnitPage,
  UnitRef,
  UnitSummary,
} from '../../../server/modules/organisation/schema.ts';

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
    queryFn: ({ signal }) => api<InChargeList>('/api/in-charge', { signal }),
  });
}

export function useGroupSets() {
  return useQuery({
    queryKey: ['organisation', 'group-sets'],
    queryFn: () => api<GroupSetList>('/api/group-sets'),
    staleTime: 5 * 60_000,
  });
}

/** After a change: every organisation query may be stale (names, counts, trees). */
export function useInvalidateOrganisation() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['organisation'] });
}

/** Today as YYYY-MM-DD by the system's clock (ADR 30: the demo date when one is set). */
export function todayIso(): string {
  return systemToday();
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
