import { useState } from 'react';
import { Badge, Button, Group, Text } from '@mantine/core';
import { IconMapPin, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CardGrid, ListPage, RecordCard } from '../../ui/ListPage.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { type TournamentSummary, useTournamentLive, useTournaments } from './api.ts';
import { CreateTournamentModal } from './CreateTournamentModal.tsx';

function TournamentCard({ tournament: tt }: { tournament: TournamentSummary }) {
  const { t } = useTranslation();
  return (
    <RecordCard
      code={tt.code}
      name={tt.name}
      link={(props) => <Link {...props} to="/tournaments/$tournamentId" params={{ tournamentId: tt.id }} />}
      testId="tournament-card"
      linkTestId="tournament-link"
    >
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
    </RecordCard>
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
    <ListPage
      title={t('tournament.list.title')}
      description={t('tournament.list.description')}
      actions={
        manage ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="tournament-new">
            {t('tournament.create.button')}
          </Button>
        ) : undefined
      }
      query={list}
      empty={manage ? t('tournament.list.emptyManage') : t('tournament.list.empty')}
      after={creating ? <CreateTournamentModal onClose={() => setCreating(false)} /> : null}
    >
      {(items) => (
        <CardGrid wide>
          {items.map((tt) => (
            <TournamentCard key={tt.id} tournament={tt} />
          ))}
        </CardGrid>
      )}
    </ListPage>
  );
}
