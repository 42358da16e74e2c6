import type { Kysely } from 'kysely';
import { drawPerformanceOrder } from '../../../common/festival/order.ts';
import type { Method } from '../../../common/festival/rank.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { activeRoleHolders } from '../../platform/auth/users.ts';
import { ancestorIds } from '../organisation/index.ts';
import { type Caller, mayManage, requireManage, roundNotFound } from './access.ts';
import { describeEntries, findFestival } from './festivals.ts';
import { publishFestival } from './live.ts';
import type { RoundInput, RoundOut, RoundUpdateInput } from './schema.ts';

/**
 * Rounds: a unit's own heat or the Bloc's exchange night, each with its date, venue, longest act,
 * criteria (weights and ranges), panel (judges from the accounts or guests, one head judge),
 * aggregation and tie-break order, and its acts in performance order — drawn by lot from a stored
 * seed (anyone can draw it again) or set. The method and the order are fixed at the first lock.
 */
type Db = Kysely<Database>;

export async function findRound(db: Db, id: string) {
  const row = await db.selectFrom('festival_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw roundNotFound();
  return row;
}
export type RoundRow = Awaited<ReturnType<typeof findRound>>;

export async function panelOf(db: Db, roundId: string) {
  return db.selectFrom('festival_judges').selectAll().where('round_id', '=', roundId).orderBy('position').execute();
}
export type JudgeRow = Awaited<ReturnType<typeof panelOf>>[number];

export async function criteriaOf(db: Db, roundId: string) {
  return db.selectFrom('festival_criteria').selectAll().where('round_id', '=', roundId).orderBy('position').execute();
}

/** The round's acts in performance order, with what a running order shows. */
export async function slotsOf(db: Db, roundId: string) {
  const order = await db
    .selectFrom('festival_round_entries as re')
    .innerJoin('festival_entries as e', 'e.id', 're.entry_id')
    .selectAll('e')
    .select('re.position as slot')
    .where('re.round_id', '=', roundId)
    .orderBy('re.position')
    .execute();
  const described = await describeEntries({ db }, order);
  return described.map((e, i) => ({
    position: i + 1,
    entryId: e.id,
    song: e.song,
    unitName: e.unit.name,
    performers: e.performers.map((p) => p.name),
    declaredSeconds: e.declaredSeconds,
    unitId: e.unit.id,
  }));
}

/**
 * Who is recused from which act: a judge linked to the act's unit (the judge's unit is the act's
 * unit or one above it) or who declared a conflict. Recusal is a state: the judge has no sheet.
 */
export async function recusalsOf(db: Db, roundId: string) {
  const judges = await panelOf(db, roundId);
  const slots = await slotsOf(db, roundId);
  const out: { judgeId: string; entryId: string; cause: 'unit' | 'declared'; note: string }[] = [];
  const declared = await db.selectFrom('festival_recusals').selectAll().where('round_id', '=', roundId).execute();
  const above = new Map<string, string[]>();
  for (const s of slots) if (!above.has(s.unitId)) above.set(s.unitId, await ancestorIds(db, s.unitId));
  for (const j of judges)
    for (const s of slots) {
      if (j.unit_id !== null && (above.get(s.unitId) ?? []).includes(j.unit_id))
        out.push({ judgeId: j.id, entryId: s.entryId, cause: 'unit', note: '' });
      else {
        const d = declared.find((x) => x.judge_id === j.id && x.entry_id === s.entryId);
        if (d) out.push({ judgeId: j.id, entryId: s.entryId, cause: 'declared', note: d.note });
      }
    }
  return out;
}

/** What a round's set-up must hold: distinct criteria, tie-breaks among them, one head judge with an account, no account twice. */
function checkSetUp(input: Pick<RoundInput, 'criteria' | 'tieBreak' | 'judges'>) {
  const codes = input.criteria.map((c) => c.code);
  if (new Set(codes).size !== codes.length)
    throw fail.field('criteria', 'duplicate', 'Hai tiêu chí trùng mã.', 'Two criteria share a code.');
  if (input.tieBreak.some((t) => !codes.includes(t)))
    throw fail.field(
      'tieBreak',
      'unknown_criterion',
      'Tiêu chí phụ phải là một tiêu chí chấm.',
      'A tie-break must be one of the criteria.',
    );
  if (input.judges.filter((j) => j.head).length !== 1)
    throw fail.field(
      'judges',
      'one_head',
      'Hội đồng giám khảo cần đúng một Trưởng ban.',
      'The panel needs exactly one head judge.',
    );
  const head = input.judges.find((j) => j.head);
  if (!head?.userId)
    throw fail.field(
      'judges',
      'head_account',
      'Trưởng ban giám khảo phải có tài khoản.',
      'The head judge needs an account.',
    );
  const users = input.judges.map((j) => j.userId).filter((u): u is string => u !== null);
  if (new Set(users).size !== users.length)
    throw fail.field(
      'judges',
      'duplicate',
      'Một tài khoản có mặt hai lần trong hội đồng.',
      'An account sits twice on the panel.',
    );
}

export async function createRound(platform: Platform, caller: Caller, festivalId: string, input: RoundInput) {
  requireManage(caller);
  await findFestival(platform.db, festivalId);
  checkSetUp(input);
  if (input.kind === 'heat' && !input.unitId)
    throw fail.field(
      'unitId',
      'heat_unit',
      'Vòng sơ khảo của đơn vị cần chọn đơn vị.',
      'A unit’s heat needs the unit.',
    );
  const now = platform.clock();
  const id = newId(now.getTime());
  await platform.db.transaction().execute(async (tx) => {
    // The acts: those given, else every accepted act (of the unit, for a heat).
    let q = tx.selectFrom('festival_entries').select(['id', 'unit_id', 'status']).where('festival_id', '=', festivalId);
    if (input.entryIds) q = q.where('id', 'in', input.entryIds.length ? input.entryIds : ['-']);
    else q = q.where('status', '=', 'accepted');
    let acts = await q.execute();
    if (input.kind === 'heat' && !input.entryIds) {
      const unitId = input.unitId as string;
      const inside: typeof acts = [];
      for (const a of acts)
        if (a.unit_id === unitId || (await ancestorIds(tx, a.unit_id)).includes(unitId)) inside.push(a);
      acts = inside;
    }
    if (input.entryIds && (acts.length !== new Set(input.entryIds).size || acts.some((a) => a.status !== 'accepted')))
      throw fail.field(
        'entryIds',
        'not_accepted',
        'Chỉ xếp tiết mục đã được chấp nhận.',
        'Only accepted acts can be put in a round.',
      );
    const ids = acts.map((a) => a.id);
    const order = input.orderSeed ? drawPerformanceOrder(ids, input.orderSeed) : (input.entryIds ?? ids.sort());
    const row = {
      id,
      festival_id: festivalId,
      kind: input.kind,
      unit_id: input.kind === 'heat' ? input.unitId : null,
      name: input.name,
      held_on: input.heldOn,
      venue: input.venue,
      max_act_seconds: input.maxActSeconds,
      method: input.method,
      tie_break_json: JSON.stringify(input.tieBreak),
      order_seed: input.orderSeed,
      status: 'open',
      method_frozen_at: null,
      closed_at: null,
      closed_by: null,
      certified_at: null,
      certified_by: null,
      results_json: null,
      now_position: null,
      created_at: now.toISOString(),
    };
    await tx.insertInto('festival_rounds').values(row).execute();
    await tx
      .insertInto('festival_criteria')
      .values(
        input.criteria.map((c, position) => ({
          id: newId(now.getTime()),
          round_id: id,
          code: c.code,
          name: c.name,
          weight: c.weight,
          max: c.max,
          position,
        })),
      )
      .execute();
    await tx
      .insertInto('festival_judges')
      .values(
        input.judges.map((j, position) => ({
          id: newId(now.getTime()),
          round_id: id,
          user_id: j.userId,
          name: j.name,
          unit_id: j.unitId,
          is_head: j.head ? 1 : 0,
          position,
        })),
      )
      .execute();
    if (order.length > 0)
      await tx
        .insertInto('festival_round_entries')
        .values(order.map((entry_id, position) => ({ round_id: id, entry_id, position: position + 1 })))
        .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'festival_round.create',
        entityType: 'festival_round',
        entityId: id,
        after: { ...row, criteria: input.criteria, judges: input.judges, order },
      },
      now,
    );
  });
  publishFestival(platform, 'round', { festivalId, roundId: id });
  return getRound(platform, caller, id);
}

export async function getRound(platform: Platform, caller: Caller, roundId: string): Promise<RoundOut> {
  const db = platform.db;
  const r = await findRound(db, roundId);
  const judges = await panelOf(db, roundId);
  const slots = await slotsOf(db, roundId);
  const recusals = await recusalsOf(db, roundId);
  const locked = await db
    .selectFrom('festival_sheets')
    .select(['judge_id'])
    .where('round_id', '=', roundId)
    .where('status', '=', 'locked')
    .execute();
  const mine = judges.find((j) => j.user_id !== null && j.user_id === caller.actor.userId);
  return {
    id: r.id,
    festivalId: r.festival_id,
    kind: r.kind as RoundOut['kind'],
    unitId: r.unit_id,
    name: r.name,
    heldOn: r.held_on,
    venue: r.venue,
    maxActSeconds: r.max_act_seconds,
    method: r.method as Method,
    tieBreak: JSON.parse(r.tie_break_json) as string[],
    methodFrozen: r.method_frozen_at !== null,
    orderSeed: r.order_seed,
    status: r.status as RoundOut['status'],
    closedAt: r.closed_at,
    certifiedAt: r.certified_at,
    criteria: (await criteriaOf(db, roundId)).map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      weight: Number(c.weight),
      max: Number(c.max),
    })),
    judges: judges.map((j) => ({
      id: j.id,
      userId: j.user_id,
      name: j.name,
      unitId: j.unit_id,
      head: j.is_head === 1,
    })),
    order: slots.map(({ unitId: _, ...s }) => s),
    me: mine ? { judgeId: mine.id, head: mine.is_head === 1 } : null,
    progress: judges.map((j) => ({
      judgeId: j.id,
      locked: locked.filter((l) => l.judge_id === j.id).length,
      expected: slots.length - recusals.filter((x) => x.judgeId === j.id).length,
    })),
    recusals,
  };
}

function refuseFrozen(r: RoundRow) {
  if (r.method_frozen_at !== null)
    throw fail.conflict('METHOD_FROZEN', {
      vi: 'Đã có phiếu chấm khóa: cách tính điểm và thứ tự diễn không còn thay đổi được.',
      en: 'A sheet has been locked: the aggregation and the performance order can no longer change.',
    });
}

/** The aggregation and tie-break order, until the first sheet is locked. */
export async function setMethod(
  platform: Platform,
  caller: Caller,
  roundId: string,
  input: { method: Method; tieBreak: string[] },
) {
  requireManage(caller);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const r = await findRound(tx, roundId);
    refuseFrozen(r);
    const codes = (await criteriaOf(tx, roundId)).map((c) => c.code);
    if (input.tieBreak.some((t) => !codes.includes(t)))
      throw fail.field(
        'tieBreak',
        'unknown_criterion',
        'Tiêu chí phụ phải là một tiêu chí chấm.',
        'A tie-break must be one of the criteria.',
      );
    const after = { method: input.method, tie_break_json: JSON.stringify(input.tieBreak) };
    await tx.updateTable('festival_rounds').set(after).where('id', '=', roundId).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'festival_round.method',
        entityType: 'festival_round',
        entityId: roundId,
        before: { method: r.method, tie_break_json: r.tie_break_json },
        after,
      },
      now,
    );
  });
  return getRound(platform, caller, roundId);
}

/** The performance order: drawn again from a seed, or set, until the first lock. */
export async function setOrder(
  platform: Platform,
  caller: Caller,
  roundId: string,
  input: { seed: string | null; entryIds: string[] | null },
) {
  requireManage(caller);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const r = await findRound(tx, roundId);
    refuseFrozen(r);
    const current = (
      await tx.selectFrom('festival_round_entries').select('entry_id').where('round_id', '=', roundId).execute()
    ).map((x) => x.entry_id);
    let order: string[];
    if (input.seed) order = drawPerformanceOrder(current, input.seed);
    else if (
      input.entryIds &&
      input.entryIds.length === current.length &&
      input.entryIds.every((e) => current.includes(e))
    )
      order = input.entryIds;
    else
      throw fail.field(
        'entryIds',
        'not_the_acts',
        'Thứ tự phải gồm đúng các tiết mục của vòng thi, hoặc cho một chuỗi bốc thăm.',
        'Give exactly the round’s acts in order, or a seed to draw by lot.',
      );
    for (const [i, entryId] of order.entries())
      await tx
        .updateTable('festival_round_entries')
        .set({ position: i + 1 })
        .where('round_id', '=', roundId)
        .where('entry_id', '=', entryId)
        .execute();
    await tx.updateTable('festival_rounds').set({ order_seed: input.seed }).where('id', '=', roundId).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'festival_round.order',
        entityType: 'festival_round',
        entityId: roundId,
        before: { order: current, seed: r.order_seed },
        after: { order, seed: input.seed },
      },
      now,
    );
  });
  return getRound(platform, caller, roundId);
}

/** The night's running order: the act now performing and the next one. */
export async function runningOrder(platform: Platform, roundId: string) {
  const r = await findRound(platform.db, roundId);
  const order = (await slotsOf(platform.db, roundId)).map(({ unitId: _, ...s }) => s);
  const at = r.now_position;
  return {
    roundId,
    now: at === null ? null : (order[at - 1] ?? null),
    next: at === null ? (order[0] ?? null) : (order[at] ?? null),
    order,
  };
}

/** The organisers or the head judge move the night on: the act now performing (null: none yet, or over). */
export async function setNowPerforming(platform: Platform, caller: Caller, roundId: string, position: number | null) {
  const r = await findRound(platform.db, roundId);
  const judges = await panelOf(platform.db, roundId);
  const head = judges.some((j) => j.is_head === 1 && j.user_id === caller.actor.userId);
  if (!mayManage(caller) && !head) throw fail.forbidden();
  const count = (await slotsOf(platform.db, roundId)).length;
  if (position !== null && position > count)
    throw fail.field(
      'position',
      'out_of_order',
      'Không có tiết mục ở vị trí này.',
      'There is no act at that position.',
    );
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    await tx.updateTable('festival_rounds').set({ now_position: position }).where('id', '=', roundId).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'festival_round.now',
        entityType: 'festival_round',
        entityId: roundId,
        before: { now_position: r.now_position },
        after: { now_position: position },
      },
      now,
    );
  });
  publishFestival(platform, 'now', { festivalId: r.festival_id, roundId });
  return runningOrder(platform, roundId);
}

/**
 * The round's set-up changed: name, day, venue and longest act at any time before the close;
 * criteria, panel, method and tie-breaks only until the first sheet is locked. A judge kept (by
 * id) keeps their drafts and declared conflicts; a judge taken off the panel takes them along.
 */
export async function updateRound(platform: Platform, caller: Caller, roundId: string, input: RoundUpdateInput) {
  requireManage(caller);
  checkSetUp(input);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const r = await findRound(tx, roundId);
    if (r.status !== 'open')
      throw fail.conflict('ROUND_NOT_OPEN', {
        vi: 'Vòng thi đã khép: không sửa thiết lập.',
        en: 'The round is closed: its set-up stands.',
      });
    const criteria = await criteriaOf(tx, roundId);
    const judges = await panelOf(tx, roundId);
    const sameCriteria =
      JSON.stringify(criteria.map((c) => [c.code, c.name, Number(c.weight), Number(c.max)])) ===
      JSON.stringify(input.criteria.map((c) => [c.code, c.name, c.weight, c.max]));
    const sameJudges =
      JSON.stringify(judges.map((j) => [j.id, j.user_id, j.name, j.unit_id, j.is_head === 1])) ===
      JSON.stringify(input.judges.map((j) => [j.id, j.userId, j.name, j.unitId, j.head]));
    const sameMethod = r.method === input.method && r.tie_break_json === JSON.stringify(input.tieBreak);
    if (r.method_frozen_at !== null && !(sameCriteria && sameJudges && sameMethod)) refuseFrozen(r);
    const unknown = input.judges.filter((j) => j.id !== null && !judges.some((x) => x.id === j.id));
    if (unknown.length > 0)
      throw fail.field(
        'judges',
        'unknown_judge',
        'Giám khảo không thuộc vòng thi này.',
        'A judge is not of this round.',
      );
    const after = {
      name: input.name,
      held_on: input.heldOn,
      venue: input.venue,
      max_act_seconds: input.maxActSeconds,
      method: input.method,
      tie_break_json: JSON.stringify(input.tieBreak),
    };
    await tx.updateTable('festival_rounds').set(after).where('id', '=', roundId).execute();
    if (!sameCriteria) {
      await tx.deleteFrom('festival_criteria').where('round_id', '=', roundId).execute();
      await tx
        .insertInto('festival_criteria')
        .values(
          input.criteria.map((c, position) => ({
            id: newId(now.getTime()),
            round_id: roundId,
            code: c.code,
            name: c.name,
            weight: c.weight,
            max: c.max,
            position,
          })),
        )
        .execute();
    }
    if (!sameJudges) {
      const gone = judges.filter((j) => !input.judges.some((x) => x.id === j.id)).map((j) => j.id);
      if (gone.length > 0) {
        await tx.deleteFrom('festival_sheets').where('round_id', '=', roundId).where('judge_id', 'in', gone).execute();
        await tx
          .deleteFrom('festival_recusals')
          .where('round_id', '=', roundId)
          .where('judge_id', 'in', gone)
          .execute();
        await tx.deleteFrom('festival_judges').where('id', 'in', gone).execute();
      }
      for (const [position, j] of input.judges.entries()) {
        const row = { user_id: j.userId, name: j.name, unit_id: j.unitId, is_head: j.head ? 1 : 0, position };
        if (j.id) await tx.updateTable('festival_judges').set(row).where('id', '=', j.id).execute();
        else
          await tx
            .insertInto('festival_judges')
            .values({ id: newId(now.getTime()), round_id: roundId, ...row })
            .execute();
      }
    }
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'festival_round.update',
        entityType: 'festival_round',
        entityId: roundId,
        before: {
          ...r,
          criteria: criteria.map((c) => ({ code: c.code, name: c.name, weight: c.weight, max: c.max })),
          judges: judges.map((j) => ({
            id: j.id,
            userId: j.user_id,
            name: j.name,
            unitId: j.unit_id,
            head: j.is_head,
          })),
        },
        after: { ...after, criteria: input.criteria, judges: input.judges },
      },
      now,
    );
  });
  const r = await findRound(platform.db, roundId);
  publishFestival(platform, 'round', { festivalId: r.festival_id, roundId });
  return getRound(platform, caller, roundId);
}

/** The accounts that may sit on a panel (the judge role), for the organisers' set-up screen, in Vietnamese order. */
export async function judgeAccounts(platform: Platform, caller: Caller) {
  requireManage(caller);
  const holders = await activeRoleHolders(platform.db, { roles: ['judge'], limit: 1000 });
  const byUser = new Map(
    holders.map((h) => [h.userId, { userId: h.userId, displayName: h.displayName, unitId: h.unitId }]),
  );
  const collator = new Intl.Collator('vi');
  return { items: [...byUser.values()].sort((a, b) => collator.compare(a.displayName, b.displayName)) };
}
