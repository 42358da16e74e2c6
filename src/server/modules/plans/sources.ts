import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { Bilingual } from '../../platform/http/errors.ts';
import { grassrootsKinds, unitsFounded } from '../organisation/index.ts';

/**
 * Where an activity's progress comes from when the work lives in another module: the honours
 * module will say when "select 45 by 30/7" is final, the tournament when it is played. A module
 * implements `ActivityStatusSource` and adds itself to `statusSources`; an activity names it in
 * `status_source`. What a source answers replaces the reports' "done" day and figure; the status
 * itself is still computed by status.ts from the dates, so the four categories mean one thing.
 */
export type SourceActivity = {
  id: string;
  planId: string;
  start: string | null;
  due: string | null;
  target: { value: number; comparator: string; indicator: string } | null;
};

export type SourcePlan = { issuedOn: string | null; periodStart: string | null };

export type SourceAnswer = {
  /** the day the work was done (the target reached), or null while it is not */
  doneOn: string | null;
  percent: number | null;
  figure: number | null;
  note: Bilingual;
};

export interface ActivityStatusSource {
  key: string;
  label: Bilingual;
  evaluate(
    platform: { db: Kysely<Database> },
    activity: SourceActivity,
    plan: SourcePlan,
    today: string,
  ): Promise<SourceAnswer | null>;
}

/** "Thành lập mới từ 02 tổ chức cơ sở đảng trở lên": grassroots units founded in the registry within the plan's period. */
export const newGrassrootsSource: ActivityStatusSource = {
  key: 'organisation.new_grassroots',
  label: { vi: 'Tổ chức cơ sở đảng thành lập mới (sổ đơn vị)', en: 'Grassroots organisations founded (unit registry)' },
  async evaluate(platform, activity, plan, today) {
    const from = activity.start ?? plan.periodStart ?? plan.issuedOn;
    if (!from) return null;
    const founded = await unitsFounded(platform, grassrootsKinds, from, today);
    const needed = activity.target ? Math.max(1, Math.ceil(activity.target.value)) : 1;
    const reached = founded.length >= needed ? founded[needed - 1].validFrom : null;
    const names = founded.map((u) => u.name).join('; ');
    return {
      doneOn: reached,
      percent: Math.min(100, Math.round((founded.length / needed) * 100)),
      figure: founded.length,
      note: {
        vi: `Đã thành lập mới ${founded.length}/${needed} tổ chức cơ sở đảng${names ? `: ${names}` : ''}.`,
        en: `${founded.length} of ${needed} new grassroots organisations founded${names ? `: ${names}` : ''}.`,
      },
    };
  },
};

export const statusSources: Record<string, ActivityStatusSource> = {
  [newGrassrootsSource.key]: newGrassrootsSource,
};

/** A module whose data decides activities' progress adds its source at start (e.g. reporting/setup.ts). */
export function registerStatusSource(source: ActivityStatusSource): void {
  statusSources[source.key] = source;
}
