import { Fragment, useState } from 'react';
import { ActionIcon, Card, Divider, Group, Pagination, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMarkNotificationRead, useNotifications, useUnreadCount } from './api.ts';
import { NotificationItem } from './NotificationsBell.tsx';

const PAGE_SIZE = 20;

/** All of the user's notifications, newest first, a page at a time; unread ones can be filtered and marked read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(page, PAGE_SIZE, unreadOnly);
  const unread = useUnreadCount();
  const markRead = useMarkNotificationRead();
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('notifications.title')} description={t('notifications.description')} />
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <SegmentedControl
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
            data={[
              { value: 'all', label: t('notifications.all') },
              {
                value: 'unread',
                label: unread.data ? `${t('notifications.unread')} (${unread.data})` : t('notifications.unread'),
              },
            ]}
            data-testid="notifications-filter"
          />
          {list.data ? (
            <Text size="sm" c="dimmed">
              {t('notifications.total', { count: list.data.total })}
            </Text>
          ) : null}
        </Group>
        <ErrorAlert error={list.error ?? markRead.error} />
        {list.isPending ? <CenterLoader /> : null}
        {list.data && items.length === 0 ? (
          <Text c="dimmed" data-testid="notifications-empty">
            {unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
          </Text>
        ) : null}
        {items.length ? (
          <Card bg="white" withBorder padding="xs" data-testid="notifications-list">
            {items.map((n, i) => (
              <Fragment key={n.id}>
                {i > 0 ? <Divider my={4} /> : null}
                <NotificationItem
                  notification={n}
                  onOpen={() => n.readAt === null && markRead.mutate(n.id)}
                  actions={
                    n.readAt === null ? (
                      <Tooltip label={t('notifications.markRead')}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          mt={6}
                          onClick={() => markRead.mutate(n.id)}
                          aria-label={t('notifications.markRead')}
                          data-testid="notification-mark-read"
                        >
                          <IconCheck size={18} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null
                  }
                />
              </Fragment>
            ))}
          </Card>
        ) : null}
        {pages > 1 ? <Pagination total={pages} value={page} onChange={setPage} size="sm" /> : null}
      </Stack>
    </>
  );
}
