import path from 'node:path';
import { z } from 'zod';
import { isIsoDate } from '../../../common/dates.ts';

/**
 * Everything the process reads from its environment, checked once at start.
 * A wrong value stops the process with a message naming the variable.
 */
const flag = (fallback: boolean) =>
  z
    .enum(['0', '1', 'true', 'false', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['1', 'true', 'yes'].includes(v)));

const wholeNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `a whole number from ${min} to ${max}` })
    .optional()
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `at least ${min}` })
        .max(max, { message: `at most ${max}` }),
    );

const envSchema = z.object({
  PORT: wholeNumber(0, 65535, 3000),
  HOST: z.string().min(1).optional().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).optional().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, { message: 'a PostgreSQL URL such as postgres://user@host:5432/db' })
    .optional(),
  KYNIEM_ADMIN_PASSWORD: z.string().min(8, { message: 'at least 8 characters' }).max(200).optional(),
  KYNIEM_DEMO: flag(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional().default('info'),
  /** Minutes without a request after which a session ends. */
  SESSION_IDLE_MINUTES: wholeNumber(1, 60 * 24 * 30, 8 * 60),
  /** Hours after sign-in after which a session ends whatever happens. */
  SESSION_MAX_HOURS: wholeNumber(1, 24 * 90, 7 * 24),
  /** Behind a reverse proxy: trust X-Forwarded-For / X-Forwarded-Proto. */
  TRUST_PROXY: flag(false),
  /** log2 of the scrypt cost for new password hashes (tests lower it). */
  KYNIEM_PASSWORD_COST: wholeNumber(10, 20, 15),
  /** Run the job worker in this process. */
  KYNIEM_JOBS: flag(true),
  /** Where e-mail goes out: smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465. Unset: no e-mail. */
  KYNIEM_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+(\/.*)?$/, {
      message: 'an SMTP URL such as smtp://user:password@mail.example.vn:587 or smtps://…:465',
    })
    .optional(),
  /** The sender of Kyniem's e-mail. */
  KYNIEM_MAIL_FROM: z
    .string()
    .regex(/^[^<>]*<[^@\s<>]+@[^@\s<>]+>$|^[^@\s<>]+@[^@\s<>]+$/, {
      message: 'an address such as "Kyniem <kyniem@example.vn>" or kyniem@example.vn',
    })
    .optional()
    .default('Kyniem <kyniem@localhost>'),
  /** The address people open Kyniem at, for links in e-mail (e.g. https://kyniem.example.vn). */
  KYNIEM_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, { message: 'an http(s) URL such as https://kyniem.example.vn' })
    .optional(),
  /**
   * Run the system as of this day (YYYY-MM-DD): its clock starts there and runs on, the time of day
   * kept, so a demo shows the plan half done (ADR 30). Unset: the real day.
   */
  /** The hour of the Việt Nam day (0–23) at which the daily reminders go out: 7, in the morning. */
  KYNIEM_REMINDER_HOUR: z.coerce
    .number({ message: 'an hour from 0 to 23' })
    .int({ message: 'an hour from 0 to 23' })
    .min(0, { message: 'an hour from 0 to 23' })
    .max(23, { message: 'an hour from 0 to 23' })
    .optional()
    .default(7),
  KYNIEM_DEMO_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date YYYY-MM-DD such as 2019-07-20' })
    .refine((v) => isIsoDate(v), { message: 'a real calendar date YYYY-MM-DD such as 2019-07-20' })
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  trustProxy: boolean;
  passwordCost: number;
  runJobs: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Without a trailing slash; defaults to http://localhost:PORT. */
  publicUrl: string;
  /** The day the system's clock starts from (KYNIEM_DEMO_DATE), or undefined for the real day. */
  demoDate: string | undefined;
  /** The hour of the Việt Nam day at which the daily reminders go out (KYNIEM_REMINDER_HOUR, 7). */
  reminderHour: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as "not set", the way shells and .env files usually mean them.
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((k) => [k, env[k]])
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        const got = present[name];
        return `${name}: ${issue.message} (nhận được / got ${JSON.stringify(got)})`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.KYNIEM_ADMIN_PASSWORD,
    demo: e.KYNIEM_DEMO,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    trustProxy: e.TRUST_PROXY,
    passwordCost: e.KYNIEM_PASSWORD_COST,
    runJobs: e.KYNIEM_JOBS,
    smtpUrl: e.KYNIEM_SMTP_URL,
    mailFrom: e.KYNIEM_MAIL_FROM,
    publicUrl: (e.KYNIEM_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    demoDate: e.KYNIEM_DEMO_DATE,
    reminderHour: e.KYNIEM_REMINDER_HOUR,
  };
}
