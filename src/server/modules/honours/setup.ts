import { registerStatusSource } from '../plans/index.ts';
import { registerNominationFiles } from './nominations.ts';
import { honoursSelectionSource } from './planSource.ts';

/** What the honours module sets up at start: who may read dossier files, and the plan's "select 45" status source. */
export function registerHonours(): void {
  registerNominationFiles();
  registerStatusSource(honoursSelectionSource);
}
