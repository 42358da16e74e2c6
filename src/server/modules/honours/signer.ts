import type { Platform } from '../../platform/platform.ts';
import { liveUnits, positionsIn } from '../organisation/index.ts';

/**
 * Who signs for the Standing Committee on a day, from the registry: the holder of its "Bí thư"
 * position then (the first by rank; not a deputy). Empty when the registry does not know, so the
 * document leaves the line to be written by hand rather than print a wrong name.
 */
export async function standingCommitteeSecretary(platform: Pick<Platform, 'db'>, day: string): Promise<string> {
  const [committee] = await liveUnits(platform, day, { kinds: ['standing_committee'], limit: 1 });
  if (!committee) return '';
  const held = (await positionsIn(platform.db, { unitId: committee.id }, day, true)).filter(
    (p) => (p.validFrom ?? '') <= day && /^bí thư/iu.test(p.title.normalize('NFC')),
  );
  return held[0]?.fullName ?? '';
}
