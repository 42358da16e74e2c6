import { Badge, Box, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { type LeaderView as View, linkOf, useLeaderView } from './api.ts';

type Section = NonNullable<View['plan']>['sections'][number];
const sectionColor: Record<Section['status'], string> = {
  overdue: 'red',
  in_progress: 'blue',
  done: 'green',
  empty: 'gray',
};

/** A card whose whole face opens the screen its figures come from. */
function FigureCard({ path, testId, children }: { path: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { to, search } = linkOf(path);
  return (
    <Card
      bg="white"
      component={Link}
      to={to as '/'}
      search={search as never}
      data-testid={testId}
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      {children}
      <Group gap={4} mt="sm" c="partyRed.7">
        <Text size="sm" fw={500}>
          {t('home.open')}
        </Text>
        <IconArrowRight size={16} />
      </Group>
    </Card>
  );
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/** The leader's view (ADR 30): is the anniversary on track? Each figure opens its screen. */
export function LeaderView() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const view = useLeaderView(true);
  if (view.isPending) return <CenterLoader />;
  if (view.error) return <ErrorAlert error={view.error} />;
  const v = view.data;
  const plan = v.plan;
  return (
    <Stack gap="md" data-testid="leader-view">
      <Title order={2} fz="lg">
        {t('home.leader.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {v.ceremony && plan ? (
          <FigureCard path={`/plans/${plan.id}/activities/${v.ceremony.activityId}`} testId="leader-ceremony">
            <Text size="sm" c="dimmed" fw={500}>
              {t('home.leader.ceremony')}
            </Text>
            <Text fz={40} fw={700} lh={1.1} c="partyRed.7" data-testid="ceremony-days">
              {v.ceremony.daysLeft !== null && v.ceremony.daysLeft >= 0
                ? t('home.leader.days', { count: v.ceremony.daysLeft })
                : t('home.leader.held')}
            </Text>
            <Text size="sm" mt={4} lineClamp={3}>
              {v.ceremony.on ? `${formatDate(v.ceremony.on)} · ` : ''}
              {v.ceremony.title}
            </Text>
          </FigureCard>
        ) : null}

        {plan ? (
          <FigureCard path={`/plans/${plan.id}/dashboard`} testId="leader-plan">
            <Text size="sm" c="dimmed" fw={500}>
              {t('home.leader.plan')}
            </Text>
            <Text fz={32} fw={700} lh={1.1}>
              {plan.counts.done_on_time + plan.counts.done_late}/{plan.total}
            </Text>
            <Text size="sm" c="dimmed">
              {t('home.leader.planDone', {
                overdue: plan.counts.overdue,
                running: plan.counts.in_progress,
              })}
            </Text>
            <Stack gap={6} mt="sm">
              {plan.sections.map((s) => {
                const done = s.counts.done_on_time + s.counts.done_late;
                return (
                  <Box key={s.path} data-testid="leader-section" data-status={s.status}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm" lineClamp={1}>
                        {s.marker} {s.title}
                      </Text>
                      <Badge size="sm" color={sectionColor[s.status]} variant="light" style={{ flexShrink: 0 }}>
                        {done}/{s.total}
                        {s.counts.overdue ? ` · ${t('home.leader.late', { count: s.counts.overdue })}` : ''}
                      </Badge>
                    </Group>
                    <Progress value={percent(done, s.total)} color={sectionColor[s.status]} size="sm" mt={2} />
                  </Box>
                );
              })}
            </Stack>
          </FigureCard>
        ) : null}

        {v.reporting.map((r) => (
          <FigureCard key={r.templateId} path={r.path} testId="leader-reporting">
            <Text size="sm" c="dimmed" fw={500} lineClamp={2}>
              {r.name} · {en ? r.period.en : r.period.vi}
            </Text>
            <Text fz={32} fw={700} lh={1.1}>
              {r.received}/{r.expected}
            </Text>
            <Progress value={percent(r.received, r.expected)} mt={6} />
            <Text size="sm" c="dimmed" mt={4}>
              {t('home.leader.reported', {
                rate: formatNumber(percent(r.received, r.expected), i18n.language),
                onTime: r.onTime,
                due: formatDate(r.due),
              })}
            </Text>
          </FigureCard>
        ))}

        {v.honours ? (
          <FigureCard path={`/honours/${v.honours.campaign.id}`} testId="leader-honours">
            <Text size="sm" c="dimmed" fw={500}>
              {t('home.leader.honours')}
            </Text>
            <Text size="sm" lineClamp={2} mb={6}>
              {v.honours.campaign.name}
            </Text>
            <Stack gap={6}>
              {v.honours.categories.map((c) => (
                <Box key={c.id}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm" lineClamp={1}>
                      {c.name}
                    </Text>
                    <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
                      {t('home.leader.quota', {
                        sent: c.sent,
                        eligible: c.eligible,
                        selected: c.selected,
                        quota: c.quota,
                      })}
                    </Text>
                  </Group>
                  <Progress.Root size="sm" mt={2}>
                    <Progress.Section value={percent(c.selected, c.quota)} color="green" />
                    <Progress.Section value={percent(Math.max(c.eligible - c.selected, 0), c.quota)} color="blue" />
                    <Progress.Section value={percent(Math.max(c.sent - c.eligible, 0), c.quota)} color="gray" />
                  </Progress.Root>
                </Box>
              ))}
            </Stack>
            <Text size="xs" c="dimmed" mt={6}>
              {t('home.leader.quotaLegend')}
              {v.honours.campaign.status === 'nominating'
                ? ` · ${t('home.leader.nominationDue', { due: formatDate(v.honours.campaign.nominationDue) })}`
                : ''}
            </Text>
          </FigureCard>
        ) : null}

        {v.drive ? (
          <FigureCard path={`/emulation/${v.drive.drive.id}?tab=registrations`} testId="leader-drive">
            <Text size="sm" c="dimmed" fw={500}>
              {t('home.leader.drive')}
            </Text>
            <Text fz={32} fw={700} lh={1.1}>
              {v.drive.registered}/{v.drive.participants}
            </Text>
            <Progress value={percent(v.drive.registered, v.drive.participants)} mt={6} color="grape" />
            <Text size="sm" c="dimmed" mt={4}>
              {t('home.leader.driveDetail', {
                accepted: v.drive.accepted,
                waiting: v.drive.waiting,
                returned: v.drive.returned,
              })}
            </Text>
          </FigureCard>
        ) : null}
      </SimpleGrid>

      {plan ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card bg="white" data-testid="leader-overdue">
            <Text fw={600} mb="xs">
              {t('home.leader.overdue', { count: plan.overdue.length })}
            </Text>
            {plan.overdue.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('home.leader.noneOverdue')}
              </Text>
            ) : null}
            <Stack gap="xs">
              {plan.overdue.map((a) => (
                <Link
                  key={a.id}
                  to="/plans/$planId/activities/$activityId"
                  params={{ planId: plan.id, activityId: a.id }}
                  style={{ textDecoration: 'none', color: 'inherit' }}
                >
                  <Text size="sm" fw={500} lineClamp={2}>
                    {a.ref}. {a.title}
                  </Text>
                  <Text size="xs" c="red.7">
                    {t('home.todo.overdue', { count: a.daysOverdue })} · {a.lead.names.slice(0, 3).join(', ')}
                    {a.lead.count > 3 ? ` +${a.lead.count - 3}` : ''}
                  </Text>
                </Link>
              ))}
            </Stack>
          </Card>
          <Card bg="white" data-testid="leader-week">
            <Text fw={600} mb="xs">
              {t('home.leader.week')}
            </Text>
            {plan.thisWeek.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('home.leader.quietWeek')}
              </Text>
            ) : null}
            <Stack gap="xs">
              {plan.thisWeek.map((a) => (
                <Link
                  key={a.id}
                  to="/plans/$planId/activities/$activityId"
                  params={{ planId: plan.id, activityId: a.id }}
                  style={{ textDecoration: 'none', color: 'inherit' }}
                >
                  <Text size="sm" fw={500} lineClamp={2}>
                    {a.ref}. {a.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.start && a.start >= v.today ? t('home.leader.starts', { day: formatDate(a.start) }) : ''}
                    {a.start && a.start >= v.today && a.due ? ' · ' : ''}
                    {a.due ? t('home.leader.dueOn', { day: formatDate(a.due) }) : ''}
                    {a.lead.names.length ? ` · ${a.lead.names.slice(0, 3).join(', ')}` : ''}
                  </Text>
                </Link>
              ))}
            </Stack>
          </Card>
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
