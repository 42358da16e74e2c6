import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { IconGavel, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth.tsx';
import { formatDate } from '../../../app/format.ts';
import { CenterLoader } from '../../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../../ui/errors.tsx';
import { useSessions, type SessionSummary } from './api.ts';
import { OpenSessionModal } from './OpenSessionModal.tsx';
import { QuorumLine } from './shared.tsx';

const PAGE_SIZE = 10;

function SessionCard({ session }: { session: SessionSummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder bg="white" data-testid="session-card" data-session={session.id}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Anchor
            renderRoot={(props) => (
              <Link {...props} to="/honours/sessions/$sessionId" params={{ sessionId: session.id }} />
            )}
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {session.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('council.sessions.heldOn', { date: formatDate(session.heldOn) })} ·{' '}
            {t('council.sessions.rounds', { count: session.rounds })}
          </Text>
          <QuorumLine quorum={session.quorum} />
        </Stack>
        {session.openRounds > 0 ? (
          <Badge color="red" radius="sm" tt="none" style={{ flexShrink: 0 }}>
            {t('council.sessions.voting')}
          </Badge>
        ) : session.status !== 'open' ? (
          <Badge color="gray" variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }}>
            {t('council.sessions.closed')}
          </Badge>
        ) : null}
      </Group>
    </Card>
  );
}

/** The Council's sessions of a campaign; the secretary opens a new one here. */
export function SessionsPanel({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [page, setPage] = useState(1);
  const [opening, setOpening] = useState(false);
  const sessions = useSessions(campaignId, page, PAGE_SIZE);
  const secretary = auth.can('honours.secretary');
  const data = sessions.data;

  return (
    <Stack gap="sm" data-testid="sessions-panel">
      <Group justify="space-between" gap="xs">
        <Group gap={6}>
          <IconGavel size={20} />
          <Title order={3} fz="lg">
            {t('council.sessions.title')}
          </Title>
        </Group>
        {secretary ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setOpening(true)} data-testid="session-open">
            {t('council.sessions.open')}
          </Button>
        ) : null}
      </Group>
      {sessions.isPending ? <CenterLoader /> : null}
      {sessions.error ? <ErrorAlert error={sessions.error} /> : null}
      {data && data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {secretary ? t('council.sessions.emptySecretary') : t('council.sessions.empty')}
        </Text>
      ) : null}
      {data?.items.map((s) => (
        <SessionCard key={s.id} session={s} />
      ))}
      {data && data.total > PAGE_SIZE ? (
        <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} size="sm" />
      ) : null}
      {opening ? <OpenSessionModal campaignId={campaignId} onClose={() => setOpening(false)} /> : null}
    </Stack>
  );
}
