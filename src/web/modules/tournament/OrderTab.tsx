import { Badge, Button, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert, useErrorText } from '../../ui/errors.tsx';
import { type Tournament, useOrderOfPlay, usePlanOrderOfPlay } from './api.ts';
import { OrderDownloads } from './Downloads.tsx';

const time = (iso: string) => formatDateTime(iso);
const vs = (sides: (string | null)[]) => sides.map((s) => s ?? '…').join(' – ');

export function OrderTab({ tournament, manage }: { tournament: Tournament; manage: boolean }) {
  const { t } = useTranslation();
  const order = useOrderOfPlay(tournament.id);
  const plan = usePlanOrderOfPlay(tournament.id);
  const errorText = useErrorText();
  const run = () =>
    plan.mutate(undefined, {
      onSuccess: (r) =>
        notifications.show({
          color: r.unplaced > 0 ? 'yellow' : 'green',
          message: t('tournament.order.planned', { planned: r.planned, unplaced: r.unplaced }),
        }),
      onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
    });
  return (
    <Stack gap="md">
      {manage ? (
        <Button
          leftSection={<IconCalendarTime size={16} />}
          loading={plan.isPending}
          onClick={run}
          style={{ alignSelf: 'flex-start' }}
          data-testid="order-plan"
        >
          {t('tournament.order.plan')}
        </Button>
      ) : null}
      {order.isPending ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : order.error ? (
        <ErrorAlert error={order.error} />
      ) : order.data.items.length === 0 ? (
        <Text c="dimmed">{t('tournament.order.none')}</Text>
      ) : (
        <>
          <OrderDownloads tournamentId={tournament.id} />
          <Title order={5}>{t('tournament.order.nextUp')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs" data-testid="order-next">
            {order.data.nextUp.map((c) => (
              <Card key={c.courtId} withBorder bg="white" padding="sm">
                <Text fw={600}>{c.court}</Text>
                {c.next.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('tournament.order.free')}
                  </Text>
                ) : (
                  c.next.map((m, i) => (
                    <Text key={m.matchId} size="sm" fw={i === 0 ? 600 : 400}>
                      {new Date(m.start).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })} · {m.code}{' '}
                      · {vs(m.sides)}
                    </Text>
                  ))
                )}
              </Card>
            ))}
          </SimpleGrid>
          <Title order={5}>{t('tournament.order.title')}</Title>
          <Table.ScrollContainer minWidth={560}>
            <Table striped withTableBorder bg="white" data-testid="order-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tournament.order.time')}</Table.Th>
                  <Table.Th>{t('tournament.order.court')}</Table.Th>
                  <Table.Th>{t('tournament.order.match')}</Table.Th>
                  <Table.Th>{t('tournament.order.sides')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {order.data.items.map((m) => (
                  <Table.Tr key={m.matchId}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{time(m.start)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.court}</Table.Td>
                    <Table.Td>
                      {m.event} · {m.code}
                    </Table.Td>
                    <Table.Td>
                      {vs(m.sides)}{' '}
                      {m.finished ? (
                        <Badge size="xs" color="green" variant="light">
                          {t('tournament.match.status.finished')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
