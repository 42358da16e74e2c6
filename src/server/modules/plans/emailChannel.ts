import type { Platform } from '../../platform/platform.ts';
import { appUrl } from '../../../common/appPaths.ts';
import { isMailAddress, mailerFor } from '../../platform/mail/mailer.ts';
import { mailContactOfUser } from '../organisation/index.ts';
import type { NotificationChannel } from './reminders.ts';

/**
 * Reminders by e-mail, when SMTP is configured (`KYNIEM_SMTP_URL`): each new notification becomes
 * one job (dedupe key: the notification), which writes to the person behind the account at the
 * e-mail address the registry holds, in the account's language. A server that refuses or is
 * down fails the job, and the queue retries it with back-off; an account without an address is
 * skipped (the notification is still in the app).
 */
export const EMAIL_JOB = 'notifications.email';

export const emailChannel: NotificationChannel = {
  name: 'email',
  async send(platform, message) {
    if (!platform.config.smtpUrl) return;
    await platform.jobs.enqueue(
      EMAIL_JOB,
      { dedupeKey: message.dedupeKey },
      { dedupeKey: `${EMAIL_JOB}:${message.dedupeKey}`, maxAttempts: 6 },
    );
  },
};

export async function sendNotificationEmail(
  platform: Platform,
  dedupeKey: string,
): Promise<'sent' | 'no_address' | 'gone'> {
  const mailer = mailerFor(platform.config);
  const n = await platform.db
    .selectFrom('notifications')
    .selectAll()
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirst();
  if (!mailer || !n) return 'gone';
  const contact = await mailContactOfUser(platform, n.user_id);
  if (!contact) return 'gone';
  if (!isMailAddress(contact.email)) return 'no_address';
  const en = contact.locale === 'en';
  const link = `${platform.config.publicUrl}${appUrl(n.link ?? '/')}`;
  const text = en
    ? [
        `Dear ${contact.name},`,
        '',
        n.body_en,
        '',
        `Open it in Kyniem: ${link}`,
        '',
        '—',
        'Kyniem sent this automatically; please do not reply. You also see it under Notifications in the app.',
      ].join('\n')
    : [
        `Kính gửi đồng chí ${contact.name},`,
        '',
        n.body_vi,
        '',
        `Xem trên Kyniem: ${link}`,
        '',
        '—',
        'Thư gửi tự động từ Kyniem, xin đừng trả lời thư này. Thông báo cũng có trong mục Thông báo của ứng dụng.',
      ].join('\n');
  await mailer.send({ to: contact.email.trim(), subject: `[Kyniem] ${en ? n.title_en : n.title_vi}`, text });
  return 'sent';
}
