import { afterEach, describe, expect, it } from 'vitest';
import { describeEachDatabase, postgresUrl } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { createMemoryEventBus, createPostgresEventBus, type EventBus } from './events.ts';

/** Collects what a topic delivers; `next(n)` waits until n messages have come. */
function collector(bus: EventBus, topic: string) {
  const got: unknown[] = [];
  const off = bus.subscribe(topic, (d) => got.push(d));
  return {
    got,
    off,
    async next(n: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (got.length < n) {
        if (Date.now() > deadline) throw new Error(`only ${got.length} of ${n} events on ${topic}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return got;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 100));

describe('memory event bus', () => {
  it('delivers a copy of what is published to the topic’s subscribers only', async () => {
    const bus = createMemoryEventBus();
    const scores = collector(bus, 'scores');
    const other = collector(bus, 'running-order');
    const data = { match: 7, score: [21, 19] };
    await bus.publish('scores', data);
    data.score.push(99);
    expect(await scores.next(1)).toEqual([{ match: 7, score: [21, 19] }]);
    await settle();
    expect(other.got).toEqual([]);
    await bus.close();
  });

  it('stops delivering after unsubscribe and after close', async () => {
    const bus = createMemoryEventBus();
    const c = collector(bus, 't');
    await bus.publish('t', 1);
    await c.next(1);
    c.off();
    await bus.publish('t', 2);
    const d = collector(bus, 't');
    await bus.close();
    await bus.publish('t', 3);
    await settle();
    expect(c.got).toEqual([1]);
    expect(d.got).toEqual([]);
  });

  it('refuses a payload too large for NOTIFY, on every bus alike', async () => {
    const bus = createMemoryEventBus();
    await expect(bus.publish('t', { blob: 'x'.repeat(8000) })).rejects.toThrow(/too large/);
    await bus.close();
  });
});

describeEachDatabase('event bus of the platform', (kind) => {
  const env = useTestEnv(kind);
  const opened: EventBus[] = [];
  afterEach(async () => {
    for (const b of opened.splice(0)) await b.close();
  });

  it('delivers published events to subscribers in the same process', async () => {
    const bus = env().platform.events;
    const c = collector(bus, 'accounts');
    await bus.publish('accounts', { id: 'a', change: 'created' });
    await bus.publish('accounts', { id: 'b', change: 'updated' });
    expect(await c.next(2)).toEqual([
      { id: 'a', change: 'created' },
      { id: 'b', change: 'updated' },
    ]);
    c.off();
  });

  if (kind === 'postgres') {
    it('carries an event published on one connection to a bus on another (another process)', async () => {
      const schema = env().platform.database.postgres!.schema;
      const a = await createPostgresEventBus(postgresUrl, schema);
      const b = await createPostgresEventBus(postgresUrl, schema);
      const elsewhere = await createPostgresEventBus(postgresUrl, `${schema}_other`);
      opened.push(a, b, elsewhere);
      const onB = collector(b, 'scores');
      const onA = collector(a, 'scores');
      const onOtherSchema = collector(elsewhere, 'scores');
      const onOtherTopic = collector(b, 'ceremony');

      await a.publish('scores', { match: 1, text: 'Cầu lông — Đôi nam' });
      await b.publish('scores', { match: 2 });
      expect(await onB.next(2)).toEqual([{ match: 1, text: 'Cầu lông — Đôi nam' }, { match: 2 }]);
      expect(await onA.next(2)).toEqual([{ match: 1, text: 'Cầu lông — Đôi nam' }, { match: 2 }]);
      await settle();
      // Another database schema is another deployment: it hears nothing.
      expect(onOtherSchema.got).toEqual([]);
      expect(onOtherTopic.got).toEqual([]);

      // The platform's own bus is one more listener on the same channel.
      const onPlatform = collector(env().platform.events, 'scores');
      await a.publish('scores', { match: 3 });
      expect(await onPlatform.next(1)).toEqual([{ match: 3 }]);
      onPlatform.off();
    });
  }
});
