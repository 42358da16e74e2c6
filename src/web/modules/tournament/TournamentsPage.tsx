import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconMapPin, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type TournamentSummary, useTournamentLive, useTournaments } from './api.ts';
import { CreateTournamentModal } from './CreateTournamentModal.tsx';

function TournamentCard({ tournament: tt }: { tournament: TournamentSummary }) {
  const { t } = useTranslation();
  return (
    <Card bg="white" withBorder data-testid="tournament-card" data-code={tt.code}>
      <Text size="xs" c="dimmed" fw={600}>
        {tt.code}
      </Text>
      <Anchor
        renderRoot={(props) => <Link {...props} to="/tournaments/$tournamentId" params={{ tournamentId: tt.id }} />}
        fw={600}
        mt={4}
        display="block"
        data-testid="tournament-link"
      >
        {tt.name}
      </Anchor>
      <Group gap="xs" mt={6} style={{ rowGap: 4 }}>
        <Text size="sm" c="dimmed">
          {t('tournament.list.dates', { from: formatDate(tt.startsOn), to: formatDate(tt.endsOn) })}
        </Text>
        <Badge variant="light" color="gray">
          {t('tournament.list.deadline', { date: formatDate(tt.entryDeadline) })}
        </Badge>
      </Group>
      <Group gap={4} mt={4} wrap="nowrap">
        <IconMapPin size={14} />
        <Text size="sm">{tt.venue}</Text>
      </Group>
    </Card>
  );
}

/** The tournaments, latest first; the organisers set one up from here. */
export function TournamentsPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useTournaments();
  const [creating, setCreating] = useState(false);
  useTournamentLive();
  if (!auth.can('tournament.read')) return <NoPermission />;
  const manage = auth.can('tournament.manage');
  return (
    <>
      <PageHeader
        title={t('tournament.list.title')}
        description={t('tournament.list.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="tournament-new">
              {t('tournament.create.button')}
            </Button>
          ) : undefined
        }
      />
      {list.isPending ? (
        <CenterLoader />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{manage ? t('tournament.list.emptyManage') : t('tournament.list.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {list.data.items.map((tt) => (
            <TournamentCard key={tt.id} tournament={tt} />
          ))}
        </SimpleGrid>
      )}
      <Stack>{creating ? <CreateTournamentModal onClose={() => setCreating(false)} /> : null}</Stack>
    </>
  );
}
