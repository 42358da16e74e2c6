import { publishHonours } from './live.ts';
import {
  addCiphertexts,
  addWeighted,
  BallotFormatError,
  type Ciphertext,
  type EncryptedBallot,
  receiptOf,
  verifyBallot,
  verifyKey,
  verifyTotal,
  zeroCiphertext,
} from '../../../common/ballotCrypto.ts';
import type { Transaction } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/tables.ts';
import { newId } from '../../platform/db/ids.ts';
import { AppError, fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
import { requireSecretary, type Caller } from './access.ts';
import { categoriesOf } from './campaigns.ts';
import { findSession, maySit, rosterOf, votingCounts } from './council.ts';
import { logEvent } from './nominations.ts';
import { unitRefs } from '../organisation/index.ts';
import { decideRound, type NomineeCount, type RoundOutcome, type SessionRules } from './tally.ts';
import type { BallotInput, RoundResult, TallyInput } from './schema.ts';

/**
 * Secret ballots (ADR 12). A round puts a category's eligible nominees (or the nominees tied in
 * the round before) to the vote. The member's browser encrypts the ballot for the session's key,
 * which only the chair holds, on their own device (src/common/ballotCrypto.ts), and proves it well
 * formed; the server checks the proofs and writes two things in one transaction: that the member
 * has voted (`honour_voters`, whose primary key makes a second ballot fail, however concurrent),
 * and the round's encrypted running totals with the ballot's receipt added to a sorted list
 * (`honour_rounds.box_json`). No ballot is stored on its own, and nothing the server holds can
 * decrypt a total: not the tables, not an earlier version of them in a write-ahead log. The
 * secretary closes the ballot box ("counting"); the chair's device decrypts the totals and sends
 * them with proofs of correct decryption, which the server checks before deciding the round.
 */
export type TallyKind = 'approve' | 'reject' | 'abstain' | 'points';
export type BallotBox = {
  totals: ({ nominationId: string; kind: TallyKind } & Ciphertext)[];
  receipts: string[];
  /** Once decrypted: each total's decryption share and its proof, so anyone may check the counts again. */
  decryption?: TallyInput['totals'];
};
const choices = ['approve', 'reject', 'abstain'] as const;
const kindsOf = (method: string): TallyKind[] => (method === 'rank' ? ['points'] : [...choices]);
const emptyBox = (method: string, nominees: string[]): BallotBox => ({
  totals: nominees.flatMap((n) => kindsOf(method).map((kind) => ({ nominationId: n, kind, ...zeroCiphertext() }))),
  receipts: [],
});
const totalContext = (roundId: string, nominationId: string, kind: string) => `${roundId}|${nominationId}|${kind}`;
const alreadyVoted = () =>
  new AppError(409, 'ALREADY_VOTED', {
    vi: 'Đồng chí đã bỏ phiếu ở vòng này.',
    en: 'You have already voted in this round.',
  });

/** The round's row, locked until the transaction ends (PostgreSQL; SQLite runs one writer at a time). */
async function lockRound(platform: Pick<Platform, 'database'>, tx: Transaction<Database>, roundId: string) {
  let q = tx.selectFrom('honour_rounds').select(['status', 'box_json']).where('id', '=', roundId);
  if (platform.database.dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirstOrThrow();
  return { status: row.status, box: JSON.parse(row.box_json ?? '{"totals":[],"receipts":[]}') as BallotBox };
}
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
  const counts = votingCounts(await rosterOf(platform, sessionId));
  const outcome = decideRound(session.rules, counts, 1, []);
  if (!outcome.quorumMet) {
    throw fail.conflict('NO_QUORUM', {
      vi: `Chưa đủ số thành viên có quyền biểu quyết có mặt (${counts.present}/${counts.members}, cần ít nhất ${outcome.quorumNeeded}).`,
      en: `Not enough voting members present (${counts.present}/${counts.members}, at least ${outcome.quorumNeeded} needed).`,
    });
  }
  if (!session.ballot_key)
    throw fail.conflict('NO_BALLOT_KEY', {
      vi: 'Chủ tịch Hội đồng chưa tạo khoá kiểm phiếu cho phiên họp (trên trang phiên họp, từ thiết bị của mình).',
      en: "The Council's chair has not made the session's counting key yet (on the session page, from their own device).",
    });
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
      .where('status', 'in', ['open', 'counting'])
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
        box_json: JSON.stringify(emptyBox(session.rules.method, nominees)),
      })
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

/**
 * One member's ballot, once, encrypted in their browser. The secretary may enter an absent member's
 * written vote when the rules allow (encrypted in the secretary's browser from the paper ballot).
 */
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
    if (absent?.attendance !== 'absent' || !absent.votes)
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
      !me.votes ||
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
  // checked again inside the transaction; here it spares checking the proofs of a ballot that cannot count
  const voted = await platform.db
    .selectFrom('honour_voters')
    .select('user_id')
    .where('round_id', '=', roundId)
    .where('user_id', '=', voter)
    .executeTakeFirst();
  if (voted) throw alreadyVoted();
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
  const rank = round.method === 'rank';
  const width = rank ? mine.length : choices.length;
  const ballot = input.ballot as EncryptedBallot;
  let cells: ReturnType<typeof verifyBallot>;
  try {
    cells = verifyBallot(session.ballot_key ?? '', roundId, ballot, mine, width, rank);
  } catch (e) {
    if (!(e instanceof BallotFormatError)) throw e;
    throw fail.field(
      'ballot',
      'ballot_proof',
      'Phiếu mã hoá không hợp lệ: phải có đúng một ý kiến cho từng hồ sơ của vòng này (trừ hồ sơ đồng chí đã khai báo xung đột lợi ích), kèm bằng chứng hợp lệ.',
      'The encrypted ballot is not valid: it needs exactly one choice on every nominee of the round (but those you declared a conflict on), with valid proofs.',
    );
  }
  // what the ballot adds to each total, still encrypted: a choice's cell, or a ranked place's points
  const adds = new Map<string, Ciphertext>();
  for (const row of cells.rows) {
    if (rank) {
      adds.set(
        `${row.nominationId}|points`,
        row.cells.reduce((sum, cell, j) => addWeighted(sum, cell, width - j), zeroCiphertext()),
      );
    } else {
      choices.forEach((kind, j) =>
        adds.set(`${row.nominationId}|${kind}`, addWeighted(zeroCiphertext(), row.cells[j], 1)),
      );
    }
  }
  const receipt = receiptOf(ballot);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const marked = await tx
      .insertInto('honour_voters')
      .values({ round_id: roundId, user_id: voter, via })
      .onConflict((oc) => oc.columns(['round_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!marked) throw alreadyVoted();
    const locked = await lockRound(platform, tx, roundId);
    if (locked.status !== 'open')
      throw fail.conflict('ROUND_CLOSED', { vi: 'Vòng bỏ phiếu đã kết thúc.', en: 'The round is closed.' });
    if (locked.box.receipts.includes(receipt))
      throw fail.conflict('BALLOT_COPIED', {
        vi: 'Phiếu này đã có trong hòm phiếu.',
        en: 'This very ballot is already in the box.',
      });
    // every total is rewritten (a conflicted nominee's by nothing), and the receipts stay sorted: the
    // box's new state says nothing of the order ballots came in
    const box: BallotBox = {
      totals: locked.box.totals.map((t) => {
        const add = adds.get(`${t.nominationId}|${t.kind}`);
        return add ? { ...t, ...addCiphertexts(t, add) } : t;
      }),
      receipts: [...locked.box.receipts, receipt].sort(),
    };
    await tx
      .updateTable('honour_rounds')
      .set({ box_json: JSON.stringify(box) })
      .where('id', '=', roundId)
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
  return { voted: true, roundId, receipt };
}

/** The secretary closes the ballot box: no more ballots; the round waits for the chair to decrypt its totals. */
export async function closeRound(platform: Platform, caller: Caller, roundId: string) {
  requireSecretary(caller);
  const round = await findRound(platform, roundId);
  if (round.status !== 'open')
    throw fail.conflict('ROUND_CLOSED', { vi: 'Vòng bỏ phiếu đã kết thúc.', en: 'The round is closed.' });
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const locked = await lockRound(platform, tx, roundId);
    if (locked.status !== 'open')
      throw fail.conflict('ROUND_CLOSED', { vi: 'Vòng bỏ phiếu đã kết thúc.', en: 'The round is closed.' });
    await tx
      .updateTable('honour_rounds')
      .set({ status: 'counting', closed_at: now.toISOString() })
      .where('id', '=', roundId)
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_round.close',
        entityType: 'honour_round',
        entityId: roundId,
        after: { ballots: locked.box.receipts.length },
      },
      now,
    );
  });
  publishHonours(platform, 'round_counting', { roundId, sessionId: round.session_id });
  return getRound(platform, caller, roundId);
}

/**
 * The chair's device sends the decrypted totals, each with its proof of correct decryption; the
 * server checks every proof against the session's key and the stored totals, then decides the round.
 */
export async function tallyRound(platform: Platform, caller: Caller, roundId: string, input: TallyInput) {
  const round = await findRound(platform, roundId);
  const roster = await rosterOf(platform, round.session_id);
  if (roster.find((m) => m.user_id === caller.actor.userId)?.role !== 'chair') throw fail.forbidden();
  if (round.status !== 'counting')
    throw fail.conflict('NOT_COUNTING', {
      vi: 'Chỉ giải mã kết quả khi hòm phiếu đã đóng và chưa kiểm.',
      en: 'Totals are decrypted once the ballot box is closed, and only once.',
    });
  const session = await findSession(platform, round.session_id);
  const box = JSON.parse(round.box_json ?? '{"totals":[],"receipts":[]}') as BallotBox;
  const badTotals = () =>
    fail.field(
      'totals',
      'decryption_proof',
      'Kết quả giải mã không khớp với hòm phiếu hoặc với khoá của phiên họp.',
      "The decrypted totals do not match the ballot box or the session's key.",
    );
  if (
    input.totals.length !== box.totals.length ||
    new Set(input.totals.map((t) => `${t.nominationId}|${t.kind}`)).size !== input.totals.length
  )
    throw badTotals();
  const count = new Map<string, number>();
  for (const t of box.totals) {
    const given = input.totals.find((x) => x.nominationId === t.nominationId && x.kind === t.kind);
    let ok = false;
    try {
      ok =
        given !== undefined &&
        verifyTotal(session.ballot_key ?? '', t, given.count, given, totalContext(roundId, t.nominationId, t.kind));
    } catch (e) {
      if (!(e instanceof BallotFormatError)) throw e;
    }
    if (!ok || !given) throw badTotals();
    count.set(`${t.nominationId}|${t.kind}`, given.count);
  }
  const now = platform.clock();
  let outcome: RoundOutcome | null = null;
  await platform.db.transaction().execute(async (tx) => {
    const locked = await lockRound(platform, tx, roundId);
    if (locked.status !== 'counting')
      throw fail.conflict('NOT_COUNTING', {
        vi: 'Chỉ giải mã kết quả khi hòm phiếu đã đóng và chưa kiểm.',
        en: 'Totals are decrypted once the ballot box is closed, and only once.',
      });
    const members = await tx
      .selectFrom('honour_session_members')
      .select(['user_id', 'attendance', 'votes'])
      .where('session_id', '=', round.session_id)
      .execute();
    const voters = await tx.selectFrom('honour_voters').select(['via']).where('round_id', '=', roundId).execute();
    const conflicts = await tx
      .selectFrom('honour_conflicts')
      .select(['nomination_id', 'user_id'])
      .where('session_id', '=', round.session_id)
      .execute();
    const counts: NomineeCount[] = round.nominationIds.map((n) => {
      const get = (k: TallyKind) => count.get(`${n}|${k}`) ?? 0;
      return {
        nominationId: n,
        approve: get('approve'),
        reject: get('reject'),
        abstain: get('abstain'),
        points: get('points'),
        conflicted: conflicts.filter(
          (c) => c.nomination_id === n && members.some((m) => m.user_id === c.user_id && Number(m.votes) === 1),
        ).length,
      };
    });
    const voting = votingCounts(members);
    outcome = decideRound(session.rules, voting, round.seats, counts);
    const result: RoundResult = {
      roster: voting.members,
      present: voting.present,
      voted: voters.length,
      written: voters.filter((v) => v.via === 'written').length,
      rules: session.rules,
      seats: round.seats,
      outcome,
    };
    await tx
      .updateTable('honour_rounds')
      .set({
        status: 'closed',
        result_json: JSON.stringify(result),
        box_json: JSON.stringify({ ...locked.box, decryption: input.totals } satisfies BallotBox),
      })
      .where('id', '=', roundId)
      .execute();
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
      { action: 'honour_round.tally', entityType: 'honour_round', entityId: roundId, after: result },
      now,
    );
  });
  publishHonours(platform, 'round_closed', { roundId, sessionId: round.session_id });
  return getRound(platform, caller, roundId);
}

/**
 * The chair sets the session's public key, made on their own device, with a proof that they hold
 * its secret. It may be replaced (a lost device) while no round is open or awaiting its count.
 */
export async function setBallotKey(
  platform: Platform,
  caller: Caller,
  sessionId: string,
  input: { publicKey: string; proof: { c: string; s: string } },
) {
  const session = await findSession(platform, sessionId);
  const roster = await rosterOf(platform, sessionId);
  if (roster.find((m) => m.user_id === caller.actor.userId)?.role !== 'chair') throw fail.forbidden();
  if (session.status !== 'open')
    throw fail.conflict('SESSION_CLOSED', { vi: 'Phiên họp đã kết thúc.', en: 'The session is closed.' });
  let ok = false;
  try {
    ok = verifyKey(`session|${sessionId}`, input.publicKey, input.proof);
  } catch (e) {
    if (!(e instanceof BallotFormatError)) throw e;
  }
  if (!ok) throw fail.field('proof', 'key_proof', 'Khoá kiểm phiếu không hợp lệ.', 'The counting key is not valid.');
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    const busy = await tx
      .selectFrom('honour_rounds')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('status', 'in', ['open', 'counting'])
      .executeTakeFirst();
    if (busy)
      throw fail.conflict('ROUND_OPEN', {
        vi: 'Không thay khoá khi có vòng bỏ phiếu đang mở hoặc chờ kiểm phiếu.',
        en: 'The key cannot change while a round is open or awaiting its count.',
      });
    await tx.updateTable('honour_sessions').set({ ballot_key: input.publicKey }).where('id', '=', sessionId).execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_session.ballot_key',
        entityType: 'honour_session',
        entityId: sessionId,
        before: { publicKey: session.ballot_key },
        after: { publicKey: input.publicKey },
      },
      now,
    );
  });
  publishHonours(platform, 'session', { sessionId, campaignId: session.campaign_id });
}

const publicBox = (box: BallotBox) => ({
  totals: box.totals.map((t) => ({ nominationId: t.nominationId, kind: t.kind, a: t.a, b: t.b })),
  receipts: box.receipts,
});

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
          .filter((m) => m.attendance === 'absent' && m.votes)
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
    status: round.status as 'open' | 'counting' | 'closed',
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
    expected: votingCounts(roster).members,
    voted: voters.length,
    iHaveVoted,
    me: me ? { role: me.role, attendance: me.attendance, votes: me.votes } : null,
    may: {
      vote:
        open &&
        !iHaveVoted &&
        me !== undefined &&
        me.attendance === 'present' &&
        me.votes &&
        maySit(
          caller.grants.map((g) => g.role),
          me.role,
        ),
      close: open && secretary,
      enterWritten: absentees.some((a) => !a.entered),
      tally: round.status === 'counting' && me?.role === 'chair',
    },
    absentees,
    ballotKey: session.ballot_key,
    box: round.box_json ? publicBox(JSON.parse(round.box_json) as BallotBox) : null,
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
    .where('m.votes', '=', 1)
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
