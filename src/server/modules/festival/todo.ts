import { endOfDay } from '../../platform/clock/clock.ts';
import type { TodoSource } from '../../platform/modules.ts';

/**
 * The festival's part of the home page's to-do list (ADR 30): the rounds on which the caller sits
 * as a judge and has sheets not yet locked (or none yet), each opening the round. "As of today":
 * a round closed, or a sheet locked, after the clock's day counts as still open — the demo's
 * story, loaded whole, is seen from its demo date; on the real clock nothing is stamped later.
 */
export const festivalTodo: TodoSource = async (platform, caller, today) => {
  if (!caller.actor.userId) return [];
  const cutoff = endOfDay(today);
  const rows = await platform.db
    .selectFrom('festival_judges as j')
    .innerJoin('festival_rounds as r', 'r.id', 'j.round_id')
    .innerJoin('festivals as f', 'f.id', 'r.festival_id')
    .select(['r.id', 'r.name', 'r.held_on', 'f.name as festival_name', 'j.id as judge_id', 'j.is_head'])
    .select((eb) => [
      eb
        .selectFrom('festival_round_entries as e')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('e.round_id', '=', 'r.id')
        .as('acts'),
      eb
        .selectFrom('festival_sheets as s')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('s.judge_id', '=', 'j.id')
        .where('s.status', '=', 'locked')
        .where('s.locked_at', '<', cutoff)
        .as('locked'),
    ])
    .where('j.user_id', '=', caller.actor.userId)
    .where((w) => w.or([w('r.status', '=', 'open'), w('r.closed_at', '>=', cutoff)]))
    .orderBy('r.held_on')
    .limit(20)
    .execute();
  return rows
    .filter((r) => Number(r.locked ?? 0) < Number(r.acts ?? 0) || Number(r.acts ?? 0) === 0)
    .map((r) => {
      const left = Number(r.acts ?? 0) - Number(r.locked ?? 0);
      return {
        kind: 'round.judge',
        title: { vi: `Chấm thi: ${r.name}`, en: `Judge: ${r.name}` },
        detail:
          Number(r.acts ?? 0) > 0
            ? {
                vi: `${r.festival_name} — còn ${left} tiết mục chưa chốt phiếu`,
                en: `${r.festival_name} — ${left} act${left === 1 ? '' : 's'} still to lock`,
              }
            : { vi: r.festival_name, en: r.festival_name },
        due: r.held_on,
        path: `/festival-rounds/${r.id}`,
        unit: null,
      };
    });
};
