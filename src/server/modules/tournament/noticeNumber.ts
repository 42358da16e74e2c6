import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { issueOnce, registeredNumber } from '../office/index.ts';
import { type Caller, requireManage } from './access.ts';
import { eventStandings } from './results.ts';
import { findTournament } from './tournaments.ts';

/**
 * The results notice's number (ADR 23): the organisers take it once from the office's outgoing
 * register, in the TB series of the term the tournament's last day falls in, once every event is
 * decided (its winner known: a knockout's final played, a single group played out). The notice
 * prints it from then on; before, its number line is blank.
 */
export const noticeSource = (tournamentId: string) => ({ type: 'tournament.results', id: tournamentId });

export type NoticeNumber = { symbol: string; number: number; issuedOn: string } | null;

export async function noticeNumber(platform: Platform, tournamentId: string): Promise<NoticeNumber> {
  await findTournament(platform.db, tournamentId);
  const found = await registeredNumber(platform.db, noticeSource(tournamentId));
  return found ? { symbol: found.symbol, number: found.number, issuedOn: found.issuedOn } : null;
}

/** The events still without a winner, by name. */
async function undecided(platform: Platform, tournamentId: string): Promise<string[]> {
  const events = await platform.db
    .selectFrom('tournament_events')
    .select(['id', 'name'])
    .where('tournament_id', '=', tournamentId)
    .orderBy('position')
    .execute();
  if (events.length === 0) return ['–'];
  const open: string[] = [];
  for (const ev of events)
    if ((await eventStandings(platform, tournamentId, ev.id)).medalEntries.gold === null) open.push(ev.name);
  return open;
}

export async function issueNotice(platform: Platform, caller: Caller, tournamentId: string): Promise<NoticeNumber> {
  requireManage(caller);
  const t = await findTournament(platform.db, tournamentId);
  const open = await undecided(platform, tournamentId);
  if (open.length)
    throw fail.conflict('EVENTS_UNDECIDED', {
      vi: `Chưa cấp số thông báo kết quả được: còn nội dung chưa có kết quả chung cuộc (${open.join(', ')}).`,
      en: `The results notice cannot take a number yet: some events are not decided (${open.join(', ')}).`,
    });
  const now = platform.clock();
  await platform.db.transaction().execute(async (tx) => {
    // The tournament's row first (a row lock): two organisers issuing at once take one number between them.
    await tx.updateTable('tournaments').set({ updated_at: now.toISOString() }).where('id', '=', tournamentId).execute();
    const issued = await issueOnce(
      tx,
      caller.actor,
      {
        type: 'TB',
        date: t.ends_on,
        summary: `Kết quả và danh sách khen thưởng ${t.name}`,
        signer: { name: '', position: 'Phó Bí thư' },
        source: noticeSource(tournamentId),
      },
      now,
    );
    if (issued.existing)
      throw fail.conflict('NOTICE_ISSUED', {
        vi: `Thông báo kết quả của giải đã có số ${issued.symbol}.`,
        en: `The tournament’s results notice already has the number ${issued.symbol}.`,
      });
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'tournament.results_notice_issue',
        entityType: 'tournament',
        entityId: tournamentId,
        after: { outgoingId: issued.id, symbol: issued.symbol },
      },
      now,
    );
  });
  return noticeNumber(platform, tournamentId);
}
