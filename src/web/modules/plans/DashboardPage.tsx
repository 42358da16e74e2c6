import { IconCalendarEvent, IconChevronLeft, IconChevronRight, IconTimeline } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import {
  Anchor,
  Box,
  Button,
  Card,
  Group,
  Pagination,
  ScrollArea,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { statuses, useDashboard, useDeployment, usePlan, useUnitDashboard } from './api.ts';
import { statusColors } from './StatusBadge.tsx';
import { UnitVisitsLink } from './SupervisionPage.tsx';

const PAGE_SIZE = 20;

function ByUnit({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [lateOnly, setLateOnly] = useState(false);
  const units = useUnitDashboard(planId, page, PAGE_SIZE, lateOnly);
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Card bg="white" withBorder>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="lg">
          {t('plans.dashboard.byUnit')}
        </Title>
        <Switch
          label={t('plans.dashboard.lateOnly')}
          checked={lateOnly}
          onChange={(e) => {
            setLateOnly(e.currentTarget.checked);
            setPage(1);
          }}
          data-testid="late-only"
        />
      </Group>
      <ErrorAlert error={units.error} />
      {phone ? (
        <Stack gap={0} data-testid="unit-table">
          {units.data?.items.map((l) => (
            <Box
              key={l.unit.id}
              py="xs"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              data-testid="unit-row"
              data-unit={l.unit.name}
            >
              <Text size="sm" fw={500}>
                {l.unit.name}
              </Text>
              <UnitVisitsLink unit={l.unit} />
              <Text size="xs" c="dimmed">
                {t('plans.activity.lead')} {l.lead} · {t('plans.activity.coordinating')} {l.coordinating}
              </Text>
              <Group gap={10} mt={4} style={{ rowGap: 0 }}>
                {statuses.map((s) => (
                  <Text
                    key={s}
                    size="xs"
                    c={`${statusColors[s]}.8`}
                    fw={s === 'overdue' && l.counts[s] > 0 ? 700 : 500}
                  >
                    {t(`plans.statusShort.${s}`)} <span data-count={s}>{l.counts[s]}</span>
                  </Text>
                ))}
              </Group>
              {l.late.length ? (
                <Text size="xs" c="red">
                  {t('plans.dashboard.lateList', { refs: l.late.map((x) => x.ref).join(', ') })}
                </Text>
              ) : null}
            </Box>
          ))}
        </Stack>
      ) : (
        <ScrollArea type="auto">
          <Table striped miw={640} data-testid="unit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plans.dashboard.unit')}</Table.Th>
                <Table.Th ta="right">{t('plans.activity.lead')}</Table.Th>
                <Table.Th ta="right">{t('plans.activity.coordinating')}</Table.Th>
                {statuses.map((s) => (
                  <Table.Th key={s} ta="right" c={statusColors[s]}>
                    {t(`plans.statusShort.${s}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.data?.items.map((l) => (
                <Table.Tr key={l.unit.id} data-testid="unit-row" data-unit={l.unit.name}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {l.unit.name}
                    </Text>
                    <UnitVisitsLink unit={l.unit} />
                    {l.late.length ? (
                      <Text size="xs" c="red">
                        {t('plans.dashboard.lateList', { refs: l.late.map((x) => x.ref).join(', ') })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{l.lead}</Table.Td>
                  <Table.Td ta="right">{l.coordinating}</Table.Td>
                  {statuses.map((s) => (
                    <Table.Td
                      key={s}
                      ta="right"
                      fw={s === 'overdue' && l.counts[s] > 0 ? 700 : undefined}
                      c={s === 'overdue' && l.counts[s] > 0 ? 'red' : undefined}
                      data-count={s}
                    >
                      {l.counts[s]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {units.data && units.data.items.length === 0 ? (
        <Text c="dimmed" size="sm" mt="sm">
          {t('plans.dashboard.noUnits')}
        </Text>
      ) : null}
      {page > 1 || units.data?.hasMore ? (
        <Group justify="center" gap="sm" mt="sm">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={14} />}
            disabled={page === 1}
            onClick={() => setPage(page - 1)}
          >
            {t('plans.dashboard.previous')}
          </Button>
          <Text size="sm">{t('plans.dashboard.page', { page })}</Text>
          <Button
            variant="default"
            size="xs"
            rightSection={<IconChevronRight size={14} />}
            disabled={!units.data?.hasMore}
            onClick={() => setPage(page + 1)}
            data-testid="units-next"
          >
            {t('plans.dashboard.next')}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}

function DeploymentCard({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const dep = useDeployment(planId, page, PAGE_SIZE, true);
  const d = dep.data;
  const pages = d ? Math.max(1, Math.ceil(d.total / PAGE_SIZE)) : 1;
  // 'pending': not issued yet, the deadline not passed (the server's deployment states, all of them)
  const stateColor = { on_time: 'green', late: 'orange', missing: 'red', pending: 'gray' } as const;
  return (
    <Card bg="white" withBorder data-testid="deployment">
      <Title order={2} fz="lg">
        {t('plans.deployment.title')}
      </Title>
      <ErrorAlert error={dep.error} />
      {d ? (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('plans.deployment.summary', {
              due: formatDate(d.deployDue),
              deployed: d.deployed,
              total: d.total,
              onTime: d.onTime,
              late: d.late,
              missing: d.notDeployed,
            })}
          </Text>
          <Stack gap={4}>
            {d.items.map((i) => (
              <Group
                key={i.unit.id}
                justify="space-between"
                wrap="nowrap"
                gap="xs"
                data-testid="deployment-row"
                data-unit={i.unit.name}
                data-state={i.state}
              >
                <Text size="sm" style={{ minWidth: 0 }}>
                  {i.unit.name}
                </Text>
                <Text
                  size="sm"
                  c={stateColor[i.state]}
                  fw={600}
                  style={{ whiteSpace: 'nowrap' }}
                  renderRoot={
                    i.subPlanId
                      ? (props) => <Link {...props} to="/plans/$planId" params={{ planId: i.subPlanId! }} />
                      : undefined
                  }
                >
                  {i.state === 'missing' || i.state === 'pending'
                    ? t('plans.deployment.missing')
                    : t(`plans.deployment.${i.state}`, { date: formatDate(i.issuedOn) })}
                </Text>
              </Group>
            ))}
          </Stack>
          {pages > 1 ? <Pagination mt="sm" total={pages} value={page} onChange={setPage} size="sm" /> : null}
        </>
      ) : null}
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { planId } = useParams({ from: '/signed-in/plans/$planId/dashboard' });
  const auth = useAuth();
  const plan = usePlan(planId);
  const dash = useDashboard(planId);
  if (dash.isPending) return <CenterLoader />;
  if (dash.error) return <ErrorAlert error={dash.error} />;
  return (
    <>
      <PageHeader
        title={t('plans.dashboard.title')}
        description={
          plan.data ? (
            <Anchor renderRoot={(props) => <Link {...props} to="/plans/$planId" params={{ planId }} />} size="sm">
              {plan.data.type} {plan.data.title}
            </Anchor>
          ) : null
        }
        actions={
          <>
            <Button
              renderRoot={(props) => <Link {...props} to="/plans/$planId/timeline" params={{ planId }} />}
              leftSection={<IconTimeline size={16} />}
              variant="light"
            >
              {t('plans.timeline.button')}
            </Button>
            <Button
              renderRoot={(props) => <Link {...props} to="/plans/$planId/calendar" params={{ planId }} />}
              leftSection={<IconCalendarEvent size={16} />}
              variant="light"
            >
              {t('plans.calendar.button')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="status-counts">
          {statuses.map((s) => (
            <Card
              key={s}
              bg="white"
              withBorder
              padding="sm"
              style={{ borderTop: `4px solid var(--mantine-color-${statusColors[s]}-6)` }}
              data-testid={`count-${s}`}
            >
              <Text fz={30} fw={700} lh={1.1} c={`${statusColors[s]}.7`} data-testid="count">
                {dash.data.counts[s]}
              </Text>
              <Text size="xs" fw={600} c={`${statusColors[s]}.8`} lh={1.3}>
                {t(`plans.status.${s}`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('plans.dashboard.total', { total: dash.data.total, today: formatDate(dash.data.today) })}
        </Text>
        <ByUnit planId={planId} />
        {auth.can('plans.overview') ? <DeploymentCard planId={planId} /> : null}
      </Stack>
    </>
  );
}
