import { vietnamDay } from '../../../common/dates.ts';
import type { TodoSource } from '../../platform/modules.ts';
import { reach } from '../../platform/policy/policy.ts';
import { unitRefs } from '../organisation/index.ts';
import { REMIND_AFTER_DAYS } from './inbox.ts';

/**
 * The office's part of the home page's to-do list (ADR 30): the documents sent to the units
 * whose inbox the caller keeps (a unit-scoped `office.receive` grant on that very unit) and not
 * yet acknowledged; due when the reminders start (`REMIND_AFTER_DAYS` after sending).
 */
export const officeTodo: TodoSource = async (platform, caller) => {
  const own = [...new Set(reach(caller.grants, 'office.receive') ?? [])];
  if (own.length === 0) return [];
  const rows = await platform.db
    .selectFrom('office_deliveries as d')
    .innerJoin('office_outgoing as o', 'o.id', 'd.outgoing_id')
    .select(['d.id', 'd.unit_id', 'd.sent_at', 'o.symbol', 'o.summary'])
    .where('d.unit_id', 'in', own)
    .where('d.acknowledged_at', 'is', null)
    .orderBy('d.sent_at')
    .limit(30)
    .execute();
  const names = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  return rows.map((d) => {
    const unit = names.get(d.unit_id);
    return {
      kind: 'document.acknowledge',
      title: { vi: `Xác nhận đã nhận văn bản ${d.symbol}`, en: `Acknowledge receipt of ${d.symbol}` },
      detail: { vi: d.summary, en: d.summary },
      due: vietnamDay(new Date(new Date(d.sent_at).getTime() + REMIND_AFTER_DAYS * 86_400_000)),
      path: '/office/inbox',
      unit: unit ? { id: unit.id, name: unit.name } : null,
    };
  });
};
