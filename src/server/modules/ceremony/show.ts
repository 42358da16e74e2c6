import type { SegmentKind } from '../../../common/ceremony/programme.ts';
import { todayIso } from '../../../common/dates.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, requireCall } from './access.ts';
import { findCeremony, segmentsOf, timingOf } from './ceremonies.ts';
import { publishCeremony } from './live.ts';
import type { LiveOut, SegmentOut } from './schema.ts';

/**
 * Calling the show on the night. `start` starts the first segment; `next` ends the running one
 * and starts the one after (or, after a hold, starts the next); `hold` ends the running one and
 * starts nothing (waiting for a leader, a technical stop). Every change records the actual times
 * (instants) in one transaction, bumps the version and speaks on the `ceremony` topic; each
 * device then reads the state, which is computed from the rows alone (so a device that reconnects
 * catches up by reading it, and two processes answer the same). Ending the last segment records
 * the ceremony as held on that day (Việt Nam).
 */
export async function callShow(platform: Platform, caller: Caller, id: string, action: 'start' | 'next' | 'hold') {
  requireCall(caller);
  const now = platform.clock();
  const at = now.toISOString();
  const version = await platform.db.transaction().execute(async (tx) => {
    const c = await findCeremony(tx, id);
    const segments = await segmentsOf(tx, id);
    const running = segments.find((s) => s.actual_start && !s.actual_end);
    const following = segments.find((s) => !s.actual_start);
    const refuse = (vi: string, en: string) => fail.conflict('SHOW_STATE', { vi, en });
    let started: string | null = null;
    let ended: string | null = null;
    if (action === 'start') {
      if (segments.some((s) => s.actual_start))
        throw refuse('Chương trình đã bắt đầu.', 'The show has already started.');
      if (!following) throw refuse('Chương trình chưa có phần nào.', 'The programme has no segments.');
      started = following.id;
    } else if (action === 'next') {
      if (!segments.some((s) => s.actual_start))
        throw refuse('Chương trình chưa bắt đầu.', 'The show has not started.');
      if (!running && !following) throw refuse('Chương trình đã kết thúc.', 'The show is over.');
      ended = running?.id ?? null;
      started = following?.id ?? null;
    } else {
      if (!running) throw refuse('Không có phần nào đang diễn ra.', 'No segment is running.');
      ended = running.id;
    }
    if (ended) await tx.updateTable('ceremony_segments').set({ actual_end: at }).where('id', '=', ended).execute();
    if (started)
      await tx
        .updateTable('ceremony_segments')
        .set({ actual_start: at, actual_end: null })
        .where('id', '=', started)
        .execute();
    const finished = !started && action === 'next';
    await tx
      .updateTable('ceremonies')
      .set((eb) => ({
        hold_since: action === 'hold' ? at : null,
        held_on: finished ? todayIso(now) : c.held_on,
        version: eb('version', '+', 1),
        updated_at: at,
      }))
      .where('id', '=', id)
      .execute();
    await recordAudit(
      tx,
      caller.actor,
      {
        action: `ceremony.show_${action}`,
        entityType: 'ceremony',
        entityId: id,
        after: { started, ended, at, finished },
      },
      now,
    );
    return (await tx.selectFrom('ceremonies').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  });
  publishCeremony(platform, id, 'live', version);
  return liveState(platform, id);
}

/** The show as it stands: the current segment, elapsed and remaining, over/under, the forecast end, what is next. */
export async function liveState(platform: Platform, id: string): Promise<LiveOut> {
  const c = await findCeremony(platform.db, id);
  const segments = await segmentsOf(platform.db, id);
  const now = platform.clock();
  const planned = timingOf(c, segments, null);
  const forecast = timingOf(c, segments, now);
  const runningIndex = segments.findIndex((s) => s.actual_start && !s.actual_end);
  const running = runningIndex >= 0 ? segments[runningIndex] : null;
  const nextIndex = segments.findIndex((s) => !s.actual_start);
  const anyStarted = segments.some((s) => s.actual_start);
  const status: LiveOut['status'] = !anyStarted
    ? 'waiting'
    : running
      ? 'running'
      : nextIndex < 0
        ? 'finished'
        : 'holding';
  const elapsed = running ? Math.max(0, Math.floor((now.getTime() - Date.parse(running.actual_start!)) / 1000)) : 0;
  const minutesBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 60_000);
  return {
    ceremonyId: c.id,
    status,
    now: now.toISOString(),
    current: running
      ? {
          id: running.id,
          title: running.title,
          kind: running.kind as SegmentKind,
          startedAt: running.actual_start!,
          plannedSeconds: running.minutes * 60,
          elapsedSeconds: elapsed,
          remainingSeconds: running.minutes * 60 - elapsed,
          onStage: running.on_stage,
          microphones: running.microphones,
          mcLines: running.mc_lines,
          cues: JSON.parse(running.cues_json) as SegmentOut['cues'],
        }
      : null,
    next:
      nextIndex >= 0
        ? {
            id: segments[nextIndex].id,
            title: segments[nextIndex].title,
            onStage: segments[nextIndex].on_stage,
            microphones: segments[nextIndex].microphones,
            start: forecast.segments[nextIndex].start,
          }
        : null,
    overUnderMinutes: forecast.overUnderMinutes,
    forecastEnd: forecast.end,
    targetEnd: c.target_end,
    segments: segments.map((s, i) => {
      const actualMinutes = s.actual_start && s.actual_end ? minutesBetween(s.actual_start, s.actual_end) : null;
      return {
        id: s.id,
        title: s.title,
        kind: s.kind as SegmentKind,
        plannedStart: planned.segments[i].start,
        plannedEnd: planned.segments[i].end,
        start: forecast.segments[i].start,
        end: forecast.segments[i].end,
        actualStart: s.actual_start,
        actualEnd: s.actual_end,
        plannedMinutes: s.minutes,
        actualMinutes,
        overUnderMinutes: actualMinutes === null ? null : actualMinutes - s.minutes,
        state: forecast.segments[i].state,
        mcLines: s.mc_lines,
      };
    }),
    warnings: forecast.warnings,
  };
}
