import { formatDmy } from '../../../common/dates.ts';
import { vietnamDay } from '../../../common/dates.ts';
import type { ActivityStatusSource } from '../plans/index.ts';

/**
 * The plan's "badminton tournament of the Bloc's workers" (II.3) takes its progress from this
 * module: the tournament whose dates meet the activity's period (the one ending nearest the
 * activity's due date). It is done on the day the last of its events is decided: a knockout event
 * when its final has a result, a group event when every group match has one; until then it is in
 * progress, the percent being the matches played of those to play. A result counts from the day
 * it was recorded (Vietnam time), so the answer for a past day is what was known that day.
 */
export const tournamentResultsSource: ActivityStatusSource = {
  key: 'tournament.results',
  label: {
    vi: 'Kết quả giải đấu: chung kết các nội dung (phân hệ giải đấu)',
    en: 'The tournament’s results: every event’s final (tournament)',
  },
  async evaluate(platform, activity, plan, today) {
    const from = activity.start ?? plan.periodStart ?? plan.issuedOn ?? '0000-01-01';
    const until = activity.due ?? today;
    const tournaments = await platform.db
      .selectFrom('tournaments')
      .select(['id', 'code', 'name', 'ends_on'])
      .where('ends_on', '>=', from)
      .execute();
    if (tournaments.length === 0) return null;
    const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(until));
    const t = tournaments.sort((a, b) => distance(a.ends_on) - distance(b.ends_on) || a.id.localeCompare(b.id))[0];
    const events = await platform.db
      .selectFrom('tournament_events')
      .select(['id', 'format'])
      .where('tournament_id', '=', t.id)
      .execute();
    const matches =
      events.length === 0
        ? []
        : await platform.db
            .selectFrom('tournament_matches')
            .select(['event_id', 'code', 'stage', 'round', 'walk_through', 'winner_side', 'finished_at'])
            .where(
              'event_id',
              'in',
              events.map((e) => e.id),
            )
            .execute();
    const decidedOn = (m: (typeof matches)[number]) => {
      if (m.winner_side === null || m.finished_at === null) return null;
      const day = vietnamDay(new Date(m.finished_at));
      return day <= today ? day : null;
    };
    // Each event's deciding matches: a knockout's final, or all of a group event's matches.
    let eventsDone = 0;
    let doneOn: string | null = null;
    for (const e of events) {
      const own = matches.filter((m) => m.event_id === e.id);
      const knockout = own.filter((m) => m.stage === 'knockout' && m.code !== 'R3P');
      const last = Math.max(0, ...knockout.map((m) => m.round));
      const deciding =
        e.format === 'groups' ? own.filter((m) => m.stage === 'group') : knockout.filter((m) => m.round === last);
      const days = deciding.map(decidedOn);
      if (deciding.length === 0 || days.some((d) => d === null)) continue;
      eventsDone++;
      const day = (days as string[]).sort().at(-1)!;
      if (doneOn === null || day > doneOn) doneOn = day;
    }
    const finished = events.length > 0 && eventsDone === events.length;
    const toPlay = matches.filter((m) => m.walk_through === 0);
    const played = toPlay.filter((m) => decidedOn(m) !== null).length;
    const percent = finished ? 100 : toPlay.length ? Math.min(99, Math.round((played / toPlay.length) * 100)) : 0;
    return {
      doneOn: finished ? doneOn : null,
      percent,
      figure: eventsDone,
      note: finished
        ? {
            vi: `${t.name}: đã có kết quả chung kết ${eventsDone}/${events.length} nội dung (${played} trận), kết thúc ngày ${formatDmy(doneOn!)}.`,
            en: `${t.name}: every event decided, ${eventsDone} of ${events.length} (${played} matches), finished on ${formatDmy(doneOn!)}.`,
          }
        : {
            vi: `${t.name}: ${eventsDone}/${events.length} nội dung đã có kết quả chung kết; đã đấu ${played}/${toPlay.length} trận.`,
            en: `${t.name}: ${eventsDone} of ${events.length} events decided; ${played} of ${toPlay.length} matches played.`,
          },
    };
  },
};
