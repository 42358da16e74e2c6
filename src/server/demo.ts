import type { Platform } from './platform/platform.ts';
import type { DemoLoader } from './platform/modules.ts';
import { initialiseModules } from './app.ts';
import { modules } from './modules.ts';

export type { DemoLoader };

/**
 * Demo data: every module's loader (`demo` in its descriptor), in the list's order (organisation
 * first). Loaders are idempotent, so `kyniem demo` can run again safely.
 */
export const demoLoaders: DemoLoader[] = modules.flatMap((m) => (m.demo ? [m.demo] : []));

/** Loads the demo; `only` names the loaders to run (those they build on must have run before). */
export async function loadDemoData(
  platform: Platform,
  options: { onlyIfEmpty?: boolean; only?: readonly string[] } = {},
) {
  // The loaders go through the services, which count on every module's start-up hooks (plan
  // status sources, the ceremony's performance sources, file owners): the first start loads the
  // demo before the app is made, and `kyniem demo` makes no app at all.
  initialiseModules(platform);
  // The demo plays the seed's 2019 story to its end on its own dates (ADR 30): the loaders run on
  // the wall clock, not on a demo date, which would refuse the story's later days as "future".
  const story: Platform = { ...platform, clock: platform.wallClock };
  const counts: Record<string, number> = {};
  for (const loader of demoLoaders) {
    if (options.only && !options.only.includes(loader.name)) continue;
    counts[loader.name] = await loader.load(story);
  }
  if (Object.values(counts).some((n) => n > 0))
    platform.logger.info('demo data loaded', { counts, onlyIfEmpty: options.onlyIfEmpty });
  return counts;
}
