import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormIndicator } from '../../../common/reportValues.ts';
import type { Target } from './api.ts';
import { formatScore } from './shared.tsx';

/** A registration's targets as read: what the unit commits to, and the indicator and figure it names. */
export function TargetsList({ targets, indicators }: { targets: Target[]; indicators: FormIndicator[] }) {
  const { t, i18n } = useTranslation();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return (
    <List type="ordered" size="sm" spacing={6} data-testid="targets-list">
      {targets.map((target, i) => {
        const ind = target.indicatorId ? byId.get(target.indicatorId) : undefined;
        const figure =
          target.value === null
            ? null
            : `${formatScore(target.value, i18n.language)}${ind?.unit ? ` ${ind.unit}` : ''}`;
        return (
          <List.Item key={i} data-testid="target-item">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {target.text}
            </Text>
            {ind || figure ? (
              <Text size="xs" c="dimmed">
                {ind ? t('emulation.targets.indicatorLine', { indicator: ind.name }) : null}
                {ind && figure ? ' · ' : null}
                {figure ? t('emulation.targets.valueLine', { value: figure }) : null}
              </Text>
            ) : null}
          </List.Item>
        );
      })}
    </List>
  );
}
