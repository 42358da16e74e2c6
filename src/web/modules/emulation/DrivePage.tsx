import { Anchor, Group, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconChartBar,
  IconClipboardCheck,
  IconFlagOff,
  IconInfoCircle,
  IconPlayerPlay,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../../app/auth.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert, useErrorText } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useDrive, useUpdateDrive, type DriveDetail } from './api.ts';
import { OverviewTab } from './OverviewTab.tsx';
import { ParticipantsTab } from './ParticipantsTab.tsx';
import { RegistrationsTab } from './RegistrationsTab.tsx';
import { ResultsTab } from './ResultsTab.tsx';
import { documentLine, DriveStatusBadge } from './shared.tsx';
import type { DriveTab } from './search.ts';

/** The units the signed-in officer registers and reports for: those their grants name. */
export function useMyUnitIds(): string[] {
  const me = useMe();
  const auth = useAuth();
  if (!auth.can('emulation.register')) return [];
  return [...new Set(me.grants.map((g) => g.unitId).filter((u): u is string => u !== null))];
}

function CloseButton({ drive }: { drive: DriveDetail }) {
  const { t } = useTranslation();
  const update = useUpdateDrive(drive.id);
  const errorText = useErrorText();
  const closing = drive.status === 'open';
  const run = () =>
    update.mutate(
      { status: closing ? 'closed' : 'open' },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: closing ? t('emulation.close.done') : t('emulation.close.reopened'),
          }),
        onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
      },
    );
  return closing ? (
    <ConfirmButton
      color="red"
      variant="light"
      leftSection={<IconFlagOff size={16} />}
      loading={update.isPending}
      question={t('emulation.close.question', { name: drive.name })}
      confirmLabel={t('emulation.close.confirm')}
      onConfirm={run}
      data-testid="drive-close"
    >
      {t('emulation.close.button')}
    </ConfirmButton>
  ) : (
    <ConfirmButton
      variant="default"
      leftSection={<IconPlayerPlay size={16} />}
      loading={update.isPending}
      question={t('emulation.close.reopenQuestion')}
      confirmLabel={t('emulation.close.reopen')}
      onConfirm={run}
      data-testid="drive-reopen"
    >
      {t('emulation.close.reopen')}
    </ConfirmButton>
  );
}

/** One drive: overview, participants, registrations of targets, results and ranking. */
export function DrivePage() {
  const { t } = useTranslation();
  const { driveId } = useParams({ from: '/signed-in/emulation/$driveId' });
  const search = useSearch({ from: '/signed-in/emulation/$driveId' });
  const navigate = useNavigate({ from: '/emulation/$driveId' });
  const auth = useAuth();
  const drive = useDrive(driveId);
  const phone = useMediaQuery('(max-width: 36em)');
  const myUnitIds = useMyUnitIds();
  if (!auth.can('emulation.read')) return <NoPermission />;
  if (drive.isPending) return <CenterLoader />;
  if (drive.error) return <ErrorAlert error={drive.error} />;
  const d = drive.data;
  const manage = auth.can('emulation.manage');
  const tab: DriveTab = search.tab ?? 'overview';
  const doc = documentLine(d, t);
  const pending = d.registrations.submitted ?? 0;

  return (
    <>
      <Anchor
        renderRoot={(props) => <Link {...props} to="/emulation" />}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> {t('emulation.list.title')}
      </Anchor>
      <PageHeader
        title={d.name}
        description={
          <Group gap="xs" component="span" style={{ rowGap: 2 }}>
            <DriveStatusBadge drive={d} />
            <Text span size="sm" c="dimmed">
              {d.code}
              {doc ? ` · ${doc}` : ''}
            </Text>
          </Group>
        }
        actions={manage ? <CloseButton drive={d} /> : undefined}
      />
      <Tabs
        value={tab}
        onChange={(v) => void navigate({ search: v && v !== 'overview' ? { tab: v as DriveTab } : {}, replace: true })}
        keepMounted={false}
        data-testid="drive-tabs"
      >
        <Tabs.List mb="md">
          <Tabs.Tab
            value="overview"
            leftSection={phone ? undefined : <IconInfoCircle size={16} />}
            px={phone ? 'xs' : undefined}
          >
            {t('emulation.tabs.overview')}
          </Tabs.Tab>
          <Tabs.Tab
            value="participants"
            leftSection={phone ? undefined : <IconUsersGroup size={16} />}
            px={phone ? 'xs' : undefined}
          >
            {t(phone ? 'emulation.tabs.participantsShort' : 'emulation.tabs.participants', { n: d.participantCount })}
          </Tabs.Tab>
          <Tabs.Tab
            value="registrations"
            leftSection={phone ? undefined : <IconClipboardCheck size={16} />}
            px={phone ? 'xs' : undefined}
            data-testid="tab-registrations"
          >
            {phone
              ? manage && pending
                ? t('emulation.tabs.registrationsShortPending', { n: pending })
                : t('emulation.tabs.registrationsShort')
              : manage && pending
                ? t('emulation.tabs.registrationsPending', { n: pending })
                : t('emulation.tabs.registrations')}
          </Tabs.Tab>
          <Tabs.Tab
            value="results"
            leftSection={phone ? undefined : <IconChartBar size={16} />}
            px={phone ? 'xs' : undefined}
            data-testid="tab-results"
          >
            {t(phone ? 'emulation.tabs.resultsShort' : 'emulation.tabs.results')}
          </Tabs.Tab>
        </Tabs.List>
        <Stack gap="md">
          <Tabs.Panel value="overview">
            <OverviewTab drive={d} />
          </Tabs.Panel>
          <Tabs.Panel value="participants">
            <ParticipantsTab drive={d} manage={manage} />
          </Tabs.Panel>
          <Tabs.Panel value="registrations">
            <RegistrationsTab drive={d} manage={manage} myUnitIds={myUnitIds} />
          </Tabs.Panel>
          <Tabs.Panel value="results">
            <ResultsTab drive={d} manage={manage} myUnitIds={myUnitIds} />
          </Tabs.Panel>
        </Stack>
      </Tabs>
    </>
  );
}
