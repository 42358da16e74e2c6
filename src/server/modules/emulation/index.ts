/**
 * The emulation module's public entry (ADR 17): what other modules may use of it. A module
 * imports emulation only from here.
 */

export { findDrive, getDrive, listDrives } from './drives.ts';
// A unit's results in the drives (the honours' eligibility checks)
export { unitResults } from './results.ts';
export { unitResultsOut } from './schema.ts';
// The leader's home page (ADR 30): the drive's participation
export { emulationGlance } from './glance.ts';
