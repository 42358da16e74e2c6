import { Button, Modal, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import type { UnitDetail } from '../organisation/api.ts';
import { useMe } from '../../app/auth.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { usePlans, useUnitActivities, type Activity, type Status } from './api.ts';
import { ActivityCard } from './ActivityCard.tsx';
import { ReportForm as ReportFormFor } from './ReportForm.tsx';
import { SubPlanButton } from './SubPlanLinks.tsx';

const order: Record<Status, number> = { overdue: 0, in_progress: 1, done_late: 2, done_on_time: 3 };

/** A unit's own activities in a plan, each with the unit's own status, and a progress report for each: built for a phone. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const unitIds = [...new Set(me.grants.map((g) => g.unitId).filter((u): u is string => u !== null))];
  const [unitId, setUnitId] = useState<string | null>(unitIds[0] ?? null);
  const plans = usePlans();
  const [planId, setPlanId] = useState<string | null>(null);
  const chosenPlan = planId ?? plans.data?.items[0]?.id;
  const unit = useQuery({
    queryKey: ['plans', 'unit-name', unitId],
    queryFn: ({ signal }) => api<UnitDetail>(`/api/units/${unitId}`, { signal }),
    enabled: unitId !== null,
    staleTime: 5 * 60_000,
  });
  const activities = useUnitActivities(chosenPlan, unitId ?? undefined);
  const [reporting, setReporting] = useState<Activity | null>(null);
  const phone = useMediaQuery('(max-width: 36em)');

  const items = [...(activities.data?.items ?? [])].sort(
    (a, b) =>
      order[a.unitLine?.status ?? a.status] - order[b.unitLine?.status ?? b.status] ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999'),
  );

  return (
    <>
      <PageHeader
        title={t('plans.mine.title')}
        description={unit.data ? t('plans.mine.description', { unit: unit.data.name }) : undefined}
        actions={chosenPlan ? <SubPlanButton planId={chosenPlan} /> : undefined}
      />
      {unitIds.length === 0 ? <Text c="dimmed">{t('plans.mine.noUnit')}</Text> : null}
      <Stack gap="sm">
        {unitIds.length > 1 ? (
          <Select
            label={t('plans.mine.unit')}
            data={unitIds.map((id) => ({ value: id, label: id === unitId && unit.data ? unit.data.name : id }))}
            value={unitId}
            onChange={setUnitId}
          />
        ) : null}
        {plans.data && plans.data.items.length > 1 ? (
          <Select
            label={t('plans.mine.plan')}
            data={plans.data.items.map((p) => ({ value: p.id, label: `${p.type} ${p.title}` }))}
            value={chosenPlan ?? null}
            onChange={setPlanId}
          />
        ) : null}
        <ErrorAlert error={plans.error ?? activities.error} />
        {activities.isPending && unitId && chosenPlan ? <CenterLoader /> : null}
        {activities.data && items.length === 0 ? <Text c="dimmed">{t('plans.mine.empty')}</Text> : null}
        {items.map((a) => {
          return (
            <ActivityCard
              key={a.id}
              activity={a}
              line={a.unitLine}
              actions={
                <Button variant="light" fullWidth mt="sm" onClick={() => setReporting(a)} data-testid="report-open">
                  {t('plans.mine.report')}
                </Button>
              }
            />
          );
        })}
      </Stack>
      <Modal
        opened={reporting !== null}
        onClose={() => setReporting(null)}
        title={t('plans.report.title')}
        fullScreen={phone}
        size="lg"
      >
        {reporting ? (
          <ReportFormFor
            activity={reporting}
            unitId={reporting.unitLine?.unitId ?? unitId}
            onDone={() => {
              setReporting(null);
              notifications.show({ color: 'green', message: t('plans.report.saved') });
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
