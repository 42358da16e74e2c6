/**
 * An activity's status in the government's four categories, computed — never typed in — from
 * its due date, the day its work was reported done, and "today" (ADR 8).
 *
 * The day boundary: a due date is a calendar day in Việt Nam (Asia/Ho_Chi_Minh, UTC+7, no
 * daylight saving). Work due on D is on time when it is done on D or before, i.e. up to
 * 23:59:59 on D in Việt Nam; from 00:00 on D+1 (17:00 UTC on D) an unfinished activity is
 * overdue. "Trước ngày 30/7" is read as "by the end of 30/7", as the offices read it.
 */
export const activityStatuses = ['done_on_time', 'done_late', 'in_progress', 'overdue'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

export const statusLabels: Record<ActivityStatus, { vi: string; en: string }> = {
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  in_progress: { vi: 'Đang thực hiện trong hạn', en: 'In progress within the deadline' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
};

export { VIETNAM_TIME_ZONE, vietnamDay } from '../../../common/dates.ts';

export type StatusInput = {
  /** ISO date the work is due, or null (no deadline: never overdue) */
  due: string | null;
  /** ISO date (Việt Nam) the work was done, or null while it is not done */
  doneOn: string | null;
};

/** Pure: the same input and the same day always give the same status. */
export function activityStatus(a: StatusInput, today: string): ActivityStatus {
  if (a.doneOn !== null) return a.due === null || a.doneOn <= a.due ? 'done_on_time' : 'done_late';
  return a.due === null || today <= a.due ? 'in_progress' : 'overdue';
}

export { addDays, daysUntil } from '../../../common/dates.ts';
