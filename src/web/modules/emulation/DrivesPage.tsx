import { useState } from 'react';
import { Anchor, Button, Card, Group, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFlag, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { DRIVES_PAGE_SIZE, driveQuery, useDrives, type Drive } from './api.ts';
import { LaunchDriveModal } from './LaunchDriveModal.tsx';
import { documentLine, DriveStatusBadge, periodText } from './shared.tsx';

function DriveCard({ drive, participants }: { drive: Drive; participants: number | undefined }) {
  const { t, i18n } = useTranslation();
  const doc = documentLine(drive, t);
  return (
    <Card bg="white" withBorder data-testid="drive-card" data-code={drive.code}>
      <Text size="xs" c="dimmed" fw={600}>
        {drive.code}
        {doc ? ` · ${doc}` : ''}
      </Text>
      <Anchor
        renderRoot={(props) => <Link {...props} to="/emulation/$driveId" params={{ driveId: drive.id }} />}
        fw={600}
        mt={4}
        display="block"
        data-testid="drive-link"
      >
        {drive.name}
      </Anchor>
      <Group gap="md" mt={6} style={{ rowGap: 4 }}>
        <DriveStatusBadge drive={drive} />
        <Text size="sm" c="dimmed" data-testid="drive-period">
          {t('emulation.list.period', { period: periodText(drive) })}
        </Text>
        <Group gap={4} wrap="nowrap">
          <IconUsersGroup size={16} color="var(--mantine-color-dimmed)" aria-hidden />
          <Text size="sm" c="dimmed" data-testid="drive-participants">
            {participants === undefined
              ? '…'
              : t('emulation.list.participants', { count: participants, n: formatNumber(participants, i18n.language) })}
          </Text>
        </Group>
      </Group>
    </Card>
  );
}

/** The emulation drives the Bloc has launched, newest first; "Phát động phong trào" for those who run them. */
export function DrivesPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [launching, setLaunching] = useState(false);
  const drives = useDrives(page, q);
  // The list does not carry participant counts; each drive's page does (a year has a handful of drives).
  const details = useQueries({
    queries: (drives.data?.items ?? []).map((d) => ({ ...driveQuery(d.id), staleTime: 30_000 })),
  });
  const counts = new Map(details.flatMap((d) => (d.data ? [[d.data.id, d.data.participantCount] as const] : [])));

  if (!auth.can('emulation.read')) return <NoPermission />;
  const pages = drives.data ? Math.max(1, Math.ceil(drives.data.total / DRIVES_PAGE_SIZE)) : 1;
  const manage = auth.can('emulation.manage');

  return (
    <>
      <PageHeader
        title={t('emulation.list.title')}
        description={t('emulation.list.description')}
        actions={
          manage ? (
            <Button leftSection={<IconFlag size={16} />} onClick={() => setLaunching(true)} data-testid="drive-launch">
              {t('emulation.launch.button')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="sm">
        {drives.data && (drives.data.total > DRIVES_PAGE_SIZE || q) ? (
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('emulation.list.search')}
            aria-label={t('emulation.list.search')}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            maw={420}
          />
        ) : null}
        <ErrorAlert error={drives.error} />
        {drives.isPending ? <CenterLoader /> : null}
        {drives.data && drives.data.items.length === 0 ? (
          <Card bg="white" withBorder>
            <Text c="dimmed" size="sm" data-testid="drives-empty">
              {q ? t('emulation.list.noMatch') : manage ? t('emulation.list.emptyManage') : t('emulation.list.empty')}
            </Text>
          </Card>
        ) : null}
        {drives.data?.items.map((d) => (
          <DriveCard key={d.id} drive={d} participants={counts.get(d.id)} />
        ))}
        {pages > 1 ? <Pagination total={pages} value={page} onChange={setPage} size="sm" /> : null}
      </Stack>
      {launching ? <LaunchDriveModal onClose={() => setLaunching(false)} /> : null}
    </>
  );
}
