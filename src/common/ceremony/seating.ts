import { type IntroducedGuest, protocolOrder } from './protocol.ts';

/**
 * The seating plan of the front rows by protocol order: only the guests who come (or their
 * deputies, in the invitee's place), the highest in the centre of the first row, then one to
 * their right and one to their left, alternately outwards (as the guests sit facing the stage);
 * a row full, the next row behind in the same way. Rows are A, B, C…; seats are numbered from the
 * left as the guests sit facing the stage, so a printed plan is read from the hall.
 */
export type SeatedGuest<G> = { guest: G; name: string; title: string; place: number; row: string; seat: number };
export type SeatingRow<G> = { row: string; seats: (SeatedGuest<G> | null)[] };

export const rowLabel = (i: number) =>
  i < 26
    ? String.fromCharCode(65 + i)
    : `${String.fromCharCode(65 + Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`;

/**
 * The order seats fill in a row of `n`, as 0-based indices from the left (facing the stage): the
 * centre first (left of centre when `n` is even), then its right, its left, and so on outwards.
 */
export function fillOrder(n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('a row holds at least one seat');
  const centre = Math.floor((n - 1) / 2);
  const out = [centre];
  for (let k = 1; out.length < n; k++) {
    if (centre + k < n) out.push(centre + k);
    if (centre - k >= 0 && out.length < n) out.push(centre - k);
  }
  return out;
}

export function seatingPlan<G extends IntroducedGuest>(guests: readonly G[], perRow: number): SeatingRow<G>[] {
  const order = fillOrder(perRow);
  const coming = protocolOrder(guests).filter((g) => g.reply === 'attending' || (g.reply === 'deputy' && g.deputy));
  const rows: SeatingRow<G>[] = [];
  coming.forEach((g, i) => {
    const r = Math.floor(i / perRow);
    if (!rows[r]) rows[r] = { row: rowLabel(r), seats: Array.from({ length: perRow }, () => null) };
    const index = order[i % perRow];
    const deputy = g.reply === 'deputy' && g.deputy ? g.deputy : null;
    rows[r].seats[index] = {
      guest: g,
      name: deputy ? deputy.name : g.name,
      title: deputy ? deputy.title : g.title,
      place: i + 1,
      row: rows[r].row,
      seat: index + 1,
    };
  });
  return rows;
}
