import { useState } from 'react';
import { Box, Drawer, Group, Pagination, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { HISTORY_PAGE_SIZE, useReportHistory, type Indicator } from './api.ts';

/** Lịch sử số liệu: every change of a report's values, newest first — who, when, old → new. */
export function HistoryDrawer({
  submissionId,
  indicators,
  opened,
  onClose,
}: {
  submissionId: string;
  indicators: Indicator[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [page, setPage] = useState(1);
  const history = useReportHistory(opened ? submissionId : null, page);
  const phone = useMediaQuery('(max-width: 36em)');
  const byId = new Map(indicators.map((i) => [i.id, i]));

  const shown = (indicatorId: string, text: string | null) => {
    if (text === null || text === '') return t('reporting.history.empty');
    const ind = byId.get(indicatorId);
    if (!ind) return text;
    if (ind.valueType === 'boolean') return text === '1' ? t('reporting.form.yes') : t('reporting.form.no');
    if (ind.valueType === 'date') return formatDate(text);
    if (ind.valueType === 'text') return text;
    const n = Number(text);
    return Number.isFinite(n) ? formatNumber(n, lang) : text;
  };
  const cellName = (indicatorId: string, key: string, fallback: string) => {
    const ind = byId.get(indicatorId);
    const label = ind?.breakdown.find((b) => b.key === key)?.label;
    const name = ind?.name ?? fallback;
    return label ? `${name} — ${lang === 'en' ? label.en : label.vi}` : name;
  };
  const pages = history.data ? Math.max(1, Math.ceil(history.data.total / HISTORY_PAGE_SIZE)) : 1;

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={t('reporting.history.title')}
      position="right"
      size={phone ? '100%' : 'md'}
    >
      <ErrorAlert error={history.error} />
      {history.isPending ? <CenterLoader /> : null}
      {history.data && history.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('reporting.history.none')}
        </Text>
      ) : null}
      <Stack gap={0} data-testid="history">
        {history.data?.items.map((h) => (
          <Box
            key={h.id}
            py="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="history-row"
          >
            <Text size="sm" fw={600} lh={1.35}>
              {cellName(h.indicatorId, h.breakdownKey, h.indicatorName)}
            </Text>
            <Group gap={6} wrap="wrap">
              <Text size="sm" c="dimmed" td="line-through">
                {shown(h.indicatorId, h.oldValue)}
              </Text>
              <IconArrowRight size={14} />
              <Text size="sm" fw={600}>
                {shown(h.indicatorId, h.newValue)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('reporting.history.by', { name: h.changedBy, at: formatDateTime(h.changedAt) })}
            </Text>
          </Box>
        ))}
      </Stack>
      {pages > 1 ? <Pagination mt="sm" total={pages} value={page} onChange={setPage} size="sm" /> : null}
    </Drawer>
  );
}
