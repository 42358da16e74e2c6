import { Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { compareVi } from '../../../../common/text.ts';
import type { Round, RoundResult, TallyLine } from './api.ts';
import { OutcomeBadge, shareText } from './shared.tsx';

const outcomeOrder = { selected: 0, tied: 1, passed_over_quota: 2, not_passed: 3 } as const;

/** Selected first, then tied, passed over the quota, not passed; by approvals (or points) within each. */
function ordered(result: RoundResult, name: (id: string) => string): TallyLine[] {
  const score = (l: TallyLine) => (result.rules.method === 'rank' ? l.points : l.approve);
  return [...result.outcome.lines].sort(
    (a, b) =>
      outcomeOrder[a.outcome] - outcomeOrder[b.outcome] ||
      score(b) - score(a) ||
      compareVi(name(a.nominationId), name(b.nominationId)),
  );
}

function Figure({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: number | string;
  note?: string;
  testId?: string;
}) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * The count of a closed round: per nominee the approvals, rejections and abstentions (or points),
 * the base and the approvals needed, and the outcome; above it the seats, who voted, and the
 * shortfall. Cards on a phone, a table on a wider screen.
 */
export function TallyTable({ round }: { round: Round }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const result = round.result;
  if (!result) return null;
  const rank = result.rules.method === 'rank';
  const nominee = (id: string) => round.nominees.find((n) => n.id === id);
  const name = (id: string) => nominee(id)?.name ?? '';
  // a collective is nominated by itself: its unit is its name
  const unitOf = (id: string) => (nominee(id)?.unitName !== name(id) ? (nominee(id)?.unitName ?? '') : '');
  const lines = ordered(result, name);
  const o = result.outcome;

  return (
    <Stack gap="sm" data-testid="tally">
      <SimpleGrid cols={{ base: 2, xs: 3, md: 6 }} spacing="xs">
        <Figure label={t('council.tally.seats')} value={result.seats} />
        <Figure label={t('council.tally.present')} value={`${result.present}/${result.roster}`} />
        <Figure
          label={t('council.tally.voted')}
          value={result.voted}
          note={result.written ? t('council.tally.votedWritten', { count: result.written }) : undefined}
          testId="tally-voted"
        />
        <Figure label={t('council.tally.selected')} value={o.selected.length} testId="tally-selected" />
        <Figure label={t('council.tally.tied')} value={o.tied.length} testId="tally-tied" />
        <Figure label={t('council.tally.shortfall')} value={o.shortfall} testId="tally-shortfall" />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {rank
          ? t('council.rules.rankLine')
          : t('council.tally.rule', {
              share: shareText(result.rules, t),
              base: t(`council.rules.bases.${result.rules.approval.base}`),
            })}
      </Text>
      {phone ? (
        <Stack gap="xs">
          {lines.map((l, i) => (
            <Card key={l.nominationId} withBorder padding="sm" data-testid="tally-line" data-nominee={l.nominationId}>
              <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {i + 1}. {name(l.nominationId)}
                  </Text>
                  {unitOf(l.nominationId) ? (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {unitOf(l.nominationId)}
                    </Text>
                  ) : null}
                </Stack>
                <OutcomeBadge outcome={l.outcome} />
              </Group>
              <Text size="sm" mt={6}>
                {rank
                  ? t('council.tally.pointsLine', { points: l.points })
                  : t('council.tally.countsLine', { approve: l.approve, reject: l.reject, abstain: l.abstain })}
              </Text>
              {!rank ? (
                <Text size="xs" c="dimmed">
                  {t('council.tally.neededLine', { needed: l.needed, base: l.base })}
                  {l.conflicted ? ` · ${t('council.tally.conflicted', { count: l.conflicted })}` : ''}
                </Text>
              ) : null}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>{t('council.tally.no')}</Table.Th>
                <Table.Th>{t('council.tally.nominee')}</Table.Th>
                {rank ? (
                  <Table.Th ta="right">{t('council.tally.points')}</Table.Th>
                ) : (
                  <>
                    <Table.Th ta="right">{t('council.choice.approve')}</Table.Th>
                    <Table.Th ta="right">{t('council.choice.reject')}</Table.Th>
                    <Table.Th ta="right">{t('council.choice.abstain')}</Table.Th>
                    <Table.Th ta="right">{t('council.tally.base')}</Table.Th>
                    <Table.Th ta="right">{t('council.tally.needed')}</Table.Th>
                  </>
                )}
                <Table.Th>{t('council.tally.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l, i) => (
                <Table.Tr key={l.nominationId} data-testid="tally-line" data-nominee={l.nominationId}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {name(l.nominationId)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[
                        unitOf(l.nominationId),
                        l.conflicted ? t('council.tally.conflicted', { count: l.conflicted }) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  {rank ? (
                    <Table.Td ta="right">{l.points}</Table.Td>
                  ) : (
                    <>
                      <Table.Td ta="right" fw={600}>
                        {l.approve}
                      </Table.Td>
                      <Table.Td ta="right">{l.reject}</Table.Td>
                      <Table.Td ta="right">{l.abstain}</Table.Td>
                      <Table.Td ta="right">{l.base}</Table.Td>
                      <Table.Td ta="right">{l.needed}</Table.Td>
                    </>
                  )}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <OutcomeBadge outcome={l.outcome} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {o.tied.length ? (
        <Text size="sm">{t('council.tally.tiedNote', { count: o.tied.length, seats: o.seatsLeft })}</Text>
      ) : null}
      {o.shortfall > 0 ? (
        <Text size="sm" c="orange.8">
          {t('council.tally.shortfallNote', { count: o.shortfall })}
        </Text>
      ) : null}
    </Stack>
  );
}
