import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Anchor,
  Box,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useMarkNotificationRead, useNotifications, useUnreadCount, type AppNotification } from './api.ts';

const LATEST = 6;

/**
 * Where a notification leads in this app. Reminders name an activity
 * (`/plans/{plan}/activities/{activity}`); activities are read on their plan's page, so those
 * open the plan. Any other path inside the site is followed as it is.
 */
export function notificationTarget(link: string | null): { planId: string } | { href: string } | null {
  if (!link?.startsWith('/') || link.startsWith('//')) return null;
  const plan = /^\/plans\/([0-9a-fA-F-]{36})(?:\/.*)?$/.exec(link);
  return plan ? { planId: plan[1] } : { href: link };
}

/** One notification: title and body in the reader's language, when, and a dot while unread. */
export function NotificationItem({
  notification: n,
  onOpen,
  actions,
  compact = false,
}: {
  notification: AppNotification;
  onOpen: () => void;
  actions?: ReactNode;
  compact?: boolean;
}) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const target = notificationTarget(n.link);
  const unread = n.readAt === null;
  const content = (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Box
        mt={7}
        w={8}
        h={8}
        style={{
          flexShrink: 0,
          borderRadius: '50%',
          background: unread ? 'var(--mantine-color-partyRed-6)' : 'transparent',
        }}
        aria-hidden
      />
      <Box style={{ minWidth: 0, flex: 1 }}>
        <Text
          size="sm"
          fw={unread ? 700 : 500}
          lineClamp={compact ? 3 : undefined}
          style={{ overflowWrap: 'anywhere' }}
        >
          {en ? n.title.en : n.title.vi}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={compact ? 2 : undefined} style={{ overflowWrap: 'anywhere' }}>
          {en ? n.body.en : n.body.vi}
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          {formatDateTime(n.createdAt)}
        </Text>
      </Box>
    </Group>
  );
  const style = { display: 'block', minWidth: 0, flex: 1, borderRadius: 'var(--mantine-radius-sm)' };
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="notification" data-unread={unread ? 'true' : 'false'}>
      {target === null ? (
        <UnstyledButton onClick={onOpen} p={6} style={style}>
          {content}
        </UnstyledButton>
      ) : 'planId' in target ? (
        <UnstyledButton
          renderRoot={(props) => <Link {...props} to="/plans/$planId" params={{ planId: target.planId }} />}
          onClick={onOpen}
          p={6}
          style={style}
        >
          {content}
        </UnstyledButton>
      ) : (
        <UnstyledButton component="a" href={target.href} onClick={onOpen} p={6} style={style}>
          {content}
        </UnstyledButton>
      )}
      {actions}
    </Group>
  );
}

/** The bell in the header: how many notifications are unread, and the latest in a dropdown. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const latest = useNotifications(1, LATEST, false, opened);
  const markRead = useMarkNotificationRead();
  const count = unread.data ?? 0;
  const open = (n: AppNotification) => {
    setOpened(false);
    if (n.readAt === null) markRead.mutate(n.id);
  };

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width="min(380px, calc(100vw - 16px))"
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator
          label={count > 99 ? '99+' : count}
          size={18}
          disabled={count === 0}
          color="partyRed"
          offset={6}
          data-testid="notifications-count"
          data-count={count}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            radius="xl"
            onClick={() => setOpened((o) => !o)}
            aria-label={count ? t('notifications.openUnread', { count }) : t('notifications.open')}
            data-testid="notifications-bell"
          >
            <IconBell size={22} stroke={1.7} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notifications-dropdown">
        <Group justify="space-between" px="sm" py={8} wrap="nowrap">
          <Text fw={700} size="sm">
            {t('notifications.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('notifications.unreadCount', { count })}
          </Text>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah="min(420px, 60vh)" type="auto">
          <Stack gap={2} p={6}>
            <ErrorAlert error={latest.error} />
            {latest.isPending ? (
              <Text size="sm" c="dimmed" p="xs">
                {t('common.loading')}
              </Text>
            ) : null}
            {latest.data && latest.data.items.length === 0 ? (
              <Text size="sm" c="dimmed" p="xs">
                {t('notifications.empty')}
              </Text>
            ) : null}
            {latest.data?.items.map((n) => (
              <NotificationItem key={n.id} notification={n} onOpen={() => open(n)} compact />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Divider />
        <Box px="sm" py={8} ta="center">
          <Anchor
            renderRoot={(props) => <Link {...props} to="/notifications" />}
            size="sm"
            fw={600}
            onClick={() => setOpened(false)}
            data-testid="notifications-all"
          >
            {t('notifications.seeAll')}
          </Anchor>
        </Box>
      </Popover.Dropdown>
    </Popover>
  );
}
