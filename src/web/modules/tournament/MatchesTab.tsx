import { useState } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDeviceMobile, IconFileTypePdf, IconPencil } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { type Match, type Tie, type Tournament, useDraw, useEntries } from './api.ts';
import { LineupButton, LineupModal, TieRubbers } from './TieParts.tsx';
import type { TieFormat } from '../../../common/tournament/teams.ts';
import { ResultModal } from './ResultModal.tsx';
import { EventSelect, useBilingual, useChosenEvent } from './shared.tsx';
import { ScoreSheetDownloads } from './Downloads.tsx';

const statusColor = { waiting: 'gray', ready: 'blue', finished: 'green' } as const;

function MatchCard({
  match,
  onRecord,
  tournamentId,
  maySheet,
  onRubber,
  onLineup,
}: {
  match: Match;
  onRecord: (() => void) | null;
  tournamentId: string;
  /** Umpires and organisers: the match's own score sheet. */
  maySheet: boolean;
  /** A tie: score one of its rubbers (null when the caller may not). */
  onRubber?: ((rubber: Tie['rubbers'][number]) => void) | null;
  /** A tie: give a side's line-up (null for a side the caller may not). */
  onLineup?: (side: 'a' | 'b') => (() => void) | null;
}) {
  const { t } = useTranslation();
  const side = (i: 0 | 1) => {
    const s = match.sides[i]!;
    const won = match.winner === (i === 0 ? 'a' : 'b');
    return (
      <Text size="sm" fw={won ? 700 : 400} c={s.label ? undefined : 'dimmed'} lineClamp={2}>
        {s.label ?? (match.walkThrough ? t('tournament.draw.bye') : '…')}
      </Text>
    );
  };
  return (
    <Card withBorder bg="white" padding="sm" data-testid="match-card" data-code={match.code}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" fw={600}>
          {match.code}
          {match.group ? ` · ${t('tournament.draw.group', { n: match.group })}` : ''}
        </Text>
        <Badge size="sm" variant="light" color={statusColor[match.status]}>
          {match.walkThrough ? t('tournament.draw.bye') : t(`tournament.match.status.${match.status}`)}
        </Badge>
      </Group>
      <Group justify="space-between" wrap="nowrap" mt={4} align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          {side(0)}
          {side(1)}
        </Stack>
        {match.status === 'finished' && !match.walkThrough ? (
          <Text size="sm" ta="right" data-testid="match-score" style={{ whiteSpace: 'nowrap' }}>
            {match.outcome ? `${t(`tournament.result.outcomes.${match.outcome}`)} ` : ''}
            {match.games.map(([a, b]) => `${a}-${b}`).join(', ')}
          </Text>
        ) : null}
      </Group>
      {match.tie ? (
        <>
          <TieRubbers match={match} onScore={onRubber ?? null} />
          {onLineup && match.status !== 'finished' && match.tie.rubbers.every((r) => r.status !== 'finished') ? (
            <Group gap={4} mt="xs">
              {(['a', 'b'] as const).map((side) => {
                const open = onLineup(side);
                return open && match.sides[side === 'a' ? 0 : 1]!.entryId ? (
                  <LineupButton
                    key={side}
                    side={side}
                    onClick={open}
                    given={match.tie!.lineupIn[side === 'a' ? 0 : 1]!}
                  />
                ) : null;
              })}
            </Group>
          ) : null}
        </>
      ) : null}
      {onRecord &&
      !match.walkThrough &&
      match.status !== 'waiting' &&
      !(match.tie && !match.outcome && match.status === 'finished') ? (
        <Button
          size="xs"
          variant={match.status === 'finished' ? 'subtle' : 'light'}
          leftSection={<IconPencil size={14} />}
          mt="xs"
          onClick={onRecord}
          data-testid="match-record"
        >
          {match.tie
            ? t('tournament.tie.walkover')
            : match.status === 'finished'
              ? t('tournament.match.correct')
              : t('tournament.match.record')}
        </Button>
      ) : null}
      {onRecord &&
      !match.walkThrough &&
      match.status === 'ready' &&
      (!match.tie || match.tie.rubbers.some((r) => r.status === 'ready')) ? (
        <Button
          size="xs"
          variant="filled"
          leftSection={<IconDeviceMobile size={14} />}
          mt={4}
          renderRoot={(props) => (
            <Link
              {...props}
              to="/tournaments/$tournamentId/matches/$matchId/score"
              params={{ tournamentId, matchId: match.id }}
            />
          )}
          data-testid="match-score-live"
        >
          {t('tournament.umpire.score')}
        </Button>
      ) : null}
      {maySheet && !match.walkThrough ? (
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          component="a"
          href={`/api/tournaments/${tournamentId}/score-sheets.pdf?matchId=${match.id}`}
          download
          leftSection={<IconFileTypePdf size={14} />}
          mt={4}
          data-testid="match-score-sheet"
        >
          {t('tournament.docs.sheetOfMatch')}
        </Button>
      ) : null}
    </Card>
  );
}

export function MatchesTab({ tournament }: { tournament: Tournament }) {
  const { t } = useTranslation();
  const label = useBilingual();
  const auth = useAuth();
  const event = useChosenEvent(tournament);
  const draw = useDraw(tournament.id, event?.id ?? null, !!event?.drawn);
  const [recording, setRecording] = useState<Match | null>(null);
  const [rubber, setRubber] = useState<{ match: Match; rubber: Tie['rubbers'][number] } | null>(null);
  const [lineup, setLineup] = useState<{ match: Match; side: 'a' | 'b' } | null>(null);
  const entries = useEntries(tournament.id);
  const me = useMe();
  if (!event) return <Text c="dimmed">{t('tournament.event.none')}</Text>;
  // As the server decides: the organisers record and correct any match; an umpire records only
  // the matches assigned to them, once.
  const manage = auth.can('tournament.manage');
  const umpire = auth.can('tournament.score');
  const myId = auth.me?.user.id;
  const mayRecord = (m: Match) =>
    manage || (umpire && m.umpireUserId !== null && m.umpireUserId === myId && m.status !== 'finished');
  const matches = draw.data?.matches ?? [];
  // A side's line-up: the organisers, or the unit whose team it is (the server holds the rule).
  const mayEnter = auth.can('tournament.enter');
  const myUnits = new Set(me.grants.map((g) => g.unitId));
  const entryOf = (id: string | null) => entries.data?.items.find((e) => e.id === id);
  const lineupOpener = (m: Match) => (side: 'a' | 'b') =>
    manage || (mayEnter && myUnits.has(entryOf(m.sides[side === 'a' ? 0 : 1]!.entryId)?.unit.id ?? ''))
      ? () => setLineup({ match: m, side })
      : null;
  const rounds = [...new Set(matches.map((m) => `${m.stage}:${m.round}`))];
  return (
    <Stack gap="md">
      <EventSelect tournament={tournament} event={event} />
      <ScoreSheetDownloads tournament={tournament} />
      {!event.drawn ? (
        <Text c="dimmed">{t('tournament.draw.notYet', { n: event.entries.confirmed })}</Text>
      ) : draw.error ? (
        <ErrorAlert error={draw.error} />
      ) : (
        rounds.map((r) => {
          const inRound = matches.filter((m) => `${m.stage}:${m.round}` === r);
          return (
            <div key={r}>
              <Title order={5} mb="xs">
                {label(inRound[0]!.roundName)}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
                {inRound.map((m) => (
                  <MatchCard
                    key={m.id}
                    match={m}
                    tournamentId={tournament.id}
                    onRecord={mayRecord(m) ? () => setRecording(m) : null}
                    maySheet={umpire}
                    onRubber={mayRecord(m) || (m.tie && manage) ? (r) => setRubber({ match: m, rubber: r }) : null}
                    onLineup={m.tie ? lineupOpener(m) : undefined}
                  />
                ))}
              </SimpleGrid>
            </div>
          );
        })
      )}
      {recording ? (
        <ResultModal
          tournamentId={tournament.id}
          match={recording}
          scoring={event.scoring}
          onClose={() => setRecording(null)}
        />
      ) : null}
      {rubber ? (
        <ResultModal
          tournamentId={tournament.id}
          match={rubber.match}
          rubber={rubber.rubber}
          scoring={event.scoring}
          onClose={() => setRubber(null)}
        />
      ) : null}
      {lineup && event.tieFormat ? (
        <LineupModal
          tournamentId={tournament.id}
          match={lineup.match}
          side={lineup.side}
          roster={entryOf(lineup.match.sides[lineup.side === 'a' ? 0 : 1]!.entryId)}
          format={event.tieFormat as TieFormat}
          onClose={() => setLineup(null)}
        />
      ) : null}
    </Stack>
  );
}
