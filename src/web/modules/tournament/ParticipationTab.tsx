import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
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
  return (
    <Stack gap="md" data-testid="participation">
      <Text>{t('tournament.participation.totals', { entries: n(d.entries), players: n(d.players) })}</Text>
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
        </Paper>
        <Paper withBorder bg="white" p="sm">
          <Title order={5} mb="xs">
            {t('tournament.participation.byAge')}
          </Title>
          {d.ageBands.map((b) => (
            <Text key={b.key} size="sm">
              {label(b.label)}: {n(b.players)}
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
