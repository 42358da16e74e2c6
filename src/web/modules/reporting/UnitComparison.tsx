import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChildTotals } from './api.ts';
import { useTotalText } from './TotalsTable.tsx';

/** One indicator across the child units on the page, as bars against the largest; units with nothing reported are counted, not drawn. */
export function UnitComparison({ data, indicatorId }: { data: ChildTotals; indicatorId: string }) {
  const { t } = useTranslation();
  const text = useTotalText();
  const rows = data.items
    .map((r) => ({ unit: r.unit, value: r.values[indicatorId] ?? null }))
    .filter((r): r is { unit: typeof r.unit; value: number } => r.value !== null);
  const max = Math.max(0, ...rows.map((r) => r.value));
  const without = data.items.length - rows.length;
  return (
    <Stack gap={8} data-testid="comparison">
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reporting.totals.compareEmpty')}
        </Text>
      ) : null}
      {rows
        .sort((a, b) => b.value - a.value)
        .map((r) => (
          <Box key={r.unit.id} data-testid="comparison-row" data-unit={r.unit.name} data-value={r.value}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="xs" truncate="end" title={r.unit.name}>
                {r.unit.shortName ?? r.unit.name}
              </Text>
              <Text size="xs" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {text(r.value)}
              </Text>
            </Group>
            <Box h={8} bg="gray.1" style={{ borderRadius: 4, overflow: 'hidden' }}>
              <Box
                h="100%"
                w={`${max > 0 ? Math.max(1, (r.value / max) * 100) : 0}%`}
                bg="partyRed.6"
                style={{ borderRadius: 4 }}
              />
            </Box>
          </Box>
        ))}
      {without > 0 && rows.length > 0 ? (
        <Text size="xs" c="dimmed">
          {t('reporting.totals.compareWithout', { n: without })}
        </Text>
      ) : null}
    </Stack>
  );
}
