import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useGroupSets } from '../organisation/api.ts';
import { useGroupTotals, type Indicator } from './api.ts';
import { TotalsGrid } from './TotalsGrid.tsx';

/**
 * The subtree's totals over the range broken down by a group set of the registry (by ownership,
 * by sector): a line per group with its units, the units in no group, and the whole — live like
 * the rest of the page. The set chosen is kept in the address.
 */
export function GroupTotalsCard(props: {
  templateId: string;
  unitId: string;
  from: string;
  to: string;
  rangeName: string;
  indicators: Indicator[];
  groupSetId: string | undefined;
  onGroupSet: (id: string) => void;
}) {
  const { t } = useTranslation();
  const sets = useGroupSets();
  const items = sets.data?.items ?? [];
  const set = items.find((s) => s.id === props.groupSetId) ?? items[0];
  const totals = useGroupTotals(
    set
      ? { templateId: props.templateId, unitId: props.unitId, from: props.from, to: props.to, groupSetId: set.id }
      : null,
  );
  if (sets.data && !items.length) return null;
  const data = totals.data;
  const rows = data
    ? [
        ...data.groups.map((g) => ({
          id: g.id,
          name: g.name,
          detail: t('reporting.totals.groupUnits', { count: g.unitCount }),
          values: g.values,
        })),
        ...(Object.values(data.ungrouped.values).some((v) => v !== null)
          ? [{ id: 'ungrouped', name: t('reporting.totals.ungrouped'), values: data.ungrouped.values }]
          : []),
        { id: 'total', name: t('reporting.totals.groupTotal'), values: data.total.values, strong: true },
      ]
    : [];
  return (
    <Card bg="white" padding="md" data-testid="group-totals">
      <Group justify="space-between" gap="sm" wrap="wrap" mb="sm" align="flex-end">
        <div>
          <Title order={2} fz="lg">
            {t('reporting.totals.byGroup')}
          </Title>
          <Text size="xs" c="dimmed">
            {props.rangeName}
          </Text>
        </div>
        {items.length > 1 && set ? (
          <SegmentedControl
            size="xs"
            value={set.id}
            onChange={props.onGroupSet}
            data={items.map((s) => ({ value: s.id, label: s.name }))}
            aria-label={t('reporting.totals.groupSet')}
            data-testid="group-set"
          />
        ) : null}
      </Group>
      <ErrorAlert error={sets.error ?? totals.error} />
      {sets.isPending || (totals.isPending && set) ? <CenterLoader /> : null}
      {data ? (
        <TotalsGrid rows={rows} indicators={props.indicators} heading={data.groupSet.name} testId="group" />
      ) : null}
    </Card>
  );
}
