/**
 * The accounts module's public entry (ADR 17): what other modules may use of it. A module
 * imports accounts only from here (none does today: a module reads a user's name or roles
 * through the platform's `auth/users.ts`).
 */

export { getAccount } from './service.ts';
