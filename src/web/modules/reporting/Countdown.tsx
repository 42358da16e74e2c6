import { Badge } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { daysUntil } from '../../../common/periods.ts';

/** Days left to a due date ("Còn 3 ngày"), or how far past it ("Quá hạn 2 ngày"), counted in Việt Nam's days. */
export function Countdown({ due, today, size = 'md' }: { due: string; today: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const days = daysUntil(due, today);
  const text =
    days > 1
      ? t('reporting.countdown.left', { days })
      : days === 1
        ? t('reporting.countdown.leftOne')
        : days === 0
          ? t('reporting.countdown.today')
          : days === -1
            ? t('reporting.countdown.overdueOne')
            : t('reporting.countdown.overdue', { days: -days });
  const color = days < 0 ? 'red' : days <= 3 ? 'orange' : 'teal';
  return (
    <Badge
      color={color}
      variant={days < 0 ? 'filled' : 'light'}
      size={size}
      radius="sm"
      tt="none"
      leftSection={<IconClockHour4 size={14} />}
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
      data-testid="countdown"
      data-days={days}
    >
      {text}
    </Badge>
  );
}
