import { Alert, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconLockOpen, IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../ui/errors.tsx';
import { CountingError, useMakeBallotKey, useTallyRound, type Round, type Session } from './api.ts';
import { shortReceipt, storedReceipt, storedSecret } from './device.ts';

function useCountingErrorText() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (e: unknown) => (e instanceof CountingError ? t(`council.counting.errors.${e.reason}`) : errorText(e));
}

/**
 * A closed ballot box: the chair decrypts its totals on this device and publishes them with their
 * proofs; everyone else waits for that.
 */
export function CountingCard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const tally = useTallyRound(round);
  const errorText = useCountingErrorText();
  const secret = round.may.tally ? storedSecret(round.sessionId, round.ballotKey) : null;
  return (
    <Card withBorder bg="white" data-testid="round-counting">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconLockOpen size={20} />
          <Title order={3} fz="md">
            {t('council.counting.title')}
          </Title>
        </Group>
        {!round.may.tally ? (
          <Text size="sm" c="dimmed">
            {t('council.counting.waiting')}
          </Text>
        ) : secret ? (
          <>
            <Text size="sm">{t('council.counting.chairHint', { ballots: round.box?.receipts.length ?? 0 })}</Text>
            <Group>
              <Button
                leftSection={<IconKey size={16} />}
                loading={tally.isPending}
                onClick={() =>
                  tally.mutate(undefined, {
                    onSuccess: () =>
                      notifications.show({
                        color: 'green',
                        message: t('council.counting.done', { number: round.number }),
                      }),
                    onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
                  })
                }
                data-testid="round-decrypt"
              >
                {t('council.counting.decrypt')}
              </Button>
            </Group>
          </>
        ) : (
          <Alert color="orange" variant="light" data-testid="round-no-key">
            {t('council.counting.errors.no_key')}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

/** The receipt of the ballot cast from this device, and once counted, whether it is in the published list. */
export function ReceiptLine({ round }: { round: Round }) {
  const { t } = useTranslation();
  const receipt = storedReceipt(round.id);
  if (!receipt) return null;
  const counted = round.status === 'closed' && round.box ? round.box.receipts.includes(receipt) : null;
  return (
    <Stack gap={4} data-testid="ballot-receipt" data-counted={counted === null ? 'pending' : counted ? 'yes' : 'no'}>
      <Group gap={6} wrap="nowrap">
        <IconReceipt size={16} />
        <Text size="sm">
          {t('council.receipt.label')} <Code>{shortReceipt(receipt)}</Code>
        </Text>
      </Group>
      <Text size="xs" c={counted === false ? 'red.7' : 'dimmed'}>
        {counted === null
          ? t('council.receipt.pending')
          : counted
            ? t('council.receipt.found', { count: round.box!.receipts.length })
            : t('council.receipt.missing')}
      </Text>
    </Stack>
  );
}

/** The session's counting key: the chair makes it on their own device; everyone sees whether it exists and who holds it. */
export function BallotKeyCard({ session }: { session: Session }) {
  const { t } = useTranslation();
  const make = useMakeBallotKey(session.id);
  const errorText = useErrorText();
  const key = session.ballotKey;
  const here = key.publicKey ? storedSecret(session.id, key.publicKey) : null;
  const isChair = session.me?.role === 'chair';
  return (
    <Card withBorder bg="white" data-testid="ballot-key" data-set={key.publicKey ? 'yes' : 'no'}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap">
          <IconKey size={18} />
          <Title order={3} fz="md">
            {t('council.key.title')}
          </Title>
        </Group>
        <Text size="sm">
          {key.publicKey
            ? t('council.key.set', { holder: key.holder ?? t('council.key.noChair') })
            : key.holder
              ? t('council.key.unset', { holder: key.holder })
              : t('council.key.noChairYet')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('council.key.hint')}
        </Text>
        {isChair && key.publicKey && !here ? (
          <Alert color="orange" variant="light" p="xs" data-testid="ballot-key-elsewhere">
            <Text size="xs">{session.may.setKey ? t('council.key.elsewhereReplace') : t('council.key.elsewhere')}</Text>
          </Alert>
        ) : null}
        {isChair && key.publicKey && here ? (
          <Text size="xs" c="green.8" data-testid="ballot-key-here">
            {t('council.key.here')}
          </Text>
        ) : null}
        {session.may.setKey && !(key.publicKey && here) ? (
          <Group>
            <Button
              size="sm"
              leftSection={<IconKey size={16} />}
              loading={make.isPending}
              onClick={() =>
                make.mutate(undefined, {
                  onSuccess: () => notifications.show({ color: 'green', message: t('council.key.done') }),
                  onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
                })
              }
              data-testid="ballot-key-make"
            >
              {key.publicKey ? t('council.key.replace') : t('council.key.make')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
