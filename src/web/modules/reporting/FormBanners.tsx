import { Alert, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconEye, IconLock, IconLockOpen, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format.ts';
import type { ReportForm } from './api.ts';

/**
 * Why a report cannot be edited now (approved, awaiting approval, the period locked), why it was
 * returned, until when it was reopened — in words, above the form.
 */
export function FormBanners({ form }: { form: ReportForm }) {
  const { t, i18n } = useTranslation();
  const s = form.submission;
  const lockedText = form.locked ? (i18n.language === 'en' ? form.locked.messages.en : form.locked.messages.vi) : null;
  const lockIcon =
    form.locked?.code === 'REPORT_APPROVED' ? (
      <IconCircleCheck size={18} />
    ) : form.locked?.code === 'REPORT_SUBMITTED' ? (
      <IconSend size={18} />
    ) : (
      <IconLock size={18} />
    );
  const lockColor =
    form.locked?.code === 'REPORT_APPROVED' ? 'green' : form.locked?.code === 'REPORT_SUBMITTED' ? 'blue' : 'gray';
  const reopened = s?.reopenedUntil && s.reopenedUntil >= form.deadlines.today;
  const viewOnly = !form.locked && form.expected && !form.may.edit;
  if (!lockedText && s?.status !== 'returned' && !reopened && form.expected && !viewOnly) return null;
  return (
    <Stack gap="sm" mb="md">
      {lockedText ? (
        <Alert
          color={lockColor}
          variant="light"
          icon={lockIcon}
          title={t(
            `reporting.banner.${form.locked!.code === 'REPORT_APPROVED' ? 'approved' : form.locked!.code === 'REPORT_SUBMITTED' ? 'submitted' : 'locked'}`,
          )}
          data-testid="locked-banner"
          data-code={form.locked!.code}
        >
          <Text size="sm">{lockedText}</Text>
          {s?.submittedAt ? (
            <Text size="xs" c="dimmed" mt={4}>
              {t(s.timeliness === 'late' ? 'reporting.banner.sentLate' : 'reporting.banner.sentOnTime', {
                at: formatDateTime(s.submittedAt),
              })}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {s?.status === 'returned' ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconArrowBackUp size={18} />}
          title={t('reporting.banner.returned')}
          data-testid="returned-banner"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="return-reason">
            {s.returnReason}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('reporting.banner.returnedHint')}
          </Text>
        </Alert>
      ) : null}
      {reopened ? (
        <Alert
          color="teal"
          variant="light"
          icon={<IconLockOpen size={18} />}
          title={t('reporting.banner.reopened', { date: formatDate(s!.reopenedUntil) })}
          data-testid="reopened-banner"
        >
          {s!.returnReason ? <Text size="sm">{s!.returnReason}</Text> : null}
        </Alert>
      ) : null}
      {!form.expected ? (
        <Alert color="gray" variant="light" icon={<IconEye size={18} />} data-testid="not-expected-banner">
          {t('reporting.banner.notExpected')}
        </Alert>
      ) : viewOnly ? (
        <Alert color="gray" variant="light" icon={<IconEye size={18} />} data-testid="view-only-banner">
          {t('reporting.banner.viewOnly')}
        </Alert>
      ) : null}
    </Stack>
  );
}
