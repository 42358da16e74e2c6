import { recordAudit } from '../../platform/audit/record.ts';
import { newId } from '../../platform/db/ids.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { rolePermissions } from '../../platform/policy/permissions.ts';
import { mayJudge, requireSecretary, type Caller } from './access.ts';
import { findCampaign } from './campaigns.ts';
import { quorumNeeded, type SessionRules } from './tally.ts';
import type { SessionInput } from './schema.ts';

/**
 * A session of the Emulation and Commendation Council: its roster (members who hold
 * `honours.vote`), attendance, the quorum, the rules fixed beforehand (approval share and base,
 * approve or rank, tie-break, written votes of absent members), and conflicts of interest
 * declared by the members themselves.
 */
const problem = (path: string, code: string, vi: string, en: string) => fail.validation([{ in: 'body', path, code, messages: { vi, en } }]);
export const sessionNotFound = () => fail.notFound({ vi: 'Không tìm thấy phiên họp Hội đồng.', en: 'Council session not found.' });

export async function findSession(platform: Pick<Platform, 'db'>, id: string) {
  const row = await platform.db.selectFrom('honour_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw sessionNotFound();
  return { ...row, rules: JSON.parse(row.rules_json) as SessionRules };
}

export async function rosterOf(platform: Pick<Platform, 'db'>, sessionId: string) {
  return platform.db.selectFrom('honour_session_members').selectAll().where('session_id', '=', sessionId).orderBy('name').execute();
}

export async function createSession(platform: Platform, caller: Caller, input: SessionInput) {
  requireSecretary(caller);
  await findCampaign(platform, input.campaignId);
  if (input.rules.quorum.numerator > input.rules.quorum.denominator) throw problem('rules.quorum', 'quorum', 'Tỷ lệ có mặt tối thiểu không vượt quá 100%.', 'The quorum cannot exceed everyone.');
  const ids = [...new Set(input.members.map((m) => m.userId))];
  const users = await platform.db
    .selectFrom('users as u')
    .innerJoin('role_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'g.role'])
    .where('u.id', 'in', ids)
    .where('u.is_active', '=', 1)
    .execute();
  for (const id of ids) {
    if (!users.some((u) => u.id === id && rolePermissions[u.role as keyof typeof rolePermissions]?.includes('honours.vote'))) {
      throw problem('members', 'not_council', 'Thành viên phải là tài khoản có quyền bỏ phiếu của Hội đồng.', 'Every member must be an account that votes on the Council.');
    }
  }
  const now = platform.clock();
  const id = newId(now.getTime());
  await platform.db.transaction().execute(async (tx) => {
    const row = { id, campaign_id: input.campaignId, title: input.title, held_on: input.heldOn, rules_json: JSON.stringify(input.rules), status: 'open', created_by: caller.actor.userId, created_at: now.toISOString() };
    await tx.insertInto('honour_sessions').values(row).execute();
    await tx
      .insertInto('honour_session_members')
      .values(input.members.filter((m, i, all) => all.findIndex((x) => x.userId === m.userId) === i).map((m) => ({ session_id: id, user_id: m.userId, name: users.find((u) => u.id === m.userId)!.display_name, role: m.role, attendance: 'unknown' })))
      .execute();
    await recordAudit(tx, caller.actor, { action: 'honour_session.create', entityType: 'honour_session', entityId: id, after: { ...row, members: ids } }, now);
  });
  return getSession(platform, caller, id);
}

export async function setAttendance(platform: Platform, caller: Caller, sessionId: string, attendance: { userId: string; attendance: 'present' | 'absent' }[]) {
  requireSecretary(caller);
  const session = await findSession(platform, sessionId);
  if (session.status !== 'open') throw fail.conflict('SESSION_CLOSED', { vi: 'Phiên họp đã kết thúc.', en: 'The session is closed.' });
  const roster = await rosterOf(platform, sessionId);
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    for (const a of attendance) {
      if (!roster.some((m) => m.user_id === a.userId)) throw problem('attendance', 'not_member', 'Có người không thuộc thành phần phiên họp.', 'Someone is not on the session\'s roster.');
      await tx.updateTable('honour_session_members').set({ attendance: a.attendance }).where('session_id', '=', sessionId).where('user_id', '=', a.userId).execute();
    }
    await recordAudit(tx, caller.actor, { action: 'honour_session.attendance', entityType: 'honour_session', entityId: sessionId, after: attendance }, now);
  });
  return getSession(platform, caller, sessionId);
}

/** A member declares a conflict of interest on a nominee, and is left out of its vote. */
export async function declareConflict(platform: Platform, caller: Caller, sessionId: string, nominationId: string, note: string | null) {
  const session = await findSession(platform, sessionId);
  const roster = await rosterOf(platform, sessionId);
  if (!roster.some((m) => m.user_id === caller.actor.userId)) throw fail.forbidden();
  const nomination = await platform.db.selectFrom('honour_nominations').select(['id', 'campaign_id']).where('id', '=', nominationId).executeTakeFirst();
  if (!nomination || nomination.campaign_id !== session.campaign_id) throw problem('nominationId', 'unknown_nomination', 'Hồ sơ không thuộc đợt tôn vinh này.', 'The nomination is not of this campaign.');
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    await tx.insertInto('honour_conflicts').values({ session_id: sessionId, user_id: caller.actor.userId!, nomination_id: nominationId, note }).onConflict((oc) => oc.columns(['session_id', 'user_id', 'nomination_id']).doNothing()).execute();
    await recordAudit(tx, caller.actor, { action: 'honour_session.conflict', entityType: 'honour_session', entityId: sessionId, after: { nominationId, note } }, now);
  });
  return getSession(platform, caller, sessionId);
}

export async function getSession(platform: Platform, caller: Caller, id: string) {
  const session = await findSession(platform, id);
  const roster = await rosterOf(platform, id);
  if (!mayJudge(caller) && !roster.some((m) => m.user_id === caller.actor.userId)) throw sessionNotFound();
  const conflicts = await platform.db.selectFrom('honour_conflicts').select(['user_id', 'nomination_id', 'note']).where('session_id', '=', id).execute();
  const rounds = await platform.db.selectFrom('honour_rounds').select(['id', 'number', 'category_id', 'method', 'seats', 'status', 'opened_at', 'closed_at']).where('session_id', '=', id).orderBy('number').execute();
  const present = roster.filter((m) => m.attendance === 'present').length;
  const needed = quorumNeeded(session.rules, roster.length);
  return {
    id: session.id, campaignId: session.campaign_id, title: session.title, heldOn: session.held_on, rules: session.rules, status: session.status,
    roster: roster.map((m) => ({ userId: m.user_id, name: m.name, role: m.role, attendance: m.attendance })),
    quorum: { members: roster.length, present, needed, met: present >= needed },
    conflicts: conflicts.map((c) => ({ userId: c.user_id, nominationId: c.nomination_id, note: c.note })),
    rounds: rounds.map((r) => ({ id: r.id, number: r.number, categoryId: r.category_id, method: r.method, seats: r.seats, status: r.status, openedAt: r.opened_at, closedAt: r.closed_at })),
  };
}
