import { formatDmy, vietnamDay } from '../../../common/dates.ts';
import type { ActivityStatusSource } from '../plans/index.ts';

/**
 * The plan's "detailed plan assigning the Office's staff to serve the anniversary activities"
 * (III.4) takes its progress from the duty roster: the events of the same plan that the Office
 * staffs. It is done on the day the last of them got its first person on duty; until then the
 * percent is the events staffed of those listed. No event listed yet: no answer (the reports count).
 */
export const officeDutySource: ActivityStatusSource = {
  key: 'office.duty',
  label: {
    vi: 'Phân công cán bộ trực, phục vụ các sự kiện (phân hệ văn phòng)',
    en: 'Staff assigned to serve the events (office)',
  },
  async evaluate(platform, activity, _plan, today) {
    const events = await platform.db
      .selectFrom('office_duty_events')
      .select(['id', 'title', 'starts_at'])
      .where('plan_id', '=', activity.planId)
      .orderBy('starts_at')
      .limit(1000)
      .execute();
    if (events.length === 0) return null;
    const first = await platform.db
      .selectFrom('office_duties')
      .select((eb) => ['event_id', eb.fn.min<string>('created_at').as('at')])
      .where(
        'event_id',
        'in',
        events.map((e) => e.id),
      )
      .groupBy('event_id')
      .execute();
    const staffedOn = new Map(first.map((f) => [f.event_id, vietnamDay(new Date(f.at))]));
    const staffed = events.filter((e) => (staffedOn.get(e.id) ?? '9999') <= today);
    const waiting = events.filter((e) => !staffed.includes(e));
    if (waiting.length === 0) {
      const doneOn = staffed
        .map((e) => staffedOn.get(e.id)!)
        .sort()
        .at(-1)!;
      return {
        doneOn,
        percent: 100,
        figure: staffed.length,
        note: {
          vi: `Đã phân công cán bộ trực cho cả ${staffed.length} sự kiện (xong ngày ${formatDmy(doneOn)}).`,
          en: `Staff on duty assigned for all ${staffed.length} events (done on ${formatDmy(doneOn)}).`,
        },
      };
    }
    const names = waiting
      .slice(0, 5)
      .map((e) => e.title)
      .join('; ');
    return {
      doneOn: null,
      percent: Math.min(99, Math.round((staffed.length / events.length) * 100)),
      figure: staffed.length,
      note: {
        vi: `Đã phân công cán bộ trực ${staffed.length}/${events.length} sự kiện; chưa phân công: ${names}.`,
        en: `Staff on duty assigned for ${staffed.length} of ${events.length} events; not yet: ${names}.`,
      },
    };
  },
};
