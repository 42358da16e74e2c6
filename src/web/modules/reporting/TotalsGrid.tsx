import { Anchor, Box, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Indicator } from './api.ts';
import { useTotalText } from './TotalsTable.tsx';

/** One line of the grid: a child unit, a group of units, or the whole. */
export type GridRow = {
  id: string;
  name: string;
  detail?: string;
  values: Record<string, number | null>;
  strong?: boolean;
};

/**
 * Totals side by side, a line per child unit (the drill-down: a unit's name goes down to it) or
 * per group of a group set, a column per indicator. On a phone, one block per line instead of a
 * wide table.
 */
export function TotalsGrid({
  rows,
  indicators,
  heading,
  onPick,
  testId,
}: {
  rows: GridRow[];
  indicators: Indicator[];
  heading: string;
  onPick?: (id: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const text = useTotalText();
  const name = (row: GridRow) => (
    <>
      {onPick && !row.strong ? (
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={500}
          onClick={() => onPick(row.id)}
          style={{ textAlign: 'left', whiteSpace: 'normal' }}
          data-testid={`${testId}-name`}
        >
          {row.name}
        </Anchor>
      ) : (
        <Text size="sm" fw={row.strong ? 700 : 500}>
          {row.name}
        </Text>
      )}
      {row.detail ? (
        <Text size="xs" c="dimmed">
          {row.detail}
        </Text>
      ) : null}
    </>
  );
  if (phone) {
    return (
      <Stack gap={0} data-testid={`${testId}-table`}>
        {rows.map((row) => (
          <Box
            key={row.id}
            py="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            data-testid={`${testId}-row`}
            data-name={row.name}
          >
            {name(row)}
            {/* On a phone: only what was reported, one line each. */}
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
      <Table
        highlightOnHover
        miw={Math.max(560, 240 + indicators.length * 100)}
        data-testid={`${testId}-table`}
        verticalSpacing={6}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{heading}</Table.Th>
            {indicators.map((ind) => (
              <Table.Th key={ind.id} ta="right" fz="xs" style={{ verticalAlign: 'bottom' }} title={ind.name}>
                {ind.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              data-testid={`${testId}-row`}
              data-name={row.name}
              bg={row.strong ? 'gray.0' : undefined}
            >
              <Table.Td>{name(row)}</Table.Td>
              {indicators.map((ind) => (
                <Table.Td
                  key={ind.id}
                  ta="right"
                  fw={
                    row.values[ind.id] === null || row.values[ind.id] === undefined ? undefined : row.strong ? 700 : 600
                  }
                  c={(row.values[ind.id] ?? null) === null ? 'dimmed' : undefined}
                >
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
