/**
 * The medal table by unit across events ("toàn đoàn"): golds first, then silvers, then bronzes;
 * units level on all three share a place and are listed in Vietnamese order of their names.
 */
import { compareVi } from '../text.ts';

export type EventMedals = { gold: string[]; silver: string[]; bronze: string[] };
export type MedalRow = { unit: string; name: string; gold: number; silver: number; bronze: number; place: number };

/** `unitOf` maps an entry to its unit (a pair or a team has one). */
export function medalTable(
  events: readonly EventMedals[],
  unitOf: (entry: string) => string,
  nameOf: (unit: string) => string,
): MedalRow[] {
  const rows = new Map<string, MedalRow>();
  const row = (unit: string) => {
    let r = rows.get(unit);
    if (!r) {
      r = { unit, name: nameOf(unit), gold: 0, silver: 0, bronze: 0, place: 0 };
      rows.set(unit, r);
    }
    return r;
  };
  for (const e of events) {
    for (const x of e.gold) row(unitOf(x)).gold++;
    for (const x of e.silver) row(unitOf(x)).silver++;
    for (const x of e.bronze) row(unitOf(x)).bronze++;
  }
  const sorted = [...rows.values()].sort(
    (a, b) => b.gold - a.gold || b.silver - a.silver || b.bronze - a.bronze || compareVi(a.name, b.name),
  );
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    r.place = prev && prev.gold === r.gold && prev.silver === r.silver && prev.bronze === r.bronze ? prev.place : i + 1;
  });
  return sorted;
}
