import { useState } from 'react';
import { Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDice } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { type Draw, type Tournament, useDraw, useDrawEvent } from './api.ts';
import { EventSelect, useChosenEvent } from './shared.tsx';
import { DrawDownloads } from './Downloads.tsx';

/** The knockout's lines from top to bottom; a line without an entry is a bye. */
function Bracket({ draw }: { draw: Draw }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder bg="white" p={0} data-testid="draw-bracket">
      {draw.positions.map((p) => (
        <Group
          key={p.line}
          gap="sm"
          px="sm"
          py={6}
          wrap="nowrap"
          style={{
            borderBottom: '1px solid var(--mantine-color-gray-2)',
            borderTop: p.line > 1 && p.line % 2 === 1 ? '2px solid var(--mantine-color-gray-4)' : undefined,
          }}
        >
          <Text size="sm" c="dimmed" w={28} ta="right">
            {p.line}
          </Text>
          {p.entryId ? (
            <Text size="sm">{p.label}</Text>
          ) : (
            <Text size="sm" c="dimmed" fs="italic" data-testid="draw-bye">
              {t('tournament.draw.bye')}
            </Text>
          )}
        </Group>
      ))}
    </Paper>
  );
}

function Groups({ draw }: { draw: Draw }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="draw-groups">
      {draw.groups.map((g, i) => (
        <Paper key={i} withBorder bg="white" p="sm">
          <Text fw={600} mb={4}>
            {t('tournament.draw.group', { n: i + 1 })}
          </Text>
          {g.map((e) => (
            <Text key={e.entryId} size="sm">
              {e.label}
            </Text>
          ))}
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** One lot of the draw's log, said in words; entries and units by name. */
function LotLine({ lot, labels }: { lot: Draw['log'][number]; labels: Map<string, string> }) {
  const { t } = useTranslation();
  const name = (id: string) => labels.get(id) ?? id;
  if (lot.step === 'seed')
    return (
      <Text size="xs" component="span">
        {t('tournament.draw.lot.seed', {
          seed: lot.seed,
          entry: name(lot.entry),
          line: lot.line,
          among: lot.among.join(', '),
        })}
      </Text>
    );
  if (lot.step === 'bye')
    return (
      <Text size="xs" component="span">
        {t('tournament.draw.lot.bye', { line: lot.line })}
      </Text>
    );
  if (lot.step === 'separate')
    return (
      <Text size="xs" component="span">
        {lot.group !== null
          ? t('tournament.draw.lot.separateGroup', {
              entry: name(lot.entry),
              line: lot.line,
              group: t('tournament.draw.group', { n: lot.group }),
            })
          : t('tournament.draw.lot.separate', {
              entry: name(lot.entry),
              line: lot.line,
              unit: lot.unitName ?? lot.unit,
            })}
      </Text>
    );
  return (
    <Text size="xs" component="span">
      {t('tournament.draw.lot.entry', { entry: name(lot.entry), line: lot.line })}
    </Text>
  );
}

export function DrawTab({ tournament, manage }: { tournament: Tournament; manage: boolean }) {
  const { t } = useTranslation();
  const event = useChosenEvent(tournament);
  const draw = useDraw(tournament.id, event?.id ?? null, !!event?.drawn);
  const run = useDrawEvent(tournament.id);
  const [seed, setSeed] = useState('');
  if (!event) return <Text c="dimmed">{t('tournament.event.none')}</Text>;
  const doDraw = () =>
    run.mutate(
      { eventId: event.id, randomSeed: seed.trim() || undefined },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('tournament.draw.done') }),
      },
    );
  const d = draw.data;
  const labels = new Map<string, string>();
  for (const p of d?.positions ?? []) if (p.entryId && p.label) labels.set(p.entryId, p.label);
  for (const e of (d?.groups ?? []).flat()) labels.set(e.entryId, e.label);
  return (
    <Stack gap="md">
      <EventSelect tournament={tournament} event={event} />
      {manage ? (
        <Group gap="sm" align="flex-end">
          <TextInput
            label={t('tournament.draw.seedLabel')}
            description={t('tournament.draw.seedHint')}
            value={seed}
            onChange={(e) => setSeed(e.currentTarget.value)}
            style={{ flex: '1 1 220px' }}
            maw={360}
            data-testid="draw-seed"
          />
          <Button leftSection={<IconDice size={16} />} loading={run.isPending} onClick={doDraw} data-testid="draw-run">
            {event.drawn ? t('tournament.draw.redo') : t('tournament.draw.run')}
          </Button>
        </Group>
      ) : null}
      {run.error && run.variables?.eventId === event.id ? <ErrorAlert error={run.error} /> : null}
      {!event.drawn ? (
        <Text c="dimmed">{t('tournament.draw.notYet', { n: event.entries.confirmed })}</Text>
      ) : draw.isPending ? (
        <Text c="dimmed">{t('common.loading')}</Text>
      ) : draw.error ? (
        <ErrorAlert error={draw.error} />
      ) : d ? (
        <>
          <Group gap="xs" style={{ rowGap: 4 }} data-testid="draw-facts">
            <Badge variant="light">{t('tournament.draw.version', { n: d.version })}</Badge>
            <Badge variant="outline" color="gray" data-testid="draw-algorithm">
              {t('tournament.draw.algorithm', { n: d.algorithm })}
            </Badge>
            <Text size="sm">
              {t('tournament.draw.randomSeed')} <Code data-testid="draw-random-seed">{d.randomSeed}</Code>
            </Text>
            <Text size="sm" c="dimmed">
              {t('tournament.draw.when', { when: formatDateTime(d.drawnAt), who: d.drawnBy })}
            </Text>
          </Group>
          <DrawDownloads tournamentId={tournament.id} eventId={event.id} />
          {d.groups.length > 0 ? <Groups draw={d} /> : null}
          {event.format === 'groups_knockout' ? (
            <Text size="sm" c="dimmed" data-testid="draw-knockout-state">
              {d.knockoutMadeAt
                ? d.knockoutMadeBy
                  ? t('tournament.draw.knockoutMadeBy', {
                      when: formatDateTime(d.knockoutMadeAt),
                      who: d.knockoutMadeBy,
                    })
                  : t('tournament.draw.knockoutMade', { when: formatDateTime(d.knockoutMadeAt) })
                : t('tournament.draw.knockoutLater', { n: event.qualifiersPerGroup ?? 1 })}
            </Text>
          ) : null}
          {d.size ? <Bracket draw={d} /> : null}
          <div>
            <Title order={5} mb="xs">
              {t('tournament.draw.log')}
            </Title>
            {d.log.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('tournament.draw.noLots')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={300}>
                <Table striped withTableBorder fz="xs" data-testid="draw-log">
                  <Table.Tbody>
                    {d.log.map((lot, i) => (
                      <Table.Tr key={i}>
                        <Table.Td w={36}>{i + 1}</Table.Td>
                        <Table.Td>
                          <LotLine lot={lot} labels={labels} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </div>
        </>
      ) : null}
    </Stack>
  );
}
