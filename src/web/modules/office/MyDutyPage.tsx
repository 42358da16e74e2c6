import { Alert, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDmy } from '../../../common/dates.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMyDuties, useOfficeLive } from './api.ts';

/** "Lịch trực của tôi": the signed-in person's duties, by day, made to be read on a phone. */
export function MyDutyPage() {
  const { t } = useTranslation();
  const mine = useMyDuties();
  useOfficeLive();
  if (mine.isPending) return <CenterLoader />;
  if (mine.error) return <ErrorAlert error={mine.error} />;
  const { person, items } = mine.data;
  const days = new Map<string, typeof items>();
  for (const d of items) days.set(d.startsAt.slice(0, 10), [...(days.get(d.startsAt.slice(0, 10)) ?? []), d]);
  return (
    <>
      <PageHeader
        title={t('office.duty.mineTitle')}
        description={person ? t('office.duty.mineOf', { name: person.name }) : undefined}
      />
      {!person ? (
        <Alert color="gray" variant="light">
          {t('office.duty.notLinked')}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('office.duty.mineEmpty')}</Text>
      ) : (
        <Stack gap="md" data-testid="duty-mine">
          {[...days.entries()].map(([day, list]) => (
            <Stack gap="xs" key={day}>
              <Text fw={700}>{formatDmy(day)}</Text>
              {list.map((d) => (
                <Card withBorder padding="sm" key={d.id} data-testid="duty-mine-item">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Text fw={600} size="sm">
                      {d.event.title}
                    </Text>
                    <Badge variant="light" style={{ flexShrink: 0 }}>
                      {d.startsAt.slice(11, 16)}–{d.endsAt.slice(11, 16)}
                    </Badge>
                  </Group>
                  {d.startsAt.slice(0, 10) !== d.endsAt.slice(0, 10) ? (
                    <Text size="xs" c="dimmed">
                      {t('office.duty.until', { day: formatDmy(d.endsAt.slice(0, 10)) })}
                    </Text>
                  ) : null}
                  <Text size="sm" mt={4}>
                    {d.duties}
                  </Text>
                  <Group gap={4} mt={4} wrap="nowrap">
                    <IconMapPin size={14} style={{ flexShrink: 0 }} />
                    <Text size="sm" c="dimmed">
                      {d.place}
                    </Text>
                  </Group>
                </Card>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </>
  );
}
