import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { numberLine, usePlans } from './api.ts';
import { SubPlansLine } from './SubPlanLinks.tsx';

export function PlansPage() {
  const { t } = useTranslation();
  const plans = usePlans();
  const auth = useAuth();
  return (
    <>
      <PageHeader
        title={t('plans.list.title')}
        description={t('plans.list.description')}
        actions={
          auth.can('plans.manage') ? (
            <Button
              renderRoot={(props) => <Link {...props} to="/plans/import" />}
              leftSection={<IconFileImport size={16} />}
              data-testid="plans-import-link"
            >
              {t('plans.import.link')}
            </Button>
          ) : undefined
        }
      />
      <ErrorAlert error={plans.error} />
      {plans.isPending ? <CenterLoader /> : null}
      {plans.data && plans.data.items.length === 0 ? <Text c="dimmed">{t('plans.list.empty')}</Text> : null}
      <Stack gap="sm">
        {plans.data?.items.map((p) => (
          <div key={p.id}>
            <Card bg="white" withBorder data-testid="plan-card">
              <Text size="xs" c="dimmed" fw={600}>
                {p.issuingBody} · {numberLine(p)}
              </Text>
              <Anchor
                renderRoot={(props) => <Link {...props} to="/plans/$planId" params={{ planId: p.id }} />}
                fw={600}
                mt={4}
                display="block"
              >
                {p.type} {p.title}
              </Anchor>
              <Group gap="md" mt={6}>
                <Text size="sm" c="dimmed">
                  {t('plans.list.issued', { date: formatDate(p.date) })}
                </Text>
                {p.periodStart || p.periodDue ? (
                  <Text size="sm" c="dimmed">
                    {t('plans.list.period', { start: formatDate(p.periodStart), due: formatDate(p.periodDue) })}
                  </Text>
                ) : null}
              </Group>
            </Card>
            <SubPlansLine planId={p.id} />
          </div>
        ))}
      </Stack>
    </>
  );
}
