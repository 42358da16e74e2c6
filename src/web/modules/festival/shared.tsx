import { Badge, Group, NumberInput, Text } from '@mantine/core';
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

type Whole = number | string;

/**
 * A length in minutes and seconds, the two boxes side by side under one label, with the field's
 * error below (the entry's declared length, a round's longest act).
 */
export function MinutesSeconds({
  label,
  minutes: mins,
  seconds: secs,
  onMinutes,
  onSeconds,
  error,
  testId,
}: {
  label: string;
  minutes: Whole;
  seconds: Whole;
  onMinutes: (v: Whole) => void;
  onSeconds: (v: Whole) => void;
  error?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <NumberInput
          aria-label={t('festival.form.minutes')}
          rightSection={<Text size="xs">{t('festival.form.min')}</Text>}
          min={0}
          max={60}
          allowDecimal={false}
          value={mins}
          onChange={onMinutes}
          w={110}
          data-testid={testId ? `${testId}-minutes` : undefined}
        />
        <NumberInput
          aria-label={t('festival.form.seconds')}
          rightSection={<Text size="xs">{t('festival.form.sec')}</Text>}
          min={0}
          max={59}
          allowDecimal={false}
          value={secs}
          onChange={onSeconds}
          w={110}
          data-testid={testId ? `${testId}-seconds` : undefined}
        />
      </Group>
      {error ? (
        <Text size="sm" c="red">
          {error}
        </Text>
      ) : null}
    </div>
  );
}
