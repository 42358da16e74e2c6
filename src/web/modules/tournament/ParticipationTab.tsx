import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { type Tournament, useParticipation } from './api.ts';
import { useBilingual } from './shared.tsx';

export function ParticipationTab({ tournament }: { tournament: Tournament }) {
  const { t, i18n } = useTranslation();
  const label = useBilingual();
  const p = useParticipation(tournament.id);
  if (p.isPending) return <CenterLoader />;
  if (p.error) return <ErrorAlert error={p.error} />;
  const d = p.data;
  const n = (x: number) => formatNumber(x, i18n.language);
  const prev = d.previous;
  const delta = (now: number, before: number) =>
    now === before ? '±0' : now > before ? `+${n(now - before)}` : `−${n(before - now)}`;
  return (
    <Stack gap="md" data-testid="participation">
      <Text>{t('tournament.participation.totals', { entries: n(d.entries), players: n(d.players) })}</Text>
      {prev ? (
        <Text size="sm" c="dimmed" data-testid="participation-previous">
          {t('tournament.participation.previous', {
            name: prev.name,
            date: formatDate(prev.startsOn),
            entries: n(prev.entries),
            players: n(prev.players),
            entriesDelta: delta(d.entries, prev.entries),
            playersDelta: delta(d.players, prev.players),
          })}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" data-testid="participation-previous">
          {t('tournament.participation.noPrevious')}
        </Text>
      )}
      {d.groupSets.map((set) => {
        const before = prev?.groupSets.find((x) => x.code === set.code);
        const rows = [
          ...set.groups.map((g) => ({
            key: g.groupId,
            name: g.name,
            entries: g.entries,
            players: g.players,
            before: before?.groups.find((x) => x.code === g.code)?.players,
          })),
          ...(set.ungrouped.players > 0 || (before?.ungrouped.players ?? 0) > 0
            ? [
                {
                  key: 'ungrouped',
                  name: t('tournament.participation.ungrouped'),
                  entries: set.ungrouped.entries,
                  players: set.ungrouped.players,
                  before: before?.ungrouped.players,
                },
              ]
            : []),
        ];
        return (
          <Paper key={set.setId} withBorder bg="white" p="sm" data-testid="participation-group-set">
            <Title order={5} mb="xs">
              {set.name}
            </Title>
            <Table.ScrollContainer minWidth={320}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('tournament.participation.group')}</Table.Th>
                    <Table.Th ta="right">{t('tournament.participation.entries')}</Table.Th>
                    <Table.Th ta="right">{t('tournament.participation.players')}</Table.Th>
                    {prev ? <Table.Th ta="right">{t('tournament.participation.playersBefore')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td ta="right">{n(r.entries)}</Table.Td>
                      <Table.Td ta="right">{n(r.players)}</Table.Td>
                      {prev ? (
                        <Table.Td ta="right">
                          {n(r.before ?? 0)} ({delta(r.players, r.before ?? 0)})
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        );
      })}
      <Paper withBorder bg="white" p="sm">
        <Title order={5} mb="xs">
          {t('tournament.participation.byUnit')}
        </Title>
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tournament.participation.unit')}</Table.Th>
                <Table.Th ta="right">{t('tournament.participation.entries')}</Table.Th>
                <Table.Th ta="right">{t('tournament.participation.players')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td ta="right">{n(u.entries)}</Table.Td>
                  <Table.Td ta="right">{n(u.players)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder bg="white" p="sm">
          <Title order={5} mb="xs">
            {t('tournament.participation.byGender')}
          </Title>
          <Text size="sm">
            {t('tournament.participation.gender', {
              male: n(d.gender.male),
              female: n(d.gender.female),
              unknown: n(d.gender.unknown),
            })}
          </Text>
          {prev ? (
            <Text size="sm" c="dimmed">
              {t('tournament.participation.genderBefore', {
                male: n(prev.gender.male),
                female: n(prev.gender.female),
              })}
            </Text>
          ) : null}
        </Paper>
        <Paper withBorder bg="white" p="sm">
          <Title order={5} mb="xs">
            {t('tournament.participation.byAge')}
          </Title>
          {d.ageBands.map((b) => (
            <Text key={b.key} size="sm">
              {label(b.label)}: {n(b.players)}
              {prev
                ? ` (${t('tournament.participation.before', { n: n(prev.ageBands.find((x) => x.key === b.key)?.players ?? 0) })})`
                : ''}
            </Text>
          ))}
          {d.ageUnknown > 0 ? (
            <Text size="sm" c="dimmed">
              {t('tournament.participation.ageUnknown', { n: n(d.ageUnknown) })}
            </Text>
          ) : null}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
