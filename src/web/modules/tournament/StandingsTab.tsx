import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconMedal } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/errors.tsx';
import { type Tournament, useStandings } from './api.ts';
import { EventSelect, useChosenEvent } from './shared.tsx';
import { ResultDownloads } from './Downloads.tsx';

export function StandingsTab({ tournament }: { tournament: Tournament }) {
  const { t } = useTranslation();
  const event = useChosenEvent(tournament);
  const standings = useStandings(tournament.id, event?.id ?? null, !!event?.drawn);
  if (!event) return <Text c="dimmed">{t('tournament.event.none')}</Text>;
  const s = standings.data;
  const medal = (color: string, title: string, names: (string | null)[]) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <IconMedal size={20} color={color} />
      <div>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="sm">{names.filter(Boolean).join('; ') || '—'}</Text>
      </div>
    </Group>
  );
  return (
    <Stack gap="md">
      <EventSelect tournament={tournament} event={event} />
      <ResultDownloads tournamentId={tournament.id} />
      {!event.drawn ? (
        <Text c="dimmed">{t('tournament.draw.notYet', { n: event.entries.confirmed })}</Text>
      ) : standings.error ? (
        <ErrorAlert error={standings.error} />
      ) : s ? (
        <>
          <Paper withBorder bg="white" p="sm" data-testid="standings-medals">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {medal('#d4a017', t('tournament.standings.gold'), [s.medals.gold])}
              {medal('#9e9e9e', t('tournament.standings.silver'), [s.medals.silver])}
              {medal('#b0703c', t('tournament.standings.bronze'), s.medals.bronze)}
            </SimpleGrid>
          </Paper>
          {s.groups.length > 0 ? (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {s.groups.map((g) => (
                <Paper key={g.group} withBorder bg="white" p="sm" data-testid="standings-group">
                  <Title order={5} mb="xs">
                    {t('tournament.draw.group', { n: g.group })}
                  </Title>
                  <Table.ScrollContainer minWidth={g.ranking.some((r) => r.team) ? 420 : 0}>
                    <Table>
                      {g.ranking.some((r) => r.team) ? (
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th />
                            <Table.Th>{t('tournament.standings.team')}</Table.Th>
                            <Table.Th>{t('tournament.standings.ties')}</Table.Th>
                            <Table.Th>{t('tournament.standings.rubbers')}</Table.Th>
                            <Table.Th>{t('tournament.standings.games')}</Table.Th>
                            <Table.Th>{t('tournament.standings.points')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                      ) : null}
                      <Table.Tbody>
                        {g.ranking.map((r, i) => (
                          <Table.Tr key={r.entryId} c={r.deleted ? 'dimmed' : undefined}>
                            <Table.Td w={32}>{i + 1}</Table.Td>
                            <Table.Td td={r.deleted ? 'line-through' : undefined}>{r.label}</Table.Td>
                            {r.team ? (
                              <>
                                <Table.Td data-testid="team-ties">{r.team.ties.join('–')}</Table.Td>
                                <Table.Td>{r.team.rubbers.join('–')}</Table.Td>
                                <Table.Td>{r.team.games.join('–')}</Table.Td>
                                <Table.Td>{r.team.points.join('–')}</Table.Td>
                              </>
                            ) : null}
                            {r.deleted || !r.team ? (
                              <Table.Td>{r.deleted ? t('tournament.standings.deleted') : ''}</Table.Td>
                            ) : null}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  {g.lots.length > 0 ? (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('tournament.standings.lots', { list: g.lots.map((l) => l.join(' > ')).join('; ') })}
                    </Text>
                  ) : null}
                </Paper>
              ))}
            </SimpleGrid>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
