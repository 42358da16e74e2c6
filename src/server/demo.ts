import type { Platform } from './platform/platform.ts';
import { organisationDemo } from './modules/organisation/demo.ts';
import { plansDemo } from './modules/plans/demo.ts';
import { reportingDemo } from './modules/reporting/demo.ts';
import { honoursDemo } from './modules/honours/demo.ts';
import { emulationDemo } from './modules/emulation/demo.ts';

/**
 * Demo data: each module that has some adds a loader here. Loaders are idempotent: they check
 * what exists and add only what is missing, so `kyniem demo` can run again safely.
 */
export type DemoLoader = { name: string; load(platform: Platform): Promise<number> };

export const demoLoaders: DemoLoader[] = [organisationDemo, plansDemo, reportingDemo, emulationDemo, honoursDemo];

export async function loadDemoData(platform: Platform, options: { onlyIfEmpty?: boolean } = {}) {
  const counts: Record<string, number> = {};
  for (const loader of demoLoaders) {
    counts[loader.name] = await loader.load(platform);
  }
  if (Object.values(counts).some((n) => n > 0))
    platform.logger.info('demo data loaded', { counts, onlyIfEmpty: options.onlyIfEmpty });
  return counts;
}
