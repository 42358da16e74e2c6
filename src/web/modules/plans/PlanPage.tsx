import {
  Anchor,
  Box,
  Button,
  Card,
  Divider,
  Group,
  List,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCalendarEvent, IconChartBar, IconDownload, IconTimeline } from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { numberLine, placeAndDate, statuses, usePlan, type Plan } from './api.ts';
import { ActivityCard } from './ActivityCard.tsx';
import { ActivityMenu, AddActivityButton } from './ActivityEditModal.tsx';
import { PlanManageButtons } from './PlanEditModal.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { TaskBoard } from './TaskBoard.tsx';
import { ParentPlanLine, SubPlanButton, SubPlansCard } from './SubPlanLinks.tsx';

/** The document's header: the two blocks, the number, place and date, KẾ HOẠCH and the title. */
function DocumentHeader({ plan }: { plan: Plan }) {
  return (
    <Card bg="white" withBorder data-testid="plan-header">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Stack gap={0} align="center">
          {plan.superiorBody ? <Text size="sm">{plan.superiorBody}</Text> : null}
          {plan.issuingBody ? (
            <Text size="sm" fw={700}>
              {plan.issuingBody}
            </Text>
          ) : null}
          <Text size="sm">*</Text>
          <Text size="sm">{numberLine(plan)}</Text>
        </Stack>
        <Stack gap={0} align="center">
          <Text size="sm" fw={700} td="underline">
            ĐẢNG CỘNG SẢN VIỆT NAM
          </Text>
          <Text size="sm" fs="italic" mt={4} data-testid="plan-place-date">
            {placeAndDate(plan)}
          </Text>
        </Stack>
      </SimpleGrid>
      <Title order={1} ta="center" fz={{ base: 22, sm: 26 }} mt="md">
        {plan.type}
      </Title>
      <Text ta="center" fw={700} mt={4} data-testid="plan-title">
        {plan.title.charAt(0).toUpperCase() + plan.title.slice(1)}
      </Text>
    </Card>
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  const { planId } = useParams({ from: '/signed-in/plans/$planId' });
  const { view } = useSearch({ from: '/signed-in/plans/$planId' });
  const navigate = useNavigate();
  const auth = useAuth();
  const plan = usePlan(planId);
  if (plan.isPending) return <CenterLoader />;
  if (plan.error) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  const top = p.sections.filter((s) => !s.path.includes('.'));
  const childrenOf = (path: string) =>
    p.sections.filter((s) => s.path.startsWith(`${path}.`) && s.path.split('.').length === path.split('.').length + 1);
  const activitiesOf = (path: string) => p.activities.filter((a) => a.section === path);

  const sectionBody = (path: string) => {
    const acts = activitiesOf(path);
    const sec = p.sections.find((s) => s.path === path);
    return (
      <Stack gap="xs">
        {sec?.notes.map((n) => (
          <Text key={n} size="sm" fs="italic" c="dimmed">
            {n}
          </Text>
        ))}
        {sec?.role === 'purposes'
          ? p.purposes.map((x) => (
              <Text key={x} size="sm">
                – {x}
              </Text>
            ))
          : null}
        {sec?.role === 'timeline' ? (
          <Stack gap={6} data-testid="milestones">
            {p.milestones.map((m) => (
              <Group key={m.id} gap="sm" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} miw={90}>
                  {formatDate(m.due)}
                </Text>
                <Text size="sm">{m.title}</Text>
              </Group>
            ))}
          </Stack>
        ) : null}
        {acts.map((a) => (
          <ActivityCard
            key={a.id}
            activity={a}
            menu={auth.can('plans.manage') ? <ActivityMenu plan={p} activity={a} /> : undefined}
          />
        ))}
        {auth.can('plans.manage') &&
        (sec?.role === 'content' || sec?.role === 'organisation') &&
        (acts.length > 0 || childrenOf(path).length === 0) ? (
          <AddActivityButton plan={p} section={path} />
        ) : null}
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <DocumentHeader plan={p} />
      {p.parentPlanId ? <ParentPlanLine parentId={p.parentPlanId} /> : null}
      <Group gap="xs" wrap="wrap">
        {auth.can('plans.read') ? (
          <Button
            renderRoot={(props) => <Link {...props} to="/plans/$planId/dashboard" params={{ planId }} />}
            leftSection={<IconChartBar size={16} />}
            variant="filled"
          >
            {t('plans.plan.dashboard')}
          </Button>
        ) : null}
        {auth.can('plans.read') ? (
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
        ) : null}
        <Button
          component="a"
          href={`/api/plans/${planId}/document.docx`}
          variant="light"
          leftSection={<IconDownload size={16} />}
          data-testid="download-docx"
        >
          {t('plans.plan.docx')}
        </Button>
        <Button
          component="a"
          href={`/api/plans/${planId}/document.pdf`}
          variant="light"
          leftSection={<IconDownload size={16} />}
        >
          {t('plans.plan.pdf')}
        </Button>
        <Button
          component="a"
          href={`/api/plans/${planId}/tasks.xlsx`}
          variant="light"
          leftSection={<IconDownload size={16} />}
        >
          {t('plans.plan.xlsx')}
        </Button>
        {auth.can('plans.manage') ? <PlanManageButtons plan={p} /> : null}
        <SubPlanButton planId={planId} parentPlanId={p.parentPlanId} />
      </Group>
      <Group gap="xs" wrap="wrap" data-testid="plan-counts">
        {statuses.map((s) => (
          <Group key={s} gap={4} wrap="nowrap">
            <StatusBadge status={s} size="sm" />
            <Text size="sm" fw={700}>
              {p.counts[s]}
            </Text>
          </Group>
        ))}
      </Group>
      {!p.seesWholePlan ? (
        <Text size="sm" c="dimmed">
          {t('plans.plan.partial')}
        </Text>
      ) : null}
      <SegmentedControl
        aria-label={t('plans.board.view')}
        value={view ?? 'document'}
        onChange={(v) =>
          void navigate({
            to: '/plans/$planId',
            params: { planId },
            search: v === 'board' ? { view: 'board' } : {},
            replace: true,
          })
        }
        data={[
          { value: 'document', label: t('plans.board.document') },
          { value: 'board', label: t('plans.board.board') },
        ]}
        data-testid="plan-view"
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'board' ? <TaskBoard plan={p} /> : null}
      {view === 'board'
        ? null
        : p.legalBasis.map((x) => (
            <Text key={x} size="sm">
              {x}
            </Text>
          ))}
      {view === 'board'
        ? null
        : top.map((s) => (
            <Box key={s.path} component="section">
              <Title order={2} fz="lg" mb="xs">
                {s.marker} {s.title}
              </Title>
              {sectionBody(s.path)}
              {childrenOf(s.path).map((c) => (
                <Box key={c.path} mt="sm" ml={{ base: 0, sm: 'md' }}>
                  <Title order={3} fz="md" mb={6}>
                    {c.marker} {c.title}
                  </Title>
                  {sectionBody(c.path)}
                </Box>
              ))}
            </Box>
          ))}
      {view === 'board' ? null : (
        <>
          {p.closing ? <Text size="sm">{p.closing}.</Text> : null}
          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Box data-testid="plan-recipients">
              <Text size="sm" fw={700} fs="italic" td="underline">
                {t('plans.plan.recipients')}
              </Text>
              <List size="sm" mt={4}>
                {p.recipients.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
                {p.archive ? <List.Item>{t('plans.plan.archive', { archive: p.archive })}</List.Item> : null}
              </List>
            </Box>
            <Stack gap={0} align="center" data-testid="plan-signer">
              {p.signer.authority ? <Text fw={700}>{p.signer.authority}</Text> : null}
              {p.signer.position ? <Text fw={700}>{p.signer.position}</Text> : null}
              {p.signer.name ? (
                <Text fw={700} mt="lg">
                  {p.signer.name}
                </Text>
              ) : null}
            </Stack>
          </SimpleGrid>
        </>
      )}
      {p.parentPlanId ? null : <SubPlansCard planId={planId} />}
      <Anchor component={Link} to="/plans" size="sm">
        {t('plans.plan.back')}
      </Anchor>
    </Stack>
  );
}
