import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { newToken, SESSION_COOKIE, sessionTokenIn } from './sessions.ts';

/** What Hono's own cookie parser reads from the same header (the reader it replaces on the hot path). */
async function honoReads(header: string | undefined): Promise<string | undefined> {
  const app = new Hono();
  let read: string | undefined;
  app.get('/', (c) => {
    read = getCookie(c, SESSION_COOKIE);
    return c.body(null, 204);
  });
  await app.request('/', { headers: header === undefined ? {} : { cookie: header } });
  return read;
}

describe('the session cookie read from a Cookie header', () => {
  const token = newToken();
  const other = newToken();
  const headers: (string | undefined)[] = [
    undefined,
    '',
    `${SESSION_COOKIE}=${token}`,
    `theme=dark; ${SESSION_COOKIE}=${token}; lang=vi`,
    `theme=dark;${SESSION_COOKIE}=${token}`,
    `theme=dark;  \t${SESSION_COOKIE}=${token}  `,
    `${SESSION_COOKIE}="${token}"`,
    `${SESSION_COOKIE}=${token}; ${SESSION_COOKIE}=${other}`,
    `x_${SESSION_COOKIE}=${other}; ${SESSION_COOKIE}=${token}`,
    `x_${SESSION_COOKIE}=${other}`,
    `a=${SESSION_COOKIE}=${other}; ${SESSION_COOKIE}=${token}`,
    `${SESSION_COOKIE}=${token.slice(0, 10)}%2D${token.slice(13)}`,
    `${SESSION_COOKIE}=`,
    `${SESSION_COOKIE}`,
    'theme=dark',
  ];

  it('reads what Hono getCookie reads, for every header here', async () => {
    for (const header of headers) expect(sessionTokenIn(header), String(header)).toBe(await honoReads(header));
  });

  it('takes the cookie of that name only, not one whose name ends with it or a value that holds it', () => {
    expect(sessionTokenIn(`x_${SESSION_COOKIE}=${other}; ${SESSION_COOKIE}=${token}`)).toBe(token);
    expect(sessionTokenIn(`a=${SESSION_COOKIE}=${other}`)).toBeUndefined();
  });
});
