import { Box, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';

export type TrendPoint = { label: string; title: string; value: number | null };

const HEIGHT = 200;
const TOP = 22;
const BOTTOM = 28;
const LEFT = 8;
const RIGHT = 8;

/**
 * One indicator over a run of periods, as columns drawn to the width of their box (so a phone
 * gets readable labels, not a shrunken picture): the value above each column, every few periods named below.
 */
export function TrendChart({ points, unit }: { points: TrendPoint[]; unit: string | null }) {
  const { t, i18n } = useTranslation();
  const { ref, width } = useElementSize();
  const max = Math.max(0, ...points.map((p) => p.value ?? 0));
  const plotW = Math.max(0, width - LEFT - RIGHT);
  const plotH = HEIGHT - TOP - BOTTOM;
  const slot = points.length ? plotW / points.length : 0;
  const bar = Math.max(2, Math.min(36, slot * 0.62));
  // Name every period when there is room (about 44 px each), otherwise every second, third…
  const every = Math.max(1, Math.ceil(44 / Math.max(1, slot)));
  const showValues = slot >= 30;
  const y = (v: number) => TOP + plotH - (max > 0 ? (v / max) * plotH : 0);
  const described = points
    .map((p) => `${p.title}: ${p.value === null ? '—' : formatNumber(p.value, i18n.language)}`)
    .join('; ');

  return (
    <Box ref={ref} w="100%" data-testid="trend-chart">
      {width > 0 ? (
        <svg
          width={width}
          height={HEIGHT}
          role="img"
          aria-label={`${t('reporting.totals.trend')}${unit ? ` (${unit})` : ''}: ${described}`}
        >
          {[0, 0.5, 1].map((f) => (
            <line
              key={f}
              x1={LEFT}
              x2={width - RIGHT}
              y1={TOP + plotH * (1 - f)}
              y2={TOP + plotH * (1 - f)}
              stroke="var(--mantine-color-gray-3)"
              strokeDasharray={f === 0 ? undefined : '3 3'}
            />
          ))}
          {points.map((p, i) => {
            const cx = LEFT + slot * i + slot / 2;
            const h = p.value === null ? 0 : TOP + plotH - y(p.value);
            return (
              <g key={p.label + i} data-testid="trend-point" data-value={p.value ?? ''}>
                <title>{`${p.title}: ${p.value === null ? '—' : formatNumber(p.value, i18n.language)}`}</title>
                {p.value !== null ? (
                  <rect
                    x={cx - bar / 2}
                    y={y(p.value)}
                    width={bar}
                    height={Math.max(h, p.value > 0 ? 1 : 0)}
                    rx={2}
                    fill="var(--mantine-color-partyRed-6)"
                  />
                ) : null}
                {p.value !== null && showValues ? (
                  <text x={cx} y={y(p.value) - 5} textAnchor="middle" fontSize={11} fill="var(--mantine-color-gray-8)">
                    {formatNumber(p.value, i18n.language)}
                  </text>
                ) : null}
                {i % every === 0 ? (
                  <text x={cx} y={HEIGHT - 9} textAnchor="middle" fontSize={11} fill="var(--mantine-color-gray-7)">
                    {p.label}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      ) : (
        <Box h={HEIGHT} />
      )}
      {!showValues && max > 0 ? (
        <Text size="xs" c="dimmed">
          {t('reporting.totals.trendMax', { value: formatNumber(max, i18n.language) })}
        </Text>
      ) : null}
    </Box>
  );
}
