import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { anonymous } from '../../../../test/support/client.ts';
import { ACCOUNT_CEILING, ADDRESS_CEILING, PAIR_FREE_ATTEMPTS } from './throttle.ts';

/**
 * Sign-in limits under concurrency (ADR 3): attempts are counted before the password hash, so of
 * fifty sent at once only the limit's worth are ever checked — counted at the hash itself — and an
 * office's shared address is not locked for those who sign in there as usual.
 */
describeEachDatabase('sign-in limits under concurrency', (kind) => {
  const env = useTestEnv(kind);

  /** Counts the real password checks (scrypt) made while `work` runs. */
  async function countingChecks<T>(work: () => Promise<T>): Promise<{ result: T; checks: number }> {
    const platform = env().platform;
    const real = platform.passwords;
    let checks = 0;
    platform.passwords = {
      ...real,
      verify: (password, stored) => {
        checks++;
        return real.verify(password, stored);
      },
    };
    try {
      return { result: await work(), checks };
    } finally {
      platform.passwords = real;
    }
  }
  const login = (ip: string, username: string, password: string) =>
    anonymous(env().app, ip).post('/api/auth/login', { username, password });

  it(`50 wrong passwords at once on one account from one address: ${PAIR_FREE_ATTEMPTS} are checked, the rest get 429`, async () => {
    const user = await buildUser(env().platform);
    const { result, checks } = await countingChecks(() =>
      Promise.all(Array.from({ length: 50 }, (_, i) => login('192.0.2.50', user.username, `guess-${i}`))),
    );
    const statuses = result.map((r) => r.status);
    console.log(`sign-in [${kind}]: 50 concurrent wrong attempts, one address → ${checks} password checks`);
    expect(checks).toBe(PAIR_FREE_ATTEMPTS);
    expect(statuses.filter((s) => s === 401)).toHaveLength(PAIR_FREE_ATTEMPTS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - PAIR_FREE_ATTEMPTS);
    const limited = result.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_ATTEMPTS');
    const pair = await env()
      .platform.db.selectFrom('login_throttle')
      .select('failures')
      .where('key', '=', `pair:${user.username}|192.0.2.50`)
      .executeTakeFirstOrThrow();
    expect(Number(pair.failures)).toBe(PAIR_FREE_ATTEMPTS);
  });

  it(`50 wrong passwords at once on one account from 50 addresses: at most ${ACCOUNT_CEILING} are checked; its owner still signs in at their desk`, async () => {
    const user = await buildUser(env().platform);
    expect((await login('198.51.100.1', user.username, user.password)).status).toBe(200); // the owner's desk, known from now on
    const { result, checks } = await countingChecks(() =>
      Promise.all(Array.from({ length: 50 }, (_, i) => login(`203.0.113.${i + 1}`, user.username, `guess-${i}`))),
    );
    console.log(`sign-in [${kind}]: 50 concurrent wrong attempts, 50 addresses → ${checks} password checks`);
    expect(checks).toBe(ACCOUNT_CEILING);
    expect(result.filter((r) => r.status === 429)).toHaveLength(50 - ACCOUNT_CEILING);
    expect((await login('203.0.113.99', user.username, user.password)).status).toBe(429); // a new place waits
    expect((await login('198.51.100.1', user.username, user.password)).status).toBe(200); // the desk does not
  });

  it('the pair waits longer and longer: 1 minute, then 2, and a success starts afresh', async () => {
    const user = await buildUser(env().platform);
    const ip = '192.0.2.60';
    for (let i = 0; i < PAIR_FREE_ATTEMPTS; i++) expect((await login(ip, user.username, `g${i}`)).status).toBe(401);
    const first = await login(ip, user.username, user.password);
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '60']);
    env().clock.advance(61_000);
    expect((await login(ip, user.username, 'still-wrong')).status).toBe(401);
    expect((await login(ip, user.username, user.password)).headers.get('retry-after')).toBe('120');
    env().clock.advance(121_000);
    expect((await login(ip, user.username, user.password)).status).toBe(200);
    expect((await login(ip, user.username, 'a slip')).status).toBe(401); // afresh: no wait
  });

  it('one person behind an office address trying many accounts does not lock the office out', async () => {
    const office = '100.64.0.1';
    const colleague = await buildUser(env().platform);
    expect((await login(office, colleague.username, colleague.password)).status).toBe(200); // signs in there daily
    const newcomer = await buildUser(env().platform);
    const victims = await Promise.all(Array.from({ length: 25 }, () => buildUser(env().platform)));
    const { checks } = await countingChecks(async () => {
      for (let round = 0; round < 5; round++)
        await Promise.all(victims.map((v, i) => login(office, v.username, `guess-${round}-${i}`)));
    });
    expect(checks).toBe(ADDRESS_CEILING); // 125 tried, the address's ceiling checked
    expect((await login(office, colleague.username, colleague.password)).status).toBe(200);
    // Someone who never signed in there waits for the window (the price of the ceiling), from elsewhere not at all.
    expect((await login(office, newcomer.username, newcomer.password)).status).toBe(429);
    expect((await login('100.64.0.2', newcomer.username, newcomer.password)).status).toBe(200);
    env().clock.advance(15 * 60_000 + 1000);
    expect((await login(office, newcomer.username, newcomer.password)).status).toBe(200);
  });
});
