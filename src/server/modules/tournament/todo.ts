import { vietnamDay } from '../../../common/dates.ts';
import { endOfDay } from '../../platform/clock/clock.ts';
import type { TodoSource } from '../../platform/modules.ts';

/**
 * The tournament's part of the home page's to-do list (ADR 30): the matches the caller is
 * assigned to umpire and that are not finished as of the clock's day (a match finished later
 * than today — the demo's story seen from its demo date — is still to umpire), each opening the
 * umpire's phone screen; the next ten.
 */
export const tournamentTodo: TodoSource = async (platform, caller, today) => {
  if (!caller.actor.userId) return [];
  const cutoff = endOfDay(today);
  const rows = await platform.db
    .selectFrom('tournament_matches as m')
    .innerJoin('tournament_events as e', 'e.id', 'm.event_id')
    .innerJoin('tournaments as t', 't.id', 'e.tournament_id')
    .select(['m.id', 'm.code', 'm.planned_start', 'e.name as event_name', 't.id as tournament_id', 't.starts_on'])
    .where('m.umpire_user_id', '=', caller.actor.userId)
    .where((w) => w.or([w('m.status', '!=', 'finished'), w('m.finished_at', '>=', cutoff)]))
    .orderBy('m.planned_start')
    .limit(10)
    .execute();
  return rows.map((m) => ({
    kind: 'match.umpire',
    title: { vi: `Làm trọng tài trận ${m.code}: ${m.event_name}`, en: `Umpire match ${m.code}: ${m.event_name}` },
    detail: null,
    due: m.planned_start ? vietnamDay(new Date(m.planned_start)) : m.starts_on,
    path: `/tournaments/${m.tournament_id}/matches/${m.id}/score`,
    unit: null,
  }));
};
