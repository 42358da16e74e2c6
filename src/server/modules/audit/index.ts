/**
 * The audit module's public entry (ADR 17): reading the audit trail. Modules write it through
 * the platform's `recordAudit`, never through this module.
 */

export { type AuditQuery, browseAudit } from './service.ts';
