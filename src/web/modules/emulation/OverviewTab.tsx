import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/format.ts';
import { daysUntil } from '../../../common/periods.ts';
import { registrationStatuses, type DriveDetail } from './api.ts';
import { daysLeftText, documentLine, periodText, phaseOf, today } from './shared.tsx';
import { Fact } from '../../ui/Fact.tsx';

/** The drive at a glance: its period and the days left, the document, the theme, who takes part and how far registration has got. */
export function OverviewTab({ drive }: { drive: DriveDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const now = today();
  const phase = phaseOf(drive, now);
  const registered = registrationStatuses.reduce((a, s) => a + (drive.registrations[s] ?? 0), 0);
  const doc = documentLine(drive, t);
  const dueLeft = drive.registrationDue ? daysUntil(drive.registrationDue, now) : null;

  return (
    <Stack gap="md" data-testid="drive-overview">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Fact
          label={t('emulation.overview.period')}
          value={periodText(drive)}
          hint={phase === 'closed' ? t('emulation.phase.closed') : daysLeftText(drive, t, now)}
          testId="overview-period"
        />
        <Fact
          label={t('emulation.overview.participants')}
          value={formatNumber(drive.participantCount, lang)}
          hint={t('emulation.overview.participantsHint')}
          testId="overview-participants"
        />
        <Fact
          label={t('emulation.overview.registrations')}
          value={t('emulation.overview.registered', {
            n: formatNumber(registered, lang),
            total: formatNumber(drive.participantCount, lang),
          })}
          hint={t('emulation.overview.registrationCounts', {
            accepted: drive.registrations.accepted ?? 0,
            submitted: drive.registrations.submitted ?? 0,
            returned: drive.registrations.returned ?? 0,
          })}
          testId="overview-registrations"
        />
        <Fact
          label={t('emulation.overview.registrationDue')}
          value={drive.registrationDue ? formatDate(drive.registrationDue) : t('emulation.overview.noDue')}
          hint={
            dueLeft === null || phase === 'closed'
              ? undefined
              : dueLeft > 0
                ? t('emulation.days.left', { days: dueLeft })
                : dueLeft === 0
                  ? t('emulation.days.lastDay')
                  : t('emulation.overview.dueOver')
          }
          testId="overview-due"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Card bg="white" withBorder>
          <Title order={3} fz="md" mb="xs">
            {t('emulation.overview.theme')}
          </Title>
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap' }}
            c={drive.theme ? undefined : 'dimmed'}
            data-testid="overview-theme"
          >
            {drive.theme || t('emulation.overview.noTheme')}
          </Text>
          <Title order={3} fz="md" mt="md" mb="xs">
            {t('emulation.overview.document')}
          </Title>
          <Text size="sm" c={doc ? undefined : 'dimmed'} data-testid="overview-document">
            {doc ?? t('emulation.overview.noDocument')}
          </Text>
        </Card>
        <Card bg="white" withBorder data-testid="overview-template">
          <Title order={3} fz="md" mb="xs">
            {t('emulation.overview.template')}
          </Title>
          {drive.template ? (
            <>
              <Text size="sm" fw={500}>
                {drive.template.code} — {drive.template.name}
              </Text>
              <Text size="sm" c="dimmed" mt={4}>
                {t('emulation.overview.templateHint')}
              </Text>
              <List size="sm" mt="xs" spacing={2}>
                {drive.template.indicators.map((i) => (
                  <List.Item key={i.id}>
                    {i.name}
                    {i.unit ? ` (${i.unit})` : ''}
                  </List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('emulation.overview.noTemplate')}
            </Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
