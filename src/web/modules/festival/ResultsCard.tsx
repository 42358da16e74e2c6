import { Fragment, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/errors.tsx';
import { type Results, useChooseCeremony, useSetPrizes } from './api.ts';
import { score } from './shared.tsx';

const prizeKinds = ['A', 'B', 'C', 'encouragement'] as const;

/**
 * The ranking with each act's explanation (every judge's mark, what was dropped, the arithmetic),
 * the large disagreements, and — once certified, for the organisers — prizes and the acts chosen
 * for the ceremony with the durations timed on the night.
 */
export function ResultsCard({
  results,
  festivalId,
  manage,
  declared,
  criteria,
}: {
  results: Results;
  festivalId: string;
  manage: boolean;
  declared: Record<string, number>;
  /** Criterion names by code, for the explanation. */
  criteria: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const judge = new Map(results.judges.map((j) => [j.id, j.name]));
  const [open, setOpen] = useState<string | null>(null);
  const [prizes, setPrizes] = useState<Record<string, string | null>>(
    Object.fromEntries(
      results.ranking.map((x) => [x.entryId, x.prizes.find((p) => p.kind !== 'special')?.kind ?? null]),
    ),
  );
  const [chosen, setChosen] = useState<Record<string, number | null>>({});
  const savePrizes = useSetPrizes(results.roundId);
  const choose = useChooseCeremony(festivalId);
  const editable = manage && results.certified;
  return (
    <Card withBorder bg="white" data-testid="results">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('festival.results.title')}</Title>
        <Badge color={results.certified ? 'green' : 'orange'} variant="light">
          {results.certified ? t('festival.results.certified') : t('festival.results.provisional')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`festival.method.${results.method}`)}
      </Text>
      {results.disagreements.length > 0 ? (
        <Alert color="orange" icon={<IconAlertTriangle size={16} />} mb="sm" data-testid="disagreements">
          {results.disagreements.map((d) => {
            const act = results.ranking.find((x) => x.entryId === d.entry);
            return (
              <Text key={d.entry} size="sm">
                {t('festival.results.disagreement', {
                  song: act?.song ?? '',
                  high: judge.get(d.highest.judge),
                  highMark: score(d.highest.mark, i18n.language),
                  low: judge.get(d.lowest.judge),
                  lowMark: score(d.lowest.mark, i18n.language),
                })}
              </Text>
            );
          })}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={editable ? 640 : 0}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('festival.results.rank')}</Table.Th>
              <Table.Th>{t('festival.results.score')}</Table.Th>
              <Table.Th>{t('festival.entry.song')}</Table.Th>
              {editable ? <Table.Th>{t('festival.results.prize')}</Table.Th> : null}
              {editable ? <Table.Th>{t('festival.results.ceremony')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.ranking.map((x) => (
              <Fragment key={x.entryId}>
                <Table.Tr data-testid="result-row" data-rank={x.rank}>
                  <Table.Td fw={700}>{x.rank}</Table.Td>
                  <Table.Td>{score(x.score, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => setOpen(open === x.entryId ? null : x.entryId)}
                    >
                      {x.song}
                    </Button>
                    <Text size="xs" c="dimmed">
                      {x.unitName}
                    </Text>
                    {x.prizes.map((p) =>
                      p.kind === 'special' ? (
                        <Text key={`special${p.title}`} size="xs" c="red.8" fw={600}>
                          ★ {p.title}
                        </Text>
                      ) : (
                        <Badge key={p.kind} size="sm" variant="light" mr={4}>
                          {t(`festival.prize.${p.kind}`)}
                        </Badge>
                      ),
                    )}
                  </Table.Td>
                  {editable ? (
                    <Table.Td>
                      <Select
                        size="xs"
                        clearable
                        value={prizes[x.entryId]}
                        onChange={(v) => setPrizes((s) => ({ ...s, [x.entryId]: v }))}
                        data={prizeKinds.map((k) => ({ value: k, label: t(`festival.prize.${k}`) }))}
                      />
                    </Table.Td>
                  ) : null}
                  {editable ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Checkbox
                          checked={x.entryId in chosen}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            setChosen((s) => {
                              const next = { ...s };
                              if (on) next[x.entryId] = null;
                              else delete next[x.entryId];
                              return next;
                            });
                          }}
                          data-testid="choose-act"
                        />
                        {x.entryId in chosen ? (
                          <NumberInput
                            size="xs"
                            w={90}
                            min={10}
                            max={3600}
                            placeholder={String(declared[x.entryId] ?? '')}
                            suffix=" s"
                            value={chosen[x.entryId] ?? ''}
                            onChange={(v) =>
                              setChosen((s) => ({ ...s, [x.entryId]: typeof v === 'number' ? v : null }))
                            }
                            aria-label={t('festival.results.measured')}
                          />
                        ) : null}
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
                {open === x.entryId ? (
                  <Table.Tr>
                    <Table.Td colSpan={editable ? 5 : 3} bg="gray.0">
                      <Stack gap={2} data-testid="explanation">
                        {x.explanation.marks.map((m) => (
                          <Text key={m.judge} size="xs" td={m.dropped ? 'line-through' : undefined}>
                            {judge.get(m.judge)}: {score(m.mark, i18n.language)} (
                            {m.criteria
                              .map((c) => `${criteria[c.id] ?? c.id} ${score(c.score, i18n.language)}`)
                              .join(', ')}
                            ){m.dropped ? ` — ${t(`festival.results.dropped.${m.dropped}`)}` : ''}
                            {m.z ? ` — z = ${score(m.z.z, i18n.language)}` : ''}
                            {m.place ? ` — ${t('festival.results.place', { n: m.place })}` : ''}
                          </Text>
                        ))}
                        {x.explanation.recused.length ? (
                          <Text size="xs" c="dimmed">
                            {t('festival.results.recused', {
                              names: x.explanation.recused.map((j) => judge.get(j)).join(', '),
                            })}
                          </Text>
                        ) : null}
                        <Text size="xs" fw={600}>
                          {i18n.language === 'vi' ? x.explanation.arithmetic.vi : x.explanation.arithmetic.en}
                        </Text>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editable ? (
        <Group mt="sm" gap="sm">
          <Button
            variant="default"
            loading={savePrizes.isPending}
            onClick={() =>
              savePrizes.mutate({
                prizes: [
                  ...Object.entries(prizes)
                    .filter((e): e is [string, (typeof prizeKinds)[number]] => e[1] !== null)
                    .map(([entryId, kind]) => ({ entryId, kind })),
                  ...results.ranking.flatMap((x) =>
                    x.prizes
                      .filter((p) => p.kind === 'special')
                      .map((p) => ({ entryId: x.entryId, kind: p.kind, title: p.title })),
                  ),
                ],
              })
            }
          >
            {t('festival.results.savePrizes')}
          </Button>
          <Button
            disabled={Object.keys(chosen).length === 0}
            loading={choose.isPending}
            onClick={() =>
              choose.mutate({
                acts: results.ranking
                  .filter((x) => x.entryId in chosen)
                  .map((x) => ({ entryId: x.entryId, measuredSeconds: chosen[x.entryId] })),
              })
            }
            data-testid="choose-ceremony"
          >
            {t('festival.results.chooseCeremony')}
          </Button>
        </Group>
      ) : null}
      {savePrizes.error ? <ErrorAlert error={savePrizes.error} /> : null}
      {choose.error ? <ErrorAlert error={choose.error} /> : null}
      {choose.isSuccess ? (
        <Text size="sm" c="green" mt="xs" data-testid="ceremony-saved">
          {t('festival.results.ceremonySaved', { n: choose.data.acts.length })}
        </Text>
      ) : null}
    </Card>
  );
}
