import { vietnamDay } from '../../../../common/dates.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { SiteFrame } from '../../../site/frame.ts';
import { publicProfile } from '../../organisation/index.ts';

/** The site's frame from the registry: the root of the unit tree as it stands today. */
export async function loadSiteFrame(platform: Platform): Promise<SiteFrame> {
  const profile = await publicProfile(platform, vietnamDay(platform.clock()));
  return {
    name: profile?.name ?? 'Kyniem',
    address: profile?.address ?? null,
    phone: profile?.phone ?? null,
    email: profile?.email ?? null,
  };
}
