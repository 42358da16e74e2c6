import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsShuffle, IconBallpen, IconLock } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format.ts';
import { CenterLoader } from '../../../ui/CenterLoader.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { ErrorAlert, useErrorText } from '../../../ui/errors.tsx';
import { useCloseRound, useOpenRound, useRound, type Round, type RoundSummary, type Session } from './api.ts';
import { RoundStatusBadge } from './shared.tsx';
import { TallyTable } from './TallyTable.tsx';
import { CountingCard } from './Counting.tsx';

/** Voted / expected while a round is open: how many, never what. */
export function RoundProgress({ voted, expected }: { voted: number; expected: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="round-progress" data-voted={voted} data-expected={expected}>
      <Text size="sm">{t('council.round.progress', { voted, expected })}</Text>
      <Progress
        value={expected ? (100 * voted) / expected : 0}
        size="sm"
        aria-label={t('council.round.progress', { voted, expected })}
      />
    </Stack>
  );
}

export function CloseRoundButton({ round }: { round: Pick<Round, 'id' | 'number' | 'voted' | 'expected'> }) {
  const { t } = useTranslation();
  const close = useCloseRound(round.id);
  const errorText = useErrorText();
  return (
    <ConfirmButton
      color="red"
      leftSection={<IconLock size={16} />}
      loading={close.isPending}
      question={
        round.voted < round.expected
          ? t('council.round.closeQuestionMissing', { missing: round.expected - round.voted })
          : t('council.round.closeQuestion')
      }
      confirmLabel={t('council.round.closeConfirm')}
      onConfirm={() =>
        close.mutate(undefined, {
          onSuccess: () =>
            notifications.show({ color: 'green', message: t('council.round.closed', { number: round.number }) }),
          onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
        })
      }
      data-testid="round-close"
    >
      {t('council.round.close')}
    </ConfirmButton>
  );
}

/** For nominees tied across the last seat: a further round between them for the seats left. */
function FurtherRoundButton({ session, round }: { session: Session; round: Round }) {
  const { t } = useTranslation();
  const open = useOpenRound(session.id);
  const errorText = useErrorText();
  const o = round.result!.outcome;
  return (
    <Button
      variant="light"
      color="orange"
      leftSection={<IconArrowsShuffle size={16} />}
      loading={open.isPending}
      onClick={() =>
        open.mutate(
          { categoryId: round.categoryId, nominationIds: o.tied, seats: o.seatsLeft },
          {
            onSuccess: (r) =>
              notifications.show({
                color: 'green',
                message: t('council.openRound.done', { number: r.number, category: r.categoryName }),
              }),
            onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
          },
        )
      }
      data-testid="further-round"
    >
      {t('council.round.further', { count: o.tied.length, seats: o.seatsLeft })}
    </Button>
  );
}

/** One round on the session page: its progress while open, its tally once closed. */
export function RoundCard({ session, summary }: { session: Session; summary: RoundSummary }) {
  const { t } = useTranslation();
  const round = useRound(summary.id);
  const category = session.categories.find((c) => c.id === summary.categoryId);
  const r = round.data;
  const open = summary.status === 'open';
  const later = session.rounds.some((x) => x.number > summary.number && x.categoryId === summary.categoryId);
  const anotherOpen = session.rounds.some((x) => x.status !== 'closed');

  return (
    <Card withBorder bg="white" data-testid="round-card" data-round={summary.id} data-status={summary.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Title order={4} fz="md">
              {t('council.round.heading', { number: summary.number, category: category?.name ?? '' })}
            </Title>
            <Text size="xs" c="dimmed">
              {t('council.round.meta', {
                seats: summary.seats,
                nominees: r?.nominees.length ?? '…',
                method: t(`council.open.methods.${summary.method}`),
              })}
              {' · '}
              {summary.closedAt
                ? t('council.round.closedAt', { at: formatDateTime(summary.closedAt) })
                : t('council.round.openedAt', { at: formatDateTime(summary.openedAt) })}
            </Text>
          </Stack>
          <RoundStatusBadge status={summary.status} />
        </Group>
        {open ? (
          <>
            <RoundProgress voted={r?.voted ?? summary.voted} expected={r?.expected ?? summary.expected} />
            <Group gap="xs">
              <Button
                renderRoot={(props) => (
                  <Link {...props} to="/honours/rounds/$roundId" params={{ roundId: summary.id }} />
                )}
                variant={r?.may.vote ? 'filled' : 'light'}
                leftSection={<IconBallpen size={16} />}
                data-testid="round-ballot-link"
              >
                {r?.may.vote ? t('council.round.vote') : t('council.round.view')}
              </Button>
              {r?.may.close ? <CloseRoundButton round={r} /> : null}
            </Group>
          </>
        ) : round.isPending ? (
          <CenterLoader />
        ) : !r ? (
          <ErrorAlert error={round.error} />
        ) : r.status === 'counting' ? (
          <CountingCard round={r} />
        ) : r?.result ? (
          <>
            <TallyTable round={r} />
            {session.may.run && r.result.outcome.tied.length > 0 && !later && !anotherOpen ? (
              <FurtherRoundButton session={session} round={r} />
            ) : null}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
