import { sql } from 'kysely';
import type { Platform } from '../../platform/platform.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import { holdsAnywhere, reach } from '../../platform/policy/policy.ts';
import { todayOf } from '../../platform/clock/clock.ts';
import { emulationGlance } from '../emulation/index.ts';
import { honoursGlance } from '../honours/index.ts';
import { ancestorsOf, unitRefs, unitView } from '../organisation/index.ts';
import { planGlance } from '../plans/index.ts';
import { reportingGlance } from '../reporting/index.ts';

/**
 * The leader's view (ADR 30): days to the ceremony, the plan's sections and what is overdue and
 * whose, this period's reporting completeness under the leader's unit, honours against the
 * quota, the drive's participation, what happens this week. Each part is its module's own
 * answer through its index; each figure carries the screen it comes from.
 */
export async function leaderView(platform: Platform, caller: Caller) {
  const today = todayOf(platform.clock);
  const unit = await leaderUnit(platform, caller);
  const plan = await planGlance(platform, caller, today);
  return {
    today,
    unit,
    ceremony: plan?.ceremony ?? null,
    plan: plan
      ? {
          id: plan.plan.id,
          title: plan.plan.title,
          total: plan.total,
          counts: plan.counts,
          sections: plan.sections,
          overdue: plan.overdue,
          thisWeek: plan.thisWeek,
        }
      : null,
    reporting: unit ? await reportingGlance(platform, caller, today, unit.id) : [],
    honours: await honoursGlance(platform),
    drive: await emulationGlance(platform, today),
  };
}

/**
 * The unit the leader looks after: their grant's unit; for the Bloc's boards, whose work is the whole
 * Bloc's (`reporting.overview`: the Office, the Propaganda Board), the Bloc above their board; for an
 * everywhere grant the first Bloc at the top of the tree (outside bodies are roots too).
 */
async function leaderUnit(platform: Platform, caller: Caller) {
  const roots = reach(caller.grants, 'reporting.read');
  if (roots?.length) {
    const own = (await unitRefs(platform, [roots[0]])).get(roots[0]);
    if (own && own.kind !== 'bloc' && holdsAnywhere(caller.grants, 'reporting.overview')) {
      const bloc = (await ancestorsOf(platform.db, own.id)).find((a) => a.kind === 'bloc');
      if (bloc) return { id: bloc.id, name: bloc.name };
    }
    return own ? { id: own.id, name: own.name } : null;
  }
  const top = await unitView(platform.db)
    .where('un.parent_id', 'is', null)
    .where('un.valid_to', 'is', null)
    .orderBy(sql`case when un.kind = 'bloc' then 0 else 1 end`)
    .orderBy('un.sort_key')
    .executeTakeFirst();
  return top ? { id: top.id, name: top.name } : null;
}
