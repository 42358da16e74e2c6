import { daysUntil } from '../../../common/periods.ts';
import { installedModules, type TodoItem } from '../../platform/modules.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { todayOf } from '../../platform/clock/clock.ts';

const collator = new Intl.Collator('vi');

/**
 * "Việc cần làm": every module's `todo` hook asked for this caller on the system clock's day
 * (ADR 30), put together by deadline — overdue first, things without a deadline last. A module
 * that fails is logged and left out; the others still answer.
 */
export async function todoOf(platform: Platform, caller: Caller) {
  const today = todayOf(platform.clock);
  const parts = await Promise.all(
    installedModules()
      .filter((m) => m.todo)
      .map(async (m) => {
        try {
          return (await m.todo!(platform, caller, today)).map((item: TodoItem) => ({ module: m.name, ...item }));
        } catch (err) {
          platform.logger.error('todo source failed', { module: m.name, err });
          return [];
        }
      }),
  );
  const items = parts
    .flat()
    .map((i) => ({ ...i, daysLeft: i.due ? daysUntil(i.due, today) : null }))
    .sort(
      (a, b) =>
        (a.due ?? '9999-12-31').localeCompare(b.due ?? '9999-12-31') || collator.compare(a.title.vi, b.title.vi),
    );
  return { today, items };
}
