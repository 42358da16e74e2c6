import { Badge, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatVnd } from '../../../common/money.ts';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Overview, type SourceFigures, useBudgetLive, useOverview, usePlanChoices } from './api.ts';
import { AwardsTab } from './AwardsTab.tsx';
import { EstimatesTab } from './EstimatesTab.tsx';
import type { BudgetSearch, BudgetTab } from './search.ts';
import { SettlementTab, SpendingTab } from './SpendingTab.tsx';
import { SponsorsTab } from './SponsorsTab.tsx';

export const money = (n: number) => formatVnd(n);

/** Estimate, pledged, funds and the funding variance; spent, the spending variance and balance: one source or the whole, as a small card. */
export function FiguresCard({ title, f, testId }: { title: string; f: Omit<SourceFigures, 'source'>; testId: string }) {
  const { t } = useTranslation();
  const row = (label: string, value: number, key: string, strong = false) => (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text
        size="sm"
        fw={strong ? 700 : 500}
        c={value < 0 ? 'red' : undefined}
        style={{ whiteSpace: 'nowrap' }}
        data-testid={`${testId}-${key}`}
      >
        {money(value)}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text fw={600} mb={4}>
        {title}
      </Text>
      {row(t('budget.figures.estimate'), f.estimate, 'estimate')}
      {row(t('budget.figures.pledged'), f.pledged, 'pledged')}
      {row(t('budget.figures.funds'), f.funds, 'funds')}
      {row(t('budget.figures.fundingVariance'), f.fundingVariance, 'funding-variance', true)}
      {row(t('budget.figures.spent'), f.spent, 'spent')}
      {row(t('budget.figures.variance'), f.variance, 'variance', true)}
      {row(t('budget.figures.balance'), f.balance, 'balance', true)}
    </Paper>
  );
}

export const statusColor = { draft: 'gray', submitted: 'orange', approved: 'green', superseded: 'dark' } as const;

function OverviewTab({ overview, onOpen }: { overview: Overview; onOpen: (activityId: string) => void }) {
  const { t } = useTranslation();
  const shown = overview.activities.filter((a) => a.estimateId || a.funds || a.pledged);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {overview.bySource.map((s) => (
          <FiguresCard
            key={s.source}
            title={t(`budget.sources.${s.source}`)}
            f={s}
            testId={`budget-source-${s.source}`}
          />
        ))}
        <FiguresCard title={t('budget.figures.total')} f={overview.totals} testId="budget-total" />
      </SimpleGrid>
      {overview.settlement ? (
        <Badge color="green" variant="light" size="lg">
          {t('budget.settlement.closedOn', { date: formatDate(overview.settlement.closedOn) })}
        </Badge>
      ) : null}
      {shown.length === 0 ? (
        <Text c="dimmed">{t('budget.overview.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1080}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('budget.overview.activity')}</Table.Th>
                <Table.Th>{t('budget.overview.status')}</Table.Th>
                <Table.Th ta="right">{t('budget.figures.estimate')}</Table.Th>
                <Table.Th ta="right">{t('budget.figures.funds')}</Table.Th>
                <Table.Th ta="right">{t('budget.figures.fundingVariance')}</Table.Th>
                <Table.Th ta="right">{t('budget.figures.spent')}</Table.Th>
                <Table.Th ta="right">{t('budget.figures.variance')}</Table.Th>
                <Table.Th ta="right">{t('budget.figures.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((a) => (
                <Table.Tr
                  key={a.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => onOpen(a.id)}
                  data-testid={`budget-activity-${a.ref}`}
                >
                  <Table.Td maw={360}>
                    <Text size="sm" fw={500} lineClamp={2}>
                      {a.ref}. {a.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {a.bySource
                        .filter((s) => s.estimate || s.funds)
                        .map((s) => `${t(`budget.sources.${s.source}`)}: ${money(s.estimate)}`)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {a.status ? (
                      <Badge
                        color={statusColor[a.status]}
                        variant="light"
                        style={{ overflow: 'visible' }}
                        miw="max-content"
                      >
                        {t(`budget.status.${a.status}`)} · v{a.versionNumber}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('budget.overview.noEstimate')}
                      </Text>
                    )}
                  </Table.Td>
                  <AmountCell value={a.estimate} />
                  <AmountCell value={a.funds} testId="funds" />
                  <AmountCell value={a.fundingVariance} testId="funding-variance" signed />
                  <AmountCell value={a.spent} testId="spent" />
                  <AmountCell value={a.variance} testId="variance" signed />
                  <AmountCell value={a.balance} testId="balance" signed />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** A plan's budget: the overview by activity and source, estimates, award money, sponsors, spending, settlement. */
export function BudgetPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const search: BudgetSearch = useSearch({ from: '/signed-in/budget' });
  const navigate = useNavigate();
  const plans = usePlanChoices();
  const roots = (plans.data?.items ?? []).filter((p) => !p.parentPlanId);
  const planId = search.plan ?? roots[0]?.id;
  const overview = useOverview(planId);
  useBudgetLive();
  if (!auth.can('budget.read')) return <NoPermission />;
  const tab: BudgetTab = search.tab ?? 'overview';
  const go = (next: Partial<BudgetSearch>) => {
    const merged: BudgetSearch = { ...search, ...next };
    const clean: BudgetSearch = {};
    if (merged.tab && merged.tab !== 'overview') clean.tab = merged.tab;
    if (merged.plan) clean.plan = merged.plan;
    if (merged.activity) clean.activity = merged.activity;
    void navigate({ to: '/budget', search: clean });
  };
  return (
    <>
      <PageHeader
        title={t('budget.title')}
        description={t('budget.description')}
        actions={
          roots.length > 1 ? (
            <Select
              aria-label={t('budget.plan')}
              data={roots.map((p) => ({ value: p.id, label: p.title }))}
              value={planId ?? null}
              onChange={(v) => v && go({ plan: v, activity: undefined })}
              w={320}
              allowDeselect={false}
            />
          ) : null
        }
      />
      {plans.isPending || (planId && overview.isPending) ? (
        <CenterLoader />
      ) : plans.error ? (
        <ErrorAlert error={plans.error} />
      ) : overview.error ? (
        <ErrorAlert error={overview.error} />
      ) : !planId || !overview.data ? (
        <Text c="dimmed">{t('budget.noPlan')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="budget-plan">
            {overview.data.plan.number ? `${overview.data.plan.number} · ` : ''}
            {overview.data.plan.title}
          </Text>
          <Tabs value={tab} onChange={(v) => go({ tab: (v ?? 'overview') as BudgetTab })} keepMounted={false}>
            <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
              {(['overview', 'estimates', 'awards', 'sponsors', 'spending', 'settlement'] as const).map((k) => (
                <Tabs.Tab key={k} value={k} data-testid={`budget-tab-${k}`}>
                  {t(`budget.tabs.${k}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value={tab} pt="md">
              {tab === 'overview' ? (
                <OverviewTab overview={overview.data} onOpen={(id) => go({ tab: 'estimates', activity: id })} />
              ) : null}
              {tab === 'estimates' ? (
                <EstimatesTab
                  overview={overview.data}
                  activityId={search.activity}
                  onActivity={(id) => go({ activity: id })}
                />
              ) : null}
              {tab === 'awards' ? <AwardsTab /> : null}
              {tab === 'sponsors' ? <SponsorsTab overview={overview.data} /> : null}
              {tab === 'spending' ? <SpendingTab overview={overview.data} /> : null}
              {tab === 'settlement' ? <SettlementTab overview={overview.data} /> : null}
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </>
  );
}

/** An amount in a figures row: right-aligned on one line, in red when a difference is below zero. */
function AmountCell({ value, testId, signed = false }: { value: number; testId?: string; signed?: boolean }) {
  return (
    <Table.Td
      ta="right"
      c={signed && value < 0 ? 'red' : undefined}
      data-testid={testId}
      style={{ whiteSpace: 'nowrap' }}
    >
      {money(value)}
    </Table.Td>
  );
}
