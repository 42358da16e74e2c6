import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconBallpen } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth.tsx';
import { formatDate } from '../../../app/format.ts';
import { useOpenRounds } from './api.ts';

/** The open rounds awaiting the signed-in member's ballot, each a tap away; nothing when there are none. */
export function MyOpenRounds() {
  const { t } = useTranslation();
  const auth = useAuth();
  const rounds = useOpenRounds(auth.can('honours.read'));
  const items = rounds.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconBallpen size={20} />}
      title={t('council.mine.title', { count: items.length })}
      data-testid="my-open-rounds"
    >
      <Stack gap="xs">
        {items.map((r) => (
          <Group key={r.id} justify="space-between" gap="xs" wrap="wrap" data-testid="my-open-round" data-round={r.id}>
            <Stack gap={0} style={{ minWidth: 0, flex: '1 1 200px' }}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {t('council.round.heading', { number: r.number, category: r.categoryName })}
              </Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {r.sessionTitle} · {formatDate(r.heldOn)} · {t('council.mine.nominees', { count: r.nominees })}
              </Text>
            </Stack>
            <Button
              renderRoot={(props) => <Link {...props} to="/honours/rounds/$roundId" params={{ roundId: r.id }} />}
              color="red"
              size="sm"
              data-testid="my-open-round-vote"
            >
              {t('council.mine.vote')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
