/**
 * The plans module's public entry (ADR 17): what other modules may use of it. A module imports
 * plans only from here.
 */

// Status of a plan's activity decided by another module's data (reporting, honours, …)
export {
  type ActivityStatusSource,
  registerStatusSource,
  type SourceActivity,
  type SourceAnswer,
  type SourcePlan,
} from './sources.ts';
// In-app notifications (and the channels that carry them further)
export {
  type NotificationChannel,
  type NotificationMessage,
  notify,
  registerNotificationChannel,
} from './reminders.ts';
// Unit names as documents write them → units of the registry (the plan import's matching; the office's "Nơi nhận")
export { matchUnits, type RegistryUnit, type UnitMatch } from './import/match.ts';
// Activities made by another module's work (an incoming document's assignment), read back for their status
export { activityRefs, addActivity, getActivity, topLevelActivityRefs } from './activities.ts';
export { activityInput, type ActivityInput } from './schema.ts';
// Issuing a plan: its number from the office's register
export { activityIdsByRef, demoPlanId, issuePlan } from './issue.ts';
// The plan as its official .docx (the office's demo attaches it to the register entry as its public file)
export { planDocx } from './documents.ts';
export { SEED_DEMO_KEY } from './demo.ts';
export {
  type PublicPlanSummary,
  type PublicPlanTimeline,
  planSlug,
  publicPlans,
  publicPlanTimeline,
} from './publicTimeline.ts';
// The leader's home page (ADR 30): the plan at a glance
export { planGlance } from './glance.ts';
// A plan's activities in brief, for modules that hang records off them (the budget's estimates)
export { type PlanBrief, planBrief, planOfActivity } from './brief.ts';
