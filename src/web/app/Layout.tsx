import '@mantine/dates/styles.css';
import type { ReactNode } from 'react';
import { AppShell, Badge, Box, Burger, Group, NavLink, ScrollArea, Text, Tooltip } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink } from '@tabler/icons-react';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AppBrand } from './AppBrand.tsx';
import { demoDate, systemToday } from './clock.ts';
import { formatDmy } from '../../common/dates.ts';
import { useAuth } from './auth.tsx';
import { externalLinks, navigation } from './navigation.ts';
import { UserMenu } from './UserMenu.tsx';
import './format.ts'; // dayjs as Mantine's date inputs need it: DD/MM/YYYY typed in, both languages
import { NotificationsBell } from '../modules/plans/NotificationsBell.tsx';

/** While the server runs as of a demo date (KYNIEM_DEMO_DATE, ADR 30), the header says so plainly. */
function DemoDateBadge() {
  const { t } = useTranslation();
  const day = demoDate();
  if (!day) return null;
  const today = formatDmy(systemToday());
  return (
    <Tooltip label={t('app.demoDateHelp')}>
      <Badge
        color="orange"
        variant="filled"
        size="lg"
        radius="sm"
        data-testid="demo-date"
        visibleFrom="sm"
        style={{ textTransform: 'none' }}
      >
        {t('app.demoDate', { date: today })}
      </Badge>
    </Tooltip>
  );
}

/** On a phone the header has no room: the demo date runs as a strip across the top of the screen. */
function DemoDateStrip() {
  const { t } = useTranslation();
  if (!demoDate()) return null;
  return (
    <Box
      hiddenFrom="sm"
      bg="orange.6"
      c="white"
      px="md"
      py={6}
      mx="calc(var(--mantine-spacing-md) * -1)"
      mt="calc(var(--mantine-spacing-md) * -1)"
      mb="md"
      ta="center"
      fw={600}
      fz="sm"
      data-testid="demo-date-strip"
    >
      {t('app.demoDate', { date: formatDmy(systemToday()) })}
    </Box>
  );
}

/** The frame of every signed-in screen: header, navigation (a burger on phones), content. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  const items = navigation.filter((item) => !('permission' in item) || auth.can(item.permission));

  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
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
              <DemoDateBadge />
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
          <DemoDateStrip />
          <Box maw={1200} mx="auto" w="100%">
            {children}
          </Box>
        </AppShell.Main>
      </AppShell>
    </DatesProvider>
  );
}
