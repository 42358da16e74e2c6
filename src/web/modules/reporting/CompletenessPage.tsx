import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Progress,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChartBar, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { systemToday } from '../../app/clock.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useUnit } from '../organisation/api.ts';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import { useCompleteness, type Completeness, type CompletenessItem, type Template } from './api.ts';
import { PeriodSelect } from './PeriodSelect.tsx';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import type { CompletenessSearch } from './search.ts';
import { lastClosedPeriod, periodChoices, periodName, periodRun } from './templatePeriods.ts';
import { TemplateSelect } from './TemplateSelect.tsx';
import { UnitTrail } from './UnitTrail.tsx';
import { TemplateUnitPage } from './TemplateUnitPage.tsx';

const PAGE_SIZE = 25;
/** Under "not yet submitted": those with nothing at all first, then those returned, then drafts. */
const missingOrder: Record<CompletenessItem['status'], number> = {
  missing: 0,
  returned: 1,
  draft: 2,
  submitted: 3,
  approved: 4,
};

/**
 * Tình hình nộp báo cáo (`/reporting/completeness?templateId&unitId&periodId`): how many units
 * under a unit must report for a period, how many have, how many on time, and who has not yet —
 * live as reports come in.
 */
export function CompletenessPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/reporting/completeness' });
  return (
    <TemplateUnitPage
      title={t('reporting.completeness.title')}
      description={t('reporting.completeness.description')}
      templateId={search.templateId}
      unitId={search.unitId}
    >
      {(on) => (
        <CompletenessView
          templates={on.templates}
          template={on.template}
          unitId={on.unitId}
          search={search}
          topUnitId={on.topUnitId}
          everywhere={on.everywhere}
        />
      )}
    </TemplateUnitPage>
  );
}

function CompletenessView({
  templates,
  template,
  unitId,
  search,
  topUnitId,
  everywhere,
}: {
  templates: Template[];
  template: Template;
  unitId: string;
  search: CompletenessSearch;
  topUnitId: string | null;
  everywhere: boolean;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate({ from: '/reporting/completeness' });
  const set = (change: CompletenessSearch) => void navigate({ search: (s) => ({ ...s, ...change }) });
  const today = systemToday();
  const periodId =
    search.periodId && periodRun(template, search.periodId, search.periodId).length === 1
      ? search.periodId
      : lastClosedPeriod(template, today);
  const page = search.page ?? 1;
  const missingOnly = search.missing === true;
  const data = useCompleteness({ templateId: template.id, unitId, periodId, missingOnly, page, pageSize: PAGE_SIZE });
  const unit = useUnit(unitId);
  const c = data.data;

  return (
    <Stack gap="md">
      <Card bg="white" padding="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TemplateSelect
            templates={templates}
            value={template.id}
            onChange={(id) => set({ templateId: id, periodId: undefined, page: undefined })}
          />
          <UnitPicker
            label={t('reporting.filters.unit')}
            value={unitId}
            onChange={(id) => id && set({ unitId: id, page: undefined })}
            clearable={false}
            data-testid="unit-picker"
          />
          <PeriodSelect
            label={t('reporting.filters.period')}
            periods={periodChoices(template, today, [periodId])}
            campaign={template.campaign}
            value={periodId}
            onChange={(p) => set({ periodId: p, page: undefined })}
            data-testid="period-select"
          />
        </SimpleGrid>
      </Card>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <UnitTrail
          unitId={unitId}
          topUnitId={topUnitId}
          everywhere={everywhere}
          onPick={(id) => set({ unitId: id, page: undefined })}
        />
        <Button
          size="xs"
          variant="light"
          leftSection={<IconChartBar size={16} />}
          renderRoot={(props) => (
            <Link
              {...props}
              to="/reporting/totals"
              search={{ templateId: template.id, unitId, from: periodId, to: periodId }}
            />
          )}
          data-testid="open-totals"
        >
          {t('reporting.home.totals')}
        </Button>
      </Group>
      <ErrorAlert error={data.error} />
      {data.isPending ? <CenterLoader /> : null}
      {c ? (
        <>
          <Summary
            c={c}
            unitName={unit.data?.name ?? ''}
            periodLabel={periodName(periodId, i18n.language, template.campaign)}
          />
          <Card bg="white" padding="md" data-testid="completeness-list">
            <Group justify="space-between" gap="sm" wrap="wrap" mb="sm">
              <Title order={2} fz="lg">
                {t('reporting.completeness.units')}
              </Title>
              <SegmentedControl
                size="sm"
                value={missingOnly ? 'missing' : 'all'}
                onChange={(v) => set({ missing: v === 'missing' ? true : undefined, page: undefined })}
                data={[
                  { value: 'all', label: t('reporting.completeness.all') },
                  { value: 'missing', label: t('reporting.completeness.missingOnly', { n: c.missing }) },
                ]}
                data-testid="missing-filter"
              />
            </Group>
            {c.items.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="completeness-empty">
                {missingOnly ? t('reporting.completeness.noneMissing') : t('reporting.completeness.noneExpected')}
              </Text>
            ) : (
              <UnitList
                items={
                  missingOnly ? [...c.items].sort((a, b) => missingOrder[a.status] - missingOrder[b.status]) : c.items
                }
                templateId={template.id}
                periodId={periodId}
                today={c.today}
              />
            )}
            {page > 1 || c.hasMore ? (
              <Group justify="center" gap="sm" mt="sm">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconChevronLeft size={14} />}
                  disabled={page === 1}
                  onClick={() => set({ page: page - 1 > 1 ? page - 1 : undefined })}
                >
                  {t('reporting.previous')}
                </Button>
                <Text size="sm">{t('reporting.page', { page })}</Text>
                <Button
                  variant="default"
                  size="xs"
                  rightSection={<IconChevronRight size={14} />}
                  disabled={!c.hasMore}
                  onClick={() => set({ page: page + 1 })}
                  data-testid="units-next"
                >
                  {t('reporting.next')}
                </Button>
              </Group>
            ) : null}
          </Card>
        </>
      ) : null}
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/reporting" />}>
        {t('reporting.backHome')}
      </Anchor>
    </Stack>
  );
}

function Summary({ c, unitName, periodLabel }: { c: Completeness; unitName: string; periodLabel: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const late = c.received - c.onTime;
  const pct = (n: number) => (c.expected ? (n / c.expected) * 100 : 0);
  const levelName = (level: string) =>
    level === 'cell' || level === 'grassroots' || level === 'bloc' ? t(`reporting.level.${level}`) : level;
  const rate = c.rate === null ? '—' : `${formatNumber(Math.round(c.rate * 1000) / 10, lang)} %`;
  const counts: {
    key: 'expected' | 'received' | 'onTime' | 'late' | 'missing' | 'approved' | 'returned' | 'drafts';
    value: number;
    color: string;
  }[] = [
    { key: 'expected', value: c.expected, color: 'gray' },
    { key: 'received', value: c.received, color: 'blue' },
    { key: 'onTime', value: c.onTime, color: 'green' },
    { key: 'late', value: late, color: 'orange' },
    { key: 'missing', value: c.missing, color: 'red' },
    { key: 'approved', value: c.approved, color: 'teal' },
    { key: 'returned', value: c.returned, color: 'orange' },
    { key: 'drafts', value: c.drafts, color: 'yellow' },
  ];
  return (
    <Card bg="white" padding="md" data-testid="completeness-summary">
      <Text size="sm" c="dimmed">
        {t('reporting.completeness.heading', { unit: unitName, period: periodLabel })}
      </Text>
      <Group justify="space-between" align="flex-end" gap="xs" mt={4} mb={6} wrap="wrap">
        <Text fz={28} fw={700} lh={1.1} data-testid="completeness-rate">
          {t('reporting.completeness.receivedOf', {
            received: formatNumber(c.received, lang),
            expected: formatNumber(c.expected, lang),
          })}
        </Text>
        <Text size="sm" fw={600} c="dimmed">
          {rate}
        </Text>
      </Group>
      <Progress.Root size="lg" aria-label={t('reporting.completeness.progress')}>
        <Progress.Section value={pct(c.onTime)} color="green" title={t('reporting.completeness.count.onTime')} />
        <Progress.Section value={pct(late)} color="orange" title={t('reporting.completeness.count.late')} />
      </Progress.Root>
      <SimpleGrid cols={{ base: 2, xs: 4, md: 8 }} spacing="xs" mt="md">
        {counts.map((n) => (
          <Box
            key={n.key}
            p={6}
            style={{ borderLeft: `3px solid var(--mantine-color-${n.color}-6)` }}
            data-testid={`count-${n.key}`}
            data-value={n.value}
          >
            <Text fw={700} fz="lg" lh={1.2}>
              {formatNumber(n.value, lang)}
            </Text>
            <Text size="xs" c="dimmed" lh={1.3}>
              {t(`reporting.completeness.count.${n.key}`)}
            </Text>
          </Box>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="sm">
        {t('reporting.completeness.deadlines', {
          start: formatDate(c.window.start),
          end: formatDate(c.window.end),
          levels: c.levels.map((l) => `${levelName(l.level)} ${formatDate(l.due)}`).join(', '),
          lock: formatDate(c.lockOn),
        })}
      </Text>
    </Card>
  );
}

function UnitList({
  items,
  templateId,
  periodId,
  today,
}: {
  items: CompletenessItem[];
  templateId: string;
  periodId: string;
  today: string;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const name = (i: CompletenessItem) => (
    <Anchor
      size="sm"
      fw={500}
      renderRoot={(props) => (
        <Link {...props} to="/reporting/form" search={{ templateId, unitId: i.unit.id, periodId }} />
      )}
      style={{ whiteSpace: 'normal' }}
      data-testid="unit-report"
    >
      {i.unit.name}
    </Anchor>
  );
  // Received: on time or late; not received and past the unit's last on-time day: overdue.
  const timeliness = (i: CompletenessItem) =>
    i.onTime !== null ? (
      <Badge size="sm" variant="light" tt="none" color={i.onTime ? 'green' : 'orange'}>
        {i.onTime ? t('reporting.completeness.onTime') : t('reporting.completeness.late')}
      </Badge>
    ) : i.status !== 'submitted' && i.status !== 'approved' && today > i.onTimeBy ? (
      <Badge size="sm" variant="outline" tt="none" color="red">
        {t('reporting.completeness.overdue')}
      </Badge>
    ) : null;
  if (phone) {
    return (
      <Stack gap={0}>
        {items.map((i) => (
          <Box
            key={i.unit.id}
            py="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="completeness-row"
            data-unit={i.unit.name}
            data-status={i.status}
          >
            {name(i)}
            <Group gap={6} mt={4} wrap="wrap">
              <ReportStatusBadge status={i.status} size="sm" />
              {timeliness(i)}
              <Text size="xs" c="dimmed">
                {i.submittedOn
                  ? t('reporting.completeness.sentOn', { date: formatDate(i.submittedOn) })
                  : t('reporting.completeness.dueBy', { date: formatDate(i.onTimeBy) })}
              </Text>
            </Group>
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <ScrollArea type="auto">
      <Table highlightOnHover miw={640} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reporting.completeness.unit')}</Table.Th>
            <Table.Th>{t('reporting.completeness.status')}</Table.Th>
            <Table.Th>{t('reporting.completeness.submittedOn')}</Table.Th>
            <Table.Th>{t('reporting.completeness.onTimeBy')}</Table.Th>
            <Table.Th>{t('reporting.completeness.timeliness')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.unit.id} data-testid="completeness-row" data-unit={i.unit.name} data-status={i.status}>
              <Table.Td>{name(i)}</Table.Td>
              <Table.Td>
                <ReportStatusBadge status={i.status} size="sm" />
              </Table.Td>
              <Table.Td>{formatDate(i.submittedOn)}</Table.Td>
              <Table.Td>{formatDate(i.onTimeBy)}</Table.Td>
              <Table.Td>{timeliness(i)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
