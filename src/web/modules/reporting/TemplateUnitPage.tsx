import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useTemplates, type Template } from './api.ts';
import { useReportingLive } from './live.ts';
import { useReportingScope } from './scope.ts';

export type TemplateUnit = {
  templates: Template[];
  template: Template;
  unitId: string;
  topUnitId: string | null;
  everywhere: boolean;
};

/**
 * The frame of a reporting screen about one template and one unit's subtree (totals,
 * completeness): the permission, live updates, the template from the address (else the first
 * active one), the unit from the address (else the top of what the user may read), and what to
 * say when either is missing. `children` draws the screen itself.
 */
export function TemplateUnitPage({
  title,
  description,
  templateId,
  unitId,
  children,
}: {
  title: string;
  description: string;
  templateId?: string;
  unitId?: string;
  children: (on: TemplateUnit) => ReactNode;
}) {
  const { t } = useTranslation();
  const auth = useAuth();
  const templates = useTemplates();
  const scope = useReportingScope();
  useReportingLive(auth.can('reporting.read'));
  if (!auth.can('reporting.read')) return <NoPermission />;
  if (templates.isPending || scope.pending) return <CenterLoader />;
  const items = templates.data?.items ?? [];
  const template = items.find((x) => x.id === templateId) ?? items.find((x) => x.isActive) ?? items[0];
  const unit = unitId ?? scope.topUnitId;
  return (
    <>
      <PageHeader title={title} description={description} />
      <ErrorAlert error={templates.error ?? scope.error} />
      {templates.data && !template ? <Text c="dimmed">{t('reporting.home.templatesEmpty')}</Text> : null}
      {template && !unit ? <Text c="dimmed">{t('reporting.noUnit')}</Text> : null}
      {template && unit
        ? children({
            templates: items,
            template,
            unitId: unit,
            topUnitId: scope.topUnitId,
            everywhere: scope.everywhere,
          })
        : null}
    </>
  );
}
