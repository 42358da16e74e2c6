import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';

/** Writes one server-sent event, its data as JSON; nothing once the reader has left, and never throws. */
export type SendEvent = (event: string, data: unknown) => Promise<void>;

const KEEP_ALIVE_MS = 15_000;

/**
 * A server-sent events answer, the one shape every live channel takes: `listen` subscribes
 * first (so that nothing between the subscription and the first message is lost) and gets
 * `send`; then `event: ready` with `ready`, a comment every 15 s so that proxies keep the
 * connection, and `listen`'s unsubscribe run as soon as the reader leaves, not at the next
 * keep-alive.
 */
export function eventStream(c: Context, ready: unknown, listen: (send: SendEvent) => () => void): Response {
  return streamSSE(c, async (stream) => {
    const send: SendEvent = async (event, data) => {
      if (stream.aborted) return;
      await stream.writeSSE({ event, data: JSON.stringify(data) }).catch(() => {});
    };
    const stop = listen(send);
    const left = new Promise<void>((resolve) => stream.onAbort(resolve));
    try {
      await stream.writeSSE({ event: 'ready', data: JSON.stringify(ready) });
      while (!stream.aborted) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([new Promise((resolve) => (timer = setTimeout(resolve, KEEP_ALIVE_MS))), left]);
        clearTimeout(timer);
        if (!stream.aborted) await stream.write(': keep-alive\n\n');
      }
    } finally {
      stop();
    }
  });
}
