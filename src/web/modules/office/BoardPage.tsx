import { Badge, Button, Card, Group, Progress, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { FilePicker } from '../../ui/FilePicker.tsx';
import { useAttachFile, useBoard, useOfficeLive, useRemind, useSetPublic } from './api.ts';

/** The sender's receipt board: each recipient unit with when it received, opened and acknowledged; live. */
export function BoardPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const { outgoingId } = useParams({ strict: false }) as { outgoingId: string };
  const board = useBoard(outgoingId);
  const remind = useRemind(outgoingId);
  const setPublic = useSetPublic(outgoingId);
  const attach = useAttachFile(outgoingId);
  useOfficeLive();
  if (!auth.can('office.read')) return <NoPermission />;
  if (board.isPending) return <CenterLoader />;
  if (board.error) return <ErrorAlert error={board.error} />;
  const { document: d, deliveries } = board.data;
  const pending = deliveries.filter((x) => !x.acknowledgedAt).length;
  return (
    <>
      <PageHeader
        title={t('office.board.title', { symbol: d.symbol })}
        description={d.summary}
        actions={
          auth.can('office.issue') && pending > 0 ? (
            <Button
              variant="light"
              leftSection={<IconBell size={16} />}
              loading={remind.isPending}
              onClick={() =>
                remind.mutate(undefined, {
                  onSuccess: (r) =>
                    notifications.show({ color: 'green', message: t('office.board.reminded', { count: r.notified }) }),
                })
              }
              data-testid="office-remind"
            >
              {t('office.board.remind')}
            </Button>
          ) : undefined
        }
      />
      <Card withBorder mb="md">
        <Group gap="xl" wrap="wrap">
          <Text size="sm">
            {t('office.board.issued', { date: formatDate(d.issuedOn), signer: d.signer.name || d.signer.position })}
          </Text>
          <Text size="sm" data-testid="office-board-count">
            {t('office.outgoing.receiptCount', { done: d.receipt.acknowledged, all: d.receipt.units })}
          </Text>
          {d.file ? (
            <a href={`/api/files/${d.file.id}`} target="_blank" rel="noreferrer">
              {d.file.name}
            </a>
          ) : null}
        </Group>
        {auth.can('office.issue') ? (
          <Group gap="xl" wrap="wrap" mt="sm" align="flex-start">
            <Switch
              label={t('office.board.public')}
              description={t('office.board.publicHint')}
              checked={d.isPublic}
              disabled={setPublic.isPending}
              onChange={(e) => setPublic.mutate(e.currentTarget.checked)}
              data-testid="office-board-public"
            />
            <FilePicker
              value={[]}
              max={1}
              hint={false}
              size="xs"
              buttonLabel={t(d.file ? 'office.board.replaceScan' : 'office.board.attachScan')}
              onChange={(f) => {
                if (f[0])
                  attach.mutate(f[0].id, {
                    onSuccess: () => notifications.show({ color: 'green', message: t('office.board.scanAttached') }),
                  });
              }}
              testId="office-board-scan"
            />
          </Group>
        ) : null}
        {setPublic.error ? <ErrorAlert error={setPublic.error} /> : null}
        {attach.error ? <ErrorAlert error={attach.error} /> : null}
        <Progress
          mt="sm"
          value={d.receipt.units ? (d.receipt.acknowledged / d.receipt.units) * 100 : 0}
          aria-label={t('office.outgoing.receipt')}
        />
        {d.recipients.length ? (
          <Stack gap={0} mt="sm">
            <Text size="xs" fw={600}>
              {t('office.board.recipients')}
            </Text>
            {d.recipients.map((r) => (
              <Text size="xs" key={r}>
                - {r}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Card>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="xs" data-testid="office-board">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('office.board.unit')}</Table.Th>
              <Table.Th>{t('office.board.sent')}</Table.Th>
              <Table.Th>{t('office.board.opened')}</Table.Th>
              <Table.Th>{t('office.board.acknowledged')}</Table.Th>
              <Table.Th>{t('office.board.reminders')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.map((x) => (
              <Table.Tr key={x.id} data-testid="office-board-row" data-unit={x.unit.name}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {x.unit.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {x.line}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(x.sentAt)}</Table.Td>
                <Table.Td>{x.openedAt ? formatDateTime(x.openedAt) : '—'}</Table.Td>
                <Table.Td data-testid="office-board-ack">
                  {x.acknowledgedAt ? (
                    <Badge color="green" variant="light">
                      {formatDateTime(x.acknowledgedAt)}
                      {x.acknowledgedBy ? ` · ${x.acknowledgedBy}` : ''}
                    </Badge>
                  ) : (
                    <Badge color="orange" variant="light">
                      {t('office.board.awaiting')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{x.reminders || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
