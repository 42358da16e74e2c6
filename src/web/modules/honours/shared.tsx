import { Badge, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';
import { systemToday } from '../../app/clock.ts';
import { daysUntil } from '../../../common/periods.ts';
import type { CampaignSummary, CategoryKind, CheckOutcome, EligibilityCheck, NominationStatus } from './api.ts';

export const today = () => systemToday();

/**
 * Where a campaign stands: nominations not yet open, open, closed and being screened and voted on,
 * or decided by the Standing Committee.
 */
export type CampaignPhase = 'upcoming' | 'open' | 'judging' | 'decided';
export function phaseOf(
  c: Pick<CampaignSummary, 'status' | 'nominationOpens' | 'nominationDue'>,
  now = today(),
): CampaignPhase {
  if (c.status === 'decided') return 'decided';
  if (daysUntil(c.nominationOpens, now) > 0) return 'upcoming';
  if (daysUntil(c.nominationDue, now) >= 0) return 'open';
  return 'judging';
}

/** Whether a unit may still nominate today (the server says the same with NOMINATIONS_CLOSED). */
export const nominationsOpen = (
  c: Pick<CampaignSummary, 'status' | 'nominationOpens' | 'nominationDue'>,
  now = today(),
) => c.status === 'nominating' && daysUntil(c.nominationDue, now) >= 0;

const phaseColors: Record<CampaignPhase, string> = {
  upcoming: 'blue',
  open: 'green',
  judging: 'orange',
  decided: 'grape',
};

export function CampaignPhaseBadge({
  campaign,
}: {
  campaign: Pick<CampaignSummary, 'status' | 'nominationOpens' | 'nominationDue'>;
}) {
  const { t } = useTranslation();
  const phase = phaseOf(campaign);
  return (
    <Badge
      color={phaseColors[phase]}
      variant="light"
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      data-testid="campaign-phase"
      data-phase={phase}
    >
      {t(`honours.phase.${phase}`)}
    </Badge>
  );
}

export const windowText = (c: Pick<CampaignSummary, 'nominationOpens' | 'nominationDue'>) =>
  `${formatDate(c.nominationOpens)}–${formatDate(c.nominationDue)}`;

/** "Còn 12 ngày nhận hồ sơ", "Hôm nay là hạn cuối", "Đã hết hạn nhận hồ sơ (20/07/2019)". */
export function deadlineText(
  c: Pick<CampaignSummary, 'nominationOpens' | 'nominationDue'>,
  t: TFunction,
  now = today(),
): string {
  const toOpen = daysUntil(c.nominationOpens, now);
  if (toOpen > 0) return t('honours.deadline.opensIn', { count: toOpen, date: formatDate(c.nominationOpens) });
  const left = daysUntil(c.nominationDue, now);
  if (left > 0) return t('honours.deadline.left', { count: left });
  if (left === 0) return t('honours.deadline.lastDay');
  return t('honours.deadline.closed', { date: formatDate(c.nominationDue) });
}

export const deadlineColor = (c: Pick<CampaignSummary, 'nominationDue'>, now = today()) => {
  const left = daysUntil(c.nominationDue, now);
  return left < 0 ? 'gray' : left <= 3 ? 'orange' : 'teal';
};

const statusColors: Record<NominationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  eligible: 'teal',
  ineligible: 'red',
  selected: 'grape',
};
export const statusColor = (s: NominationStatus) => statusColors[s] ?? 'gray';

export function NominationStatusBadge({
  status,
  size = 'md',
}: {
  status: NominationStatus;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColor(status)}
      variant="light"
      radius="sm"
      tt="none"
      size={size}
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
      data-testid="nomination-status"
      data-status={status}
    >
      {t(`honours.status.${status}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: CategoryKind }) {
  const { t } = useTranslation();
  return (
    <Badge color="gray" variant="outline" radius="sm" tt="none" size="sm" style={{ flexShrink: 0 }}>
      {t(`honours.kind.${kind}`)}
    </Badge>
  );
}

/** "Hệ thống kiểm tra: đơn vị thành lập từ 5 năm trở lên". */
export function checkText(check: EligibilityCheck, t: TFunction): string {
  return check.kind === 'emulation_rank'
    ? t('honours.check.rule.emulation_rank', { n: check.top })
    : t(`honours.check.rule.${check.kind}`, { n: check.min });
}

const checkColors = { met: 'teal.8', not_met: 'red.8', unknown: 'dimmed' } as const;

/** What the system found in its records for a criterion, beside the Board's own finding. */
export function CheckLine({ check }: { check: CheckOutcome }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size="xs" c={checkColors[check.outcome]} data-testid="check-outcome" data-outcome={check.outcome}>
      {t(`honours.check.outcome.${check.outcome}`)}. {i18n.language === 'en' ? check.detail.en : check.detail.vi}
    </Text>
  );
}
