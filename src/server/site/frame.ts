import type { Platform } from '../platform/platform.ts';

/**
 * What every public page shows around its content: the organisation the site belongs to (its
 * name and address, from the registry) and the sections of the site. The website module registers
 * the loader at start-up; the pages of other modules (the tournament, the roll of honour, the
 * festival) ask for it through `siteFrame` and so wear the same header and footer.
 */
export type SiteFrame = {
  /** The organisation's full name, e.g. "Đảng bộ khối Doanh nghiệp tỉnh Thái Bình". */
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
};

type FrameLoader = (platform: Platform) => Promise<SiteFrame>;

const fallback: SiteFrame = { name: 'Kyniem', address: null, phone: null, email: null };
let loader: FrameLoader = async () => fallback;
const cached = new WeakMap<Platform, { frame: SiteFrame; at: number }>();
const TTL_MS = 60_000;

export function registerSiteFrame(load: FrameLoader): void {
  loader = load;
}

/** The frame, read at most once a minute per process (a renamed organisation shows within a minute). */
export async function siteFrame(platform: Platform): Promise<SiteFrame> {
  const hit = cached.get(platform);
  const now = Date.now();
  if (hit && now - hit.at < TTL_MS) return hit.frame;
  const frame = await loader(platform);
  cached.set(platform, { frame, at: now });
  return frame;
}

/** What a module's public page needs from the site: its frame and its address. */
export async function siteContext(platform: Platform): Promise<{ frame: SiteFrame; origin: string }> {
  return { frame: await siteFrame(platform), origin: platform.config.publicUrl };
}
