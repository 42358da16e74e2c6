import { useState } from 'react';
import { Alert, Card, Group, Select, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useUnit } from '../organisation/api.ts';
import { useRegistrations, type DriveDetail } from './api.ts';
import { RegistrationForm } from './RegistrationForm.tsx';
import { RegistrationBadge } from './shared.tsx';
import { TargetsList } from './TargetsList.tsx';

/** The participating units among those the officer holds a grant on (the drive names its first 500 participants). */
export function myParticipatingUnits(drive: DriveDetail, myUnitIds: string[]) {
  const byId = new Map(drive.participants.map((p) => [p.id, p]));
  const partial = drive.participantCount > drive.participants.length;
  return myUnitIds.filter((id) => byId.has(id) || partial).map((id) => ({ id, name: byId.get(id)?.name ?? null }));
}

/** A unit officer's own registration: its state, the Bloc's note when returned, and the form while it may still change. */
export function MyRegistration({ drive, myUnitIds }: { drive: DriveDetail; myUnitIds: string[] }) {
  const { t } = useTranslation();
  const units = myParticipatingUnits(drive, myUnitIds);
  const [chosen, setChosen] = useState<string | null>(null);
  const unitId = chosen ?? units[0]?.id ?? null;
  const unitName = units.find((u) => u.id === unitId)?.name;
  const named = useUnit(unitId && !unitName ? unitId : null);
  const list = useRegistrations(drive.id, null, 1, 500);

  if (!myUnitIds.length) {
    return (
      <Text c="dimmed" size="sm">
        {t('emulation.register.noUnit')}
      </Text>
    );
  }
  if (!units.length || !unitId) {
    return (
      <Alert color="gray" variant="light" data-testid="registration-not-participant">
        {t('emulation.register.notParticipant')}
      </Alert>
    );
  }
  if (list.isPending) return <CenterLoader />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const mine = list.data.items.find((r) => r.unit.id === unitId) ?? null;
  const indicators = drive.template?.indicators ?? [];
  const editable = drive.status === 'open' && mine?.status !== 'accepted';

  return (
    <Stack gap="sm" maw={720} data-testid="my-registration">
      {units.length > 1 ? (
        <Select
          label={t('emulation.register.unit')}
          data={units.map((u) => ({ value: u.id, label: u.name ?? u.id }))}
          value={unitId}
          onChange={setChosen}
          allowDeselect={false}
        />
      ) : null}
      <Card bg="white" withBorder padding="sm">
        <Text size="sm" fw={600}>
          {unitName ?? named.data?.name ?? ''}
        </Text>
        <Group gap="xs" mt={4} style={{ rowGap: 2 }}>
          {mine ? (
            <RegistrationBadge status={mine.status} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('emulation.register.notYet')}
            </Text>
          )}
          {mine ? (
            <Text size="xs" c="dimmed">
              {t('emulation.register.sentAt', { at: formatDateTime(mine.submittedAt) })}
            </Text>
          ) : null}
        </Group>
        {drive.registrationDue && !mine && drive.status === 'open' ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t('emulation.register.due', { date: formatDate(drive.registrationDue) })}
          </Text>
        ) : null}
      </Card>
      {mine?.status === 'returned' ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconArrowBackUp size={18} />}
          title={t('emulation.register.returnedTitle')}
          data-testid="registration-returned"
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="registration-review-note">
            {mine.reviewNote}
          </Text>
          {mine.reviewedAt ? (
            <Text size="xs" c="dimmed" mt={4}>
              {formatDateTime(mine.reviewedAt)}
            </Text>
          ) : null}
        </Alert>
      ) : null}
      {mine?.status === 'submitted' ? (
        <Alert color="blue" variant="light" icon={<IconHourglass size={18} />}>
          {t('emulation.register.waiting')}
        </Alert>
      ) : null}
      {mine?.status === 'accepted' ? (
        <Alert
          color="green"
          variant="light"
          icon={<IconCircleCheck size={18} />}
          title={t('emulation.register.acceptedTitle')}
          data-testid="registration-accepted"
        >
          {mine.reviewNote ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {mine.reviewNote}
            </Text>
          ) : (
            t('emulation.register.acceptedBody')
          )}
        </Alert>
      ) : null}
      {editable ? (
        <RegistrationForm
          key={`${unitId}:${mine?.submittedAt ?? ''}:${mine?.status ?? ''}`}
          drive={drive}
          unitId={unitId}
          existing={mine}
        />
      ) : mine ? (
        <Card bg="white" withBorder padding="sm">
          <TargetsList targets={mine.targets} indicators={indicators} />
          {mine.note ? (
            <Text size="sm" c="dimmed" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {mine.note}
            </Text>
          ) : null}
        </Card>
      ) : (
        <Text size="sm" c="dimmed">
          {t('emulation.register.closed')}
        </Text>
      )}
    </Stack>
  );
}
