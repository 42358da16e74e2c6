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
