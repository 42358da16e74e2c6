import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from './api.ts';

/** A report's state: not yet entered, a draft, sent, returned, approved — or, in completeness, missing. */
export type ShownStatus = ReportStatus | 'missing' | 'new';

export const reportStatusColors: Record<ShownStatus, string> = {
  new: 'gray',
  missing: 'red',
  draft: 'yellow',
  submitted: 'blue',
  returned: 'orange',
  approved: 'green',
};

export function ReportStatusBadge({ status, size = 'md' }: { status: ShownStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={reportStatusColors[status]}
      variant="light"
      size={size}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
      data-status={status}
      data-testid="report-status"
    >
      {t(`reporting.status.${status}`)}
    </Badge>
  );
}
