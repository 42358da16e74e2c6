import { Box, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import type { Indicator, IndicatorTotal } from './api.ts';

/** A total in the reader's numbers, or a dash when nothing was reported; what cannot be added up says so. */
export function useTotalText() {
  const { t, i18n } = useTranslation();
  return (value: number | null, aggregation?: string) => {
    if (aggregation === 'none') return t('reporting.totals.notAdded');
    if (value === null) return '—';
    return formatNumber(Math.round(value * 100) / 100, i18n.language);
  };
}

/** Each indicator of the template with its total over the range (and its breakdown), for the unit's whole subtree. */
export function TotalsTable({ totals, indicators }: { totals: IndicatorTotal[]; indicators: Indicator[] }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const text = useTotalText();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const labelOf = (indicatorId: string, key: string) => {
    const l = byId.get(indicatorId)?.breakdown.find((b) => b.key === key)?.label;
    return l ? (i18n.language === 'en' ? l.en : l.vi) : key;
  };
  if (phone) {
    return (
      <Stack gap={0} data-testid="totals-table">
        {totals.map((ind) => (
          <Box
            key={ind.id}
            py="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="total-row"
            data-code={ind.code}
            data-value={ind.value ?? ''}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Box style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} lh={1.35}>
                  {ind.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    ind.unit,
                    t(`reporting.aggregation.${ind.aggregation}`),
                    t('reporting.totals.reports', { n: ind.count }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Box>
              <Text
                fw={700}
                style={{ whiteSpace: 'nowrap' }}
                c={ind.aggregation === 'none' ? 'dimmed' : undefined}
                size={ind.aggregation === 'none' ? 'xs' : 'md'}
                data-testid="total-value"
              >
                {text(ind.value, ind.aggregation)}
              </Text>
            </Group>
            {ind.breakdown.map((b) => (
              <Group key={b.key} justify="space-between" wrap="nowrap" pl="md" gap="xs">
                <Text size="xs" c="dimmed">
                  {labelOf(ind.id, b.key)}
                </Text>
                <Text size="xs" fw={600}>
                  {text(b.value)}
                </Text>
              </Group>
            ))}
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <ScrollArea type="auto">
      <Table striped={false} highlightOnHover miw={620} data-testid="totals-table" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reporting.totals.indicator')}</Table.Th>
            <Table.Th>{t('reporting.totals.unitOfMeasure')}</Table.Th>
            <Table.Th>{t('reporting.totals.aggregation')}</Table.Th>
            <Table.Th ta="right">{t('reporting.totals.value')}</Table.Th>
            <Table.Th ta="right">{t('reporting.totals.count')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.flatMap((ind) => [
            <Table.Tr key={ind.id} data-testid="total-row" data-code={ind.code} data-value={ind.value ?? ''}>
              <Table.Td fw={500}>{ind.name}</Table.Td>
              <Table.Td c="dimmed">{ind.unit ?? ''}</Table.Td>
              <Table.Td c="dimmed">{t(`reporting.aggregation.${ind.aggregation}`)}</Table.Td>
              <Table.Td
                ta="right"
                fw={700}
                c={ind.aggregation === 'none' ? 'dimmed' : undefined}
                data-testid="total-value"
              >
                {text(ind.value, ind.aggregation)}
              </Table.Td>
              <Table.Td ta="right">{ind.count}</Table.Td>
            </Table.Tr>,
            ...ind.breakdown.map((b) => (
              <Table.Tr key={`${ind.id}|${b.key}`} data-testid="total-breakdown">
                <Table.Td pl="xl" c="dimmed" fz="sm">
                  {labelOf(ind.id, b.key)}
                </Table.Td>
                <Table.Td />
                <Table.Td />
                <Table.Td ta="right" fz="sm" fw={600}>
                  {text(b.value)}
                </Table.Td>
                <Table.Td ta="right" fz="sm" c="dimmed">
                  {b.count}
                </Table.Td>
              </Table.Tr>
            )),
          ])}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
