import { Anchor, Group, ScrollArea, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconMapPin } from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useTournament, useTournamentLive } from './api.ts';
import { DrawTab } from './DrawTab.tsx';
import { EntriesTab } from './EntriesTab.tsx';
import { EventsTab } from './EventsTab.tsx';
import { MatchesTab } from './MatchesTab.tsx';
import { OrderTab } from './OrderTab.tsx';
import { ParticipationTab } from './ParticipationTab.tsx';
import { type TournamentTab, tournamentTabs } from './search.ts';
import { StandingsTab } from './StandingsTab.tsx';
import { UmpiresTab } from './UmpiresTab.tsx';

/** One tournament: its events, entries, draws, matches, order of play, standings and participation. */
export function TournamentPage() {
  const { t } = useTranslation();
  const { tournamentId } = useParams({ from: '/signed-in/tournaments/$tournamentId' });
  const search = useSearch({ from: '/signed-in/tournaments/$tournamentId' });
  const navigate = useNavigate({ from: '/tournaments/$tournamentId' });
  const auth = useAuth();
  const tournament = useTournament(tournamentId);
  useTournamentLive();
  if (!auth.can('tournament.read')) return <NoPermission />;
  if (tournament.isPending) return <CenterLoader />;
  if (tournament.error) return <ErrorAlert error={tournament.error} />;
  const tt = tournament.data;
  const manage = auth.can('tournament.manage');
  const tab: TournamentTab = search.tab ?? 'events';
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link {...props} to="/tournaments" />}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> {t('tournament.list.title')}
      </Anchor>
      <PageHeader
        title={tt.name}
        description={
          <Group gap="xs" component="span" style={{ rowGap: 2 }}>
            <Text span size="sm" c="dimmed">
              {tt.code} · {t('tournament.list.dates', { from: formatDate(tt.startsOn), to: formatDate(tt.endsOn) })}
            </Text>
            <Text span size="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
              <IconMapPin size={14} /> {tt.venue}
            </Text>
            <Text span size="sm" c="dimmed">
              {t('tournament.list.deadline', { date: formatDate(tt.entryDeadline) })}
            </Text>
          </Group>
        }
      />
      <Tabs
        value={tab}
        onChange={(v) =>
          void navigate({
            search: (s) => ({ ...s, tab: v && v !== 'events' ? (v as TournamentTab) : undefined }),
            replace: true,
          })
        }
        keepMounted={false}
        data-testid="tournament-tabs"
      >
        <ScrollArea type="never" mb="md">
          <Tabs.List style={{ flexWrap: 'nowrap' }}>
            {tournamentTabs
              .filter((k) => k !== 'umpires' || manage)
              .map((k) => (
                <Tabs.Tab key={k} value={k} px="sm" data-testid={`tab-${k}`} style={{ whiteSpace: 'nowrap' }}>
                  {t(`tournament.tabs.${k}`)}
                </Tabs.Tab>
              ))}
          </Tabs.List>
        </ScrollArea>
        <Tabs.Panel value="events">
          <EventsTab tournament={tt} manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="entries">
          <EntriesTab tournament={tt} manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="draw">
          <DrawTab tournament={tt} manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="matches">
          <MatchesTab tournament={tt} />
        </Tabs.Panel>
        <Tabs.Panel value="order">
          <OrderTab tournament={tt} manage={manage} />
        </Tabs.Panel>
        <Tabs.Panel value="standings">
          <StandingsTab tournament={tt} />
        </Tabs.Panel>
        <Tabs.Panel value="participation">
          <ParticipationTab tournament={tt} />
        </Tabs.Panel>
        {manage ? (
          <Tabs.Panel value="umpires">
            <UmpiresTab tournament={tt} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </>
  );
}
