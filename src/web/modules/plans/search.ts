// The search of the plans screens' addresses, apart from the pages: the routes declare them
// (app/modules) without loading the pages.

export type SupervisionSearch = { planId?: string; unitId?: string; page?: number };
const uuidLike = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-fA-F-]{36}$/.test(v);

/** The filters in the address (`/supervisions?unitId=…`), so a unit's visits can be linked to. */
export function validateSupervisionSearch(search: Record<string, unknown>): SupervisionSearch {
  const page = Number(search.page);
  return {
    ...(uuidLike(search.planId) ? { planId: search.planId } : {}),
    ...(uuidLike(search.unitId) ? { unitId: search.unitId } : {}),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}

/** `?month=2019-08`: the month shown, kept in the address so it can be shared and reloaded. */
export function validateCalendarSearch(search: Record<string, unknown>): { month?: string } {
  return typeof search.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(search.month)
    ? { month: search.month }
    : {};
}
