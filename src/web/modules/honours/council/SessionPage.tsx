import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileTypeDocx, IconFileTypePdf, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth.tsx';
import { formatDate } from '../../../app/format.ts';
import { CenterLoader } from '../../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../../ui/errors.tsx';
import { NoPermission } from '../../../ui/NoPermission.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { minutesUrl, useSession, type Session } from './api.ts';
import { AttendanceCard } from './AttendanceCard.tsx';
import { BallotKeyCard } from './Counting.tsx';
import { ConflictsCard } from './ConflictsCard.tsx';
import { OpenRoundModal } from './OpenRoundModal.tsx';
import { RoundCard } from './RoundCard.tsx';
import { rulesLines } from './shared.tsx';
import { useHonoursLive } from './live.ts';

function RulesCard({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <Card withBorder bg="white" data-testid="rules">
      <Title order={3} fz="md" mb="xs">
        {t('council.rules.title')}
      </Title>
      <List size="sm" spacing={4}>
        {rulesLines(session.rules, t).map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </Card>
  );
}

function Rounds({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [opening, setOpening] = useState(false);
  const anyOpen = session.rounds.some((r) => r.status !== 'closed');
  const eligible = session.categories.some((c) => c.nominees.some((n) => n.status === 'eligible'));
  // newest first: the round in hand is at the top
  const rounds = [...session.rounds].reverse();
  return (
    <Stack gap="sm" data-testid="rounds">
      <Group justify="space-between" gap="xs">
        <Title order={3} fz="lg">
          {t('council.round.title')}
        </Title>
        {session.may.run ? (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setOpening(true)}
            disabled={anyOpen || !eligible || !session.ballotKey.publicKey}
            data-testid="round-open"
          >
            {t('council.openRound.button')}
          </Button>
        ) : null}
      </Group>
      {session.may.run && anyOpen ? (
        <Text size="xs" c="dimmed">
          {t('council.openRound.oneAtATime')}
        </Text>
      ) : null}
      {session.may.run && !anyOpen && !session.ballotKey.publicKey ? (
        <Text size="xs" c="orange.8" data-testid="round-needs-key">
          {t('council.openRound.needsKey')}
        </Text>
      ) : null}
      {session.may.run && !anyOpen && !session.quorum.met ? (
        <Text size="xs" c="orange.8">
          {t('council.openRound.needsQuorum', { needed: session.quorum.needed })}
        </Text>
      ) : null}
      {rounds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('council.round.none')}
        </Text>
      ) : null}
      {rounds.map((r) => (
        <RoundCard key={r.id} session={session} summary={r} />
      ))}
      {opening ? <OpenRoundModal session={session} onClose={() => setOpening(false)} /> : null}
    </Stack>
  );
}

/** A Council session: roster and attendance with the quorum, the rules, conflicts of interest, the rounds and their tallies, the minutes. */
export function SessionPage() {
  const { t } = useTranslation();
  const { sessionId } = useParams({ from: '/signed-in/honours/sessions/$sessionId' });
  const auth = useAuth();
  const session = useSession(sessionId);
  useHonoursLive();
  if (!auth.can('honours.read')) return <NoPermission />;
  if (session.isPending) return <CenterLoader />;
  if (!session.data) return <ErrorAlert error={session.error} />;
  const s = session.data;

  return (
    <>
      <Anchor
        renderRoot={(props) => (
          <Link
            {...props}
            to="/honours/$campaignId"
            params={{ campaignId: s.campaignId }}
            search={{ tab: 'council' }}
          />
        )}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> {t('council.session.back')}
      </Anchor>
      <PageHeader
        title={s.title}
        description={
          <Group gap="xs" component="span" style={{ rowGap: 2 }}>
            <Badge color={s.status === 'open' ? 'blue' : 'gray'} variant="light" radius="sm" tt="none">
              {s.status === 'open' ? t('council.session.open') : t('council.session.closed')}
            </Badge>
            <Text span size="sm" c="dimmed">
              {t('council.sessions.heldOn', { date: formatDate(s.heldOn) })}
            </Text>
          </Group>
        }
        actions={
          <>
            <Button
              component="a"
              href={minutesUrl(s.id, 'docx')}
              download
              variant="light"
              size="xs"
              leftSection={<IconFileTypeDocx size={16} />}
              data-testid="minutes-docx"
            >
              {t('council.session.minutesDocx')}
            </Button>
            <Button
              component="a"
              href={minutesUrl(s.id, 'pdf')}
              download
              variant="light"
              size="xs"
              leftSection={<IconFileTypePdf size={16} />}
              data-testid="minutes-pdf"
            >
              {t('council.session.minutesPdf')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
          <AttendanceCard session={s} />
          <Stack gap="md">
            <BallotKeyCard session={s} />
            <RulesCard session={s} />
            <ConflictsCard session={s} />
          </Stack>
        </SimpleGrid>
        <Rounds session={s} />
      </Stack>
    </>
  );
}
