import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconArrowLeft, IconCloudOff, IconCloudCheck, IconFlag } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Side } from '../../../common/tournament/rally.ts';
import { scoringRules } from '../../../common/tournament/scoring.ts';
import { type UmpireOp, UmpireOpError, umpireState } from '../../../common/tournament/umpire.ts';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, useErrorText } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { type UmpireMatch, sendRallies, umpireKeys, useFinishFromRallies, useUmpireMatch } from './umpireApi.ts';
import { loadLocal, logKey, mergeWithServer, newOpId, saveLocal } from './umpireQueue.ts';
import { useBilingual } from './shared.tsx';

/** An entry as the screen makes it; the log gives it an id and its number. */
type NewOp = UmpireOp extends infer O ? (O extends UmpireOp ? Omit<O, 'id' | 'seq'> : never) : never;

type Sync = { pending: number; offline: boolean; sending: boolean };

/**
 * The phone's log of a match: the server's entries and those still to send, kept in the browser;
 * sends what is pending in order, again after a lost connection (on `online` and every few
 * seconds), and takes the server's answer as the new start.
 */
function useUmpireLog(tournamentId: string, matchId: string, rubber: number | null, view: UmpireMatch | undefined) {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const log = logKey(matchId, rubber);
  const [ops, setOps] = useState<UmpireOp[]>(() => loadLocal(log));
  const [sync, setSync] = useState<Sync>({ pending: 0, offline: false, sending: false });
  const opsRef = useRef(ops);
  const confirmed = useRef(0);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const apply = useCallback(
    (next: UmpireOp[]) => {
      opsRef.current = next;
      saveLocal(log, next);
      setOps(next);
      setSync((s) => ({ ...s, pending: next.length - confirmed.current }));
    },
    [log],
  );

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current) return;
    const pending = opsRef.current.slice(confirmed.current);
    if (pending.length === 0) return;
    inFlight.current = true;
    setSync((s) => ({ ...s, sending: true }));
    try {
      const answer = await sendRallies(tournamentId, matchId, rubber, pending.slice(0, 500));
      queryClient.setQueryData(umpireKeys.match(tournamentId, matchId, rubber), answer);
      setSync((s) => ({ ...s, offline: false }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 0) {
        setSync((s) => ({ ...s, offline: true }));
        timer.current = setTimeout(() => void flush(), 3000);
      } else {
        if (err instanceof ApiError && err.status === 400) {
          // Refused by the Laws on the server: the phone's unsent entries go.
          apply(opsRef.current.slice(0, confirmed.current));
        }
        notifications.show({
          color: 'red',
          message: err instanceof ApiError ? err.text(i18n.language) : String(err),
        });
        void queryClient.invalidateQueries({ queryKey: umpireKeys.match(tournamentId, matchId, rubber) });
      }
    } finally {
      inFlight.current = false;
      setSync((s) => ({ ...s, sending: false }));
    }
  }, [tournamentId, matchId, rubber, queryClient, apply, i18n.language]);

  // The server's log arrives (first read, an answer, another device): it leads; the phone's own follow.
  useEffect(() => {
    if (!view) return;
    const merged = mergeWithServer(view.ops as UmpireOp[], opsRef.current);
    confirmed.current = view.ops.length;
    if (merged.dropped > 0)
      notifications.show({ color: 'yellow', message: i18n.t('tournament.umpire.dropped', { n: merged.dropped }) });
    apply(merged.ops);
    if (merged.ops.length > confirmed.current) void flush();
  }, [view, apply, flush, i18n]);

  useEffect(() => {
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      clearTimeout(timer.current);
    };
  }, [flush]);

  const add = useCallback(
    (op: NewOp): string | null => {
      if (!view) return null;
      const next = [...opsRef.current, { ...op, id: newOpId(), seq: opsRef.current.length + 1 } as UmpireOp];
      try {
        umpireState(scoringRules[view.scoring], playersOf(view), next);
      } catch (err) {
        if (err instanceof UmpireOpError) return i18n.language === 'en' ? err.reason.en : err.reason.vi;
        throw err;
      }
      apply(next);
      void flush();
      return null;
    },
    [view, apply, flush, i18n.language],
  );
  return { ops, sync, add, flush };
}

const playersOf = (view: UmpireMatch): [string[], string[]] => [
  view.sides[0]!.players.map((p) => p.id),
  view.sides[1]!.players.map((p) => p.id),
];

const route = '/signed-in/tournaments/$tournamentId/matches/$matchId/score';

/** The phone for a match, or for one rubber of a tie (`?rubber=n`): each log its own screen. */
export function UmpirePage() {
  const { tournamentId, matchId } = useParams({ from: route });
  const { rubber } = useSearch({ from: route });
  return (
    <UmpireScreen
      key={logKey(matchId, rubber ?? null)}
      tournamentId={tournamentId}
      matchId={matchId}
      rubber={rubber ?? null}
    />
  );
}

function UmpireScreen({
  tournamentId,
  matchId,
  rubber,
}: {
  tournamentId: string;
  matchId: string;
  rubber: number | null;
}) {
  const { t, i18n } = useTranslation();
  const bilingual = useBilingual();
  const navigate = useNavigate();
  const auth = useAuth();
  const match = useUmpireMatch(tournamentId, matchId, rubber);
  const view = match.data;
  const { ops, sync, add } = useUmpireLog(tournamentId, matchId, rubber, view);
  const finish = useFinishFromRallies(tournamentId, matchId, rubber);
  // A tie opened without its rubber: the server names the next one to play, and the address follows.
  // (Only from a fresh answer: a kept one may name a rubber played since.)
  const opening = rubber === null && !match.isFetching && view?.rubber != null ? view.rubber : null;
  const toRubber = useCallback(
    (n: number | undefined, replace = false) => void navigate({ to: '.', search: n ? { rubber: n } : {}, replace }),
    [navigate],
  );
  useEffect(() => {
    if (opening !== null) toRubber(opening, true);
  }, [opening, toRubber]);
  const errorText = useErrorText();
  const [refusal, setRefusal] = useState<string | null>(null);
  const state = useMemo(() => {
    if (!view) return null;
    try {
      return umpireState(scoringRules[view.scoring], playersOf(view), ops);
    } catch {
      return view.state;
    }
  }, [view, ops]);

  if (!auth.can('tournament.read')) return <NoPermission />;
  if (match.isPending || opening !== null || (rubber === null && match.isFetching && view?.tie))
    return <CenterLoader />;
  if (match.error) return <ErrorAlert error={match.error} />;
  const v = match.data;
  const tieRubber = v.tie && v.rubber ? v.tie.rubbers[v.rubber - 1] : undefined;
  const nextReady = v.tie?.rubbers.find((r) => r.status === 'ready' && r.number !== v.rubber);
  const name = (id: string | null | undefined) =>
    v.sides.flatMap((s) => s.players).find((p) => p.id === id)?.name ?? '';
  const tap = (op: NewOp) => setRefusal(add(op));
  const rule = scoringRules[v.scoring];
  const back = (
    <Anchor
      renderRoot={(props) => (
        <Link {...props} to="/tournaments/$tournamentId" params={{ tournamentId }} search={{ tab: 'matches' }} />
      )}
      size="sm"
      display="inline-flex"
      style={{ alignItems: 'center', gap: 4 }}
    >
      <IconArrowLeft size={14} /> {t('tournament.umpire.back')}
    </Anchor>
  );
  const syncBadge = sync.offline ? (
    <Badge color="orange" tt="none" leftSection={<IconCloudOff size={14} />} data-testid="umpire-sync">
      {t('tournament.umpire.offline', { n: sync.pending })}
    </Badge>
  ) : (
    <Badge
      tt="none"
      color={sync.pending > 0 ? 'blue' : 'green'}
      leftSection={<IconCloudCheck size={14} />}
      data-testid="umpire-sync"
    >
      {sync.pending > 0 ? t('tournament.umpire.sending', { n: sync.pending }) : t('tournament.umpire.saved')}
    </Badge>
  );

  return (
    <Stack gap="sm" maw={720} mx="auto" data-testid="umpire-page">
      <Group justify="space-between" wrap="nowrap">
        {back}
        {syncBadge}
      </Group>
      <div>
        <Title order={3} style={{ overflowWrap: 'anywhere' }}>
          {v.event} · {v.code}
        </Title>
        <Text size="sm" c="dimmed">
          {[v.court, i18n.language === 'en' ? rule.label.en : rule.label.vi].filter(Boolean).join(' · ')}
        </Text>
      </div>
      {v.tie ? (
        <Card withBorder padding="xs" data-testid="umpire-tie">
          <Stack gap={6}>
            <Text size="sm" data-testid="umpire-tie-score">
              {t('tournament.tie.score', { a: v.tie.score[0], b: v.tie.score[1], n: v.tie.needed })}
            </Text>
            <Select
              label={t('tournament.umpire.rubberPick')}
              data={v.tie.rubbers.map((r) => ({
                value: String(r.number),
                label: [
                  bilingual(r.label),
                  t(`tournament.tie.status.${r.status}`),
                  r.games.map(([a, b]) => `${a}-${b}`).join(', '),
                ]
                  .filter(Boolean)
                  .join(' · '),
              }))}
              value={v.rubber ? String(v.rubber) : null}
              onChange={(value) => value && toRubber(Number(value))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="umpire-rubber"
            />
          </Stack>
        </Card>
      ) : null}
      {v.tie && v.rubber === null ? (
        <Alert color={v.finished ? 'green' : 'gray'} data-testid="umpire-tie-state">
          {v.finished
            ? t('tournament.umpire.tieDecided', { a: v.tie.score[0], b: v.tie.score[1] })
            : t('tournament.umpire.tieWaiting')}
        </Alert>
      ) : v.finished ? (
        <Alert color="green" data-testid="umpire-finished">
          <Stack gap="xs" align="flex-start">
            <span>
              {tieRubber
                ? t('tournament.umpire.rubberFinished', { rubber: bilingual(tieRubber.label) })
                : t('tournament.umpire.finished')}{' '}
              {(tieRubber ? tieRubber.games : (state?.games ?? [])).map(([a, b]) => `${a}-${b}`).join(', ')}
            </span>
            {nextReady ? (
              <Button size="xs" onClick={() => toRubber(nextReady.number)} data-testid="umpire-next-rubber">
                {t('tournament.umpire.nextRubber')}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : !v.mayScore ? (
        <Alert color="gray">{t('tournament.umpire.notYours')}</Alert>
      ) : null}
      {v.tie && v.rubber === null ? null : state === null ? (
        v.mayScore ? (
          <StartForm view={v} onStart={(start) => tap({ kind: 'start', start })} />
        ) : (
          <Text c="dimmed">{t('tournament.umpire.notStarted')}</Text>
        )
      ) : (
        <>
          <SimpleGrid cols={2} spacing="xs">
            {([state.leftEnd, state.leftEnd === 0 ? 1 : 0] as Side[]).map((side, i) => {
              const serving = state.server?.side === side;
              const gamesWon = state.games.filter(([a, b]) => (side === 0 ? a > b : b > a)).length;
              return (
                <UnstyledButton
                  key={side}
                  disabled={!v.mayScore || state.winner !== null}
                  onClick={() => tap({ kind: 'point', side })}
                  data-testid={`umpire-point-${side === 0 ? 'a' : 'b'}`}
                  aria-label={t('tournament.umpire.pointFor', { side: v.sides[side]!.label })}
                  style={{
                    borderRadius: 12,
                    padding: 12,
                    minHeight: 220,
                    background: serving ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-gray-1)',
                    color: serving ? 'white' : 'inherit',
                    display: 'flex',
                    flexDirection: 'column',
                    justifyContent: 'space-between',
                    touchAction: 'manipulation',
                  }}
                >
                  <Text size="xs" fw={700} tt="uppercase" style={{ opacity: 0.8 }}>
                    {i === 0 ? t('tournament.umpire.left') : t('tournament.umpire.right')}
                  </Text>
                  <Text size="sm" fw={600} lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
                    {v.sides[side]!.label}
                  </Text>
                  <Text fz={72} fw={800} lh={1} ta="center" data-testid={`umpire-score-${side === 0 ? 'a' : 'b'}`}>
                    {state.score[side]}
                  </Text>
                  <Text size="xs" ta="center">
                    {t('tournament.umpire.gamesWon', { n: gamesWon })}
                  </Text>
                  {serving && state.server ? (
                    <Text size="xs" fw={700} ta="center" data-testid="umpire-server">
                      {t('tournament.umpire.serves', {
                        name: name(state.server.player),
                        court: t(`tournament.umpire.court.${state.server.court}`),
                      })}
                    </Text>
                  ) : state.receiver && state.server ? (
                    <Text size="xs" ta="center">
                      {t('tournament.umpire.receives', { name: name(state.receiver) })}
                    </Text>
                  ) : null}
                </UnstyledButton>
              );
            })}
          </SimpleGrid>
          {refusal ? (
            <Alert color="red" data-testid="umpire-refused" withCloseButton onClose={() => setRefusal(null)}>
              {refusal}
            </Alert>
          ) : null}
          {state.interval || state.changeEnds || state.gameOver ? (
            <Alert color="yellow" data-testid="umpire-call">
              {[
                state.interval ? t('tournament.umpire.interval', { at: Math.ceil(rule.points / 2) }) : null,
                state.gameOver
                  ? t('tournament.umpire.gameOver', {
                      n: state.games.length,
                      score: state.games.at(-1)?.join('-') ?? '',
                    })
                  : null,
                state.changeEnds ? t('tournament.umpire.changeEnds') : null,
              ]
                .filter(Boolean)
                .join(' ')}
            </Alert>
          ) : null}
          <Group justify="space-between">
            <Text size="sm" data-testid="umpire-games">
              {state.games.length > 0
                ? state.games.map(([a, b], i) => t('tournament.umpire.game', { n: i + 1, a, b })).join(' · ')
                : t('tournament.umpire.gameN', { n: state.game })}
            </Text>
            {v.mayScore ? (
              <Button
                variant="default"
                leftSection={<IconArrowBackUp size={16} />}
                disabled={!ops.some((o) => o.kind === 'point') || v.finished}
                onClick={() => tap({ kind: 'undo' })}
                data-testid="umpire-undo"
              >
                {t('tournament.umpire.undo')}
              </Button>
            ) : null}
          </Group>
          {state.winner !== null && v.mayScore ? (
            <Card withBorder>
              <Text fw={600} mb="xs">
                {t('tournament.umpire.won', { side: v.sides[state.winner]!.label })}
              </Text>
              <Button
                leftSection={<IconFlag size={16} />}
                loading={finish.isPending}
                disabled={sync.pending > 0}
                onClick={() =>
                  finish.mutate(undefined, {
                    onSuccess: (tie) => {
                      notifications.show({
                        color: 'green',
                        message: tieRubber
                          ? t('tournament.umpire.rubberRecorded', { rubber: bilingual(tieRubber.label) })
                          : t('tournament.umpire.recorded'),
                      });
                      // A tie's phone moves on to the next rubber to play (none once the tie is decided).
                      if (v.rubber) toRubber(tie.tie?.rubbers.find((r) => r.status === 'ready')?.number);
                    },
                    onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
                  })
                }
                data-testid="umpire-finish"
              >
                {t('tournament.umpire.finish')}
              </Button>
            </Card>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function StartForm({
  view,
  onStart,
}: {
  view: UmpireMatch;
  onStart: (start: { server: Side; leftEnd: Side; rightCourt?: [string, string] }) => void;
}) {
  const { t } = useTranslation();
  const [server, setServer] = useState<string>('0');
  const [left, setLeft] = useState<string>('0');
  const doubles = view.sides.every((s) => s.players.length === 2);
  const [right, setRight] = useState<[string | null, string | null]>([
    view.sides[0]!.players[0]?.id ?? null,
    view.sides[1]!.players[0]?.id ?? null,
  ]);
  const sides = view.sides.map((s, i) => ({ value: String(i), label: s.label }));
  return (
    <Card withBorder data-testid="umpire-start">
      <Stack gap="sm">
        <Text fw={600}>{t('tournament.umpire.startTitle')}</Text>
        <div>
          <Text size="sm" mb={4}>
            {t('tournament.umpire.firstServer')}
          </Text>
          <SegmentedControl fullWidth orientation="vertical" data={sides} value={server} onChange={setServer} />
        </div>
        <div>
          <Text size="sm" mb={4}>
            {t('tournament.umpire.leftEnd')}
          </Text>
          <SegmentedControl fullWidth orientation="vertical" data={sides} value={left} onChange={setLeft} />
        </div>
        {doubles
          ? view.sides.map((s, i) => (
              <Select
                key={s.label}
                label={t('tournament.umpire.rightCourt', { side: s.label })}
                data={s.players.map((p) => ({ value: p.id, label: p.name }))}
                value={right[i]}
                onChange={(v) => setRight((r) => (i === 0 ? [v, r[1]] : [r[0], v]))}
                allowDeselect={false}
              />
            ))
          : null}
        <Button
          onClick={() =>
            onStart({
              server: server === '1' ? 1 : 0,
              leftEnd: left === '1' ? 1 : 0,
              ...(doubles && right[0] && right[1] ? { rightCourt: [right[0], right[1]] as [string, string] } : {}),
            })
          }
          data-testid="umpire-begin"
        >
          {t('tournament.umpire.begin')}
        </Button>
      </Stack>
    </Card>
  );
}
