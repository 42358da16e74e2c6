import type { Actor } from '../audit/record.ts';
import { systemActor } from '../audit/record.ts';
import { actorOf, type AppContext, principalOf } from '../http/context.ts';
import type { Grant } from './policy.ts';

/**
 * Who is asking a module's service: the actor the audit log names, and the roles that decide what
 * they may touch. Every module takes one; it lives here, not in a module, so that no module
 * imports another for it (ADR 17).
 */
export type Caller = { actor: Actor; grants: readonly Grant[] };

/** The system acting with every permission (start-up, demo data, jobs, the command line). */
export const systemCaller = (name = 'system'): Caller => ({
  actor: systemActor(name),
  grants: [{ role: 'system_admin', unitId: null }],
});

/** The caller of a signed-in route. */
export const callerOf = (c: AppContext): Caller => ({ actor: actorOf(c), grants: principalOf(c).grants });
