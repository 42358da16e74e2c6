import type { Db } from '../../platform/db/database.ts';
import type { JsonValue } from '../../platform/http/jsonValue.ts';
import { displayNames } from '../../platform/auth/users.ts';

export type AuditQuery = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  before?: string;
  limit: number;
};

/** A stored snapshot: JSON text that the change wrote, so JSON again. */
const parse = (json: string | null): JsonValue => (json === null ? null : (JSON.parse(json) as JsonValue));

/** One page of the audit log, newest first, filtered; keyset paging on the time-ordered id. */
export async function browseAudit(db: Db, q: AuditQuery) {
  let query = db.selectFrom('audit_log').selectAll();
  if (q.actor) query = query.where('actor_name', '=', q.actor.toLowerCase());
  if (q.action) query = query.where('action', '=', q.action);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.from) query = query.where('at', '>=', `${q.from}T00:00:00.000Z`);
  if (q.to) query = query.where('at', '<=', `${q.to}T23:59:59.999Z`);
  if (q.before) query = query.where('id', '<', q.before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  const names = await displayNames(
    db,
    page.map((r) => r.actor_id),
  );
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorDisplayName: (r.actor_id && names.get(r.actor_id)) || r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: parse(r.before_json),
      after: parse(r.after_json),
      requestId: r.request_id,
      ip: r.ip,
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1].id : null,
  };
}
