import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMailOpened } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/errors.tsx';
import { useCastBallot, type Absentee, type Round } from './api.ts';
import { BallotForm } from './BallotForm.tsx';

function WrittenVoteModal({ round, absentee, onClose }: { round: Round; absentee: Absentee; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const cast = useCastBallot(round);
  // the absent member's own conflicts leave them out, not the secretary's
  const nominees = round.nominees.map((n) => ({ ...n, conflicted: absentee.conflicts.includes(n.id) }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('council.written.modalTitle', { name: absentee.name })}
      size="lg"
      fullScreen={phone}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('council.written.modalHint')}
        </Text>
        <BallotForm
          nominees={nominees}
          method={round.method}
          busy={cast.isPending}
          confirmLabel={t('council.written.confirm')}
          onSubmit={(ballot) =>
            cast.mutate(
              { plain: ballot, onBehalfOf: absentee.userId },
              {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('council.written.done', { name: absentee.name }) });
                  onClose();
                },
              },
            )
          }
        />
        <ErrorAlert error={cast.error} />
      </Stack>
    </Modal>
  );
}

/** The secretary enters the written votes of absent members, where the session's rules allow. */
export function WrittenVotes({ round }: { round: Round }) {
  const { t } = useTranslation();
  const [entering, setEntering] = useState<Absentee | null>(null);
  if (!round.absentees.length) return null;
  return (
    <Card withBorder bg="white" data-testid="written-votes">
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('council.written.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('council.written.hint')}
        </Text>
        {round.absentees.map((a) => (
          <Group key={a.userId} justify="space-between" gap="xs" data-testid="absentee" data-user={a.userId}>
            <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {a.name}
            </Text>
            {a.entered ? (
              <Badge color="green" variant="light" radius="sm" tt="none">
                {t('council.written.entered')}
              </Badge>
            ) : (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconMailOpened size={14} />}
                onClick={() => setEntering(a)}
                data-testid="written-enter"
              >
                {t('council.written.enter')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      {entering ? <WrittenVoteModal round={round} absentee={entering} onClose={() => setEntering(null)} /> : null}
    </Card>
  );
}
