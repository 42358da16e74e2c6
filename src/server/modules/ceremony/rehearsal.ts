import { calibratedPace, syllableCount } from '../../../common/ceremony/reading.ts';
import { nfc } from '../../../common/text.ts';
import { fail } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { type Caller, requireManage } from './access.ts';
import { findCeremony, getCeremony, touched } from './ceremonies.ts';
import { publishCeremony } from './live.ts';
import type { RehearsalInput } from './schema.ts';

/**
 * The rehearsal's calibration (issue 16, ADR 22): the MC reads a passage, the seconds it took are
 * recorded with it, and the ceremony's pace becomes the syllables over the seconds of every
 * passage timed so far (`calibratedPace`, so a long passage weighs more than a short one); every
 * reading time of the programme follows. Clearing the timings keeps the pace they gave.
 */
export type RehearsalTiming = { text: string; seconds: number; syllables: number; at: string };

export const rehearsalOf = (json: string) => JSON.parse(json) as RehearsalTiming[];

/** The pace a ceremony's settings allow (the same bounds as the setting itself). */
const MIN_PACE = 60;
const MAX_PACE = 400;

export async function recordRehearsal(platform: Platform, caller: Caller, id: string, input: RehearsalInput) {
  requireManage(caller);
  const text = nfc(input.text.trim());
  const syllables = syllableCount(text);
  if (syllables < 10)
    throw fail.field(
      'text',
      'TOO_SHORT',
      'Đoạn đọc cần ít nhất 10 âm tiết để đo tốc độ.',
      'The passage needs at least 10 syllables to measure the pace.',
    );
  const pace = Math.round((syllables * 60) / input.seconds);
  if (pace < MIN_PACE || pace > MAX_PACE)
    throw fail.field(
      'seconds',
      'PACE_OUT_OF_RANGE',
      `Tốc độ đo được ${pace} âm tiết/phút, ngoài khoảng ${MIN_PACE}–${MAX_PACE}: kiểm tra lại số giây.`,
      `The measured pace is ${pace} syllables a minute, outside ${MIN_PACE}–${MAX_PACE}: check the seconds.`,
    );
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    const c = await findCeremony(tx, id);
    const timings = [
      ...rehearsalOf(c.rehearsal_json),
      { text, seconds: input.seconds, syllables, at: now.toISOString() },
    ];
    const calibrated = calibratedPace(timings) ?? c.syllables_per_minute;
    await tx
      .updateTable('ceremonies')
      .set({ rehearsal_json: JSON.stringify(timings), syllables_per_minute: calibrated })
      .where('id', '=', id)
      .execute();
    return touched(
      tx,
      caller,
      id,
      'ceremony.rehearsal_record',
      now,
      { syllables_per_minute: calibrated, timing: { syllables, seconds: input.seconds } },
      { syllables_per_minute: c.syllables_per_minute, timings: timings.length - 1 },
    );
  });
  publishCeremony(platform, id, 'programme', version);
  return getCeremony(platform, id);
}

export async function clearRehearsal(platform: Platform, caller: Caller, id: string) {
  requireManage(caller);
  const now = platform.clock();
  const version = await platform.db.transaction().execute(async (tx) => {
    const c = await findCeremony(tx, id);
    await tx.updateTable('ceremonies').set({ rehearsal_json: '[]' }).where('id', '=', id).execute();
    return touched(tx, caller, id, 'ceremony.rehearsal_clear', now, null, { timings: rehearsalOf(c.rehearsal_json) });
  });
  publishCeremony(platform, id, 'programme', version);
  return getCeremony(platform, id);
}
