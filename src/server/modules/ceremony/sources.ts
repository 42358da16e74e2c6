import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { Bilingual } from '../../platform/http/errors.ts';

/**
 * Where the ceremony's performances come from when they live in another module: the singing
 * festival offers the acts chosen for the ceremony (song, performers, unit, measured duration,
 * backing track: `festivalActs.ts`, registered in this module's `setup`). A source implements
 * `PerformanceSource` and is registered at start (`registerPerformanceSource`); the
 * organisers then pick its acts for the performance segments, and a segment keeps the reference
 * (source key and entry id) with the title, performers and duration as they were picked. A guest
 * act is entered by hand, with no source.
 */
export type CeremonyAct = {
  /** the source's key, e.g. "festival.chosen" */
  source: string;
  /** the festival entry's id */
  entryId: string;
  title: string;
  performers: string;
  unit: string;
  /** the measured duration */
  seconds: number | null;
  backingTrackFileId: string | null;
};

export interface PerformanceSource {
  key: string;
  label: Bilingual;
  /** The acts offered for a ceremony on that day (the festival's chosen acts). */
  acts(platform: { db: Kysely<Database> }, ceremony: { id: string; eventDate: string }): Promise<CeremonyAct[]>;
}

export const performanceSources: Record<string, PerformanceSource> = {};

export function registerPerformanceSource(source: PerformanceSource): void {
  performanceSources[source.key] = source;
}
