import { publishHonours } from './live.ts';
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { AppError, fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
import { requireSecretary, type Caller } from './access.ts';
import { categoriesOf } from './campaigns.ts';
import { findSession, maySit, rosterOf } from './council.ts';
import { logEvent } from './nominations.ts';
import { unitRefs } from '../organisation/index.ts';
import { decideRound, type NomineeCount, type RoundOutcome, type SessionRules } from './tally.ts';
import type { BallotInput, RoundResult } from './schema.ts';

/**
 * Secret ballots (ADR 12). A round puts a category's eligible nominees (or the nominees tied in
 * the round before) to the vote. Casting writes two unrelated things in one transaction: that
 * the member has voted (`honour_voters`, whose primary key makes a second ballot fail, however
 * concurrent), and +1 on the round's counters (`honour_tallies`). The counters are created for
 * every nominee and choice when the round opens, and every ballot rewrites all of them (adding 0
 * or 1), so neither the rows a ballot touches nor their order says what it chose. No ballot row,
 * no timestamp of a ballot, no audit entry with choices exists. The tally is shown only when the
 * round closes; then the counts move into the round's result and the counters are deleted.
 */
const choices = ['approve', 'reject', 'abstain'] as const;
export const roundNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy vòng bỏ phiếu.', en: 'Voting round not found.' });

async function findRound(platform: Pick<Platform, 'db'>, id: string) {
  const row = await platform.db.selectFrom('honour_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw roundNotFound();
  return { ...row, nominationIds: JSON.parse(row.nominations_json) as string[] };
}

export async function openRound(
  platform: Platform,
  caller: Caller,
  sessionId: string,
  input: { categoryId: string; nominationIds?: string[]; seats?: number },
) {
  requireSecretary(caller);
  const session = await findSession(platform, sessionId);
  if (session.status !== 'open')
    throw fail.conflict('SESSION_CLOSED', { vi: 'Phiên họp đã kết thúc.', en: 'The session is closed.' });
  const roster = await rosterOf(platform, sessionId);
  const present = roster.filter((m) => m.attendance === 'present').length;
  const outcome = decideRound(session.rules, { members: roster.length, present }, 1, []);
  if (!outcome.quorumMet) {
    throw fail.conflict('NO_QUORUM', {
      vi: `Chưa đủ số thành viên có mặt (${present}/${roster.length}, cần ít nhất ${outcome.quorumNeeded}).`,
      en: `Not enough members present (${present}/${roster.length}, at least ${outcome.quorumNeeded} needed).`,
    });
  }
  const category = (await categoriesOf(platform, session.campaign_id)).find((c) => c.id === input.categoryId);
  if (!category)
    throw fail.field(
      'categoryId',
      'unknown_category',
      'Loại tôn vinh không thuộc đợt này.',
      'The category is not of this campaign.',
    );
  const eligible = await platform.db
    .selectFrom('honour_nominations')
    .select('id')
    .where('category_id', '=', category.id)
    .where('status', '=', 'eligible')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const nominees = input.nominationIds ?? eligible.map((e) => e.id);
  if (!nominees.length || nominees.some((id) => !eligible.some((e) => e.id === id))) {
    throw fail.field(
      'nominationIds',
      'not_eligible',
      'Chỉ đưa ra bỏ phiếu các hồ sơ đủ điều kiện, chưa được chọn.',
      'Only eligible nominations not yet selected can be put to the vote.',
    );
  }
  const selected = Number(
    (
      await platform.db
        .selectFrom('honour_nominations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('category_id', '=', category.id)
        .where('status', '=', 'selected')
        .executeTakeFirstOrThrow()
    ).n,
  );
  const seats = input.seats ?? category.quota - selected;
  if (seats < 1)
    throw fail.conflict('QUOTA_FILLED', { vi: 'Đã đủ cơ cấu của loại này.', en: "The category's quota is filled." });
  const now = platform.clock();
  const id = newId(now.getTime());
  await platform.db.transaction().execute(async (tx) => {
    const busy = await tx
      .selectFrom('honour_rounds')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (busy)
      throw fail.conflict('ROUND_OPEN', {
        vi: 'Đang có một vòng bỏ phiếu chưa kết thúc.',
        en: 'A round is still open.',
      });
    const number =
      Number(
        (
          await tx
            .selectFrom('honour_rounds')
            .select((eb) => eb.fn.max('number').as('n'))
            .where('session_id', '=', sessionId)
            .executeTakeFirst()
        )?.n ?? 0,
      ) + 1;
    await tx
      .insertInto('honour_rounds')
      .values({
        id,
        session_id: sessionId,
        number,
        category_id: category.id,
        method: session.rules.method,
        nominations_json: JSON.stringify(nominees),
        seats,
        status: 'open',
        opened_at: now.toISOString(),
        closed_at: null,
        result_json: null,
      })
      .execute();
    const kinds = session.rules.method === 'rank' ? ['points'] : [...choices];
    await tx
      .insertInto('honour_tallies')
      .values(nominees.flatMap((n) => kinds.map((choice) => ({ round_id: id, nomination_id: n, choice, count: 0 }))))
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_round.open',
        entityType: 'honour_round',
        entityId: id,
        after: { sessionId, number, categoryId: category.id, nominees, seats },
      },
      now,
    );
  });
  publishHonours(platform, 'round_opened', { sessionId, roundId: id });
  return getRound(platform, caller, id);
}

/** One member's ballot, once. The secretary may enter an absent member's written vote when the rules allow. */
export async function castBallot(platform: Platform, caller: Caller, roundId: string, input: BallotInput) {
  const round = await findRound(platform, roundId);
  if (round.status !== 'open')
    throw fail.conflict('ROUND_CLOSED', { vi: 'Vòng bỏ phiếu đã kết thúc.', en: 'The round is closed.' });
  const session = await findSession(platform, round.session_id);
  const roster = await rosterOf(platform, round.session_id);
  let voter = caller.actor.userId!;
  let via = 'in_person';
  if (input.onBehalfOf) {
    requireSecretary(caller);
    if (!session.rules.writtenVotes)
      throw fail.conflict('NO_WRITTEN_VOTES', {
        vi: 'Quy chế phiên họp không cho phép phiếu gửi bằng văn bản.',
        en: "The session's rules do not allow written votes.",
      });
    const absent = roster.find((m) => m.user_id === input.onBehalfOf);
    if (absent?.attendance !== 'absent')
      throw fail.field(
        'onBehalfOf',
        'not_absent',
        'Chỉ nhập phiếu bằng văn bản của thành viên vắng mặt.',
        'Written votes are only for absent members.',
      );
    voter = absent.user_id;
    via = 'written';
  } else {
    const me = roster.find((m) => m.user_id === voter);
    if (
      !me ||
      !maySit(
        caller.grants.map((g) => g.role),
        me.role,
      )
    )
      throw fail.forbidden();
    if (me.attendance !== 'present')
      throw fail.conflict('NOT_PRESENT', {
        vi: 'Thư ký chưa ghi nhận đồng chí có mặt tại phiên họp.',
        en: 'The secretary has not recorded you as present.',
      });
  }
  const conflicted = new Set(
    (
      await platform.db
        .selectFrom('honour_conflicts')
        .select('nomination_id')
        .where('session_id', '=', round.session_id)
        .where('user_id', '=', voter)
        .execute()
    ).map((c) => c.nomination_id),
  );
  const mine = round.nominationIds.filter((n) => !conflicted.has(n));
  const add = new Map<string, number>(); // "nomination|choice" → amount
  if (round.method === 'rank') {
    const order = input.ranking ?? [];
    if (order.length !== mine.length || new Set(order).size !== order.length || order.some((n) => !mine.includes(n))) {
      throw fail.field(
        'ranking',
        'ranking_incomplete',
        'Xếp thứ tự tất cả các hồ sơ của vòng này (trừ hồ sơ đồng chí đã khai báo xung đột lợi ích), mỗi hồ sơ một lần.',
        'Rank every nominee of the round once (but those you declared a conflict on).',
      );
    }
    order.forEach((n, i) => add.set(`${n}|points`, order.length - i));
  } else {
    const given = input.choices ?? [];
    if (
      given.length !== mine.length ||
      given.some((c) => !mine.includes(c.nominationId)) ||
      new Set(given.map((c) => c.nominationId)).size !== given.length
    ) {
      throw fail.field(
        'choices',
        'ballot_incomplete',
        'Phiếu phải có ý kiến (đồng ý, không đồng ý hoặc không biểu quyết) cho từng hồ sơ của vòng này, trừ hồ sơ đồng chí đã khai báo xung đột lợi ích.',
        'The ballot needs a choice on every nominee of the round, but those you declared a conflict on.',
      );
    }
    for (const c of given) add.set(`${c.nominationId}|${c.choice}`, 1);
  }
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const marked = await tx
      .insertInto('honour_voters')
      .values({ round_id: roundId, user_id: voter, via })
      .onConflict((oc) => oc.columns(['round_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!marked)
      throw new AppError(409, 'ALREADY_VOTED', {
        vi: 'Đồng chí đã bỏ phiếu ở vòng này.',
        en: 'You have already voted in this round.',
      });
    const open = await tx
      .selectFrom('honour_rounds')
      .select('status')
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();
    if (open.status !== 'open')
      throw fail.conflict('ROUND_CLOSED', { vi: 'Vòng bỏ phiếu đã kết thúc.', en: 'The round is closed.' });
    // every counter of the round is rewritten, so the rows a ballot touches say nothing of it
    const cases = [...add.entries()].map(([k, v]) => {
      const [n, c] = k.split('|');
      return sql`when nomination_id = ${n} and choice = ${c} then ${v}`;
    });
    const amount = cases.length ? sql`case ${sql.join(cases, sql` `)} else 0 end` : sql`0`;
    await tx
      .updateTable('honour_tallies')
      .set({ count: sql`count + ${amount}` })
      .where('round_id', '=', roundId)
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: via === 'written' ? 'honour_ballot.written' : 'honour_ballot.cast',
        entityType: 'honour_round',
        entityId: roundId,
        after: { via },
      },
      now,
    );
  });
  publishHonours(platform, 'ballot', { roundId });
  return { voted: true, roundId };
}

export async function closeRound(platform: Platform, caller: Caller, roundId: string) {
  requireSecretary(caller);
  const round = await findRound(platform, roundId);
  if (round.status !== 'open')
    throw fail.conflict('ROUND_CLOSED', { vi: 'Vòng bỏ phiếu đã kết thúc.', en: 'The round is closed.' });
  const session = await findSession(platform, round.session_id);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const roster = await tx
      .selectFrom('honour_session_members')
      .select(['user_id', 'attendance'])
      .where('session_id', '=', round.session_id)
      .execute();
    const voters = await tx
      .selectFrom('honour_voters')
      .select(['user_id', 'via'])
      .where('round_id', '=', roundId)
      .execute();
    const tallies = await tx
      .selectFrom('honour_tallies')
      .select(['nomination_id', 'choice', 'count'])
      .where('round_id', '=', roundId)
      .execute();
    const conflicts = await tx
      .selectFrom('honour_conflicts')
      .select(['nomination_id'])
      .where('session_id', '=', round.session_id)
      .execute();
    const counts: NomineeCount[] = round.nominationIds.map((n) => {
      const get = (c: string) => Number(tallies.find((t) => t.nomination_id === n && t.choice === c)?.count ?? 0);
      return {
        nominationId: n,
        approve: get('approve'),
        reject: get('reject'),
        abstain: get('abstain'),
        points: get('points'),
        conflicted: conflicts.filter((c) => c.nomination_id === n).length,
      };
    });
    const present = roster.filter((m) => m.attendance === 'present').length;
    const outcome: RoundOutcome = decideRound(session.rules, { members: roster.length, present }, round.seats, counts);
    const result: RoundResult = {
      roster: roster.length,
      present,
      voted: voters.length,
      written: voters.filter((v) => v.via === 'written').length,
      rules: session.rules,
      seats: round.seats,
      outcome,
    };
    await tx
      .updateTable('honour_rounds')
      .set({ status: 'closed', closed_at: now.toISOString(), result_json: JSON.stringify(result) })
      .where('id', '=', roundId)
      .execute();
    await tx.deleteFrom('honour_tallies').where('round_id', '=', roundId).execute();
    if (outcome.selected.length) {
      await tx
        .updateTable('honour_nominations')
        .set({ status: 'selected', updated_at: now.toISOString() })
        .where('id', 'in', outcome.selected)
        .execute();
      for (const n of outcome.selected) await logEvent(tx, n, caller.actor, 'selected', `Vòng ${round.number}`, now);
    }
    await recordAudit(
      tx,
      caller.actor,
      { action: 'honour_round.close', entityType: 'honour_round', entityId: roundId, after: result },
      now,
    );
  });
  publishHonours(platform, 'round_closed', { roundId });
  return getRound(platform, caller, roundId);
}

/** The round: while open, how many have voted (never the counts); once closed, the tally and outcome. */
export async function getRound(platform: Platform, caller: Caller, roundId: string) {
  const round = await findRound(platform, roundId);
  const roster = await rosterOf(platform, round.session_id);
  const me = roster.find((m) => m.user_id === caller.actor.userId);
  const secretary = holdsAnywhere(caller.grants, 'honours.secretary');
  if (!me && !secretary && !holdsAnywhere(caller.grants, 'honours.manage')) throw roundNotFound();
  const session = await findSession(platform, round.session_id);
  const category = (await categoriesOf(platform, session.campaign_id)).find((c) => c.id === round.category_id);
  const voters = await platform.db
    .selectFrom('honour_voters')
    .select('user_id')
    .where('round_id', '=', roundId)
    .execute();
  const nominees = await platform.db
    .selectFrom('honour_nominations')
    .select(['id', 'nominee_name', 'unit_id'])
    .where('id', 'in', round.nominationIds)
    .execute();
  const units = await unitRefs(
    platform,
    nominees.map((n) => n.unit_id),
  );
  const conflicts = await platform.db
    .selectFrom('honour_conflicts')
    .select(['user_id', 'nomination_id'])
    .where('session_id', '=', round.session_id)
    .execute();
  const open = round.status === 'open';
  const iHaveVoted = voters.some((v) => v.user_id === caller.actor.userId);
  // the secretary enters absent members' written votes: who is absent, whether theirs is in, and what they are left out of
  const absentees =
    secretary && open && session.rules.writtenVotes
      ? roster
          .filter((m) => m.attendance === 'absent')
          .map((m) => ({
            userId: m.user_id,
            name: m.name,
            entered: voters.some((v) => v.user_id === m.user_id),
            conflicts: conflicts.filter((c) => c.user_id === m.user_id).map((c) => c.nomination_id),
          }))
      : [];
  return {
    id: round.id,
    sessionId: round.session_id,
    sessionTitle: session.title,
    heldOn: session.held_on,
    campaignId: session.campaign_id,
    number: round.number,
    categoryId: round.category_id,
    categoryName: category?.name ?? '',
    method: round.method as SessionRules['method'],
    rules: session.rules,
    seats: round.seats,
    status: round.status as 'open' | 'closed',
    openedAt: round.opened_at,
    closedAt: round.closed_at,
    nominees: round.nominationIds.map((id) => {
      const n = nominees.find((x) => x.id === id);
      return {
        id,
        name: n?.nominee_name ?? '',
        unitName: units.get(n?.unit_id ?? '')?.name ?? '',
        conflicted: conflicts.some((c) => c.nomination_id === id && c.user_id === caller.actor.userId),
      };
    }),
    expected: roster.length,
    voted: voters.length,
    iHaveVoted,
    me: me ? { role: me.role, attendance: me.attendance } : null,
    may: {
      vote:
        open &&
        !iHaveVoted &&
        me !== undefined &&
        me.attendance === 'present' &&
        maySit(
          caller.grants.map((g) => g.role),
          me.role,
        ),
      close: open && secretary,
      enterWritten: absentees.some((a) => !a.entered),
    },
    absentees,
    result: round.status === 'closed' && round.result_json ? (JSON.parse(round.result_json) as RoundResult) : null,
  };
}

/**
 * The open rounds awaiting the caller's ballot: rounds of sessions where the caller sits and has
 * been recorded present, and has not voted yet. Says nothing of anyone else.
 */
export async function myOpenRounds(platform: Platform, caller: Caller) {
  const userId = caller.actor.userId ?? '-';
  const rows = await platform.db
    .selectFrom('honour_rounds as r')
    .innerJoin('honour_session_members as m', (j) =>
      j.onRef('m.session_id', '=', 'r.session_id').on('m.user_id', '=', userId),
    )
    .innerJoin('honour_sessions as s', 's.id', 'r.session_id')
    .innerJoin('honour_categories as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'r.number',
      'r.session_id',
      'r.nominations_json',
      'r.opened_at',
      's.title',
      's.held_on',
      's.campaign_id',
      'c.name as category_name',
      'm.role',
    ])
    .where('r.status', '=', 'open')
    .where('m.attendance', '=', 'present')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('honour_voters as v')
            .select('v.round_id')
            .whereRef('v.round_id', '=', 'r.id')
            .where('v.user_id', '=', userId),
        ),
      ),
    )
    .orderBy('r.opened_at')
    .orderBy('r.id')
    .execute();
  const roles = caller.grants.map((g) => g.role);
  return {
    items: rows
      .filter((r) => maySit(roles, r.role))
      .map((r) => ({
        id: r.id,
        number: r.number,
        sessionId: r.session_id,
        sessionTitle: r.title,
        heldOn: r.held_on,
        campaignId: r.campaign_id,
        categoryName: r.category_name,
        nominees: (JSON.parse(r.nominations_json) as string[]).length,
        openedAt: r.opened_at,
      })),
  };
}
