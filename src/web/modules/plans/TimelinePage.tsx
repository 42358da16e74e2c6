import { Anchor, Button, Card, Chip, Divider, Drawer, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarEvent, IconChartBar } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { statuses, useActivity, usePlan, useTimeline, type Plan, type Status } from './api.ts';
import { ActivityCard } from './ActivityCard.tsx';
import { dayNumber, GanttChart, GanttLegend, timeAxis } from './GanttChart.tsx';
import { statusColors } from './StatusBadge.tsx';

function StatusDot({ status }: { status: Status }) {
  return (
    <span
      style={{
        display: 'inline-block',
        width: 8,
        height: 8,
        borderRadius: '50%',
        marginRight: 6,
        verticalAlign: 'middle',
        background: `var(--mantine-color-${statusColors[status]}-6)`,
      }}
    />
  );
}

/** "II.1. Phát động phong trào …" from the plan's sections; just the path while the plan loads. */
export function sectionLabeller(plan: Plan | undefined) {
  return (path: string) => {
    const s = plan?.sections.find((x) => x.path === path);
    return s?.title ? `${path}. ${s.title}` : path;
  };
}

/** One activity in a side panel: its card (units, dates, target, progress) and its progress reports. */
export function ActivityDrawer({
  planId,
  activityId,
  onClose,
}: {
  planId: string;
  activityId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const activity = useActivity(activityId);
  const a = activity.data;
  return (
    <Drawer
      opened={activityId !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'lg'}
      title={
        a ? (
          <Title order={3} fz="lg">
            {a.ref}
          </Title>
        ) : null
      }
      data-testid="activity-drawer"
    >
      {activity.isPending && activityId ? <CenterLoader /> : null}
      <ErrorAlert error={activity.error} />
      {a ? (
        <Stack gap="md" data-testid="activity-details">
          <ActivityCard activity={a} />
          <Title order={4} fz="md">
            {t('plans.timeline.reports')}
          </Title>
          {a.reports.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('plans.timeline.noReports')}
            </Text>
          ) : (
            <Stack gap="xs">
              {a.reports.map((r) => (
                <Card key={r.id} padding="sm" bg="white">
                  <Text size="xs" c="dimmed">
                    {formatDateTime(r.reportedAt)} · {r.reporterName}
                    {r.unit ? ` · ${r.unit.name}` : ''}
                  </Text>
                  <Text size="sm" mt={4}>
                    {r.text}
                  </Text>
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('plans.timeline.percentDone', { percent: r.percent })}
                    {r.doneOn ? ` · ${t('plans.activity.doneOn')} ${formatDate(r.doneOn)}` : ''}
                  </Text>
                </Card>
              ))}
            </Stack>
          )}
          <Divider />
          <Anchor renderRoot={(props) => <Link {...props} to="/plans/$planId" params={{ planId }} />} size="sm">
            {t('plans.timeline.openInPlan')}
          </Anchor>
        </Stack>
      ) : null}
    </Drawer>
  );
}

/** The plan's own title under a screen's heading, linking back to the plan. */
export function PlanLink({ planId, plan }: { planId: string; plan: { type: string; title: string } | undefined }) {
  return plan ? (
    <Anchor renderRoot={(props) => <Link {...props} to="/plans/$planId" params={{ planId }} />} size="sm">
      {plan.type} {plan.title}
    </Anchor>
  ) : null;
}

/** The plan's timeline: a Gantt chart of what the caller sees of it, filtered by status and section. */
export function TimelinePage() {
  const { t } = useTranslation();
  const { planId } = useParams({ from: '/signed-in/plans/$planId/timeline' });
  const auth = useAuth();
  const timeline = useTimeline(planId);
  const plan = usePlan(planId);
  const phone = useMediaQuery('(max-width: 36em)');
  // No chip chosen shows every status; choosing chips narrows the chart to them.
  const [chosen, setChosen] = useState<Status[]>([]);
  const [section, setSection] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const data = timeline.data;
  const axis = useMemo(() => (data ? timeAxis(data.plan, data.activities, data.milestones, data.today) : null), [data]);
  if (timeline.isPending) return <CenterLoader />;
  if (timeline.error || !data || !axis) return <ErrorAlert error={timeline.error} />;

  const label = sectionLabeller(plan.data);
  const continuous = new Set((plan.data?.activities ?? []).filter((a) => a.recurrence).map((a) => a.id));
  const period =
    data.plan.periodStart && data.plan.periodDue ? { start: data.plan.periodStart, due: data.plan.periodDue } : null;
  const counts = Object.fromEntries(
    statuses.map((s) => [s, data.activities.filter((a) => a.status === s).length]),
  ) as Record<Status, number>;
  const sectionPaths = [...new Set(data.activities.map((a) => a.section))];
  const rows = data.activities.filter(
    (a) => (chosen.length === 0 || chosen.includes(a.status)) && (!section || a.section === section),
  );
  const todayDay = dayNumber(data.today);
  const todayInside = todayDay >= axis.start && todayDay < axis.end;

  return (
    <>
      <PageHeader
        title={t('plans.timeline.title')}
        description={<PlanLink planId={planId} plan={data.plan} />}
        actions={
          <>
            <Button
              renderRoot={(props) => <Link {...props} to="/plans/$planId/calendar" params={{ planId }} />}
              variant="light"
              leftSection={<IconCalendarEvent size={16} />}
            >
              {t('plans.calendar.button')}
            </Button>
            {auth.can('plans.read') ? (
              <Button
                renderRoot={(props) => <Link {...props} to="/plans/$planId/dashboard" params={{ planId }} />}
                variant="default"
                leftSection={<IconChartBar size={16} />}
              >
                {t('plans.plan.dashboard')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="sm">
        {!todayInside ? (
          <Text size="sm" c="partyRed.8" fw={600} data-testid="gantt-today" data-date={data.today}>
            {t('plans.timeline.todayOutside', { date: formatDate(data.today) })}
          </Text>
        ) : null}
        {!plan.data?.seesWholePlan && plan.data ? (
          <Text size="sm" c="dimmed">
            {t('plans.plan.partial')}
          </Text>
        ) : null}
        <Chip.Group multiple value={chosen} onChange={(v) => setChosen(v as Status[])}>
          <Group gap={6} data-testid="gantt-status-filter" aria-label={t('plans.timeline.status')}>
            {statuses.map((s) => (
              <Chip key={s} value={s} color={statusColors[s]} variant="light" size="sm" data-status={s}>
                {!chosen.includes(s) ? <StatusDot status={s} /> : null}
                {t(phone ? `plans.statusShort.${s}` : `plans.status.${s}`)} ({counts[s]})
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('plans.timeline.section')}
            placeholder={t('plans.timeline.allSections')}
            data={sectionPaths.map((p) => ({ value: p, label: label(p) }))}
            value={section}
            onChange={setSection}
            clearable
            size="sm"
            w={phone ? '100%' : 420}
            comboboxProps={{ width: phone ? undefined : 560, position: 'bottom-start' }}
            data-testid="gantt-section-filter"
          />
          <Text size="sm" c="dimmed" pb={6} data-testid="gantt-shown">
            {t('plans.timeline.shown', { shown: rows.length, total: data.activities.length })}
          </Text>
        </Group>
        <Card bg="white" padding={0} style={{ overflow: 'hidden' }}>
          <GanttChart
            axis={axis}
            activities={rows}
            milestones={data.milestones}
            today={data.today}
            sectionLabel={label}
            continuous={continuous}
            period={period}
            onOpen={setOpen}
          />
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              {t('plans.timeline.empty')}
            </Text>
          ) : null}
        </Card>
        {phone ? (
          <Text size="xs" c="dimmed">
            {t('plans.timeline.scrollHint')}
          </Text>
        ) : null}
        <GanttLegend />
      </Stack>
      <ActivityDrawer planId={planId} activityId={open} onClose={() => setOpen(null)} />
    </>
  );
}
