import type { Transporter } from 'nodemailer';
import type { Config } from '../config/config.ts';

/**
 * Outgoing e-mail over SMTP, when `KYNIEM_SMTP_URL` is set: one transport per configuration,
 * opened per message (no pool to keep alive between the daily reminder runs). Sending is done by
 * jobs, so a server that is down is retried with the queue's back-off.
 */
export type MailMessage = { to: string; subject: string; text: string };
export type Mailer = { send(message: MailMessage): Promise<{ messageId: string }> };

// nodemailer is loaded with the first message: most processes never send one (ADR 1).
const transports = new Map<string, Promise<Transporter>>();

function transportFor(url: string): Promise<Transporter> {
  let transport = transports.get(url);
  if (!transport) {
    transport = import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport(url, {
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      } as never),
    );
    transports.set(url, transport);
  }
  return transport;
}

export function mailerFor(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  const url = config.smtpUrl;
  if (!url) return null;
  return {
    async send(message) {
      const info = await (await transportFor(url)).sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      return { messageId: String(info.messageId) };
    },
  };
}

/** A plausible address: what Kyniem will try to send to (the SMTP server has the last word). */
export function isMailAddress(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$/.test(value.trim());
}
