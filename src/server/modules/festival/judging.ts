import type { Kysely } from 'kysely';
import { type Method, rankFestival } from '../../../common/festival/rank.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/tables.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, entryNotFound, mayManage, requireManage, sheetNotFound } from './access.ts';
import { publishFestival } from './live.ts';
import { criteriaOf, findRound, type JudgeRow, panelOf, type RoundRow, recusalsOf, slotsOf } from './rounds.ts';
import type { ResultsOut, SheetOut } from './schema.ts';

/**
 * Judging a round. Each judge keeps a sheet per act: a draft until they lock it; after that only
 * the head judge changes it, with a reason kept beside the sheet and in the audit log. A judge
 * sees only their own sheets until the head judge closes the round (then the head judge and the
 * organisers see every sheet, the provisional ranking with its explanations and the disagreements);
 * the results reach the units, the other judges and the public when the head judge certifies them.
 * The first lock freezes the aggregation and the performance order.
 */
type Db = Kysely<Database>;
type Scores = Record<string, number>;

const roundIsNot = (status: string) =>
  fail.conflict(`ROUND_${status.toUpperCase()}`, {
    vi:
      status === 'open'
        ? 'Vòng thi chưa khép lại.'
        : status === 'closed'
          ? 'Vòng thi đã khép lại.'
          : 'Vòng thi đã được chứng nhận.',
    en:
      status === 'open'
        ? 'The round is not closed yet.'
        : status === 'closed'
          ? 'The round is closed.'
          : 'The round is certified.',
  });

export const isHead = (judges: readonly JudgeRow[], caller: Caller) =>
  judges.some((j) => j.is_head === 1 && j.user_id !== null && j.user_id === caller.actor.userId);

/**
 * The judge a caller acts as: their own seat on the panel, or — for the head judge only — a guest
 * judge without an account, whose paper sheet the head judge keys in. Anyone else is refused:
 * a judge scores only in a round whose panel names them.
 */
function actingJudge(judges: readonly JudgeRow[], caller: Caller, judgeId: string | null): JudgeRow {
  const own = judges.find((j) => j.user_id !== null && j.user_id === caller.actor.userId);
  if (judgeId === null || judgeId === own?.id) {
    if (!own) throw fail.forbidden();
    return own;
  }
  const guest = judges.find((j) => j.id === judgeId);
  if (!guest || guest.user_id !== null || !isHead(judges, caller)) throw fail.forbidden();
  return guest;
}

function checkScores(criteria: Awaited<ReturnType<typeof criteriaOf>>, scores: Scores, complete: boolean) {
  const problems = [];
  for (const [k, v] of Object.entries(scores)) {
    const c = criteria.find((x) => x.code === k);
    if (!c)
      problems.push({
        in: 'body' as const,
        path: `scores.${k}`,
        code: 'unknown_criterion',
        messages: { vi: `Không có tiêu chí "${k}".`, en: `There is no criterion "${k}".` },
      });
    else if (v < 0 || v > Number(c.max))
      problems.push({
        in: 'body' as const,
        path: `scores.${k}`,
        code: 'out_of_range',
        messages: { vi: `${c.name}: điểm từ 0 đến ${c.max}.`, en: `${c.name}: a score from 0 to ${c.max}.` },
      });
  }
  if (complete)
    for (const c of criteria)
      if (scores[c.code] === undefined)
        problems.push({
          in: 'body' as const,
          path: `scores.${c.code}`,
          code: 'missing',
          messages: { vi: `${c.name}: chưa chấm.`, en: `${c.name}: not scored.` },
        });
  if (problems.length > 0) throw fail.validation(problems);
}

async function sheetOut(
  db: Db,
  rows: readonly {
    id: string;
    judge_id: string;
    entry_id: string;
    scores_json: string;
    status: string;
    locked_at: string | null;
  }[],
): Promise<SheetOut[]> {
  const changes =
    rows.length === 0
      ? []
      : await db
          .selectFrom('festival_sheet_changes')
          .selectAll()
          .where(
            'sheet_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('changed_at')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    judgeId: r.judge_id,
    entryId: r.entry_id,
    scores: JSON.parse(r.scores_json) as Scores,
    status: r.status as SheetOut['status'],
    lockedAt: r.locked_at,
    changes: changes
      .filter((c) => c.sheet_id === r.id)
      .map((c) => ({
        before: JSON.parse(c.before_json) as Scores,
        after: JSON.parse(c.after_json) as Scores,
        reason: c.reason,
        changedAt: c.changed_at,
      })),
  }));
}

/** The sheets the caller may see: their own (and their guests', for the head judge) until the round closes. */
export async function listSheets(platform: Platform, caller: Caller, roundId: string) {
  const db = platform.db;
  const r = await findRound(db, roundId);
  const judges = await panelOf(db, roundId);
  const head = isHead(judges, caller);
  const all =
    (r.status !== 'open' && (head || mayManage(caller))) ||
    (r.status === 'certified' && judges.some((j) => j.user_id === caller.actor.userId));
  let q = db.selectFrom('festival_sheets').selectAll().where('round_id', '=', roundId);
  if (!all) {
    const mine = judges
      .filter((j) => (j.user_id !== null && j.user_id === caller.actor.userId) || (head && j.user_id === null))
      .map((j) => j.id);
    q = q.where('judge_id', 'in', mine.length ? mine : ['-']);
  }
  const rows = await q.orderBy('judge_id').orderBy('entry_id').execute();
  return { scope: all ? ('all' as const) : ('own' as const), items: await sheetOut(db, rows) };
}

async function openRoundFor(tx: Db, roundId: string, entryId: string) {
  const r = await findRound(tx, roundId);
  if (r.status !== 'open') throw roundIsNot(r.status);
  const inRound = await tx
    .selectFrom('festival_round_entries')
    .select('entry_id')
    .where('round_id', '=', roundId)
    .where('entry_id', '=', entryId)
    .executeTakeFirst();
  if (!inRound) throw entryNotFound();
  return r;
}

async function refuseRecused(tx: Db, roundId: string, judge: JudgeRow, entryId: string) {
  const recused = (await recusalsOf(tx, roundId)).find((x) => x.judgeId === judge.id && x.entryId === entryId);
  if (recused)
    throw fail.conflict('JUDGE_RECUSED', {
      vi: `${judge.name} không chấm tiết mục này (${recused.cause === 'unit' ? 'cùng đơn vị' : 'đã khai báo xung đột lợi ích'}).`,
      en: `${judge.name} does not score this act (${recused.cause === 'unit' ? 'same unit' : 'a declared conflict'}).`,
    });
}

/** A judge saves their draft for an act (partial scores allowed); a locked sheet is refused. */
export async function saveSheet(
  platform: Platform,
  caller: Caller,
  roundId: string,
  entryId: string,
  input: { judgeId: string | null; scores: Scores },
) {
  const now = platform.clock();
  const id = await platform.db.transaction().execute(async (tx) => {
    await openRoundFor(tx, roundId, entryId);
    const judge = actingJudge(await panelOf(tx, roundId), caller, input.judgeId);
    await refuseRecused(tx, roundId, judge, entryId);
    checkScores(await criteriaOf(tx, roundId), input.scores, false);
    const before = await tx
      .selectFrom('festival_sheets')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('judge_id', '=', judge.id)
      .where('entry_id', '=', entryId)
      .executeTakeFirst();
    if (before?.status === 'locked')
      throw fail.conflict('SHEET_LOCKED', {
        vi: 'Phiếu đã khóa: chỉ Trưởng ban giám khảo sửa được, kèm lý do.',
        en: 'The sheet is locked: only the head judge can change it, with a reason.',
      });
    const sheetId = before?.id ?? newId(now.getTime());
    const row = {
      scores_json: JSON.stringify(input.scores),
      status: 'draft',
      entered_by: caller.actor.userId,
      updated_at: now.toISOString(),
    };
    if (before) await tx.updateTable('festival_sheets').set(row).where('id', '=', sheetId).execute();
    else
      await tx
        .insertInto('festival_sheets')
        .values({ ...row, id: sheetId, round_id: roundId, judge_id: judge.id, entry_id: entryId, locked_at: null })
        .execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'festival_sheet.save', entityType: 'festival_sheet', entityId: sheetId, before, after: row },
      now,
    );
    return sheetId;
  });
  return (await sheetOut(platform.db, [await sheetRow(platform.db, id)]))[0];
}

async function sheetRow(db: Db, id: string) {
  const row = await db.selectFrom('festival_sheets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw sheetNotFound();
  return row;
}

/** The judge locks their sheet for an act: every criterion scored. The first lock freezes the method. */
export async function lockSheet(
  platform: Platform,
  caller: Caller,
  roundId: string,
  entryId: string,
  input: { judgeId: string | null },
) {
  const now = platform.clock();
  const { id, festivalId } = await platform.db.transaction().execute(async (tx) => {
    const r = await openRoundFor(tx, roundId, entryId);
    const judge = actingJudge(await panelOf(tx, roundId), caller, input.judgeId);
    await refuseRecused(tx, roundId, judge, entryId);
    const sheet = await tx
      .selectFrom('festival_sheets')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('judge_id', '=', judge.id)
      .where('entry_id', '=', entryId)
      .executeTakeFirst();
    if (!sheet) throw sheetNotFound();
    if (sheet.status === 'locked')
      throw fail.conflict('SHEET_LOCKED', { vi: 'Phiếu đã khóa.', en: 'The sheet is already locked.' });
    checkScores(await criteriaOf(tx, roundId), JSON.parse(sheet.scores_json) as Scores, true);
    await tx
      .updateTable('festival_sheets')
      .set({ status: 'locked', locked_at: now.toISOString() })
      .where('id', '=', sheet.id)
      .execute();
    if (r.method_frozen_at === null)
      await tx
        .updateTable('festival_rounds')
        .set({ method_frozen_at: now.toISOString() })
        .where('id', '=', roundId)
        .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'festival_sheet.lock',
        entityType: 'festival_sheet',
        entityId: sheet.id,
        before: { status: sheet.status },
        after: {
          status: 'locked',
          scores_json: sheet.scores_json,
          methodFrozen: r.method_frozen_at === null ? r.method : undefined,
        },
      },
      now,
    );
    return { id: sheet.id, festivalId: r.festival_id };
  });
  publishFestival(platform, 'sheet', { festivalId, roundId, entryId });
  return (await sheetOut(platform.db, [await sheetRow(platform.db, id)]))[0];
}

/** The head judge changes a locked sheet, before certification, with a reason kept beside it. */
export async function amendSheet(
  platform: Platform,
  caller: Caller,
  roundId: string,
  sheetId: string,
  input: { scores: Scores; reason: string },
) {
  const now = platform.clock();
  const festivalId = await platform.db.transaction().execute(async (tx) => {
    const r = await findRound(tx, roundId);
    if (!isHead(await panelOf(tx, roundId), caller)) throw fail.forbidden();
    if (r.status === 'certified') throw roundIsNot('certified');
    const sheet = await sheetRow(tx, sheetId);
    if (sheet.round_id !== roundId) throw sheetNotFound();
    if (sheet.status !== 'locked')
      throw fail.conflict('SHEET_DRAFT', {
        vi: 'Phiếu còn nháp: giám khảo tự sửa.',
        en: 'The sheet is a draft: the judge changes it.',
      });
    checkScores(await criteriaOf(tx, roundId), input.scores, true);
    const after = JSON.stringify(input.scores);
    await tx
      .insertInto('festival_sheet_changes')
      .values({
        id: newId(now.getTime()),
        sheet_id: sheetId,
        before_json: sheet.scores_json,
        after_json: after,
        reason: input.reason,
        changed_by: caller.actor.userId,
        changed_at: now.toISOString(),
      })
      .execute();
    await tx
      .updateTable('festival_sheets')
      .set({ scores_json: after, updated_at: now.toISOString() })
      .where('id', '=', sheetId)
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'festival_sheet.amend',
        entityType: 'festival_sheet',
        entityId: sheetId,
        before: { scores_json: sheet.scores_json },
        after: { scores_json: after, reason: input.reason },
      },
      now,
    );
    return r.festival_id;
  });
  publishFestival(platform, 'sheet', { festivalId, roundId });
  return (await sheetOut(platform.db, [await sheetRow(platform.db, sheetId)]))[0];
}

/** A judge (or the head judge, or the organisers) declares a conflict: the judge will not score the act. */
export async function declareRecusal(
  platform: Platform,
  caller: Caller,
  roundId: string,
  input: { judgeId: string; entryId: string; note: string },
) {
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    await openRoundFor(tx, roundId, input.entryId);
    const judges = await panelOf(tx, roundId);
    const judge = judges.find((j) => j.id === input.judgeId);
    if (!judge)
      throw fail.field(
        'judgeId',
        'not_on_panel',
        'Không có giám khảo này trong hội đồng.',
        'No such judge on the panel.',
      );
    const self = judge.user_id !== null && judge.user_id === caller.actor.userId;
    if (!self && !isHead(judges, caller) && !mayManage(caller)) throw fail.forbidden();
    const sheet = await tx
      .selectFrom('festival_sheets')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('judge_id', '=', judge.id)
      .where('entry_id', '=', input.entryId)
      .executeTakeFirst();
    if (sheet?.status === 'locked')
      throw fail.conflict('SHEET_LOCKED', {
        vi: 'Giám khảo đã khóa phiếu cho tiết mục này: không rút được nữa.',
        en: 'The judge has locked a sheet for this act: too late to step aside.',
      });
    if ((await recusalsOf(tx, roundId)).some((x) => x.judgeId === judge.id && x.entryId === input.entryId)) return;
    if (sheet) await tx.deleteFrom('festival_sheets').where('id', '=', sheet.id).execute();
    const id = newId(now.getTime());
    const row = {
      id,
      round_id: roundId,
      judge_id: judge.id,
      entry_id: input.entryId,
      note: input.note,
      declared_by: caller.actor.userId,
      declared_at: now.toISOString(),
    };
    await tx.insertInto('festival_recusals').values(row).execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'festival_recusal.declare', entityType: 'festival_recusal', entityId: id, before: sheet, after: row },
      now,
    );
  });
}

/** The pure rules over the round's locked sheets. */
async function computeResults(db: Db, r: RoundRow, certified: boolean): Promise<ResultsOut> {
  const criteria = await criteriaOf(db, r.id);
  const judges = await panelOf(db, r.id);
  const slots = await slotsOf(db, r.id);
  const recusals = await recusalsOf(db, r.id);
  const sheets = await db
    .selectFrom('festival_sheets')
    .selectAll()
    .where('round_id', '=', r.id)
    .where('status', '=', 'locked')
    .orderBy('judge_id')
    .execute();
  const order = new Map(judges.map((j, i) => [j.id, i]));
  sheets.sort((a, b) => (order.get(a.judge_id) ?? 0) - (order.get(b.judge_id) ?? 0));
  const result = rankFestival({
    method: r.method as Method,
    criteria: criteria.map((c) => ({ id: c.code, weight: Number(c.weight), max: Number(c.max) })),
    sheets: sheets.map((s) => ({ judge: s.judge_id, entry: s.entry_id, scores: JSON.parse(s.scores_json) as Scores })),
    recused: recusals.map((x) => ({ judge: x.judgeId, entry: x.entryId })),
    tieBreak: JSON.parse(r.tie_break_json) as string[],
    entries: slots.map((s) => s.entryId),
  });
  const prizes = await db
    .selectFrom('festival_prizes')
    .selectAll()
    .where('round_id', '=', r.id)
    .orderBy('position')
    .execute();
  const slot = new Map(slots.map((s) => [s.entryId, s]));
  return {
    roundId: r.id,
    method: result.method,
    certified,
    judges: judges.map((j) => ({ id: j.id, name: j.name })),
    ranking: result.ranking.map((x) => ({
      entryId: x.entry,
      song: slot.get(x.entry)?.song ?? '',
      unitName: slot.get(x.entry)?.unitName ?? '',
      performers: slot.get(x.entry)?.performers ?? [],
      score: x.score,
      rank: x.rank,
      explanation: x.explanation,
      prizes: prizes
        .filter((p) => p.entry_id === x.entry)
        .map((p) => ({ kind: p.kind as ResultsOut['ranking'][number]['prizes'][number]['kind'], title: p.title })),
    })),
    disagreements: result.disagreements,
  };
}

/**
 * The results: once certified, for everyone who follows the festival (the certified ranking as
 * stored, with today's prizes); while closed, provisionally for the head judge and the organisers;
 * before that, for no one.
 */
export async function roundResults(platform: Platform, caller: Caller | null, roundId: string): Promise<ResultsOut> {
  const db = platform.db;
  const r = await findRound(db, roundId);
  if (r.status === 'certified') {
    const stored = JSON.parse(r.results_json as string) as ResultsOut;
    const fresh = await computeResults(db, r, true);
    // Prizes are given after certification; the ranking is the one certified.
    const prizes = new Map(fresh.ranking.map((x) => [x.entryId, x.prizes]));
    return { ...stored, ranking: stored.ranking.map((x) => ({ ...x, prizes: prizes.get(x.entryId) ?? [] })) };
  }
  const allowed =
    r.status === 'closed' && caller !== null && (mayManage(caller) || isHead(await panelOf(db, roundId), caller));
  if (!allowed)
    throw fail.conflict('RESULTS_SECRET', {
      vi: 'Kết quả chưa công bố: chỉ xem được sau khi Trưởng ban giám khảo chứng nhận.',
      en: 'The results are not out: they can be seen once the head judge certifies them.',
    });
  return computeResults(db, r, false);
}

/** The head judge closes the round once every judge has locked a sheet for every act they score. */
export async function closeRound(platform: Platform, caller: Caller, roundId: string) {
  const now = platform.clock();
  const festivalId = await platform.db.transaction().execute(async (tx) => {
    const r = await findRound(tx, roundId);
    const judges = await panelOf(tx, roundId);
    if (!isHead(judges, caller)) throw fail.forbidden();
    if (r.status !== 'open') throw roundIsNot(r.status);
    const slots = await slotsOf(tx, roundId);
    const recused = await recusalsOf(tx, roundId);
    const locked = await tx
      .selectFrom('festival_sheets')
      .select(['judge_id', 'entry_id'])
      .where('round_id', '=', roundId)
      .where('status', '=', 'locked')
      .execute();
    const missing: string[] = [];
    for (const j of judges)
      for (const s of slots)
        if (
          !recused.some((x) => x.judgeId === j.id && x.entryId === s.entryId) &&
          !locked.some((l) => l.judge_id === j.id && l.entry_id === s.entryId)
        )
          missing.push(`${j.name} – ${s.position}. ${s.song}`);
    if (missing.length > 0)
      throw fail.conflict('SHEETS_MISSING', {
        vi: `Còn ${missing.length} phiếu chưa khóa: ${missing.slice(0, 5).join('; ')}${missing.length > 5 ? '…' : ''}`,
        en: `${missing.length} sheets are not locked yet: ${missing.slice(0, 5).join('; ')}${missing.length > 5 ? '…' : ''}`,
      });
    const after = { status: 'closed', closed_at: now.toISOString(), closed_by: caller.actor.userId };
    await tx.updateTable('festival_rounds').set(after).where('id', '=', roundId).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'festival_round.close',
        entityType: 'festival_round',
        entityId: roundId,
        before: { status: r.status },
        after,
      },
      now,
    );
    return r.festival_id;
  });
  publishFestival(platform, 'round', { festivalId, roundId });
}

/** The head judge certifies the closed round: the ranking is stored as certified and made public. */
export async function certifyRound(platform: Platform, caller: Caller, roundId: string) {
  const now = platform.clock();
  const festivalId = await platform.db.transaction().execute(async (tx) => {
    const r = await findRound(tx, roundId);
    if (!isHead(await panelOf(tx, roundId), caller)) throw fail.forbidden();
    if (r.status !== 'closed') throw roundIsNot(r.status);
    const results = await computeResults(tx, r, true);
    const after = {
      status: 'certified',
      certified_at: now.toISOString(),
      certified_by: caller.actor.userId,
      results_json: JSON.stringify(results),
    };
    await tx.updateTable('festival_rounds').set(after).where('id', '=', roundId).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'festival_round.certify',
        entityType: 'festival_round',
        entityId: roundId,
        before: { status: r.status },
        after,
      },
      now,
    );
    return r.festival_id;
  });
  publishFestival(platform, 'round', { festivalId, roundId });
}

/** The organisers give the prizes of a certified round: by rank (A, B, C), encouragement, special prizes. */
export async function setPrizes(
  platform: Platform,
  caller: Caller,
  roundId: string,
  input: { prizes: { entryId: string; kind: string; title: string | null }[] },
) {
  requireManage(caller);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const r = await findRound(tx, roundId);
    if (r.status !== 'certified') throw roundIsNot(r.status === 'open' ? 'open' : 'closed');
    const acts = new Set((await slotsOf(tx, roundId)).map((s) => s.entryId));
    if (input.prizes.some((p) => !acts.has(p.entryId)))
      throw fail.field(
        'prizes',
        'not_in_round',
        'Giải chỉ trao cho tiết mục của vòng thi.',
        'Prizes go to the round’s acts only.',
      );
    if (input.prizes.some((p) => p.kind === 'special' && !p.title?.trim()))
      throw fail.field('prizes', 'title_needed', 'Giải đặc biệt cần tên giải.', 'A special prize needs its name.');
    const before = await tx.selectFrom('festival_prizes').selectAll().where('round_id', '=', roundId).execute();
    await tx.deleteFrom('festival_prizes').where('round_id', '=', roundId).execute();
    if (input.prizes.length > 0)
      await tx
        .insertInto('festival_prizes')
        .values(
          input.prizes.map((p, position) => ({
            id: newId(now.getTime()),
            round_id: roundId,
            entry_id: p.entryId,
            kind: p.kind,
            title: p.title?.trim() || null,
            position,
          })),
        )
        .execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'festival_round.prizes', entityType: 'festival_round', entityId: roundId, before, after: input.prizes },
      now,
    );
  });
  publishFestival(platform, 'round', { festivalId: (await findRound(platform.db, roundId)).festival_id, roundId });
  return roundResults(platform, caller, roundId);
}
