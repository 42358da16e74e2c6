import { Fragment } from 'react';
import { Anchor, Box, Text } from '@mantine/core';
import { useUnit } from '../organisation/api.ts';

/**
 * Where a dashboard stands in the tree: the units above the one shown (from the person's own top
 * unit down, since they may read nothing above it), each a step back up. Long names wrap.
 */
export function UnitTrail({
  unitId,
  topUnitId,
  everywhere,
  onPick,
}: {
  unitId: string;
  topUnitId: string | null;
  everywhere: boolean;
  onPick: (id: string) => void;
}) {
  const unit = useUnit(unitId);
  if (!unit.data) return null;
  const ancestors = unit.data.ancestors;
  const from = everywhere
    ? 0
    : Math.max(
        0,
        ancestors.findIndex((a) => a.id === topUnitId),
      );
  const above = everywhere || ancestors.some((a) => a.id === topUnitId) ? ancestors.slice(from) : [];
  return (
    <Box component="nav" style={{ flex: '1 1 260px', minWidth: 0 }} data-testid="unit-trail">
      <Text size="sm" component="div" lh={1.6}>
        {above.map((a) => (
          <Fragment key={a.id}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => onPick(a.id)}
              style={{ verticalAlign: 'baseline' }}
              data-testid="trail-unit"
            >
              {a.shortName ?? a.name}
            </Anchor>
            <Text span c="dimmed" mx={6} aria-hidden>
              ›
            </Text>
          </Fragment>
        ))}
        <Text span fw={600} data-testid="trail-current">
          {unit.data.shortName ?? unit.data.name}
        </Text>
      </Text>
    </Box>
  );
}
