import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useFestivalLive, useFestivals } from './api.ts';
import { RoundStatus } from './shared.tsx';

/** The festivals, latest first, each with its rounds and where they stand. */
export function FestivalsPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useFestivals();
  useFestivalLive();
  if (!auth.can('festival.read')) return <NoPermission />;
  return (
    <>
      <PageHeader title={t('festival.list.title')} description={t('festival.list.description')} />
      {list.isPending ? (
        <CenterLoader />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('festival.list.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {list.data.items.map((f) => (
            <Card key={f.id} bg="white" withBorder data-testid="festival-card">
              <Text size="xs" c="dimmed" fw={600}>
                {f.code}
              </Text>
              <Anchor
                renderRoot={(props) => <Link {...props} to="/festivals/$festivalId" params={{ festivalId: f.id }} />}
                fw={600}
                display="block"
                mt={4}
              >
                {f.name}
              </Anchor>
              <Stack gap={4} mt="xs">
                {f.rounds.map((r) => (
                  <Group key={r.id} gap="xs" wrap="nowrap">
                    <RoundStatus status={r.status} />
                    <Text size="sm">
                      {r.name} · {formatDate(r.heldOn)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
