import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A round's state as a coloured badge. */
export function RoundStatus({ status }: { status: 'open' | 'closed' | 'certified' }) {
  const { t } = useTranslation();
  const color = status === 'certified' ? 'green' : status === 'closed' ? 'orange' : 'blue';
  return (
    <Badge color={color} variant="light" data-testid="round-status" data-status={status}>
      {t(`festival.round.status.${status}`)}
    </Badge>
  );
}

/** Seconds as m:ss. */
export const minutes = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** A score as the explanation writes it: at most two decimals, in the language's way. */
export const score = (x: number | null, lang: string) =>
  x === null ? '—' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(x);
