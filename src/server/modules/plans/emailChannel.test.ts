import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { SEED_DEMO_KEY } from './demo.ts';
import { EMAIL_JOB } from './emailChannel.ts';
import { PLAN_JOB } from './reminders.ts';

type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server on loopback that keeps what it receives, and can be told to refuse mail. */
function startSmtp() {
  const received: Received[] = [];
  const state = { refuse: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuse) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 451 }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  return new Promise<{ port: number; received: Received[]; state: typeof state; close: () => Promise<void> }>(
    (resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const port = (server.server.address() as AddressInfo).port;
        resolve({ port, received, state, close: () => new Promise((r) => server.close(() => r())) });
      });
    },
  );
}

/** Decodes the message body the way a mail client would (nodemailer writes quoted-printable or base64 for Vietnamese). */
function bodyOf(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function subjectOf(raw: string): string {
  const line = raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m)?.[1] ?? '';
  return line.replace(/\r?\n[ \t]/g, ' ').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc, text) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_x: string, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

/** E-mail reminders over a real SMTP conversation on loopback, through the job queue. */
describeEachDatabase('plans reminders by e-mail', (kind) => {
  let port = 0;
  // The seed's demo from the shared template (loaded once per run, not again here: 50–80 s a database).
  const env = useTestEnv(
    kind,
    {
      mailFrom: 'Kyniem Đảng ủy Khối <kyniem@dukdn.thaibinh.vn>',
      publicUrl: 'https://kyniem.example.vn',
    },
    { demo: 'all' },
  );
  let planId = '';
  let secretary = { id: '', username: '' };
  let unaddressed = { id: '' };
  let personId = '';

  it('sets up the seed with a grassroots secretary whose person has an address, and one without', async () => {
    const { platform } = env();
    port = smtp.port;
    (platform.config as { smtpUrl?: string }).smtpUrl = `smtp://127.0.0.1:${port}`;
    planId = (
      await platform.db.selectFrom('plans').select('id').where('demo_key', '=', SEED_DEMO_KEY).executeTakeFirstOrThrow()
    ).id;
    const cs02 = (
      await platform.db.selectFrom('units').select('id').where('code', '=', 'CS02').executeTakeFirstOrThrow()
    ).id;
    const cs05 = (
      await platform.db.selectFrom('units').select('id').where('code', '=', 'CS05').executeTakeFirstOrThrow()
    ).id;
    secretary = await buildUser(platform, {
      displayName: 'Bí thư CS02',
      grants: [{ role: 'unit_officer', unitId: cs02 }],
    });
    unaddressed = await buildUser(platform, { grants: [{ role: 'unit_officer', unitId: cs05 }] });
    const person = await platform.db
      .selectFrom('people')
      .select('id')
      .where('party_unit_id', '=', cs02)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    personId = person.id;
    await platform.db
      .updateTable('people')
      .set({ email: 'bithu.cs02@maykienxuong.vn' })
      .where('id', '=', person.id)
      .execute();
    await platform.db.updateTable('users').set({ person_id: person.id }).where('id', '=', secretary.id).execute();
  }, 120_000);

  it('sends one e-mail per new reminder, in Vietnamese, with a link to the activity; none to an account without an address', async () => {
    const { platform, clock } = env();
    smtp.received.length = 0;
    clock.set(new Date('2019-08-28T01:00:00Z')); // A3 and A26, led by CS02, are due on 30/8
    await platform.jobs.enqueue(PLAN_JOB, { planId }, { dedupeKey: `mail-test-1:${kind}` });
    await platform.jobs.runDue();
    await platform.jobs.runDue(); // the e-mail jobs the reminders enqueued
    const mine = smtp.received.filter((m) => m.to.includes('bithu.cs02@maykienxuong.vn'));
    // every account of that person is written to (the demo account demo.coso may be one)
    const notes = await platform.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['n.title_vi', 'n.link'])
      .where('u.person_id', '=', personId)
      .execute();
    expect(notes.length).toBeGreaterThanOrEqual(
      (await platform.db.selectFrom('notifications').select('id').where('user_id', '=', secretary.id).execute()).length,
    );
    expect(notes.length).toBeGreaterThan(0);
    expect(mine.length).toBe(notes.length);
    expect(smtp.received.length).toBe(mine.length); // the CS05 account has no address: nothing sent for it
    expect(
      await platform.db.selectFrom('notifications').select('id').where('user_id', '=', unaddressed.id).execute(),
    ).not.toHaveLength(0);
    const first = mine[0];
    expect(first.from).toBe('kyniem@dukdn.thaibinh.vn');
    expect(notes.map((n) => `[Kyniem] ${n.title_vi}`)).toContain(subjectOf(first.raw));
    const body = bodyOf(first.raw);
    expect(body).toMatch(/^Kính gửi đồng chí /);
    expect(body).toMatch(/https:\/\/kyniem\.example\.vn\/app\/plans\/[0-9a-f-]+/);
    // once only: running the reminders again the same day sends nothing more
    await platform.jobs.enqueue(PLAN_JOB, { planId }, { dedupeKey: `mail-test-2:${kind}` });
    await platform.jobs.runDue();
    await platform.jobs.runDue();
    expect(smtp.received.length).toBe(mine.length);
  });

  it('retries through the job queue when the mail server refuses, and delivers once it accepts', async () => {
    const { platform, clock } = env();
    smtp.received.length = 0;
    smtp.state.refuse = true;
    // e-mails the demo data queued on real time (not due on this test's 2019 clock) are not this test's
    const earlier = (await platform.db.selectFrom('jobs').select('id').where('type', '=', EMAIL_JOB).execute()).map(
      (j) => j.id,
    );
    clock.set(new Date('2019-09-02T01:00:00Z')); // overdue now: new reminders
    await platform.jobs.enqueue(PLAN_JOB, { planId }, { dedupeKey: `mail-test-3:${kind}` });
    await platform.jobs.runDue();
    await platform.jobs.runDue();
    const notEarlier = earlier.length ? earlier : [''];
    const waiting = await platform.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('type', '=', EMAIL_JOB)
      .where('status', '!=', 'done')
      .where('id', 'not in', notEarlier)
      .execute();
    expect(waiting.length).toBeGreaterThan(0);
    expect(smtp.received).toHaveLength(0);
    smtp.state.refuse = false;
    clock.advance(3600_000); // past the back-off
    await platform.jobs.runDue();
    expect(smtp.received.length).toBe(waiting.length);
    const left = await platform.db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', EMAIL_JOB)
      .where('status', '!=', 'done')
      .where('id', 'not in', notEarlier)
      .execute();
    expect(left).toHaveLength(0);
  });
});
