import type { ReactNode } from 'react';
import { AppShell, Box, Burger, Group, NavLink, ScrollArea, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconStarFilled } from '@tabler/icons-react';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth.tsx';
import { externalLinks, navigation } from './navigation.ts';
import { UserMenu } from './UserMenu.tsx';
import { NotificationsBell } from '../modules/plans/NotificationsBell.tsx';

export function AppBrand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={10} wrap="nowrap" style={{ minWidth: 0 }}>
      <ThemeIcon color="partyRed" radius="md" size={compact ? 32 : 36}>
        <IconStarFilled size={compact ? 16 : 18} color="#ffd54f" />
      </ThemeIcon>
      <Box style={{ minWidth: 0 }}>
        <Text fw={700} size="lg" c="partyRed.8" lh={1.25}>
          Kyniem
        </Text>
        <Text size="xs" c="dimmed" lh={1.45} mt={2} truncate="end">
          {t('app.tagline')}
        </Text>
      </Box>
    </Group>
  );
}

/** The frame of every signed-in screen: header, navigation (a burger on phones), content. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  const items = navigation.filter((item) => !('permission' in item) || auth.can(item.permission));

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <AppShell.Header style={{ borderTop: '3px solid var(--mantine-color-partyRed-7)' }}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              data-testid="nav-burger"
            />
            <Link to="/" style={{ textDecoration: 'none', minWidth: 0 }} onClick={close}>
              <AppBrand />
            </Link>
          </Group>
          <Group gap={6} wrap="nowrap">
            <NotificationsBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')} data-testid="navbar">
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => {
            const Icon = item.icon;
            const active =
              item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.label)}
                active={active}
                variant="light"
                leftSection={<Icon size={20} stroke={1.7} />}
                onClick={close}
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
          {externalLinks.map((link) => {
            const Icon = link.icon;
            return (
              <NavLink
                key={link.href}
                component="a"
                href={link.href}
                target="_blank"
                rel="noopener"
                label={t(link.label)}
                leftSection={<Icon size={20} stroke={1.7} />}
                rightSection={<IconExternalLink size={14} />}
                onClick={close}
              />
            );
          })}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py="xs">
            {t('app.footer')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Box maw={1200} mx="auto" w="100%">
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
