/**
 * The honours module's public entry (ADR 17): what other modules may use of it. The ceremony reads
 * the honourees of a decided campaign from here (and its demo finds the seed's campaign by code).
 */

export { type Category, campaignIdByCode, categoriesOf, findCampaign } from './campaigns.ts';
export { HONOURS_DEMO_CODE } from './demo.ts';
export { type Decision, decisionOf, type Honouree, honourees } from './results.ts';
export { publicRoll, publicRolls, type PublicRollSummary } from './roll.ts';
// The leader's home page (ADR 30): honours against the quota
export { honoursGlance } from './glance.ts';
