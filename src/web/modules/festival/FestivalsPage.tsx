import { Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CardGrid, ListPage, RecordCard } from '../../ui/ListPage.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
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
    <ListPage
      title={t('festival.list.title')}
      description={t('festival.list.description')}
      query={list}
      empty={t('festival.list.empty')}
    >
      {(items) => (
        <CardGrid>
          {items.map((f) => (
            <RecordCard
              key={f.id}
              code={f.code}
              name={f.name}
              link={(props) => <Link {...props} to="/festivals/$festivalId" params={{ festivalId: f.id }} />}
              testId="festival-card"
            >
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
            </RecordCard>
          ))}
        </CardGrid>
      )}
    </ListPage>
  );
}
