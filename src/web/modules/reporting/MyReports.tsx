import { Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useReportStatuses, type ReportForm, type Template } from './api.ts';
import { Countdown } from './Countdown.tsx';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import { duePeriods, periodName } from './templatePeriods.ts';

type Row = { template: Template; unitId: string; periodId: string };

/**
 * A unit officer's reports: for each active template their unit must report on, the period just
 * closed and the running one, each with its state, the days left (or overdue) and the form.
 */
export function MyReports({
  templates,
  unitIds,
  today,
  quietWhenNone,
}: {
  templates: Template[];
  unitIds: string[];
  today: string;
  quietWhenNone: boolean;
}) {
  const { t } = useTranslation();
  const rows: Row[] = templates
    .filter((tpl) => tpl.isActive)
    .flatMap((template) =>
      unitIds.flatMap((unitId) => duePeriods(template, today).map((periodId) => ({ template, unitId, periodId }))),
    );
  const forms = useReportStatuses(
    rows.map((r) => ({ templateId: r.template.id, unitId: r.unitId, periodId: r.periodId })),
  );
  const loading = forms.some((f) => f.isPending);
  const failed = forms.find((f) => f.error)?.error;

  // One card per template and unit, holding its periods, newest first; only the forms the unit is asked for.
  const cards = new Map<string, { template: Template; form: ReportForm; periods: ReportForm[] }>();
  rows.forEach((r, i) => {
    const form = forms[i]?.data;
    if (!form?.expected) return;
    const key = `${r.template.id}|${r.unitId}`;
    const card = cards.get(key) ?? { template: r.template, form, periods: [] };
    card.periods.unshift(form);
    cards.set(key, card);
  });

  // Bloc staff who may also enter reports see this part only when their own unit has some to make.
  if (quietWhenNone && !loading && !failed && cards.size === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={2} fz="lg">
        {t('reporting.home.mine')}
      </Title>
      <ErrorAlert error={failed} />
      {loading ? <CenterLoader /> : null}
      {!loading && !failed && cards.size === 0 ? (
        <Text c="dimmed" size="sm" data-testid="my-reports-empty">
          {t('reporting.home.mineEmpty')}
        </Text>
      ) : null}
      {[...cards.values()].map(({ template, form, periods }) => (
        <Card
          key={`${template.id}|${form.unit.id}`}
          bg="white"
          padding="md"
          data-testid="my-report"
          data-template={template.code}
        >
          <Text fw={650} lh={1.35}>
            {template.name}
          </Text>
          <Text size="sm" c="dimmed" mb="xs">
            {form.unit.name}
          </Text>
          <Stack gap={0}>
            {periods.map((p) => (
              <PeriodRow key={p.periodId} form={p} campaign={template.campaign} />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function PeriodRow({ form, campaign }: { form: ReportForm; campaign: Template['campaign'] }) {
  const { t, i18n } = useTranslation();
  const s = form.submission;
  const sent = s?.status === 'submitted' || s?.status === 'approved';
  const action = form.may.edit ? (s?.status === 'returned' ? 'fix' : s ? 'continue' : 'enter') : 'view';
  return (
    <Box
      py="sm"
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="report-period"
      data-period={form.periodId}
      data-status={s?.status ?? 'new'}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Box style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {periodName(form.periodId, i18n.language, campaign)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('reporting.home.window', {
              start: formatDate(form.deadlines.window.start),
              end: formatDate(form.deadlines.window.end),
              due: formatDate(form.deadlines.due),
            })}
          </Text>
        </Box>
        <ReportStatusBadge status={s?.status ?? 'new'} size="sm" />
      </Group>
      <Group justify="space-between" gap="xs" mt={6} wrap="wrap">
        {sent && s?.submittedOn ? (
          <Text size="xs" c={s.timeliness === 'late' ? 'orange.8' : 'green.8'} fw={500}>
            {t(s.timeliness === 'late' ? 'reporting.home.sentLate' : 'reporting.home.sentOnTime', {
              date: formatDate(s.submittedOn),
            })}
          </Text>
        ) : form.locked?.code === 'PERIOD_LOCKED' ? (
          <Group gap={4} wrap="nowrap">
            <IconLock size={14} color="var(--mantine-color-gray-6)" />
            <Text size="xs" c="dimmed">
              {t('reporting.home.locked', { date: formatDate(form.deadlines.lockOn) })}
            </Text>
          </Group>
        ) : (
          <Countdown due={form.deadlines.due} today={form.deadlines.today} size="sm" />
        )}
        <Button
          size="xs"
          variant={action === 'view' ? 'default' : 'filled'}
          renderRoot={(props) => (
            <Link
              {...props}
              to="/reporting/form"
              search={{ templateId: form.template.id, unitId: form.unit.id, periodId: form.periodId }}
            />
          )}
          data-testid="report-open"
        >
          {t(`reporting.home.action.${action}`)}
        </Button>
      </Group>
    </Box>
  );
}
