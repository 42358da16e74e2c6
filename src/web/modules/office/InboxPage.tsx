import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type InboxItem, useAcknowledge, useInbox, useOfficeLive, useOpen } from './api.ts';

function InboxCard({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const open = useOpen();
  const ack = useAcknowledge();
  const d = item.document;
  return (
    <Card withBorder data-testid="office-inbox-item" data-symbol={d.symbol}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={700}>{d.symbol}</Text>
        {item.acknowledgedAt ? (
          <Badge color="green" variant="light">
            {t('office.inbox.acknowledged')}
          </Badge>
        ) : item.openedAt ? (
          <Badge color="blue" variant="light">
            {t('office.inbox.opened')}
          </Badge>
        ) : (
          <Badge color="orange">{t('office.inbox.new')}</Badge>
        )}
      </Group>
      <Text size="sm" mt={4}>
        {d.summary}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('office.inbox.meta', {
          date: formatDate(d.issuedOn),
          signer: d.signer.name || d.signer.position,
          unit: item.unit.name,
        })}
      </Text>
      {item.acknowledgedAt ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t('office.inbox.acknowledgedAt', { at: formatDateTime(item.acknowledgedAt) })}
        </Text>
      ) : null}
      <Group mt="sm" gap="xs" grow>
        <Button
          variant="default"
          leftSection={<IconFileText size={16} />}
          loading={open.isPending}
          onClick={() => {
            open.mutate(item.id);
            if (d.file) window.open(`/api/files/${d.file.id}`, '_blank', 'noopener');
          }}
          data-testid="office-inbox-open"
        >
          {d.file ? t('office.inbox.openFile') : t('office.inbox.markOpened')}
        </Button>
        {!item.acknowledgedAt ? (
          <Button
            color="green"
            leftSection={<IconCheck size={16} />}
            loading={ack.isPending}
            onClick={() =>
              ack.mutate(item.id, {
                onSuccess: () => notifications.show({ color: 'green', message: t('office.inbox.thanks') }),
              })
            }
            data-testid="office-inbox-ack"
          >
            {t('office.inbox.acknowledge')}
          </Button>
        ) : null}
      </Group>
      {open.error ? <ErrorAlert error={open.error} /> : null}
      {ack.error ? <ErrorAlert error={ack.error} /> : null}
    </Card>
  );
}

/** A unit's inbox, made for a phone: the documents sent to the unit, newest first; open and acknowledge. */
export function InboxPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const allowed = auth.can('office.receive');
  const inbox = useInbox(allowed);
  useOfficeLive();
  if (!allowed) return <NoPermission />;
  return (
    <>
      <PageHeader
        title={t('office.inbox.title')}
        description={inbox.data ? t('office.inbox.pending', { count: inbox.data.pending }) : undefined}
      />
      {inbox.isPending ? (
        <CenterLoader />
      ) : inbox.error ? (
        <ErrorAlert error={inbox.error} />
      ) : inbox.data.items.length === 0 ? (
        <Text c="dimmed">{t('office.inbox.empty')}</Text>
      ) : (
        <Stack gap="sm" maw={720}>
          {inbox.data.items.map((i) => (
            <InboxCard key={i.id} item={i} />
          ))}
        </Stack>
      )}
    </>
  );
}
