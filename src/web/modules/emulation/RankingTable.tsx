import { Badge, Box, Button, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Criterion, RankLine } from './api.ts';
import { formatScore } from './shared.tsx';

type Props = { criteria: Criterion[]; items: RankLine[]; myUnitIds: string[]; onScore?: (line: RankLine) => void };

/** A criterion's score out of its maximum, with the reported result it came from beneath. */
function ScoreCell({
  criterion,
  score,
  result,
  lang,
}: {
  criterion: Criterion;
  score: number | null;
  result: number | null;
  lang: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} align="flex-end">
      <Text size="sm" fw={600} data-testid="score">
        {score === null ? '—' : formatScore(score, lang)}
        <Text span size="xs" c="dimmed" fw={400}>
          /{formatScore(criterion.maxScore, lang)}
        </Text>
      </Text>
      {criterion.method === 'indicator' ? (
        <Text size="xs" c="dimmed" data-testid="result">
          {result === null
            ? t('emulation.ranking.noResult')
            : t('emulation.ranking.result', { value: formatScore(result, lang) })}
        </Text>
      ) : score === null ? (
        <Text size="xs" c="dimmed">
          {t('emulation.ranking.notScored')}
        </Text>
      ) : null}
    </Stack>
  );
}

const rankColor = (rank: number) =>
  rank === 1 ? 'yellow.6' : rank === 2 ? 'gray.5' : rank === 3 ? 'orange.7' : 'blue';

function RankBadge({ rank }: { rank: number }) {
  return (
    <Badge circle size="lg" color={rankColor(rank)} variant={rank <= 3 ? 'filled' : 'light'} data-testid="rank">
      {rank}
    </Badge>
  );
}

/** The ranking: a table on a wide screen, a list of units on a phone. */
export function RankingTable({ criteria, items, myUnitIds, onScore }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 48em)');
  const hasManual = criteria.some((c) => c.method === 'manual');
  const scoreButton = (l: RankLine, full = false) =>
    onScore && hasManual ? (
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconPencil size={14} />}
        onClick={() => onScore(l)}
        fullWidth={full}
        data-testid="score-open"
      >
        {t('emulation.ranking.score')}
      </Button>
    ) : null;

  if (phone) {
    return (
      <Stack gap={0} data-testid="ranking">
        {items.map((l) => (
          <Box
            key={l.unitId}
            py="sm"
            px={4}
            bg={myUnitIds.includes(l.unitId) ? 'yellow.0' : undefined}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="ranking-row"
            data-unit={l.name}
            data-rank={l.rank}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <RankBadge rank={l.rank} />
              <Box style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {l.name}
                </Text>
                <Stack gap={2} mt={4}>
                  {criteria.map((c) => {
                    const s = l.scores.find((x) => x.criterionId === c.id);
                    return (
                      <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
                        <Text size="xs" c="dimmed" style={{ minWidth: 0 }}>
                          {c.name}
                          {c.method === 'indicator' && s?.result !== null && s?.result !== undefined
                            ? ` · ${t('emulation.ranking.result', { value: formatScore(s.result, lang) })}`
                            : ''}
                        </Text>
                        <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {s?.score === null || s?.score === undefined ? '—' : formatScore(s.score, lang)}/
                          {formatScore(c.maxScore, lang)}
                        </Text>
                      </Group>
                    );
                  })}
                </Stack>
                {onScore && hasManual ? <Box mt={6}>{scoreButton(l)}</Box> : null}
              </Box>
              <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                <Text fw={700} fz="lg" lh={1.2} data-testid="total">
                  {formatScore(l.total, lang)}
                </Text>
                <Text size="xs" c="dimmed">
                  /100
                </Text>
              </Stack>
            </Group>
          </Box>
        ))}
      </Stack>
    );
  }

  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover miw={440 + criteria.length * 132} verticalSpacing="xs" data-testid="ranking">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>{t('emulation.ranking.rank')}</Table.Th>
            <Table.Th>{t('emulation.ranking.unit')}</Table.Th>
            {criteria.map((c) => (
              <Table.Th key={c.id} ta="right" w={132} style={{ verticalAlign: 'bottom' }}>
                <Text size="sm" fw={600} lh={1.3}>
                  {c.name}
                </Text>
                <Text size="xs" c="dimmed" fw={400}>
                  {t('emulation.ranking.weight', { weight: formatScore(c.weight, lang) })}
                </Text>
              </Table.Th>
            ))}
            <Table.Th ta="right" w={96} style={{ verticalAlign: 'bottom' }}>
              {t('emulation.ranking.total')}
            </Table.Th>
            {onScore && hasManual ? <Table.Th w={136} /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((l) => (
            <Table.Tr
              key={l.unitId}
              bg={myUnitIds.includes(l.unitId) ? 'yellow.0' : undefined}
              data-testid="ranking-row"
              data-unit={l.name}
              data-rank={l.rank}
            >
              <Table.Td>
                <RankBadge rank={l.rank} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {l.name}
                </Text>
              </Table.Td>
              {criteria.map((c) => {
                const s = l.scores.find((x) => x.criterionId === c.id);
                return (
                  <Table.Td key={c.id} ta="right">
                    <ScoreCell criterion={c} score={s?.score ?? null} result={s?.result ?? null} lang={lang} />
                  </Table.Td>
                );
              })}
              <Table.Td ta="right">
                <Text fw={700} data-testid="total">
                  {formatScore(l.total, lang)}
                  <Text span size="xs" c="dimmed" fw={400}>
                    /100
                  </Text>
                </Text>
              </Table.Td>
              {onScore && hasManual ? <Table.Td ta="right">{scoreButton(l)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
