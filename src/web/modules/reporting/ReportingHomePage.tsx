import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { systemToday } from '../../app/clock.ts';
import { useAuth } from '../../app/auth.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useTemplates } from './api.ts';
import { useReportingLive } from './live.ts';
import { MyReports } from './MyReports.tsx';
import { useReportingScope } from './scope.ts';
import { TemplateList } from './TemplateList.tsx';

/**
 * Báo cáo định kỳ: a unit officer's own reports first (phone first: what is due, how long is
 * left, the form), then the templates with their totals and completeness for the person's units.
 */
export function ReportingHomePage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const templates = useTemplates();
  const scope = useReportingScope();
  useReportingLive(auth.can('reporting.read'));
  if (!auth.can('reporting.read')) return <NoPermission />;
  const today = systemToday();
  const items = templates.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('reporting.home.title')} description={t('reporting.home.description')} />
      <ErrorAlert error={templates.error ?? scope.error} />
      {templates.isPending ? <CenterLoader /> : null}
      {templates.data ? (
        <Stack gap="xl">
          {scope.reportingUnits.length ? (
            <MyReports
              templates={items}
              unitIds={scope.reportingUnits}
              today={today}
              quietWhenNone={scope.everywhere}
            />
          ) : null}
          <TemplateList templates={items} unitId={scope.topUnitId} />
        </Stack>
      ) : null}
    </>
  );
}
