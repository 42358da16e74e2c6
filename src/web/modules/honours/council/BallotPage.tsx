import { useState } from 'react';
import { Alert, Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCircleCheck, IconLock } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api.ts';
import { useAuth } from '../../../app/auth.tsx';
import { formatDate } from '../../../app/format.ts';
import { CenterLoader } from '../../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../../ui/errors.tsx';
import { NoPermission } from '../../../ui/NoPermission.tsx';
import { useCastBallot, useRound, type Round } from './api.ts';
import { BallotForm } from './BallotForm.tsx';
import { CloseRoundButton, RoundProgress } from './RoundCard.tsx';
import { RoundStatusBadge } from './shared.tsx';
import { TallyTable } from './TallyTable.tsx';
import { CountingCard, ReceiptLine } from './Counting.tsx';
import { WrittenVotes } from './WrittenVotes.tsx';
import { useHonoursLive } from './live.ts';

function Voted({ round }: { round: Round }) {
  const { t } = useTranslation();
  return (
    <Card withBorder bg="white" data-testid="ballot-voted">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon color="green" variant="light" size="xl" radius="xl">
          <IconCircleCheck size={28} />
        </ThemeIcon>
        <Stack gap={2}>
          <Title order={3} fz="lg">
            {t('council.ballot.voted')}
          </Title>
          <Text size="sm" c="dimmed">
            {round.status === 'open' ? t('council.ballot.votedHint') : t('council.ballot.votedClosed')}
          </Text>
          <ReceiptLine round={round} />
        </Stack>
      </Group>
    </Card>
  );
}

/** The member's own ballot, or why there is none to cast. */
function MyBallot({ round }: { round: Round }) {
  const { t } = useTranslation();
  const cast = useCastBallot(round);
  const [refused, setRefused] = useState(false);
  if (round.iHaveVoted && !refused) return <Voted round={round} />;
  if (refused) {
    return (
      <Alert
        color="orange"
        variant="light"
        title={t('council.ballot.alreadyTitle')}
        role="alert"
        data-testid="ballot-already"
      >
        {t('council.ballot.already')}
      </Alert>
    );
  }
  if (!round.me) {
    return (
      <Alert color="gray" variant="light" data-testid="ballot-not-member">
        {t('council.ballot.notMember')}
      </Alert>
    );
  }
  if (round.me.attendance !== 'present') {
    return (
      <Alert color="yellow" variant="light" data-testid="ballot-not-present">
        {t('council.ballot.notPresent')}
      </Alert>
    );
  }
  if (!round.may.vote) return null;
  return (
    <Stack gap="sm">
      <BallotForm
        nominees={round.nominees}
        method={round.method}
        busy={cast.isPending}
        confirmLabel={t('council.ballot.confirm')}
        onSubmit={(ballot) =>
          cast.mutate(
            { plain: ballot },
            {
              onSuccess: () => notifications.show({ color: 'green', message: t('council.ballot.done') }),
              onError: (e) => {
                if (e instanceof ApiError && e.code === 'ALREADY_VOTED') setRefused(true);
              },
            },
          )
        }
      />
      {cast.isPending ? (
        <Text size="xs" c="dimmed" data-testid="ballot-sealing">
          {t('council.ballot.sealing')}
        </Text>
      ) : null}
      {cast.error && !(cast.error instanceof ApiError && cast.error.code === 'ALREADY_VOTED') ? (
        <ErrorAlert error={cast.error} />
      ) : null}
    </Stack>
  );
}

/** A round's ballot, made for a phone: vote, review, confirm; the progress while open; the result once closed. */
export function BallotPage() {
  const { t } = useTranslation();
  const { roundId } = useParams({ from: '/signed-in/honours/rounds/$roundId' });
  const auth = useAuth();
  const round = useRound(roundId);
  useHonoursLive();
  if (!auth.can('honours.read')) return <NoPermission />;
  if (round.isPending) return <CenterLoader />;
  // a failed refresh keeps what was read; only a first read that fails shows the error
  if (!round.data) return <ErrorAlert error={round.error} />;
  const r = round.data;
  const open = r.status === 'open';

  return (
    <Stack gap="md" maw={open ? 760 : 1000} data-testid="ballot-page" data-status={r.status}>
      <Anchor
        renderRoot={(props) => (
          <Link {...props} to="/honours/sessions/$sessionId" params={{ sessionId: r.sessionId }} />
        )}
        size="sm"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> {t('council.ballot.backToSession')}
      </Anchor>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} fz={{ base: 22, sm: 26 }} style={{ overflowWrap: 'anywhere' }}>
            {t('council.ballot.title', { number: r.number, category: r.categoryName })}
          </Title>
          <RoundStatusBadge status={r.status} />
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {r.sessionTitle} · {formatDate(r.heldOn)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('council.ballot.seats', { seats: r.seats, nominees: r.nominees.length })}
        </Text>
      </Stack>
      {open ? (
        <>
          <Alert color="blue" variant="light" icon={<IconLock size={18} />} p="xs">
            <Text size="xs">{t('council.ballot.secret')}</Text>
          </Alert>
          <MyBallot round={r} />
          <Card withBorder bg="white">
            <Stack gap="sm">
              <RoundProgress voted={r.voted} expected={r.expected} />
              {r.may.close ? (
                <Group>
                  <CloseRoundButton round={r} />
                </Group>
              ) : null}
            </Stack>
          </Card>
          <WrittenVotes round={r} />
        </>
      ) : r.status === 'counting' ? (
        <>
          {r.iHaveVoted ? <Voted round={r} /> : null}
          <CountingCard round={r} />
        </>
      ) : (
        <>
          {r.iHaveVoted ? <Voted round={r} /> : null}
          <Card withBorder bg="white">
            <Title order={3} fz="md" mb="sm">
              {t('council.tally.title')}
            </Title>
            <TallyTable round={r} />
          </Card>
        </>
      )}
    </Stack>
  );
}
