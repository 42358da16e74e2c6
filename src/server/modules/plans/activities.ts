import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { displayNames } from '../../platform/auth/users.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { PlanActivitiesTable, PlansTable } from './tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import { deleteFilesOf, filesOf } from '../../platform/files/store.ts';
import type { Platform } from '../../platform/platform.ts';
import { grassrootsKinds, unitRefs } from '../organisation/index.ts';
import {
  activityNotFound,
  inTransaction,
  planNotFound,
  publishPlans,
  requireManage,
  visibilityOf,
  type Caller,
  type Visibility,
} from './access.ts';
import { statusSourceKeys, type ActivityInput, type UpdateActivityInput } from './schema.ts';

type StatusSourceKey = (typeof statusSourceKeys)[number];
import { REPORT_FILES } from './attachments.ts';
import { statusSources } from './sources.ts';
import { activityStatus, statusLabels, vietnamDay, type ActivityStatus } from './status.ts';

type Db = Kysely<Database>;
export type ActivityRow = Selectable<PlanActivitiesTable>;
export type PlanRow = Selectable<PlansTable>;

const CHUNK = 400;
/** How many lead or coordinating units an activity view names (the rest are counted). */
const NAMED_UNITS = 50;

export async function findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requirePlan(db: Db, id: string): Promise<PlanRow> {
  const plan = await findPlan(db, id);
  if (!plan) throw planNotFound();
  return plan;
}

/** The plan's activities the caller may see, in the plan's order (a plan holds at most 500 + its sub-plans' picks). */
export async function visibleActivities(
  db: Db,
  plan: PlanRow,
  vis: Visibility,
  filter: { unitId?: string; section?: string } = {},
): Promise<ActivityRow[]> {
  let q = db.selectFrom('plan_activities as a').selectAll('a').where('a.plan_id', '=', plan.id);
  if (filter.section) q = q.where('a.section', '=', filter.section);
  if (filter.unitId) {
    const unitId = filter.unitId;
    q = q.where((w) =>
      w.exists(
        w
          .selectFrom('plan_activity_units as u')
          .select('u.unit_id')
          .whereRef('u.activity_id', '=', 'a.id')
          .where('u.unit_id', '=', unitId),
      ),
    );
  }
  if (!vis.all) {
    if (plan.unit_id && vis.unitIds.includes(plan.unit_id)) {
      // the unit's own sub-plan: all of it
    } else {
      if (vis.unitIds.length === 0) return [];
      const ids = vis.unitIds.slice(0, 5000);
      q = q.where((w) =>
        w.exists(
          w
            .selectFrom('plan_activity_units as u')
            .select('u.unit_id')
            .whereRef('u.activity_id', '=', 'a.id')
            .where('u.unit_id', 'in', ids),
        ),
      );
    }
  }
  return q.orderBy('a.position').orderBy('a.id').limit(2000).execute();
}

export async function maySeePlan(db: Db, plan: PlanRow, vis: Visibility): Promise<boolean> {
  if (vis.all) return true;
  if (plan.unit_id && vis.unitIds.includes(plan.unit_id)) return true;
  if (vis.unitIds.length === 0) return false;
  const row = await db
    .selectFrom('plan_activity_units')
    .select('activity_id')
    .where('plan_id', '=', plan.id)
    .where('unit_id', 'in', vis.unitIds.slice(0, 5000))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export type SourcePart = {
  key: StatusSourceKey;
  doneOn: string | null;
  percent: number | null;
  note: { vi: string; en: string } | null;
};

export type Progress = {
  doneOn: string | null;
  percent: number | null;
  figure: number | null;
  note: { vi: string; en: string } | null;
  /** each named source's own answer (the reports' progress where a source has none yet) */
  parts: SourcePart[];
};

/** The keys an activity's `status_source` holds: one key, or several joined by commas (ADR 41). */
export function sourceKeysOf(column: string | null): StatusSourceKey[] {
  if (column === null || column === '') return [];
  return column.split(',').map((k) => oneOf(statusSourceKeys, k, 'plan_activities.status_source'));
}

/** The column's value for a list of keys: null for none, each key once, in the order given. */
export function sourceColumnOf(keys: readonly StatusSourceKey[]): string | null {
  const unique = [...new Set(keys)];
  return unique.length === 0 ? null : unique.join(',');
}

/**
 * An activity that holds several jobs, each decided by its own module (the seed's A23: the budget
 * and the duty roster), is done only when every one is: on the latest of their days, so it is done
 * late when any was late and overdue while any is not done past the due day (ADR 41). The percent
 * is the parts' mean; a figure counts different things in each module, so there is none.
 */
export function combineParts(parts: SourcePart[]): Pick<Progress, 'doneOn' | 'percent' | 'figure' | 'note'> {
  const allDone = parts.every((p) => p.doneOn !== null);
  const doneOn = allDone
    ? parts
        .map((p) => p.doneOn!)
        .sort()
        .at(-1)!
    : null;
  const percents = parts.map((p) => (p.doneOn !== null ? 100 : (p.percent ?? 0)));
  const mean = Math.round(percents.reduce((s, v) => s + v, 0) / parts.length);
  const notes = parts.map((p) => p.note).filter((n): n is NonNullable<typeof n> => n !== null);
  return {
    doneOn,
    percent: allDone ? 100 : Math.min(99, mean),
    figure: null,
    note: notes.length ? { vi: notes.map((n) => n.vi).join(' '), en: notes.map((n) => n.en).join(' ') } : null,
  };
}

/** Reports' progress, or the status sources' answers when the activity names them. */
export async function progressOf(
  platform: { db: Db },
  plan: PlanRow,
  rows: ActivityRow[],
  today: string,
): Promise<Map<string, Progress>> {
  const out = new Map<string, Progress>();
  for (const a of rows) {
    const own = { doneOn: a.done_on, percent: a.progress_percent, figure: a.progress_figure, note: null };
    const parts: (SourcePart & { figure: number | null; answered: boolean })[] = [];
    for (const key of sourceKeysOf(a.status_source)) {
      const source = statusSources[key];
      const answer = source
        ? await source.evaluate(
            platform,
            {
              id: a.id,
              planId: a.plan_id,
              start: a.start_on,
              due: a.due_on,
              target:
                a.target_value === null
                  ? null
                  : {
                      value: a.target_value,
                      comparator: a.target_comparator ?? 'eq',
                      indicator: a.target_indicator ?? '',
                    },
            },
            { issuedOn: plan.issued_on, periodStart: plan.period_start },
            today,
          )
        : null;
      parts.push(answer ? { key, ...answer, answered: true } : { key, ...own, answered: false });
    }
    const answered = parts.filter((p) => p.answered);
    const strip = ({ key, doneOn, percent, note }: SourcePart): SourcePart => ({ key, doneOn, percent, note });
    if (answered.length === 0) out.set(a.id, { ...own, parts: parts.map(strip) });
    else if (parts.length === 1) out.set(a.id, { ...parts[0], parts: parts.map(strip) });
    else out.set(a.id, { ...combineParts(parts), parts: parts.map(strip) });
  }
  return out;
}

export function statusOf(a: ActivityRow, p: Progress, today: string): ActivityStatus {
  return activityStatus({ due: a.due_on, doneOn: p.doneOn }, today);
}

type UnitRefView = { id: string; name: string; shortName: string | null };

/** Views of activities: units named (the first 50 of each role), progress and status. */
/** A stored value that must be one of `values` (written from validated input); anything else is a broken row. */
export function oneOf<const T extends string>(values: readonly T[], value: string | null, column: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`${column} holds ${JSON.stringify(value)}`);
  return found;
}

const comparators = ['gte', 'eq', 'lte'] as const;

/** The activity's quantified target, as stored with it (the columns are all set or all null). */
function targetOf(a: ActivityRow) {
  if (a.target_value === null) return null;
  return {
    value: a.target_value,
    comparator: oneOf(comparators, a.target_comparator, 'plan_activities.target_comparator'),
    indicator: a.target_indicator ?? '',
    unit: a.target_unit,
    breakdown: a.target_breakdown_json
      ? (JSON.parse(a.target_breakdown_json) as { value: number; indicator: string }[])
      : [],
  };
}

export async function activityViews(platform: { db: Db }, plan: PlanRow, rows: ActivityRow[], today: string) {
  const ids = rows.map((r) => r.id);
  const links: { activity_id: string; unit_id: string; role: string; position: number }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    links.push(
      ...(await platform.db
        .selectFrom('plan_activity_units')
        .select(['activity_id', 'unit_id', 'role', 'position'])
        .where('activity_id', 'in', ids.slice(i, i + CHUNK))
        .where('position', '<', NAMED_UNITS)
        .orderBy('position')
        .execute()),
    );
  }
  const counts = new Map<string, { lead: number; coordinating: number }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rowsCount = await platform.db
      .selectFrom('plan_activity_units')
      .select(['activity_id', 'role', (eb) => eb.fn.countAll<number>().as('n')])
      .where('activity_id', 'in', ids.slice(i, i + CHUNK))
      .groupBy(['activity_id', 'role'])
      .execute();
    for (const r of rowsCount) {
      const c = counts.get(r.activity_id) ?? { lead: 0, coordinating: 0 };
      c[r.role === 'lead' ? 'lead' : 'coordinating'] = Number(r.n);
      counts.set(r.activity_id, c);
    }
  }
  const units = await unitRefs(
    platform,
    links.map((l) => l.unit_id),
  );
  const progress = await progressOf(platform, plan, rows, today);
  return rows.map((a) => {
    const mine = links.filter((l) => l.activity_id === a.id);
    const named = (role: string): UnitRefView[] =>
      mine
        .filter((l) => l.role === role)
        .map((l) => units.get(l.unit_id))
        .filter((u): u is NonNullable<typeof u> => u !== undefined)
        .map((u) => ({ id: u.id, name: u.name, shortName: u.shortName }));
    const p = progress.get(a.id)!;
    const status = statusOf(a, p, today);
    return {
      id: a.id,
      planId: a.plan_id,
      ref: a.ref,
      kind: a.kind,
      section: a.section,
      title: a.title,
      description: a.description,
      subItems: JSON.parse(a.sub_items_json) as string[],
      lead: named('lead'),
      coordinating: named('coordinating'),
      leadCount: counts.get(a.id)?.lead ?? 0,
      coordinatingCount: counts.get(a.id)?.coordinating ?? 0,
      otherParticipants: JSON.parse(a.other_participants_json) as string[],
      start: a.start_on,
      due: a.due_on,
      tentative: a.tentative === 1,
      recurrence: a.recurrence,
      target: targetOf(a),
      statusSource: sourceKeysOf(a.status_source)[0] ?? null,
      statusSources: sourceKeysOf(a.status_source),
      originActivityId: a.origin_activity_id,
      percent: p.percent,
      figure: p.figure,
      doneOn: p.doneOn,
      status,
      statusLabel: statusLabels[status],
      sourceNote: p.note,
      sources: p.parts.map((part) => ({
        key: part.key,
        label: statusSources[part.key]?.label ?? { vi: part.key, en: part.key },
        doneOn: part.doneOn,
        percent: part.percent,
        note: part.note,
      })),
    };
  });
}

export type ActivityView = Awaited<ReturnType<typeof activityViews>>[number];

const unknownUnits = (path: string) =>
  fail.validation([
    {
      in: 'body',
      path,
      code: 'unknown_unit',
      messages: { vi: 'Có đơn vị không có trong sổ đơn vị.', en: 'A unit is not in the unit registry.' },
    },
  ]);

/** Checks the units exist; returns the grassroots ones (they are expected to deploy a sub-plan). */
export async function checkUnits(db: Db, ids: string[], path: string): Promise<string[]> {
  const refs = await unitRefs({ db }, ids);
  if (refs.size !== new Set(ids).size) throw unknownUnits(path);
  return [...refs.values()].filter((u) => grassrootsKinds.includes(u.kind)).map((u) => u.id);
}

export async function setActivityUnits(
  db: Db,
  planId: string,
  activityId: string,
  lead: string[],
  coordinating: string[],
) {
  await db.deleteFrom('plan_activity_units').where('activity_id', '=', activityId).execute();
  const rows = [
    ...[...new Set(lead)].map((unit_id, position) => ({
      plan_id: planId,
      activity_id: activityId,
      unit_id,
      role: 'lead',
      position,
      percent: null,
      done_on: null,
    })),
    ...[...new Set(coordinating)]
      .filter((u) => !lead.includes(u))
      .map((unit_id, position) => ({
        plan_id: planId,
        activity_id: activityId,
        unit_id,
        role: 'coordinating',
        position,
        percent: null,
        done_on: null,
      })),
  ];
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('plan_activity_units')
      .values(rows.slice(i, i + 300))
      .execute();
}

export async function addDeployUnits(db: Db, planId: string, unitIds: string[]) {
  const unique = [...new Set(unitIds)];
  for (let i = 0; i < unique.length; i += 300) {
    await db
      .insertInto('plan_deploy_units')
      .values(unique.slice(i, i + 300).map((unit_id) => ({ plan_id: planId, unit_id })))
      .onConflict((oc) => oc.columns(['plan_id', 'unit_id']).doNothing())
      .execute();
  }
}

export function activityRow(
  planId: string,
  input: ActivityInput,
  ref: string,
  position: number,
  now: Date,
  origin: string | null = null,
): ActivityRow {
  const at = now.toISOString();
  return {
    id: newId(now.getTime()),
    plan_id: planId,
    ref,
    kind: input.kind,
    section: input.section,
    position,
    title: input.title,
    description: input.description,
    sub_items_json: JSON.stringify(input.subItems),
    other_participants_json: JSON.stringify(input.otherParticipants),
    start_on: input.start,
    due_on: input.due,
    tentative: input.tentative ? 1 : 0,
    recurrence: input.recurrence,
    target_value: input.target?.value ?? null,
    target_comparator: input.target?.comparator ?? null,
    target_indicator: input.target?.indicator ?? null,
    target_unit: input.target?.unit ?? null,
    target_breakdown_json: input.target ? JSON.stringify(input.target.breakdown) : null,
    status_source: sourceColumnOf(input.statusSources ?? (input.statusSource ? [input.statusSource] : [])),
    origin_activity_id: origin,
    progress_percent: null,
    progress_figure: null,
    done_on: null,
    last_report_at: null,
    created_at: at,
    updated_at: at,
  };
}

function checkDates(start: string | null, due: string | null) {
  if (start && due && start > due) {
    throw fail.validation([
      {
        in: 'body',
        path: 'due',
        code: 'due_before_start',
        messages: { vi: 'Hạn hoàn thành trước ngày bắt đầu.', en: 'The due date is before the start date.' },
      },
    ]);
  }
}

/** Inserts one activity with its units; the caller audits. */
export async function insertActivity(
  db: Db,
  planId: string,
  input: ActivityInput,
  ref: string,
  position: number,
  now: Date,
  origin: string | null = null,
) {
  checkDates(input.start, input.due);
  const grassroots = await checkUnits(db, [...input.leadUnitIds, ...input.coordinatingUnitIds], 'leadUnitIds');
  const row = activityRow(planId, input, ref, position, now, origin);
  await db.insertInto('plan_activities').values(row).execute();
  await setActivityUnits(db, planId, row.id, input.leadUnitIds, input.coordinatingUnitIds);
  await addDeployUnits(db, planId, grassroots);
  return row;
}

export async function listActivities(
  platform: Platform,
  caller: Caller,
  planId: string,
  query: { page: number; pageSize: number; status?: ActivityStatus; unitId?: string; section?: string },
) {
  const plan = await requirePlan(platform.db, planId);
  const vis = await visibilityOf(platform, caller);
  if (!(await maySeePlan(platform.db, plan, vis))) throw planNotFound();
  const today = vietnamDay(platform.clock());
  const rows = await visibleActivities(platform.db, plan, vis, { unitId: query.unitId, section: query.section });
  let chosen = rows;
  if (query.status) {
    const progress = await progressOf(platform, plan, rows, today);
    chosen = rows.filter((a) => statusOf(a, progress.get(a.id)!, today) === query.status);
  }
  const pageRows = chosen.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const items = await activityViews(platform, plan, pageRows, today);
  if (!query.unitId || items.length === 0)
    return { items, total: chosen.length, page: query.page, pageSize: query.pageSize, today };
  // With a unit named, each activity also carries that unit's own line: its percent, its day done, its status.
  const lines = await platform.db
    .selectFrom('plan_activity_units')
    .select(['activity_id', 'role', 'percent', 'done_on'])
    .where('unit_id', '=', query.unitId)
    .where(
      'activity_id',
      'in',
      pageRows.map((r) => r.id),
    )
    .execute();
  const withLines = items.map((a) => {
    const l = lines.find((x) => x.activity_id === a.id);
    if (!l) return { ...a, unitLine: null };
    const status = activityStatus({ due: a.due, doneOn: l.done_on }, today);
    return {
      ...a,
      unitLine: {
        unitId: query.unitId!,
        role: l.role,
        percent: l.percent,
        doneOn: l.done_on,
        status,
        statusLabel: statusLabels[status],
      },
    };
  });
  return { items: withLines, total: chosen.length, page: query.page, pageSize: query.pageSize, today };
}

export async function getActivity(platform: Platform, caller: Caller, id: string) {
  const { row, plan, vis } = await seenActivity(platform, caller, id);
  const today = vietnamDay(platform.clock());
  const [view] = await activityViews(platform, plan, [row], today);
  // ADR 8 and 21: a unit reads its own units' reports (and a manager's, which speak for the whole activity).
  let reportQuery = platform.db.selectFrom('plan_reports').selectAll().where('activity_id', '=', id);
  if (!vis.all) reportQuery = reportQuery.where((eb) => reportsSeenBy(eb, vis.unitIds));
  const reports = await reportQuery.orderBy('reported_at', 'desc').limit(200).execute();
  const units = await unitRefs(
    platform,
    reports.map((r) => r.unit_id).filter((u): u is string => u !== null),
  );
  const files = await filesOf(
    platform.db,
    REPORT_FILES,
    reports.map((r) => r.id),
  );
  // who reported, by the name they go by (the stored name is their username)
  const names = await displayNames(
    platform.db,
    reports.map((r) => r.reported_by),
  );
  return {
    ...view,
    reports: reports.map((r) => ({
      id: r.id,
      unit: r.unit_id ? { id: r.unit_id, name: units.get(r.unit_id)?.name ?? '' } : null,
      text: r.text,
      percent: r.percent,
      figure: r.figure,
      doneOn: r.done_on,
      reporterName: (r.reported_by && names.get(r.reported_by)) || r.reporter_name,
      reportedAt: r.reported_at,
      attachments: files.get(r.id) ?? [],
    })),
  };
}

/** The activity, when the caller may see it (else "not found", so ids cannot be probed). */
export async function seenActivity(platform: Platform, caller: Caller, id: string) {
  const row = await platform.db.selectFrom('plan_activities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw activityNotFound();
  const plan = await requirePlan(platform.db, row.plan_id);
  const vis = await visibilityOf(platform, caller);
  const visible = await visibleActivities(platform.db, plan, vis, {});
  if (!visible.some((a) => a.id === id)) throw activityNotFound();
  return { row, plan, vis };
}

/** The reports a caller who sees only `unitIds` may read: those units' own, and those made for no unit. */
export function reportsSeenBy(eb: ExpressionBuilder<Database, 'plan_reports'>, unitIds: readonly string[]) {
  return eb.or([
    eb('plan_reports.unit_id', 'is', null),
    ...(unitIds.length ? [eb('plan_reports.unit_id', 'in', [...unitIds])] : []),
  ]);
}

export async function addActivity(platform: Platform, caller: Caller, planId: string, input: ActivityInput) {
  requireManage(caller);
  const now = platform.clock();
  const id = await inTransaction(platform, async (tx) => {
    const plan = await requirePlan(tx, planId);
    const last = await tx
      .selectFrom('plan_activities')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('plan_id', '=', plan.id)
      .executeTakeFirst();
    const count = await tx
      .selectFrom('plan_activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= 2000)
      throw fail.conflict('TOO_MANY_ACTIVITIES', {
        vi: 'Kế hoạch đã có quá nhiều nhiệm vụ.',
        en: 'The plan has too many activities.',
      });
    const position = Number(last?.p ?? 0) + 1;
    const row = await insertActivity(tx, plan.id, input, input.ref || `N${position}`, position, now);
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'plan_activity.create',
        entityType: 'plan_activity',
        entityId: row.id,
        after: { ...row, leadUnitIds: input.leadUnitIds, coordinatingUnitIds: input.coordinatingUnitIds },
      },
      now,
    );
    return row.id;
  });
  publishPlans(platform, { entity: 'activity', id, change: 'created', planId });
  return getActivity(platform, caller, id);
}

export async function updateActivity(platform: Platform, caller: Caller, id: string, input: UpdateActivityInput) {
  requireManage(caller);
  const now = platform.clock();
  const planId = await inTransaction(platform, async (tx) => {
    const before = await tx.selectFrom('plan_activities').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw activityNotFound();
    const start = input.start !== undefined ? input.start : before.start_on;
    const due = input.due !== undefined ? input.due : before.due_on;
    checkDates(start, due);
    const change: Partial<ActivityRow> = {
      ...(input.section !== undefined ? { section: input.section } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.subItems !== undefined ? { sub_items_json: JSON.stringify(input.subItems) } : {}),
      ...(input.otherParticipants !== undefined
        ? { other_participants_json: JSON.stringify(input.otherParticipants) }
        : {}),
      start_on: start,
      due_on: due,
      ...(input.tentative !== undefined ? { tentative: input.tentative ? 1 : 0 } : {}),
      ...(input.statusSources !== undefined
        ? { status_source: sourceColumnOf(input.statusSources) }
        : input.statusSource !== undefined
          ? { status_source: input.statusSource }
          : {}),
      ...(input.target !== undefined
        ? {
            target_value: input.target?.value ?? null,
            target_comparator: input.target?.comparator ?? null,
            target_indicator: input.target?.indicator ?? null,
            target_unit: input.target?.unit ?? null,
            target_breakdown_json: input.target ? JSON.stringify(input.target.breakdown ?? []) : null,
          }
        : {}),
      updated_at: now.toISOString(),
    };
    await tx.updateTable('plan_activities').set(change).where('id', '=', id).execute();
    if (input.leadUnitIds !== undefined || input.coordinatingUnitIds !== undefined) {
      const current = await tx
        .selectFrom('plan_activity_units')
        .select(['unit_id', 'role'])
        .where('activity_id', '=', id)
        .orderBy('position')
        .execute();
      const lead = input.leadUnitIds ?? current.filter((c) => c.role === 'lead').map((c) => c.unit_id);
      const coordinating =
        input.coordinatingUnitIds ?? current.filter((c) => c.role === 'coordinating').map((c) => c.unit_id);
      const grassroots = await checkUnits(tx, [...lead, ...coordinating], 'leadUnitIds');
      await setActivityUnits(tx, before.plan_id, id, lead, coordinating);
      await addDeployUnits(tx, before.plan_id, grassroots);
    }
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'plan_activity.update',
        entityType: 'plan_activity',
        entityId: id,
        before,
        after: { ...before, ...change, leadUnitIds: input.leadUnitIds, coordinatingUnitIds: input.coordinatingUnitIds },
      },
      now,
    );
    return before.plan_id;
  });
  publishPlans(platform, { entity: 'activity', id, change: 'updated', planId });
  return getActivity(platform, caller, id);
}

export async function deleteActivity(platform: Platform, caller: Caller, id: string) {
  requireManage(caller);
  const now = platform.clock();
  const planId = await inTransaction(platform, async (tx) => {
    const before = await tx.selectFrom('plan_activities').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw activityNotFound();
    const picked = await tx
      .selectFrom('plan_activities')
      .select('id')
      .where('origin_activity_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (picked)
      throw fail.conflict('ACTIVITY_IN_SUB_PLAN', {
        vi: 'Nhiệm vụ đã được đơn vị cơ sở đưa vào kế hoạch của mình; không xóa được.',
        en: 'A unit has taken this activity into its own plan; it cannot be deleted.',
      });
    const reports = await tx.selectFrom('plan_reports').select('id').where('activity_id', '=', id).execute();
    await deleteFilesOf(
      tx,
      REPORT_FILES,
      reports.map((r) => r.id),
    );
    await tx.deleteFrom('plan_reports').where('activity_id', '=', id).execute();
    await tx.deleteFrom('plan_activity_units').where('activity_id', '=', id).execute();
    await tx
      .deleteFrom('notifications')
      .where('entity_type', '=', 'plan_activity')
      .where('entity_id', '=', id)
      .execute();
    await tx.deleteFrom('plan_activities').where('id', '=', id).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'plan_activity.delete', entityType: 'plan_activity', entityId: id, before },
      now,
    );
    return before.plan_id;
  });
  publishPlans(platform, { entity: 'activity', id, change: 'deleted', planId });
}

/** Activities by id with their reference and title (the website's articles name the activities they cover). */
export async function activityRefs(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { id: string; ref: string; title: string; planId: string }>> {
  const out = new Map<string, { id: string; ref: string; title: string; planId: string }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('plan_activities')
      .select(['id', 'ref', 'title', 'plan_id'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { id: r.id, ref: r.ref, title: r.title, planId: r.plan_id });
  }
  return out;
}

/** The activities of the top-level plans (not units' own plans), in plan order: what the website's articles may cover. */
export async function topLevelActivityRefs(db: Db, limit = 1000) {
  const rows = await db
    .selectFrom('plan_activities as a')
    .innerJoin('plans as p', 'p.id', 'a.plan_id')
    .select(['a.id', 'a.ref', 'a.title', 'a.plan_id'])
    .where('p.parent_plan_id', 'is', null)
    .orderBy('p.created_at')
    .orderBy('a.position')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, ref: r.ref, title: r.title, planId: r.plan_id }));
}
