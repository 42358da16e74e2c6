/**
 * The honours module's public entry (ADR 17): what other modules may use of it. No module uses
 * honours today; a coming one (the ceremony) reads the honourees of a decided campaign from here.
 */

export { type Category, categoriesOf, findCampaign } from './campaigns.ts';
export { type Decision, decisionOf, type Honouree, honourees } from './results.ts';
