import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { newId } from '../db/ids.ts';

/** Who made a change: a signed-in user, or the system itself (start-up, the command line, a job). */
export type Actor = {
  userId: string | null;
  name: string;
  requestId?: string | null;
  ip?: string | null;
};

export const systemActor = (name = 'system'): Actor => ({ userId: null, name });

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

const secretKeys = new Set(['password', 'password_hash', 'passwordHash', 'csrf_token', 'csrfToken', 'token']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        secretKeys.has(k) ? '[redacted]' : redact(v),
      ]),
    );
  }
  return value;
}

const asJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(redact(v)));

/**
 * Writes one audit row. Call it with the same transaction as the change it describes, so that
 * the change and its record commit or roll back together.
 */
export async function recordAudit(
  tx: Transaction<Database> | Kysely<Database>,
  actor: Actor,
  entry: AuditEntry,
  at: Date = new Date(),
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      id: newId(at.getTime()),
      at: at.toISOString(),
      actor_id: actor.userId,
      actor_name: actor.name,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before_json: asJson(entry.before),
      after_json: asJson(entry.after),
      request_id: actor.requestId ?? null,
      ip: actor.ip ?? null,
    })
    .execute();
}
