import { formatDmy } from '../../../common/dates.ts';
import type { ActivityStatusSource } from '../plans/index.ts';

/**
 * The plan's "honouring conference" (II.4, planned for 04/9/2019) takes its status from here: the
 * ceremony whose date falls in the activity's period (the one nearest its due date) is done on the
 * day it was recorded as held (the show-caller ended its last segment); until then it is in
 * progress with the share of its segments that have run, or nothing when none has.
 */
export const ceremonyHeldSource: ActivityStatusSource = {
  key: 'ceremony.held',
  label: { vi: 'Buổi lễ đã tổ chức (phân hệ buổi lễ)', en: 'The ceremony held (ceremony)' },
  async evaluate(platform, activity, plan, today) {
    const from = activity.start ?? plan.periodStart ?? plan.issuedOn ?? '0000-01-01';
    const until = activity.due ?? today;
    const rows = await platform.db
      .selectFrom('ceremonies')
      .select(['id', 'name', 'event_date', 'held_on'])
      .where('event_date', '>=', from)
      .execute();
    if (rows.length === 0) return null;
    const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(until));
    const c = rows.sort((a, b) => distance(a.event_date) - distance(b.event_date) || a.id.localeCompare(b.id))[0];
    const segments = await platform.db
      .selectFrom('ceremony_segments')
      .select(['actual_start', 'actual_end'])
      .where('ceremony_id', '=', c.id)
      .execute();
    const held = c.held_on !== null && c.held_on <= today;
    const ran = segments.filter((s) => s.actual_end !== null && s.actual_end.slice(0, 10) <= today).length;
    return {
      doneOn: held ? c.held_on : null,
      percent: held ? 100 : segments.length ? Math.min(99, Math.round((ran / segments.length) * 100)) : 0,
      figure: held ? 1 : 0,
      note: held
        ? {
            vi: `${c.name}: đã tổ chức ngày ${formatDmy(c.held_on!)}.`,
            en: `${c.name}: held on ${formatDmy(c.held_on!)}.`,
          }
        : {
            vi: `${c.name}: dự kiến ngày ${formatDmy(c.event_date)}; chưa ghi nhận đã tổ chức.`,
            en: `${c.name}: planned for ${formatDmy(c.event_date)}; not yet recorded as held.`,
          },
    };
  },
};
