import { Anchor, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlayerTrackNext, IconPlayerTrackPrev, IconSettings } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import {
  type Round,
  useCertifyRound,
  useCloseRound,
  useFestivalLive,
  useResults,
  useRound,
  useRunning,
  useSetNow,
} from './api.ts';
import { RoundDownloads } from './Downloads.tsx';
import { ResultsCard } from './ResultsCard.tsx';
import { ScoreSheet } from './ScoreSheet.tsx';
import { minutes, RoundStatus } from './shared.tsx';

/** The night's running order: now performing and next, live; the organisers and the head judge move it on. */
function RunningCard({ round, steer }: { round: Round; steer: boolean }) {
  const { t } = useTranslation();
  const running = useRunning(round.id);
  const setNow = useSetNow(round.id);
  const at = running.data?.now?.position ?? 0;
  return (
    <Card withBorder bg="white" data-testid="running-order">
      <Title order={4} mb="xs">
        {t('festival.running.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} mb="sm">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('festival.running.now')}
          </Text>
          <Text fw={700} size="lg" data-testid="now-performing">
            {running.data?.now ? `${running.data.now.position}. ${running.data.now.song}` : '—'}
          </Text>
          <Text size="sm" c="dimmed">
            {running.data?.now ? `${running.data.now.unitName} · ${running.data.now.performers.join(', ')}` : ''}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('festival.running.next')}
          </Text>
          <Text fw={600} data-testid="next-performing">
            {running.data?.next ? `${running.data.next.position}. ${running.data.next.song}` : '—'}
          </Text>
          <Text size="sm" c="dimmed">
            {running.data?.next?.unitName ?? ''}
          </Text>
        </div>
      </SimpleGrid>
      {steer ? (
        <Group gap="xs" mb="sm">
          <Button
            variant="default"
            leftSection={<IconPlayerTrackPrev size={16} />}
            disabled={at <= 1}
            onClick={() => setNow.mutate(at - 1)}
          >
            {t('festival.running.previous')}
          </Button>
          <Button
            leftSection={<IconPlayerTrackNext size={16} />}
            onClick={() => setNow.mutate(at >= round.order.length ? null : at + 1)}
            data-testid="next-act"
          >
            {at >= round.order.length ? t('festival.running.end') : t('festival.running.advance')}
          </Button>
        </Group>
      ) : null}
      <Stack gap={2}>
        {round.order.map((s) => (
          <Text key={s.entryId} size="sm" fw={s.position === at ? 700 : undefined}>
            {s.position}. {s.song} — {s.unitName} ({minutes(s.declaredSeconds)})
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

/** A round: running order, the judge's sheet, the panel's progress, closing and certifying, the results. */
export function RoundPage() {
  const { t } = useTranslation();
  const { roundId } = useParams({ from: '/signed-in/festival-rounds/$roundId' });
  const auth = useAuth();
  const round = useRound(roundId);
  useFestivalLive();
  const r = round.data;
  const manage = auth.can('festival.manage');
  const head = r?.me?.head ?? false;
  const mayResults = !!r && (r.status === 'certified' || (r.status === 'closed' && (head || manage)));
  const results = useResults(roundId, mayResults);
  const close = useCloseRound(roundId);
  const certify = useCertifyRound(roundId);
  if (!auth.can('festival.read')) return <NoPermission />;
  if (round.isPending) return <CenterLoader />;
  if (round.error || !r) return <ErrorAlert error={round.error} />;
  const declared = Object.fromEntries(r.order.map((s) => [s.entryId, s.declaredSeconds]));
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link {...props} to="/festivals/$festivalId" params={{ festivalId: r.festivalId }} />}
        size="sm"
      >
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('festival.round.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={r.name}
        description={`${formatDate(r.heldOn)} · ${r.venue} · ${t(`festival.method.${r.method}`)} · ${t('festival.round.maxAct', { m: minutes(r.maxActSeconds) })}`}
        actions={
          <Group gap="xs">
            <RoundStatus status={r.status} />
            {manage && r.status === 'open' ? (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconSettings size={14} />}
                renderRoot={(props) => (
                  <Link {...props} to="/festival-rounds/$roundId/setup" params={{ roundId: r.id }} />
                )}
                data-testid="round-setup"
              >
                {t('festival.setup.editTitle')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="lg">
        {r.me && r.status === 'open' ? <ScoreSheet round={r} /> : null}
        {r.status === 'open' ? <RunningCard round={r} steer={manage || head} /> : null}
        <Card withBorder bg="white" data-testid="panel">
          <Title order={4} mb="xs">
            {t('festival.round.panel')}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {r.criteria.map((c) => `${c.name} ${c.weight} (0–${c.max})`).join(' · ')}
          </Text>
          <Stack gap={6}>
            {r.judges.map((j) => {
              const p = r.progress.find((x) => x.judgeId === j.id);
              return (
                <div key={j.id}>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm">
                      {j.name}
                      {j.head ? ` — ${t('festival.round.head')}` : ''}
                      {j.userId === null ? ` (${t('festival.sheet.guest')})` : ''}
                    </Text>
                    <Text size="xs" c="dimmed" data-testid="judge-progress">
                      {p?.locked}/{p?.expected}
                    </Text>
                  </Group>
                  <Progress value={p?.expected ? (p.locked / p.expected) * 100 : 0} size="sm" />
                </div>
              );
            })}
          </Stack>
          {head && r.status === 'open' ? (
            <ConfirmButton
              mt="md"
              question={t('festival.round.closeQuestion')}
              confirmLabel={t('festival.round.close')}
              onConfirm={async () => {
                await close.mutateAsync();
              }}
              data-testid="close-round"
            >
              {t('festival.round.close')}
            </ConfirmButton>
          ) : null}
          {head && r.status === 'closed' ? (
            <ConfirmButton
              mt="md"
              color="green"
              question={t('festival.round.certifyQuestion')}
              confirmLabel={t('festival.round.certify')}
              onConfirm={async () => {
                await certify.mutateAsync();
              }}
              data-testid="certify-round"
            >
              {t('festival.round.certify')}
            </ConfirmButton>
          ) : null}
          {close.error ? <ErrorAlert error={close.error} /> : null}
          {certify.error ? <ErrorAlert error={certify.error} /> : null}
        </Card>
        {mayResults && results.data ? (
          <ResultsCard
            results={results.data}
            festivalId={r.festivalId}
            manage={manage}
            declared={declared}
            criteria={Object.fromEntries(r.criteria.map((c) => [c.code, c.name]))}
          />
        ) : r.status !== 'certified' ? (
          <Text c="dimmed" size="sm" data-testid="results-secret">
            {t('festival.round.secret')}
          </Text>
        ) : null}
        <RoundDownloads round={r} manage={manage} />
      </Stack>
    </>
  );
}
