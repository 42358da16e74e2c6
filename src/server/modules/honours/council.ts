import { publishHonours } from './live.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import { activeRoleHolders } from '../../platform/auth/users.ts';
import type { Platform } from '../../platform/platform.ts';
import { rolePermissions, rolesHolding } from '../../platform/policy/permissions.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
import { compareVi } from '../../../common/text.ts';
import { unitRefs } from '../organisation/index.ts';
import { mayJudge, requireSecretary, type Caller } from './access.ts';
import { categoriesOf, findCampaign } from './campaigns.ts';
import { quorumNeeded, type Roster, type SessionRules } from './tally.ts';
import type { Attendance, CouncilRole, SessionInput, SessionStatus } from './schema.ts';

/**
 * A session of the Emulation and Commendation Council: its roster (members who hold
 * `honours.vote`), attendance, the quorum, the rules fixed beforehand (approval share and base,
 * approve or rank, tie-break, written votes of absent members), and conflicts of interest
 * declared by the members themselves.
 */
export const sessionNotFound = () =>
  fail.notFound({ vi: 'Không tìm thấy phiên họp Hội đồng.', en: 'Council session not found.' });

export async function findSession(platform: Pick<Platform, 'db'>, id: string) {
  const row = await platform.db.selectFrom('honour_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw sessionNotFound();
  return { ...row, rules: JSON.parse(row.rules_json) as SessionRules };
}

export async function rosterOf(platform: Pick<Platform, 'db'>, sessionId: string) {
  const rows = await platform.db
    .selectFrom('honour_session_members')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    ...r,
    role: r.role as CouncilRole,
    attendance: r.attendance as Attendance,
    votes: Number(r.votes) === 1,
  }));
}

/**
 * The counts the rules work on: the members who vote, and those of them present. The Office's
 * secretary, who sits as Thư ký and does not vote, counts in neither (issue 13).
 */
export function votingCounts(roster: readonly { votes: boolean | number; attendance: string }[]): Roster {
  const voters = roster.filter((m) => Number(m.votes) === 1);
  return { members: voters.length, present: voters.filter((m) => m.attendance === 'present').length };
}

/** The roles whose holders may sit on the Council: those who vote, and the Office's secretary. */
const roleHolds = (role: string, permission: 'honours.vote' | 'honours.secretary') =>
  rolePermissions[role as keyof typeof rolePermissions]?.includes(permission) ?? false;

/** A member votes on the Council (`honours.vote`); the Council's secretary may instead be the Office's secretary (`honours.secretary`), who does not vote. */
export function maySit(roles: string[], councilRole: string): boolean {
  return roles.some(
    (r) => roleHolds(r, 'honours.vote') || (councilRole === 'secretary' && roleHolds(r, 'honours.secretary')),
  );
}

/** Does a member so seated vote? Everyone but a secretary who holds no Council member's grant. */
export function votesAs(roles: string[], councilRole: string): boolean {
  return councilRole !== 'secretary' || roles.some((r) => roleHolds(r, 'honours.vote'));
}

export async function createSession(platform: Platform, caller: Caller, input: SessionInput) {
  requireSecretary(caller);
  await findCampaign(platform, input.campaignId);
  if (input.rules.quorum.numerator > input.rules.quorum.denominator)
    throw fail.field(
      'rules.quorum',
      'quorum',
      'Tỷ lệ có mặt tối thiểu không vượt quá 100%.',
      'The quorum cannot exceed everyone.',
    );
  const ids = [...new Set(input.members.map((m) => m.userId))];
  const users = await activeRoleHolders(platform.db, { userIds: ids });
  for (const m of input.members) {
    if (
      !maySit(
        users.filter((u) => u.userId === m.userId).map((u) => u.role),
        m.role,
      )
    ) {
      throw fail.field(
        'members',
        'not_council',
        'Thành viên phải là tài khoản có quyền bỏ phiếu của Hội đồng (Thư ký Hội đồng: tài khoản có quyền thư ký).',
        "Every member must be an account that votes on the Council (the secretary: an account that holds the secretary's permission).",
      );
    }
  }
  const now = platform.clock();
  const id = newId(now.getTime());
  await platform.db.transaction().execute(async (tx) => {
    const row = {
      id,
      campaign_id: input.campaignId,
      title: input.title,
      held_on: input.heldOn,
      rules_json: JSON.stringify(input.rules),
      status: 'open',
      created_by: caller.actor.userId,
      created_at: now.toISOString(),
      ballot_key: null,
    };
    await tx.insertInto('honour_sessions').values(row).execute();
    await tx
      .insertInto('honour_session_members')
      .values(
        input.members
          .filter((m, i, all) => all.findIndex((x) => x.userId === m.userId) === i)
          .map((m) => ({
            session_id: id,
            user_id: m.userId,
            name: users.find((u) => u.userId === m.userId)!.displayName,
            role: m.role,
            attendance: 'unknown',
            votes: votesAs(
              users.filter((u) => u.userId === m.userId).map((u) => u.role),
              m.role,
            )
              ? 1
              : 0,
          })),
      )
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      { action: 'honour_session.create', entityType: 'honour_session', entityId: id, after: { ...row, members: ids } },
      now,
    );
  });
  publishHonours(platform, 'session', { sessionId: id, campaignId: input.campaignId });
  return getSession(platform, caller, id);
}

export async function setAttendance(
  platform: Platform,
  caller: Caller,
  sessionId: string,
  attendance: { userId: string; attendance: 'present' | 'absent' }[],
) {
  requireSecretary(caller);
  const session = await findSession(platform, sessionId);
  if (session.status !== 'open')
    throw fail.conflict('SESSION_CLOSED', { vi: 'Phiên họp đã kết thúc.', en: 'The session is closed.' });
  const roster = await rosterOf(platform, sessionId);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    for (const a of attendance) {
      if (!roster.some((m) => m.user_id === a.userId))
        throw fail.field(
          'attendance',
          'not_member',
          'Có người không thuộc thành phần phiên họp.',
          "Someone is not on the session's roster.",
        );
      await tx
        .updateTable('honour_session_members')
        .set({ attendance: a.attendance })
        .where('session_id', '=', sessionId)
        .where('user_id', '=', a.userId)
        .execute();
    }
    await recordAudit(
      tx,
      caller.actor,
      { action: 'honour_session.attendance', entityType: 'honour_session', entityId: sessionId, after: attendance },
      now,
    );
  });
  publishHonours(platform, 'attendance', { sessionId });
  return getSession(platform, caller, sessionId);
}

/** A member declares a conflict of interest on a nominee, and is left out of its vote. */
export async function declareConflict(
  platform: Platform,
  caller: Caller,
  sessionId: string,
  nominationId: string,
  note: string | null,
) {
  const session = await findSession(platform, sessionId);
  const roster = await rosterOf(platform, sessionId);
  // only a member who votes can be left out of a vote; the secretary who does not vote declares nothing
  if (!roster.some((m) => m.user_id === caller.actor.userId && m.votes)) throw fail.forbidden();
  const nomination = await platform.db
    .selectFrom('honour_nominations')
    .select(['id', 'campaign_id'])
    .where('id', '=', nominationId)
    .executeTakeFirst();
  if (!nomination || nomination.campaign_id !== session.campaign_id)
    throw fail.field(
      'nominationId',
      'unknown_nomination',
      'Hồ sơ không thuộc đợt tôn vinh này.',
      'The nomination is not of this campaign.',
    );
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('honour_conflicts')
      .values({ session_id: sessionId, user_id: caller.actor.userId!, nomination_id: nominationId, note })
      .onConflict((oc) => oc.columns(['session_id', 'user_id', 'nomination_id']).doNothing())
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'honour_session.conflict',
        entityType: 'honour_session',
        entityId: sessionId,
        after: { nominationId, note },
      },
      now,
    );
  });
  publishHonours(platform, 'conflict', { sessionId });
  return getSession(platform, caller, sessionId);
}

export async function getSession(platform: Platform, caller: Caller, id: string) {
  const session = await findSession(platform, id);
  const roster = await rosterOf(platform, id);
  if (!mayJudge(caller) && !roster.some((m) => m.user_id === caller.actor.userId)) throw sessionNotFound();
  const conflicts = await platform.db
    .selectFrom('honour_conflicts')
    .select(['user_id', 'nomination_id', 'note'])
    .where('session_id', '=', id)
    .execute();
  const rounds = await platform.db
    .selectFrom('honour_rounds')
    .select(['id', 'number', 'category_id', 'method', 'seats', 'status', 'opened_at', 'closed_at'])
    .where('session_id', '=', id)
    .orderBy('number')
    .execute();
  // how many have voted in each round: never who, never what
  const voted = rounds.length
    ? await platform.db
        .selectFrom('honour_voters')
        .select(['round_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'round_id',
          'in',
          rounds.map((r) => r.id),
        )
        .groupBy('round_id')
        .execute()
    : [];
  const counts = votingCounts(roster);
  const needed = quorumNeeded(session.rules, counts.members);
  const me = roster.find((m) => m.user_id === caller.actor.userId);
  return {
    id: session.id,
    campaignId: session.campaign_id,
    title: session.title,
    heldOn: session.held_on,
    rules: session.rules,
    status: session.status as SessionStatus,
    roster: roster.map((m) => ({
      userId: m.user_id,
      name: m.name,
      role: m.role,
      attendance: m.attendance,
      votes: m.votes,
    })),
    quorum: { members: counts.members, present: counts.present, needed, met: counts.present >= needed },
    conflicts: conflicts.map((c) => ({ userId: c.user_id, nominationId: c.nomination_id, note: c.note })),
    rounds: rounds.map((r) => ({
      id: r.id,
      number: r.number,
      categoryId: r.category_id,
      method: r.method as SessionRules['method'],
      seats: r.seats,
      status: r.status as 'open' | 'counting' | 'closed',
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      voted: Number(voted.find((v) => v.round_id === r.id)?.n ?? 0),
      expected: counts.members,
    })),
    categories: await candidatesOf(platform, session.campaign_id),
    me: me ? { userId: me.user_id, role: me.role, attendance: me.attendance, votes: me.votes } : null,
    ballotKey: { publicKey: session.ballot_key, holder: roster.find((m) => m.role === 'chair')?.name ?? null },
    may: {
      run: holdsAnywhere(caller.grants, 'honours.secretary') && session.status === 'open',
      declare: me !== undefined && me.votes && session.status === 'open',
      // the chair makes the counting key on their own device; it may change while no round awaits it
      setKey: me?.role === 'chair' && session.status === 'open' && rounds.every((r) => r.status === 'closed'),
    },
  };
}

/** Per category of the campaign: its quota and the nominees before the Council (eligible, or already selected), in the order they came. */
async function candidatesOf(platform: Platform, campaignId: string) {
  const categories = await categoriesOf(platform, campaignId);
  const rows = await platform.db
    .selectFrom('honour_nominations')
    .select(['id', 'category_id', 'nominee_name', 'unit_id', 'status'])
    .where('campaign_id', '=', campaignId)
    .where('status', 'in', ['eligible', 'selected'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const units = await unitRefs(
    platform,
    rows.map((r) => r.unit_id),
  );
  return categories.map((c) => {
    const nominees = rows
      .filter((r) => r.category_id === c.id)
      .map((r) => ({
        id: r.id,
        name: r.nominee_name,
        unitName: units.get(r.unit_id)?.name ?? '',
        status: r.status as 'eligible' | 'selected',
      }));
    return {
      id: c.id,
      kind: c.kind,
      name: c.name,
      quota: c.quota,
      selected: nominees.filter((n) => n.status === 'selected').length,
      nominees,
    };
  });
}

/** A campaign's sessions, newest first: all of them for those who judge, otherwise those the caller sits on. */
export async function listSessions(
  platform: Platform,
  caller: Caller,
  campaignId: string,
  q: { page: number; pageSize: number },
) {
  await findCampaign(platform, campaignId);
  let base = platform.db.selectFrom('honour_sessions').where('campaign_id', '=', campaignId);
  if (!mayJudge(caller))
    base = base.where(
      'id',
      'in',
      platform.db
        .selectFrom('honour_session_members')
        .select('session_id')
        .where('user_id', '=', caller.actor.userId ?? '-'),
    );
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await base
    .selectAll()
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const ids = rows.map((r) => r.id);
  const members = ids.length
    ? await platform.db
        .selectFrom('honour_session_members')
        .select(['session_id', 'attendance', 'votes'])
        .where('session_id', 'in', ids)
        .execute()
    : [];
  const rounds = ids.length
    ? await platform.db
        .selectFrom('honour_rounds')
        .select(['session_id', 'status'])
        .where('session_id', 'in', ids)
        .execute()
    : [];
  return {
    items: rows.map((r) => {
      const { members: voting, present } = votingCounts(members.filter((m) => m.session_id === r.id));
      const needed = quorumNeeded(JSON.parse(r.rules_json) as SessionRules, voting);
      const mine = rounds.filter((x) => x.session_id === r.id);
      return {
        id: r.id,
        campaignId: r.campaign_id,
        title: r.title,
        heldOn: r.held_on,
        status: r.status as SessionStatus,
        quorum: { members: voting, present, needed, met: present >= needed },
        rounds: mine.length,
        openRounds: mine.filter((x) => x.status === 'open').length,
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The accounts the secretary may put on a roster: those who vote on the Council, and those who may be its secretary; in Vietnamese order. */
export async function councilCandidates(platform: Platform, caller: Caller) {
  requireSecretary(caller);
  const rows = await activeRoleHolders(platform.db, {
    // the system administrator holds every permission, but sits on no Council by that role
    roles: [...new Set([...rolesHolding('honours.vote'), ...rolesHolding('honours.secretary')])].filter(
      (r) => r !== 'system_admin',
    ),
  });
  const byUser = new Map<
    string,
    { userId: string; username: string; name: string; votes: boolean; secretary: boolean }
  >();
  for (const r of rows) {
    const one = byUser.get(r.userId) ?? {
      userId: r.userId,
      username: r.username,
      name: r.displayName,
      votes: false,
      secretary: false,
    };
    one.votes ||= roleHolds(r.role, 'honours.vote');
    one.secretary ||= roleHolds(r.role, 'honours.secretary');
    byUser.set(r.userId, one);
  }
  return {
    items: [...byUser.values()].sort((a, b) => compareVi(a.name, b.name) || a.username.localeCompare(b.username)),
  };
}
