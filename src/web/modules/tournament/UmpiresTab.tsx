import { Anchor, Badge, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert, useErrorText } from '../../ui/errors.tsx';
import type { Tournament } from './api.ts';
import { useBilingual } from './shared.tsx';
import { type UmpireBoard, useAssignUmpire, useUmpireBoard } from './umpireApi.ts';

const statusColor = { waiting: 'gray', ready: 'blue', playing: 'red', finished: 'green' } as const;
type BoardMatch = UmpireBoard['matches'][number];

/**
 * The referee's board: the matches still to play by court, in order, each with its umpire (chosen
 * among the accounts that may umpire), the one on court first; a match's scoring screen one tap away.
 */
export function UmpiresTab({ tournament }: { tournament: Tournament }) {
  const { t } = useTranslation();
  const board = useUmpireBoard(tournament.id);
  const assign = useAssignUmpire(tournament.id);
  const errorText = useErrorText();
  const label = useBilingual();
  if (board.isPending) return <Text c="dimmed">{t('common.loading')}</Text>;
  if (board.error) return <ErrorAlert error={board.error} />;
  const open = board.data.matches.filter((m) => m.status !== 'finished');
  if (open.length === 0) return <Text c="dimmed">{t('tournament.umpires.none')}</Text>;
  const courts = [...new Set(open.map((m) => m.court ?? ''))].sort((a, b) =>
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'vi', { numeric: true }),
  );
  const umpires = board.data.umpires.map((u) => ({ value: u.userId, label: u.name }));
  const row = (m: BoardMatch) => (
    <Card
      key={m.matchId}
      withBorder
      padding="xs"
      bg={m.status === 'playing' ? 'red.0' : 'white'}
      data-testid="umpire-row"
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" fw={600}>
          {m.start ? `${formatDateTime(m.start)} · ` : ''}
          {m.code} · {m.event} · {label(m.round)}
        </Text>
        <Badge size="sm" variant="light" color={statusColor[m.status]}>
          {t(`tournament.umpires.status.${m.status}`)}
        </Badge>
      </Group>
      <Text size="sm" lineClamp={2}>
        {m.sides.map((s) => s ?? '…').join(' – ')}
      </Text>
      <Group gap="xs" mt={4} wrap="nowrap" align="flex-end">
        <Select
          size="xs"
          style={{ flex: 1 }}
          aria-label={t('tournament.umpires.umpire')}
          placeholder={t('tournament.umpires.unassigned')}
          data={umpires}
          value={m.umpireUserId}
          searchable
          clearable
          onChange={(userId) =>
            assign.mutate(
              { matchId: m.matchId, userId },
              {
                onSuccess: () => notifications.show({ color: 'green', message: t('tournament.umpires.assigned') }),
                onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
              },
            )
          }
          data-testid="umpire-select"
        />
        {m.status === 'ready' || m.status === 'playing' ? (
          <Anchor
            size="sm"
            renderRoot={(props) => (
              <Link
                {...props}
                to="/tournaments/$tournamentId/matches/$matchId/score"
                params={{ tournamentId: tournament.id, matchId: m.matchId }}
              />
            )}
          >
            {t('tournament.umpires.score')}
          </Anchor>
        ) : null}
      </Group>
    </Card>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="umpires-board">
      {courts.map((court) => {
        const here = open.filter((m) => (m.court ?? '') === court);
        const on = here.find((m) => m.status === 'playing');
        return (
          <Stack key={court || 'none'} gap="xs">
            <Group justify="space-between">
              <Title order={5}>{court || t('tournament.umpires.noCourt')}</Title>
              {on ? (
                <Text size="xs" c="red.8" fw={600}>
                  {t('tournament.umpires.onCourt')}: {on.code}
                  {on.umpire ? ` · ${on.umpire}` : ''}
                </Text>
              ) : null}
            </Group>
            {here.map(row)}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}
