import { type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/context.ts';
import { eventStream } from '../../platform/http/eventStream.ts';
import { AppError } from '../../platform/http/errors.ts';
import { apiRoute } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/platform.ts';
import { publishedCeremony } from './ceremonies.ts';
import type { CeremonyChange } from './live.ts';
import { codeParam } from './schema.ts';

/**
 * The ceremony's live channel for anyone (`public`): the `ceremony` topic narrowed to one
 * published ceremony and to what its public page shows. On the show-caller's start, next or hold,
 * and on an edit of the programme, it sends the published programme as `GET
 * /api/public/ceremonies/{code}` answers it — titles, planned times, what is on and what is next —
 * and nothing of the topic itself: no MC's lines, cues, microphones, guests or awards. When the
 * programme is withdrawn it says only that (`{ change: 'unpublished' }`).
 */
const live = apiRoute('public', {
  method: 'get',
  path: '/api/public/ceremonies/{code}/live',
  tags: ['ceremony'],
  summary: 'Chương trình trực tiếp (SSE) / The programme live (server-sent events)',
  description:
    'Streams `event: ceremony` messages `{ change, programme }` for one published ceremony: on the show-caller’s start, next and hold and on edits of the programme, the public programme with what is on now and next.',
  request: { params: codeParam },
  responses: {
    200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
  },
});

/** What the channel sends for a change: the public programme, or only that it is gone. */
export async function publicLiveMessage(platform: Platform, code: string, change: 'live' | 'programme') {
  try {
    return { change, programme: (await publishedCeremony(platform, code)).programme };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return { change: 'unpublished' as const };
    throw err;
  }
}

export function registerCeremonyPublicLive(app: OpenAPIHono<AppEnv>) {
  app.openapi(live, async (c) => {
    const platform = c.get('platform');
    const { code } = c.req.valid('param');
    const { id } = await publishedCeremony(platform, code);
    return eventStream(c, { code }, (send) => {
      // one message at a time, in the order the changes came
      let queue = Promise.resolve();
      return platform.events.subscribe('ceremony', (data) => {
        const d = data as { ceremonyId?: string; change?: CeremonyChange };
        if (d.ceremonyId !== id || (d.change !== 'live' && d.change !== 'programme')) return;
        const change = d.change;
        queue = queue
          .then(async () => send('ceremony', await publicLiveMessage(platform, code, change)))
          .catch(() => {});
      });
    }) as never;
  });
}
