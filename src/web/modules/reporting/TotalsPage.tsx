import { Anchor, Button, Card, Grid, Group, Select, Stack, Text, Title } from '@mantine/core';
import {
  IconChevronLeft,
  IconChevronRight,
  IconFileText,
  IconFileTypeDocx,
  IconListCheck,
  IconTableExport,
} from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { systemToday } from '../../app/clock.ts';
import { withQuery } from '../../app/api.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useUnit } from '../organisation/api.ts';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import { useChildTotals, usePeriodTotals, useTemplate, useTotals, type Template } from './api.ts';
import { GroupTotalsCard } from './GroupTotalsCard.tsx';
import { TotalsGrid } from './TotalsGrid.tsx';
import { PeriodSelect } from './PeriodSelect.tsx';
import type { TotalsSearch } from './search.ts';
import {
  currentPeriod,
  lastClosedPeriod,
  periodChoices,
  periodName,
  periodRun,
  shortPeriodName,
  startOfYear,
} from './templatePeriods.ts';
import { TemplateSelect } from './TemplateSelect.tsx';
import { TotalsTable } from './TotalsTable.tsx';
import { TrendChart } from './TrendChart.tsx';
import { UnitComparison } from './UnitComparison.tsx';
import { UnitTrail } from './UnitTrail.tsx';
import { TemplateUnitPage } from './TemplateUnitPage.tsx';

const CHILD_PAGE_SIZE = 20;
const MAX_TREND = 24;

/**
 * Số liệu tổng hợp (`/reporting/totals?templateId&unitId&from&to`): a unit's whole subtree over a
 * run of periods, live as reports come in; the trend of one indicator; the child units for one
 * period, compared and drilled into, with the way back up.
 */
export function TotalsPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/signed-in/reporting/totals' });
  return (
    <TemplateUnitPage
      title={t('reporting.totals.title')}
      description={t('reporting.totals.description')}
      templateId={search.templateId}
      unitId={search.unitId}
    >
      {(on) => (
        <Dashboard
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

function Dashboard({
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
  search: TotalsSearch;
  topUnitId: string | null;
  everywhere: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate({ from: '/reporting/totals' });
  const set = (change: TotalsSearch) => void navigate({ search: (s) => ({ ...s, ...change }) });
  const today = systemToday();
  const ofTemplate = (p: string | undefined) => (p && periodRun(template, p, p).length === 1 ? p : undefined);
  const from = ofTemplate(search.from) ?? startOfYear(template, today);
  const to = ofTemplate(search.to) ?? currentPeriod(template, today);
  const run = periodRun(template, from, to);
  // The drill-down opens on the month just closed (the one being reported now) when the range holds it.
  const closed = lastClosedPeriod(template, today);
  const periodId = ofTemplate(search.periodId) ?? (run.includes(closed) ? closed : to);
  const page = search.page ?? 1;
  const choices = periodChoices(template, today, [from, to, periodId]);
  const detail = useTemplate(template.id);
  const unit = useUnit(unitId);
  const indicators = detail.data?.indicators ?? [];
  const added = indicators.filter((i) => i.aggregation !== 'none' && i.valueType !== 'date' && i.valueType !== 'text');
  const indicatorId = added.find((i) => i.id === search.indicatorId)?.id ?? added[0]?.id;
  const chosen = added.find((i) => i.id === indicatorId);

  const totals = useTotals(run.length ? { templateId: template.id, unitId, from, to } : null);
  const trendPeriods = run.slice(-MAX_TREND);
  const trend = usePeriodTotals(
    indicatorId ? { templateId: template.id, unitId, indicatorIds: [indicatorId] } : null,
    trendPeriods,
  );
  const children = useChildTotals({ templateId: template.id, unitId, periodId, page, pageSize: CHILD_PAGE_SIZE });

  const goTo = (id: string) => set({ unitId: id, page: undefined });
  const assigned =
    unit.data !== undefined &&
    (template.assignment.kinds.some((k) => k === unit.data?.kind) ||
      template.assignment.unitIds.includes(unitId) ||
      unit.data.groups.some((g) => template.assignment.groupIds.includes(g.groupId)));
  const rangeName =
    from === to
      ? periodName(from, lang, template.campaign)
      : `${periodName(from, lang, template.campaign)} – ${periodName(to, lang, template.campaign)}`;

  return (
    <Stack gap="md">
      <Card bg="white" padding="md">
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
            <TemplateSelect
              templates={templates}
              value={template.id}
              onChange={(id) =>
                set({
                  templateId: id,
                  from: undefined,
                  to: undefined,
                  periodId: undefined,
                  indicatorId: undefined,
                  page: undefined,
                })
              }
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
            <UnitPicker
              label={t('reporting.filters.unit')}
              value={unitId}
              onChange={(id) => id && goTo(id)}
              clearable={false}
              data-testid="unit-picker"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
            <PeriodSelect
              label={t('reporting.filters.from')}
              periods={choices}
              campaign={template.campaign}
              value={from}
              onChange={(p) => set({ from: p })}
              data-testid="from-select"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
            <PeriodSelect
              label={t('reporting.filters.to')}
              periods={choices}
              campaign={template.campaign}
              value={to}
              onChange={(p) => set({ to: p, periodId: undefined, page: undefined })}
              data-testid="to-select"
            />
          </Grid.Col>
        </Grid>
      </Card>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <UnitTrail unitId={unitId} topUnitId={topUnitId} everywhere={everywhere} onPick={goTo} />
        <Group gap="xs" wrap="wrap">
          {assigned ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconFileText size={16} />}
              renderRoot={(props) => (
                <Link {...props} to="/reporting/form" search={{ templateId: template.id, unitId, periodId }} />
              )}
              data-testid="open-unit-report"
            >
              {t('reporting.totals.unitReport', { period: periodName(periodId, lang, template.campaign) })}
            </Button>
          ) : null}
          <Button
            size="xs"
            variant="light"
            leftSection={<IconListCheck size={16} />}
            renderRoot={(props) => (
              <Link {...props} to="/reporting/completeness" search={{ templateId: template.id, unitId, periodId }} />
            )}
            data-testid="open-completeness"
          >
            {t('reporting.home.completeness')}
          </Button>
          {run.length ? (
            <>
              <Button
                size="xs"
                variant="light"
                component="a"
                href={withQuery('/api/reporting/totals.xlsx', { templateId: template.id, unitId, from, to })}
                download
                leftSection={<IconTableExport size={16} />}
                data-testid="totals-xlsx"
              >
                {t('reporting.excel.totals')}
              </Button>
              <Button
                size="xs"
                variant="light"
                component="a"
                href={withQuery('/api/reporting/report.docx', { templateId: template.id, unitId, periodId: to })}
                download
                leftSection={<IconFileTypeDocx size={16} />}
                data-testid="report-docx"
              >
                {t('reporting.excel.reportDocx')}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>

      <Card bg="white" padding="md" data-testid="totals">
        <Title order={2} fz="lg">
          {t('reporting.totals.subtree', { unit: unit.data?.name ?? '…' })}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {rangeName}
          {template.countsOn === 'approved' ? ` · ${t('reporting.totals.countsApproved')}` : ''}
        </Text>
        {!run.length ? (
          <Text c="red" size="sm" role="alert">
            {t('reporting.totals.badRange')}
          </Text>
        ) : null}
        <ErrorAlert error={totals.error ?? detail.error} />
        {totals.isPending && run.length ? <CenterLoader /> : null}
        {totals.data ? <TotalsTable totals={totals.data.indicators} indicators={indicators} /> : null}
      </Card>

      {added.length ? (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }} miw={0}>
            <Card bg="white" padding="md" h="100%" data-testid="trend">
              <Stack gap="xs">
                <Title order={2} fz="lg">
                  {t('reporting.totals.trend')}
                </Title>
                <Select
                  aria-label={t('reporting.totals.indicator')}
                  size="sm"
                  data={added.map((i) => ({ value: i.id, label: i.name }))}
                  value={indicatorId ?? null}
                  onChange={(id) => id && set({ indicatorId: id })}
                  allowDeselect={false}
                  data-testid="indicator-select"
                />
                <Text size="xs" c="dimmed">
                  {rangeName}
                  {chosen?.unit ? ` · ${chosen.unit}` : ''}
                </Text>
                <ErrorAlert error={trend.find((q) => q.error)?.error} />
                {trendPeriods.length ? (
                  <TrendChart
                    unit={chosen?.unit ?? null}
                    points={trendPeriods.map((p, i) => ({
                      label: shortPeriodName(p),
                      title: periodName(p, lang, template.campaign),
                      value: trend[i]?.data?.indicators[0]?.value ?? null,
                    }))}
                  />
                ) : null}
                {run.length > MAX_TREND ? (
                  <Text size="xs" c="dimmed">
                    {t('reporting.totals.trendLast', { n: MAX_TREND })}
                  </Text>
                ) : null}
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }} miw={0}>
            <Card bg="white" padding="md" h="100%" data-testid="comparison-card">
              <Title order={2} fz="lg">
                {t('reporting.totals.compareTitle')}
              </Title>
              <Text size="xs" c="dimmed" mb="sm">
                {chosen
                  ? t('reporting.totals.compare', {
                      indicator: chosen.name,
                      period: periodName(periodId, lang, template.campaign),
                    })
                  : null}
              </Text>
              <ErrorAlert error={children.error} />
              {children.data && chosen ? <UnitComparison data={children.data} indicatorId={chosen.id} /> : null}
            </Card>
          </Grid.Col>
        </Grid>
      ) : null}

      {run.length && added.length ? (
        <GroupTotalsCard
          templateId={template.id}
          unitId={unitId}
          from={from}
          to={to}
          rangeName={rangeName}
          indicators={added}
          groupSetId={search.groupSetId}
          onGroupSet={(id) => set({ groupSetId: id })}
        />
      ) : null}

      <Card bg="white" padding="md" data-testid="drill-down">
        <Group justify="space-between" gap="sm" wrap="wrap" mb="sm" align="flex-end">
          <Title order={2} fz="lg">
            {t('reporting.totals.children')}
          </Title>
          <PeriodSelect
            aria-label={t('reporting.filters.period')}
            size="sm"
            w={{ base: '100%', sm: 220 }}
            periods={choices}
            campaign={template.campaign}
            value={periodId}
            onChange={(p) => set({ periodId: p, page: undefined })}
            data-testid="drill-period"
          />
        </Group>
        <ErrorAlert error={children.error} />
        {children.isPending ? <CenterLoader /> : null}
        {children.data && children.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="children-empty">
            {t('reporting.totals.noChildren')}
          </Text>
        ) : null}
        {children.data?.items.length ? (
          <TotalsGrid
            rows={children.data.items.map((r) => ({ id: r.unit.id, name: r.unit.name, values: r.values }))}
            indicators={added}
            heading={t('reporting.totals.childUnit')}
            onPick={goTo}
            testId="child"
          />
        ) : null}
        {page > 1 || children.data?.hasMore ? (
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
              disabled={!children.data?.hasMore}
              onClick={() => set({ page: page + 1 })}
              data-testid="children-next"
            >
              {t('reporting.next')}
            </Button>
          </Group>
        ) : null}
      </Card>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/reporting" />}>
        {t('reporting.backHome')}
      </Anchor>
    </Stack>
  );
}
