/**
 * The reporting module's public entry (ADR 17): what other modules may use of it. A module
 * imports reporting only from here.
 */

export type { Indicator, Template } from './model.ts';
export { campaignId } from './periods.ts';
export { findTemplate, findTemplateByCode, getTemplate } from './templates.ts';
export { indicatorIdsByCode } from './indicators.ts';
// The totals of a template's indicators for some units (the emulation drive's ranking)
export { totalsForUnits } from './rollup.ts';
// The seed's templates, by code, for other modules' demo data
export { DRIVE_CODE, MONTHLY_CODE } from './demo.ts';
export { indicatorOut } from './schema.ts';
// The leader's home page (ADR 30): this period's completeness
export { reportingGlance } from './glance.ts';
