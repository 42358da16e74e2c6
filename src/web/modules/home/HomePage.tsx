import { Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconDatabase } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Overview, OverviewItem } from '../../../server/modules/system/schema.ts';
import { api } from '../../app/api.ts';
import { useAuth, useMe } from '../../app/auth.tsx';
import { systemNow } from '../../app/clock.ts';
import { LeaderView } from './LeaderView.tsx';
import { TodoList } from './TodoList.tsx';
import type { Icon, WebModule } from '../../app/module.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { webModules } from '../../app/modules.ts';
import { isAppPath } from '../../app/router.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';

/** The figures' icons, as the modules declare them (their homeIcons). */
const icons: Record<string, Icon> = Object.assign(
  {},
  ...(webModules as readonly WebModule[]).map((m) => m.homeIcons ?? {}),
);

function greetingKey(hour: number): 'home.greeting.morning' | 'home.greeting.afternoon' | 'home.greeting.evening' {
  if (hour < 11) return 'home.greeting.morning';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

function OverviewCard({ item }: { item: OverviewItem }) {
  const { t, i18n } = useTranslation();
  const Icon = icons[item.key] ?? IconDatabase;
  const linked = item.path !== null && isAppPath(item.path);
  const body = (
    <>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" fw={500}>
          {i18n.language === 'en' ? item.label.en : item.label.vi}
        </Text>
        <ThemeIcon variant="light" color="partyRed" radius="md" size={36}>
          <Icon size={20} />
        </ThemeIcon>
      </Group>
      <Text fz={34} fw={700} lh={1.1} mt="xs">
        {formatNumber(item.count, i18n.language)}
      </Text>
      {linked ? (
        <Group gap={4} mt="sm" c="partyRed.7">
          <Text size="sm" fw={500}>
            {t('home.open')}
          </Text>
          <IconArrowRight size={16} />
        </Group>
      ) : null}
    </>
  );
  if (!linked)
    return (
      <Card bg="white" data-testid={`overview-${item.key}`}>
        {body}
      </Card>
    );
  return (
    <Card
      bg="white"
      component={Link}
      to={item.path as '/'}
      data-testid={`overview-${item.key}`}
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      {body}
    </Card>
  );
}

/**
 * The home page (ADR 30): what the signed-in person has to do, by deadline, first; for the Bloc's
 * leader, the Standing Committee and the Office, the plan at a glance; then what the system holds.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const auth = useAuth();
  const overview = useQuery({ queryKey: ['overview'], queryFn: () => api<Overview>('/api/overview') });
  const now = systemNow();

  return (
    <>
      <Title order={1} fz={{ base: 26, sm: 32 }} data-testid="greeting">
        {t(greetingKey(now.getHours()), { name: me.user.displayName })}
      </Title>
      <Text c="dimmed" mt={6} mb="lg">
        {t('home.today', { date: formatDate(now) })} · {t('home.intro')}
      </Text>

      <Stack gap="xl" mb="xl">
        <TodoList />
        {auth.can('home.leader') ? <LeaderView /> : null}
      </Stack>

      <Title order={2} fz="lg" mb="sm">
        {t('home.holds')}
      </Title>
      {overview.isPending ? <CenterLoader /> : null}
      {overview.error ? <ErrorAlert error={overview.error} /> : null}
      {overview.data ? (
        overview.data.items.length > 0 ? (
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 3 }} spacing="md">
            {overview.data.items.map((item) => (
              <OverviewCard key={item.key} item={item} />
            ))}
          </SimpleGrid>
        ) : (
          <Text c="dimmed">{t('home.nothing')}</Text>
        )
      ) : null}
    </>
  );
}
