import { Anchor, Box, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ChildTotals, Indicator } from './api.ts';
import { useTotalText } from './TotalsTable.tsx';

/**
 * The drill-down: the child units of the unit shown, each with its subtree's totals for one
 * period; a unit's name goes down to it. On a phone, one block per unit instead of a wide table.
 */
export function ChildTotalsTable({ data, indicators, onPick }: { data: ChildTotals; indicators: Indicator[]; onPick: (unitId: string) => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const text = useTotalText();
  const unitName = (u: { id: string; name: string }) => (
    <Anchor component="button" type="button" size="sm" fw={500} onClick={() => onPick(u.id)} style={{ textAlign: 'left', whiteSpace: 'normal' }} data-testid="child-unit">
      {u.name}
    </Anchor>
  );
  if (phone) {
    return (
      <Stack gap={0} data-testid="children-table">
        {data.items.map((row) => (
          <Box key={row.unit.id} py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid="child-row" data-unit={row.unit.name}>
            {unitName(row.unit)}
            {/* On a phone: only what the unit's subtree reported, one line each. */}
            {indicators.some((ind) => (row.values[ind.id] ?? null) !== null) ? (
              <Stack gap={0} mt={2}>
                {indicators
                  .filter((ind) => (row.values[ind.id] ?? null) !== null)
                  .map((ind) => (
                    <Group key={ind.id} gap="xs" wrap="nowrap" justify="space-between">
                      <Text size="xs" c="dimmed" style={{ minWidth: 0 }}>
                        {ind.name}
                      </Text>
                      <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {text(row.values[ind.id] ?? null)}
                      </Text>
                    </Group>
                  ))}
              </Stack>
            ) : (
              <Text size="xs" c="dimmed">
                {t('reporting.totals.nothingYet')}
              </Text>
            )}
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <ScrollArea type="auto">
      <Table highlightOnHover miw={Math.max(560, 240 + indicators.length * 100)} data-testid="children-table" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reporting.totals.childUnit')}</Table.Th>
            {indicators.map((ind) => (
              <Table.Th key={ind.id} ta="right" fz="xs" style={{ verticalAlign: 'bottom' }} title={ind.name}>
                {ind.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((row) => (
            <Table.Tr key={row.unit.id} data-testid="child-row" data-unit={row.unit.name}>
              <Table.Td>{unitName(row.unit)}</Table.Td>
              {indicators.map((ind) => (
                <Table.Td key={ind.id} ta="right" fw={row.values[ind.id] === null ? undefined : 600} c={row.values[ind.id] === null ? 'dimmed' : undefined}>
                  {text(row.values[ind.id] ?? null)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
