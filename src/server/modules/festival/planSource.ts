import { formatDmy, vietnamDay } from '../../../common/dates.ts';
import type { ActivityStatusSource } from '../plans/index.ts';

/**
 * The plan's "young workers' singing festival" (II.3) takes its progress from this module: the
 * festival whose exchange night is nearest the activity's due date. It is done on the day the head
 * judge certifies the exchange night's results (Vietnam time); until then it is in progress, the
 * percent being the judges' sheets locked of those to lock.
 */
export const festivalResultsSource: ActivityStatusSource = {
  key: 'festival.results',
  label: {
    vi: 'Kết quả đêm giao lưu liên hoan đã được chứng nhận (phân hệ liên hoan)',
    en: 'The festival’s exchange night certified (festival)',
  },
  async evaluate(platform, activity, plan, today) {
    const from = activity.start ?? plan.periodStart ?? plan.issuedOn ?? '0000-01-01';
    const until = activity.due ?? today;
    const rounds = await platform.db
      .selectFrom('festival_rounds as r')
      .innerJoin('festivals as f', 'f.id', 'r.festival_id')
      .select(['r.id', 'r.held_on', 'r.certified_at', 'f.name'])
      .where('r.kind', '=', 'exchange')
      .where('r.held_on', '>=', from)
      .execute();
    if (rounds.length === 0) return null;
    const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(until));
    const r = rounds.sort((a, b) => distance(a.held_on) - distance(b.held_on) || a.id.localeCompare(b.id))[0];
    const certifiedOn = r.certified_at ? vietnamDay(new Date(r.certified_at)) : null;
    if (certifiedOn !== null && certifiedOn <= today)
      return {
        doneOn: certifiedOn,
        percent: 100,
        figure: null,
        note: {
          vi: `${r.name}: đêm giao lưu ngày ${formatDmy(r.held_on)}, kết quả được chứng nhận ngày ${formatDmy(certifiedOn)}.`,
          en: `${r.name}: the exchange night of ${formatDmy(r.held_on)}, results certified on ${formatDmy(certifiedOn)}.`,
        },
      };
    const locked = await platform.db
      .selectFrom('festival_sheets')
      .select(['locked_at'])
      .where('round_id', '=', r.id)
      .where('status', '=', 'locked')
      .execute();
    const judges = await platform.db.selectFrom('festival_judges').select('id').where('round_id', '=', r.id).execute();
    const acts = await platform.db
      .selectFrom('festival_round_entries')
      .select('entry_id')
      .where('round_id', '=', r.id)
      .execute();
    const expected = judges.length * acts.length;
    const done = locked.filter((l) => l.locked_at && vietnamDay(new Date(l.locked_at)) <= today).length;
    return {
      doneOn: null,
      percent: expected ? Math.min(99, Math.round((done / expected) * 100)) : 0,
      figure: null,
      note: {
        vi: `${r.name}: đêm giao lưu ngày ${formatDmy(r.held_on)}; ${done}/${expected} phiếu chấm đã khóa, chưa chứng nhận kết quả.`,
        en: `${r.name}: the exchange night of ${formatDmy(r.held_on)}; ${done} of ${expected} sheets locked, results not certified.`,
      },
    };
  },
};
