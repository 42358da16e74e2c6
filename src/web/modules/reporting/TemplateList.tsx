import { Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconChartBar, IconListCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Template } from './api.ts';

/** The templates in use, each with its dashboard of totals and its completeness list (for the person's own unit and below). */
export function TemplateList({ templates, unitId }: { templates: Template[]; unitId: string | null }) {
  const { t } = useTranslation();
  const unit = unitId ? { unitId } : {};
  return (
    <Stack gap="sm">
      <Title order={2} fz="lg">
        {t('reporting.home.templates')}
      </Title>
      {templates.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="templates-empty">
          {t('reporting.home.templatesEmpty')}
        </Text>
      ) : null}
      {templates.map((tpl) => (
        <Card key={tpl.id} bg="white" padding="md" data-testid="template-row" data-template={tpl.code}>
          <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
            <Box style={{ minWidth: 0, flex: '1 1 260px' }}>
              <Group gap={6} wrap="wrap">
                <Text fw={650} lh={1.35}>
                  {tpl.name}
                </Text>
                {!tpl.isActive ? (
                  <Badge color="gray" variant="light" tt="none" size="sm">
                    {t('reporting.home.inactive')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed">
                {t('reporting.home.templateLine', {
                  code: tpl.code,
                  type: t(`reporting.periodType.${tpl.periodType}`),
                  regime: t(`reporting.regime.${tpl.regime}`),
                  countsOn: t(`reporting.countsOn.${tpl.countsOn}`),
                })}
              </Text>
            </Box>
            <Group gap="xs" wrap="wrap">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconChartBar size={16} />}
                renderRoot={(props) => (
                  <Link {...props} to="/reporting/totals" search={{ templateId: tpl.id, ...unit }} />
                )}
                data-testid="open-totals"
              >
                {t('reporting.home.totals')}
              </Button>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconListCheck size={16} />}
                renderRoot={(props) => (
                  <Link {...props} to="/reporting/completeness" search={{ templateId: tpl.id, ...unit }} />
                )}
                data-testid="open-completeness"
              >
                {t('reporting.home.completeness')}
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
