import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { loadPg } from '../db/database.ts';

/**
 * One channel for live updates (scores, the running order, job wake-ups). On SQLite there is one
 * process, so an in-process emitter is the whole story; on PostgreSQL every process LISTENs and a
 * publish is a NOTIFY, so a browser connected to any process sees changes made through any other.
 * Payloads stay small (ids and counts, well under PostgreSQL's 8000-byte limit): readers fetch
 * the rest through the API.
 */
export type EventHandler = (data: unknown) => void;

/**
 * Who may receive an event about one unit's records (ADR 21). A publisher puts it under the
 * payload's `scope` key; `GET /api/events` delivers the event only to a subscriber who holds the
 * topic's permission on one of `unitIds` (the unit's ancestors' grants included) or holds one of
 * `everywhere` anywhere (e.g. `reporting.overview`), and strips the key before sending. An event
 * with no `scope` carries nothing private and goes to every subscriber of the topic.
 */
export type EventScope = { unitIds: readonly string[]; everywhere?: readonly string[] };

/** The payload's scope, when it has one. */
export function scopeOf(data: unknown): EventScope | null {
  if (data === null || typeof data !== 'object' || !('scope' in data)) return null;
  const scope = (data as { scope: unknown }).scope;
  if (scope === null || typeof scope !== 'object' || !Array.isArray((scope as EventScope).unitIds)) return null;
  return scope as EventScope;
}

/** The payload as a subscriber receives it: without its scope. */
export function withoutScope(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || !('scope' in data)) return data;
  const { scope: _scope, ...rest } = data as Record<string, unknown>;
  return rest;
}

export type EventBus = {
  publish(topic: string, data: unknown): Promise<void>;
  subscribe(topic: string, handler: EventHandler): () => void;
  close(): Promise<void>;
};

const MAX_PAYLOAD = 7500;

function encode(topic: string, data: unknown): string {
  const text = JSON.stringify({ topic, data });
  if (Buffer.byteLength(text) > MAX_PAYLOAD) throw new Error(`event payload for ${topic} is too large`);
  return text;
}

export function createMemoryEventBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(topic, data) {
      const { data: copy } = JSON.parse(encode(topic, data));
      // Deliver after the caller's current work, as NOTIFY would.
      queueMicrotask(() => emitter.emit(topic, copy));
    },
    subscribe(topic, handler) {
      emitter.on(topic, handler);
      return () => emitter.off(topic, handler);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

export async function createPostgresEventBus(url: string, schema: string): Promise<EventBus> {
  const channel = `kyniem_events_${schema}`;
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let closed = false;
  let listener: pg.Client | null = null;
  const pg = await loadPg();
  const publisher = new pg.Pool({ connectionString: url, max: 2 });
  publisher.on('error', () => {});

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      try {
        const { topic, data } = JSON.parse(msg.payload);
        emitter.emit(topic, data);
      } catch {
        // a malformed payload from outside is ignored
      }
    });
    client.on('error', () => {
      if (closed) return;
      listener = null;
      // Reconnect after a pause; missed events are the readers' to refetch.
      setTimeout(() => void connect().catch(() => {}), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    listener = client;
  };
  await connect();

  return {
    async publish(topic, data) {
      await publisher.query('select pg_notify($1, $2)', [channel, encode(topic, data)]);
    },
    subscribe(topic, handler) {
      emitter.on(topic, handler);
      return () => emitter.off(topic, handler);
    },
    async close() {
      closed = true;
      emitter.removeAllListeners();
      await listener?.end().catch(() => {});
      await publisher.end().catch(() => {});
    },
  };
}
