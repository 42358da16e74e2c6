import { formatDmy } from '../../../common/dates.ts';
import type { ActivityStatusSource } from '../plans/index.ts';

/**
 * The plan's publicity activities (II.1: publicity in the mass media; III.1: the Propaganda Board
 * works with the newspaper, the radio-television and the website) take their progress from the
 * publicity plan: published pieces over pieces planned (dropped ones left out) linked to the
 * activity; done on the day the last of them was published. An activity no piece names directly is
 * the plan-wide duty to publicise every activity (II.1, III.1), so it counts all the plan's pieces
 * (ADR 33).
 */
export const publicityPiecesSource: ActivityStatusSource = {
  key: 'publicity.pieces',
  label: {
    vi: 'Tin, bài tuyên truyền đã đăng trên số đã lên kế hoạch (phân hệ tuyên truyền)',
    en: 'Publicity pieces published out of those planned (publicity)',
  },
  async evaluate(platform, activity, _plan, today) {
    const pieces = (column: 'activity_id' | 'plan_id', id: string) =>
      platform.db
        .selectFrom('publicity_pieces')
        .select(['status', 'published_on'])
        .where(column, '=', id)
        .where('status', '!=', 'dropped')
        .limit(10_000)
        .execute();
    let rows = await pieces('activity_id', activity.id);
    if (rows.length === 0) rows = await pieces('plan_id', activity.planId);
    if (rows.length === 0) return null;
    const published = rows
      .filter((r) => r.status === 'published' && r.published_on !== null && r.published_on <= today)
      .map((r) => r.published_on as string)
      .sort();
    const n = published.length;
    if (n === rows.length) {
      const last = published[n - 1];
      return {
        doneOn: last,
        percent: 100,
        figure: n,
        note: {
          vi: `Đã đăng ${n}/${rows.length} tin, bài; tin, bài cuối đăng ngày ${formatDmy(last)}.`,
          en: `${n} of ${rows.length} pieces published; the last on ${formatDmy(last)}.`,
        },
      };
    }
    return {
      doneOn: null,
      percent: Math.min(99, Math.round((n / rows.length) * 100)),
      figure: n,
      note: {
        vi: `Đã đăng ${n}/${rows.length} tin, bài theo kế hoạch tuyên truyền.`,
        en: `${n} of ${rows.length} planned pieces published.`,
      },
    };
  },
};
