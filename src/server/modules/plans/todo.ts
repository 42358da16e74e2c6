import type { TodoItem, TodoSource } from '../../platform/modules.ts';
import { reach } from '../../platform/policy/policy.ts';
import { listInCharge, personOfUser, unitRefs } from '../organisation/index.ts';
import { addDays } from './status.ts';

/**
 * The plans' part of the home page's to-do list (ADR 30):
 * - the caller's own lines: activities their unit leads (a unit-scoped `plans.report` grant on
 *   that very unit) that neither the unit nor the activity has reported done, due within
 *   `SOON_DAYS` or overdue — activities whose status another module reports (`status_source`)
 *   are left to that module's own to-do;
 * - the sub-plan to deploy: a plan sent to the caller's unit for deployment that the unit has not
 *   yet answered with its own plan;
 * - supervision: the units the caller's person is in charge of that have overdue lines and no
 *   visit recorded since the first of them fell due.
 */
const SOON_DAYS = 14;

export const plansTodo: TodoSource = async (platform, caller, today) => {
  const db = platform.db;
  const items: TodoItem[] = [];
  const own = [...new Set(reach(caller.grants, 'plans.report') ?? [])];
  if (own.length) {
    const names = await unitRefs(platform, own);
    const lines = await db
      .selectFrom('plan_activity_units as u')
      .innerJoin('plan_activities as a', 'a.id', 'u.activity_id')
      .innerJoin('plans as p', 'p.id', 'a.plan_id')
      .select(['a.id', 'a.plan_id', 'a.ref', 'a.title', 'a.due_on', 'u.unit_id', 'p.title as plan_title'])
      .where('u.unit_id', 'in', own)
      .where('u.role', '=', 'lead')
      .where('u.done_on', 'is', null)
      .where('a.done_on', 'is', null)
      .where('a.status_source', 'is', null)
      .where('a.due_on', 'is not', null)
      .where('a.due_on', '<=', addDays(today, SOON_DAYS))
      .where((w) => w.or([w('a.start_on', 'is', null), w('a.start_on', '<=', today)]))
      .orderBy('a.due_on')
      .limit(50)
      .execute();
    for (const l of lines) {
      const unit = names.get(l.unit_id);
      items.push({
        kind: 'activity.due',
        title: { vi: l.title, en: l.title },
        detail: { vi: `Nhiệm vụ ${l.ref} — ${l.plan_title}`, en: `Activity ${l.ref} — ${l.plan_title}` },
        due: l.due_on,
        path: `/plans/${l.plan_id}/activities/${l.id}`,
        unit: unit ? { id: unit.id, name: unit.name } : null,
      });
    }

    const toDeploy = await db
      .selectFrom('plan_deploy_units as d')
      .innerJoin('plans as p', 'p.id', 'd.plan_id')
      .leftJoin('plans as s', (j) => j.onRef('s.parent_plan_id', '=', 'd.plan_id').onRef('s.unit_id', '=', 'd.unit_id'))
      .select(['p.id', 'p.title', 'p.deploy_due', 'd.unit_id'])
      .where('d.unit_id', 'in', own)
      .where('s.id', 'is', null)
      .limit(20)
      .execute();
    for (const d of toDeploy) {
      const unit = names.get(d.unit_id);
      items.push({
        kind: 'subplan.deploy',
        title: { vi: `Xây dựng kế hoạch triển khai: ${d.title}`, en: `Make the unit's plan to carry out: ${d.title}` },
        detail: unit ? { vi: unit.name, en: unit.name } : null,
        due: d.deploy_due,
        path: `/plans/${d.id}/sub-plan`,
        unit: unit ? { id: unit.id, name: unit.name } : null,
      });
    }
  }

  const personId = caller.actor.userId ? await personOfUser(platform, caller.actor.userId) : null;
  const charged = personId ? (await listInCharge(platform, { personId })).items.slice(0, 50) : [];
  if (charged.length) {
    const ids = charged.map((c) => c.unitId);
    const late = await db
      .selectFrom('plan_activity_units as u')
      .innerJoin('plan_activities as a', 'a.id', 'u.activity_id')
      .select(['u.unit_id'])
      .select((eb) => [eb.fn.min('a.due_on').as('first_due'), eb.fn.count<number>('a.id').as('n')])
      .where('u.unit_id', 'in', ids)
      .where('u.role', '=', 'lead')
      .where('u.done_on', 'is', null)
      .where('a.done_on', 'is', null)
      .where('a.status_source', 'is', null)
      .where('a.due_on', '<', today)
      .groupBy('u.unit_id')
      .execute();
    const visits = await db
      .selectFrom('plan_supervisions')
      .select(['unit_id'])
      .select((eb) => eb.fn.max('visited_on').as('last'))
      .where('unit_id', 'in', ids)
      .groupBy('unit_id')
      .execute();
    const lastVisit = new Map(visits.map((v) => [v.unit_id, v.last as string | null]));
    for (const l of late) {
      const firstDue = l.first_due as string;
      const last = lastVisit.get(l.unit_id);
      if (last && last >= firstDue) continue;
      const c = charged.find((x) => x.unitId === l.unit_id)!;
      const n = Number(l.n);
      items.push({
        kind: 'supervision.visit',
        title: { vi: `Đôn đốc, giám sát: ${c.unitName}`, en: `Urge and supervise: ${c.unitName}` },
        detail: {
          vi: `${n} nhiệm vụ quá hạn chưa hoàn thành`,
          en: `${n} overdue activit${n === 1 ? 'y' : 'ies'} not done`,
        },
        due: firstDue,
        path: `/supervisions?unitId=${l.unit_id}`,
        unit: { id: l.unit_id, name: c.unitName },
      });
    }
  }
  return items;
};
