import { Anchor, Box, Button, Card, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { IconCornerDownRight, IconFilePlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { numberLine, usePlan, useSubPlans, type PlanSummary } from './api.ts';

const CARD_PAGE_SIZE = 10;
const LINE_SHOWN = 3;

/** "Kế hoạch số 45-KH/ĐUK ngày 10/06/2019": how a plan is named when another plan is based on it. */
export function usePlanRef() {
  const { t } = useTranslation();
  return (p: Pick<PlanSummary, 'type' | 'number' | 'symbolSuffix' | 'date'>) => {
    const type = p.type.charAt(0) + p.type.slice(1).toLocaleLowerCase('vi');
    const symbol = numberLine({ ...p } as PlanSummary)
      .replace(/^Số\s*/, '')
      .trim();
    // A plan not yet numbered ("Số    -KH/ĐUK" on paper) is named by its day.
    if (!p.number) return p.date ? t('plans.subPlan.planRefDateOnly', { type, date: formatDate(p.date) }) : type;
    return p.date
      ? t('plans.subPlan.planRef', { type, symbol, date: formatDate(p.date) })
      : t('plans.subPlan.planRefNoDate', { type, symbol });
  };
}

/** The line under a unit's plan that names the Bloc's plan it is based on, with a link to it. */
export function ParentPlanLine({ parentId }: { parentId: string }) {
  const { t } = useTranslation();
  const parent = usePlan(parentId);
  const planRef = usePlanRef();
  if (!parent.data) return null;
  return (
    <Text size="sm" data-testid="parent-plan">
      {t('plans.subPlan.basedOn')}{' '}
      <Anchor
        renderRoot={(props) => <Link {...props} to="/plans/$planId" params={{ planId: parentId }} />}
        size="sm"
        fw={600}
      >
        {planRef(parent.data)}
      </Anchor>
      {parent.data.issuingBody ? ` ${t('plans.subPlan.of', { body: parent.data.issuingBody })}` : ''}
    </Text>
  );
}

/** One unit's plan in a list: who issued it, its number and day, linked to it. */
function SubPlanRow({ plan }: { plan: PlanSummary }) {
  return (
    <Box style={{ minWidth: 0 }} data-testid="sub-plan">
      <Anchor
        renderRoot={(props) => <Link {...props} to="/plans/$planId" params={{ planId: plan.id }} />}
        size="sm"
        fw={600}
        style={{ overflowWrap: 'anywhere' }}
      >
        {plan.issuingBody}
      </Anchor>
      <Text size="xs" c="dimmed">
        {numberLine(plan)}
        {plan.date ? ` · ${formatDate(plan.date)}` : ''}
      </Text>
    </Box>
  );
}

/** The plans units derived from this one (those the reader may see), a page at a time: on the plan page. */
export function SubPlansCard({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const subs = useSubPlans(planId, page, CARD_PAGE_SIZE);
  const total = subs.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / CARD_PAGE_SIZE));
  return (
    <Card bg="white" withBorder data-testid="sub-plans">
      <Title order={2} fz="lg" mb="xs">
        {t('plans.subPlan.listTitle', { count: total })}
      </Title>
      <ErrorAlert error={subs.error} />
      {subs.data && total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plans.subPlan.none')}
        </Text>
      ) : null}
      <Stack gap="xs">
        {subs.data?.items.map((p) => (
          <SubPlanRow key={p.id} plan={p} />
        ))}
      </Stack>
      {pages > 1 ? <Pagination mt="sm" size="sm" total={pages} value={page} onChange={setPage} /> : null}
    </Card>
  );
}

/** A short line under a plan's card in the list: the first few units' plans, and how many more. */
export function SubPlansLine({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const subs = useSubPlans(planId, 1, LINE_SHOWN);
  if (!subs.data || subs.data.total === 0) return null;
  const rest = subs.data.total - subs.data.items.length;
  return (
    <Group gap={6} mt={6} ml={{ base: 'xs', sm: 'md' }} wrap="wrap" style={{ rowGap: 2 }} data-testid="sub-plans-line">
      <IconCornerDownRight size={16} color="var(--mantine-color-gray-6)" aria-hidden />
      <Text size="sm" c="dimmed">
        {t('plans.subPlan.lineLabel', { count: subs.data.total })}
      </Text>
      {subs.data.items.map((p, i) => (
        <Anchor
          key={p.id}
          renderRoot={(props) => <Link {...props} to="/plans/$planId" params={{ planId: p.id }} />}
          size="sm"
          style={{ overflowWrap: 'anywhere' }}
        >
          {p.issuingBody}
          {i < subs.data.items.length - 1 || rest > 0 ? ';' : ''}
        </Anchor>
      ))}
      {rest > 0 ? (
        <Text size="sm" c="dimmed">
          {t('plans.subPlan.more', { count: rest })}
        </Text>
      ) : null}
    </Group>
  );
}

/** "Xây dựng kế hoạch của đơn vị": on a Bloc plan's page and on "my tasks", for those who report for a unit. */
export function SubPlanButton({ planId, parentPlanId = null }: { planId: string; parentPlanId?: string | null }) {
  const { t } = useTranslation();
  const auth = useAuth();
  if (!auth.can('plans.report') || parentPlanId !== null) return null;
  return (
    <Button
      renderRoot={(props) => <Link {...props} to="/plans/$planId/sub-plan" params={{ planId }} />}
      leftSection={<IconFilePlus size={16} />}
      variant="light"
      data-testid="sub-plan-button"
    >
      {t('plans.subPlan.button')}
    </Button>
  );
}
