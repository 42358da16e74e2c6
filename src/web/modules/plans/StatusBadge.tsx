import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Status } from './api.ts';

/** The government's four categories, each with its colour: green, orange, blue, red. */
export const statusColors: Record<Status, string> = {
  done_on_time: 'green',
  done_late: 'orange',
  in_progress: 'blue',
  overdue: 'red',
};

export function StatusBadge({ status, size = 'md' }: { status: Status; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={statusColors[status]}
      variant="light"
      size={size}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
      data-status={status}
    >
      {t(`plans.status.${status}`)}
    </Badge>
  );
}
