import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** The problems loadConfig reports for an environment, or null when it is accepted. */
function problems(env: NodeJS.ProcessEnv): string[] | null {
  try {
    loadConfig(env);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
}

describe('configuration', () => {
  it('has working defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      demo: true,
      logLevel: 'info',
      trustProxy: false,
      passwordCost: 15,
      runJobs: true,
      reminderHour: 7,
    });
    expect(loadConfig({ KYNIEM_REMINDER_HOUR: '0' }).reminderHour).toBe(0);
    expect(() => loadConfig({ KYNIEM_REMINDER_HOUR: '24' })).toThrow(/KYNIEM_REMINDER_HOUR: an hour from 0 to 23/);
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.sessionIdleMinutes).toBeGreaterThan(0);
    expect(c.sessionMaxHours).toBeGreaterThan(0);
  });

  it('reads the e-mail settings, and refuses addresses that are not', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'Kyniem <kyniem@localhost>',
      publicUrl: 'http://localhost:3000',
    });
    const c = loadConfig({
      KYNIEM_SMTP_URL: 'smtps://kyniem:secret@mail.thaibinh.gov.vn:465',
      KYNIEM_MAIL_FROM: 'Đảng ủy Khối <kyniem@thaibinh.gov.vn>',
      KYNIEM_PUBLIC_URL: 'https://kyniem.thaibinh.gov.vn/',
    });
    expect(c).toMatchObject({
      smtpUrl: 'smtps://kyniem:secret@mail.thaibinh.gov.vn:465',
      mailFrom: 'Đảng ủy Khối <kyniem@thaibinh.gov.vn>',
      publicUrl: 'https://kyniem.thaibinh.gov.vn',
    });
    expect(problems({ KYNIEM_SMTP_URL: 'mail.thaibinh.gov.vn' })?.[0]).toMatch(/^KYNIEM_SMTP_URL: an SMTP URL/);
    expect(problems({ KYNIEM_MAIL_FROM: 'Kyniem' })?.[0]).toMatch(/^KYNIEM_MAIL_FROM: /);
    expect(problems({ KYNIEM_PUBLIC_URL: 'kyniem.vn' })?.[0]).toMatch(/^KYNIEM_PUBLIC_URL: /);
  });

  it('reads good values', () => {
    const c = loadConfig({
      PORT: '0',
      DATABASE_URL: 'postgresql://kyniem@db:5432/kyniem',
      KYNIEM_DEMO: 'no',
      TRUST_PROXY: 'true',
      KYNIEM_PASSWORD_COST: '10',
      DATA_DIR: '/var/lib/kyniem',
      LOG_LEVEL: 'silent',
    });
    expect(c).toMatchObject({
      port: 0,
      databaseUrl: 'postgresql://kyniem@db:5432/kyniem',
      demo: false,
      trustProxy: true,
      passwordCost: 10,
      dataDir: '/var/lib/kyniem',
      logLevel: 'silent',
    });
    expect(loadConfig({ KYNIEM_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ KYNIEM_DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it('treats an empty value as not set', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', KYNIEM_DEMO: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      demo: true,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '-1'],
    ['PORT', '65536'],
    ['PORT', '80.5'],
    ['PORT', ' 3000'],
    ['DATABASE_URL', 'mysql://root@localhost/kyniem'],
    ['DATABASE_URL', 'localhost:5432'],
    ['DATABASE_URL', 'postgres://'],
    ['KYNIEM_DEMO', 'maybe'],
    ['KYNIEM_DEMO', 'TRUE '],
    ['LOG_LEVEL', 'verbose'],
    ['KYNIEM_PASSWORD_COST', '9'],
    ['KYNIEM_PASSWORD_COST', '21'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['KYNIEM_ADMIN_PASSWORD', 'short'],
  ])('refuses %s=%j with a ConfigError naming the variable', (name, value) => {
    const found = problems({ [name]: value });
    expect(found).not.toBeNull();
    expect(found!.length).toBe(1);
    expect(found![0].startsWith(`${name}:`)).toBe(true);
    expect(found![0]).toContain(JSON.stringify(value));
    let message = '';
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain(name);
    expect(message).toMatch(/Invalid configuration/);
  });

  it('reports every wrong variable at once', () => {
    const found = problems({ PORT: 'http', DATABASE_URL: 'sqlite:x.db', KYNIEM_DEMO: 'perhaps' })!;
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'KYNIEM_DEMO', 'PORT']);
  });
});
