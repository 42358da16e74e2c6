import { actsForCeremonyOn } from '../festival/index.ts';
import type { PerformanceSource } from './sources.ts';

/**
 * The singing festival's acts chosen for the ceremony (issue 15 → issue 16): those of festivals
 * held by the ceremony's day, with the duration timed on the night (else as declared) and the
 * backing track, offered to the programme's performance segments.
 */
export const festivalActs: PerformanceSource = {
  key: 'festival.chosen',
  label: { vi: 'Liên hoan Tiếng hát', en: 'Singing festival' },
  async acts(platform, ceremony) {
    return (await actsForCeremonyOn(platform.db, ceremony.eventDate)).map((a) => ({
      source: 'festival.chosen',
      entryId: a.entryId,
      title: a.song,
      performers: a.performers.join(', '),
      unit: a.unitName,
      seconds: a.seconds,
      backingTrackFileId: a.backingTrackFileId,
    }));
  },
};
