import { useEffect, useRef, useState } from 'react';
import { Badge, Box, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconPlayerSkipForward } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { type Live, useCallShow, useCeremonyLive, useShow } from './api.ts';
import { type ShowView, showViews } from './search.ts';

/** "m:ss", with a minus sign when over. */
function clock(seconds: number) {
  const s = Math.abs(Math.round(seconds));
  return `${seconds < 0 ? '−' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The server's clock as this device sees it: the state says what time it was on the server when
 * it was read; the device counts on from there every quarter second, so every device shows the same
 * elapsed and remaining time whatever its own clock says.
 */
function useServerNow(live: Live | undefined) {
  const offset = useRef(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (live) offset.current = Date.parse(live.now) - Date.now();
  }, [live]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset.current), 250);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function timing(live: Live, now: number) {
  if (!live.current) return null;
  const elapsed = Math.max(0, (now - Date.parse(live.current.startedAt)) / 1000);
  return { elapsed, remaining: live.current.plannedSeconds - elapsed };
}

function StatusLine({ live }: { live: Live }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge
        size="lg"
        color={live.status === 'running' ? 'green' : live.status === 'holding' ? 'orange' : 'gray'}
        data-testid="show-status"
      >
        {t(`ceremony.show.status.${live.status}`)}
      </Badge>
      <Badge
        size="lg"
        variant="light"
        color={live.overUnderMinutes > 0 ? 'red' : 'green'}
        data-testid="show-over-under"
      >
        {t('ceremony.programme.overUnder', { n: `${live.overUnderMinutes > 0 ? '+' : ''}${live.overUnderMinutes}` })}
      </Badge>
      <Badge size="lg" variant="light" data-testid="show-forecast">
        {t('ceremony.show.forecast', { end: live.forecastEnd, target: live.targetEnd })}
      </Badge>
    </Group>
  );
}

function Caller({ live, id, now }: { live: Live; id: string; now: number }) {
  const { t } = useTranslation();
  const call = useCallShow(id);
  const auth = useAuth();
  const tm = timing(live, now);
  const may = auth.can('ceremony.call');
  return (
    <Stack>
      <StatusLine live={live} />
      <Card withBorder bg="white" p="lg">
        <Text size="sm" c="dimmed">
          {t('ceremony.show.current')}
        </Text>
        <Title order={2} data-testid="show-current">
          {live.current?.title ?? '—'}
        </Title>
        {tm ? (
          <Group mt="sm" gap="xl">
            <Text size="xl" fw={700} data-testid="show-elapsed">
              {t('ceremony.show.elapsed')} {clock(tm.elapsed)}
            </Text>
            <Text size="xl" fw={700} c={tm.remaining < 0 ? 'red' : undefined} data-testid="show-remaining">
              {t('ceremony.show.remaining')} {clock(tm.remaining)}
            </Text>
          </Group>
        ) : null}
      </Card>
      {may ? (
        <SimpleGrid cols={3}>
          <Button
            size="xl"
            h={96}
            disabled={live.status !== 'waiting'}
            loading={call.isPending && call.variables === 'start'}
            onClick={() => call.mutate('start')}
            data-testid="show-start"
          >
            <Stack gap={4} align="center">
              <IconPlayerPlay />
              {t('ceremony.show.start')}
            </Stack>
          </Button>
          <Button
            size="xl"
            h={96}
            color="green"
            disabled={live.status === 'waiting' || live.status === 'finished'}
            onClick={() => call.mutate('next')}
            data-testid="show-next"
          >
            <Stack gap={4} align="center">
              <IconPlayerSkipForward />
              {t('ceremony.show.next')}
            </Stack>
          </Button>
          <Button
            size="xl"
            h={96}
            color="orange"
            disabled={live.status !== 'running'}
            onClick={() => call.mutate('hold')}
            data-testid="show-hold"
          >
            <Stack gap={4} align="center">
              <IconPlayerPause />
              {t('ceremony.show.hold')}
            </Stack>
          </Button>
        </SimpleGrid>
      ) : null}
      {call.error ? <ErrorAlert error={call.error} /> : null}
      <Card withBorder bg="white">
        <Text size="sm" c="dimmed">
          {t('ceremony.show.nextUp')}
        </Text>
        <Text fw={600} data-testid="show-next-title">
          {live.next ? `${live.next.start} · ${live.next.title}` : '—'}
        </Text>
        {live.next?.onStage ? <Text size="sm">{t('ceremony.show.ready', { who: live.next.onStage })}</Text> : null}
        {live.next?.microphones ? (
          <Text size="sm" c="dimmed">
            {live.next.microphones}
          </Text>
        ) : null}
      </Card>
      <Stack gap={4}>
        {live.segments.map((s) => (
          <Group key={s.id} gap="xs" wrap="nowrap">
            <Badge
              w={110}
              variant={s.state === 'running' ? 'filled' : 'light'}
              color={s.state === 'done' ? 'gray' : s.state === 'running' ? 'green' : 'blue'}
            >
              {s.start}–{s.end}
            </Badge>
            <Text size="sm" c={s.state === 'done' ? 'dimmed' : undefined} style={{ minWidth: 0 }} truncate>
              {s.title}
            </Text>
            {s.overUnderMinutes ? (
              <Text size="xs" c={s.overUnderMinutes > 0 ? 'red' : 'green'}>
                {s.overUnderMinutes > 0 ? '+' : ''}
                {s.overUnderMinutes}′
              </Text>
            ) : null}
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}

function Timer({ live, now }: { live: Live; now: number }) {
  const { t } = useTranslation();
  const tm = timing(live, now);
  const over = tm ? tm.remaining < 0 : false;
  return (
    <Box
      bg={over ? 'red.9' : 'dark.8'}
      c="white"
      p="xl"
      style={{ borderRadius: 12, textAlign: 'center', minHeight: '70vh' }}
      data-testid="timer"
    >
      <Text size="xl" data-testid="timer-title">
        {live.current?.title ?? t(`ceremony.show.status.${live.status}`)}
      </Text>
      <Text
        fw={800}
        style={{ fontSize: 'min(28vw, 220px)', lineHeight: 1.1, fontVariantNumeric: 'tabular-nums' }}
        data-testid="timer-remaining"
      >
        {tm ? clock(tm.remaining) : '—'}
      </Text>
      <Text size="lg">{live.next ? t('ceremony.show.thenTitle', { title: live.next.title }) : ''}</Text>
      <Text size="md" mt="md" c="gray.4">
        {t('ceremony.show.forecast', { end: live.forecastEnd, target: live.targetEnd })}
      </Text>
    </Box>
  );
}

function Prompter({ live }: { live: Live }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const currentId = live.current?.id ?? live.next?.id;
  useEffect(() => {
    ref.current?.querySelector(`[data-segment="${currentId}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [currentId]);
  return (
    <Box
      ref={ref}
      bg="dark.9"
      c="white"
      p="lg"
      style={{ borderRadius: 12, height: '75vh', overflowY: 'auto' }}
      data-testid="prompter"
    >
      {live.segments.map((s) => (
        <Box key={s.id} data-segment={s.id} mb="xl" style={{ opacity: s.state === 'done' ? 0.4 : 1 }}>
          <Text c={s.state === 'running' ? 'yellow' : 'gray.5'} fw={700}>
            {s.start} · {s.title}
          </Text>
          <Text style={{ fontSize: 30, lineHeight: 1.5, whiteSpace: 'pre-line' }}>
            {s.mcLines || t('ceremony.show.noLines')}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

function Backstage({ live }: { live: Live }) {
  const { t } = useTranslation();
  const coming = live.segments.filter((s) => s.state === 'planned').slice(0, 3);
  return (
    <Stack>
      <StatusLine live={live} />
      <Card withBorder bg="white">
        <Text size="sm" c="dimmed">
          {t('ceremony.show.current')}
        </Text>
        <Title order={3}>{live.current?.title ?? '—'}</Title>
        {live.current?.onStage ? <Text>{live.current.onStage}</Text> : null}
      </Card>
      {coming.map((s, i) => (
        <Card key={s.id} withBorder bg={i === 0 ? 'yellow.0' : 'white'} data-testid="backstage-next">
          <Text fw={700}>
            {s.start} · {s.title}
          </Text>
          {i === 0 && live.next ? <Text>{t('ceremony.show.ready', { who: live.next.onStage || '—' })}</Text> : null}
        </Card>
      ))}
    </Stack>
  );
}

function BigScreen({ live }: { live: Live }) {
  return (
    <Box
      bg="red.9"
      c="yellow.2"
      p="xl"
      style={{
        borderRadius: 12,
        minHeight: '70vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        textAlign: 'center',
      }}
      data-testid="big-screen"
    >
      <Title order={1} style={{ fontSize: 'min(8vw, 72px)' }}>
        {live.current?.title ?? ''}
      </Title>
    </Box>
  );
}

/** The night: the show-caller on a tablet, and the views that follow the show live on other devices. */
export function ShowPage() {
  const { t } = useTranslation();
  const { ceremonyId } = useParams({ from: '/signed-in/ceremonies/$ceremonyId/show' });
  const search = useSearch({ from: '/signed-in/ceremonies/$ceremonyId/show' });
  const navigate = useNavigate();
  const auth = useAuth();
  const live = useShow(ceremonyId);
  useCeremonyLive();
  const now = useServerNow(live.data);
  if (!auth.can('ceremony.read')) return <NoPermission />;
  if (live.isPending) return <CenterLoader />;
  if (live.error) return <ErrorAlert error={live.error} />;
  const view: ShowView = search.view ?? 'caller';
  return (
    <Stack>
      <Group gap="xs" wrap="wrap">
        {showViews.map((v) => (
          <Button
            key={v}
            size="xs"
            variant={v === view ? 'filled' : 'light'}
            onClick={() =>
              void navigate({
                to: '/ceremonies/$ceremonyId/show',
                params: { ceremonyId },
                search: v === 'caller' ? {} : { view: v },
              })
            }
          >
            {t(`ceremony.show.views.${v}`)}
          </Button>
        ))}
      </Group>
      {view === 'caller' ? <Caller live={live.data} id={ceremonyId} now={now} /> : null}
      {view === 'timer' ? <Timer live={live.data} now={now} /> : null}
      {view === 'mc' ? <Prompter live={live.data} /> : null}
      {view === 'backstage' ? <Backstage live={live.data} /> : null}
      {view === 'screen' ? <BigScreen live={live.data} /> : null}
    </Stack>
  );
}
