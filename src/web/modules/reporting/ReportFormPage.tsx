import { useState } from 'react';
import { Anchor, Box, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconHistory } from '@tabler/icons-react';
import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useReportForm, useTemplate, type ReportForm } from './api.ts';
import { Countdown } from './Countdown.tsx';
import { DecisionActions } from './DecisionActions.tsx';
import { FormExcelActions } from './ExcelImport.tsx';
import { FormBanners } from './FormBanners.tsx';
import { HistoryDrawer } from './HistoryDrawer.tsx';
import { ReportEditor } from './ReportEditor.tsx';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import { periodName } from './templatePeriods.ts';

/** A unit's report for one template and period (`/reporting/form?templateId&unitId&periodId`): phone first. */
export function ReportFormPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const search = useSearch({ from: '/signed-in/reporting/form' });
  if (!auth.can('reporting.read')) return <NoPermission />;
  if (!search.templateId || !search.unitId || !search.periodId) {
    return (
      <>
        <PageHeader title={t('reporting.form.title')} />
        <Text c="dimmed">
          {t('reporting.form.choose')}{' '}
          <Anchor renderRoot={(props) => <Link {...props} to="/reporting" />}>{t('reporting.home.title')}</Anchor>
        </Text>
      </>
    );
  }
  return <LoadedForm templateId={search.templateId} unitId={search.unitId} periodId={search.periodId} />;
}

function LoadedForm({ templateId, unitId, periodId }: { templateId: string; unitId: string; periodId: string }) {
  const { t } = useTranslation();
  const form = useReportForm(templateId, unitId, periodId);
  const [historyOpen, setHistoryOpen] = useState(false);
  // A reload starts the form afresh from the server's report, whatever changed there.
  const [reloads, setReloads] = useState(0);
  if (form.isPending) return <CenterLoader />;
  if (form.error) {
    return (
      <>
        <PageHeader title={t('reporting.form.title')} />
        <ErrorAlert error={form.error} />
        <BackHome />
      </>
    );
  }
  const f = form.data;
  // A form reads best in one column: on a wide screen it keeps a comfortable width.
  return (
    <Box maw={860}>
      <FormHeader form={f} onHistory={() => setHistoryOpen(true)} />
      <FormBanners form={f} />
      <FormExcelActions form={f} />
      <DecisionActions form={f} />
      <ReportEditor
        key={`${f.submission?.id ?? 'new'}:${f.submission?.version ?? 0}:${reloads}`}
        form={f}
        onReload={() => void form.refetch().then(() => setReloads((n) => n + 1))}
      />
      {f.submission ? (
        <HistoryDrawer
          submissionId={f.submission.id}
          indicators={f.indicators}
          opened={historyOpen}
          onClose={() => setHistoryOpen(false)}
        />
      ) : null}
      <BackHome />
    </Box>
  );
}

function BackHome() {
  const { t } = useTranslation();
  return (
    <Button
      mt="lg"
      variant="subtle"
      leftSection={<IconArrowLeft size={16} />}
      renderRoot={(props) => <Link {...props} to="/reporting" />}
    >
      {t('reporting.form.back')}
    </Button>
  );
}

function FormHeader({ form, onHistory }: { form: ReportForm; onHistory: () => void }) {
  const { t, i18n } = useTranslation();
  // A campaign's period is named by its dates, which the template holds.
  const template = useTemplate(form.template.periodType === 'campaign' ? form.template.id : undefined);
  const s = form.submission;
  const sent = s?.status === 'submitted' || s?.status === 'approved';
  return (
    <>
      <PageHeader
        title={form.template.name}
        description={`${form.unit.name} · ${periodName(form.periodId, i18n.language, template.data?.campaign)}`}
        actions={
          s ? (
            <Button
              variant="default"
              size="sm"
              leftSection={<IconHistory size={16} />}
              onClick={onHistory}
              data-testid="open-history"
            >
              {t('reporting.history.open')}
            </Button>
          ) : undefined
        }
      />
      <Card bg="white" padding="sm" mb="md" data-testid="form-state">
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <ReportStatusBadge status={s?.status ?? 'new'} />
            {!sent && form.locked?.code !== 'PERIOD_LOCKED' && form.expected ? (
              <Countdown due={form.deadlines.due} today={form.deadlines.today} />
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {t('reporting.form.deadlines', {
              start: formatDate(form.deadlines.window.start),
              end: formatDate(form.deadlines.window.end),
              due: formatDate(form.deadlines.due),
              lock: formatDate(form.deadlines.lockOn),
            })}
          </Text>
        </Stack>
      </Card>
    </>
  );
}
