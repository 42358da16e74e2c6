import type { Platform } from '../../platform/platform.ts';
import { signerOf } from '../organisation/index.ts';

/**
 * Who signs for the Standing Committee on a day, from the registry: the holder of its "Bí thư"
 * position then (the first by rank; not a deputy). Empty when the registry does not know.
 */
export function standingCommitteeSecretary(platform: Pick<Platform, 'db'>, day: string): Promise<string> {
  return signerOf(platform, 'standing_committee', 'Bí thư', day);
}
