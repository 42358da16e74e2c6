import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { choices, type Choice, type Method, type PlainBallot, type RoundNominee } from './api.ts';

const choiceColors: Record<Choice, string> = { approve: 'green', reject: 'red', abstain: 'gray' };

function NomineeHead({ nominee, index }: { nominee: RoundNominee; index?: number }) {
  return (
    <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
      <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {index !== undefined ? `${index + 1}. ` : ''}
        {nominee.name}
      </Text>
      {nominee.unitName && nominee.unitName !== nominee.name ? (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {nominee.unitName}
        </Text>
      ) : null}
    </Stack>
  );
}

function Excluded({ nominees }: { nominees: RoundNominee[] }) {
  const { t } = useTranslation();
  return nominees.map((n) => (
    <Card key={n.id} withBorder padding="sm" bg="gray.0" data-testid="ballot-excluded" data-nominee={n.id}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <NomineeHead nominee={n} />
        <Badge
          color="gray"
          variant="light"
          radius="sm"
          tt="none"
          leftSection={<IconBan size={12} />}
          style={{ flexShrink: 0 }}
        >
          {t('council.ballot.excluded')}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('council.ballot.excludedHint')}
      </Text>
    </Card>
  ));
}

/**
 * A secret ballot: approve / reject / abstain on each nominee (or the nominees put in order when
 * the round ranks); nominees the voter declared a conflict on are shown left out. Then a review of
 * the whole ballot, and only then the vote, which cannot be changed.
 */
export function BallotForm({
  nominees,
  method,
  busy,
  onSubmit,
  confirmLabel,
}: {
  nominees: RoundNominee[];
  method: Method;
  busy: boolean;
  onSubmit: (ballot: PlainBallot) => void;
  confirmLabel: string;
}) {
  const { t } = useTranslation();
  const mine = nominees.filter((n) => !n.conflicted);
  const excluded = nominees.filter((n) => n.conflicted);
  const [picked, setPicked] = useState<Record<string, Choice>>({});
  const [order, setOrder] = useState<string[]>(mine.map((n) => n.id));
  const [step, setStep] = useState<'fill' | 'review'>('fill');
  const [tried, setTried] = useState(false);
  const missing = method === 'approve' ? mine.filter((n) => !picked[n.id]) : [];
  const byId = (id: string) => nominees.find((n) => n.id === id)!;

  const move = (i: number, by: -1 | 1) =>
    setOrder((o) => {
      const next = [...o];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });

  const review = () => {
    setTried(true);
    if (missing.length) return;
    setStep('review');
    window.scrollTo({ top: 0 });
  };
  const cast = () =>
    onSubmit(
      method === 'rank'
        ? { ranking: order }
        : { choices: mine.map((n) => ({ nominationId: n.id, choice: picked[n.id] })) },
    );

  if (step === 'review') {
    const counts = choices.map((c) => [c, mine.filter((n) => picked[n.id] === c).length] as const);
    return (
      <Stack gap="sm" data-testid="ballot-review">
        <Alert color="blue" variant="light" title={t('council.ballot.reviewTitle')}>
          {t('council.ballot.reviewHint')}
        </Alert>
        {method === 'approve' ? (
          <>
            <Text size="sm" fw={500}>
              {counts.map(([c, n]) => `${t(`council.choice.${c}`)}: ${n}`).join(' · ')}
            </Text>
            {mine.map((n) => (
              <Card key={n.id} withBorder padding="sm" data-testid="review-line">
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <NomineeHead nominee={n} />
                  <Badge color={choiceColors[picked[n.id]]} radius="sm" tt="none" style={{ flexShrink: 0 }}>
                    {t(`council.choice.${picked[n.id]}`)}
                  </Badge>
                </Group>
              </Card>
            ))}
          </>
        ) : (
          order.map((id, i) => (
            <Card key={id} withBorder padding="sm" data-testid="review-line">
              <NomineeHead nominee={byId(id)} index={i} />
            </Card>
          ))
        )}
        {excluded.length ? <Excluded nominees={excluded} /> : null}
        <Stack gap="xs">
          <Button size="md" color="red" onClick={cast} loading={busy} data-testid="ballot-confirm">
            {confirmLabel}
          </Button>
          <Button variant="default" onClick={() => setStep('fill')} disabled={busy} data-testid="ballot-edit">
            {t('council.ballot.edit')}
          </Button>
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" data-testid="ballot-form">
      <Text size="sm" c="dimmed">
        {method === 'rank' ? t('council.ballot.rankHint') : t('council.ballot.approveHint')}
      </Text>
      {method === 'approve'
        ? mine.map((n) => (
            <Card
              key={n.id}
              withBorder
              padding="sm"
              data-testid="ballot-line"
              data-nominee={n.id}
              style={tried && !picked[n.id] ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
            >
              <Stack gap="xs">
                <NomineeHead nominee={n} />
                <SegmentedControl
                  fullWidth
                  size="sm"
                  value={picked[n.id] ?? ''}
                  onChange={(v) => setPicked((p) => ({ ...p, [n.id]: v as Choice }))}
                  color={picked[n.id] ? choiceColors[picked[n.id]] : undefined}
                  data={choices.map((c) => ({ value: c, label: t(`council.choice.${c}`) }))}
                  aria-label={t('council.ballot.choiceFor', { name: n.name })}
                  styles={{ label: { whiteSpace: 'normal', lineHeight: 1.2, paddingInline: 4 } }}
                />
              </Stack>
            </Card>
          ))
        : order.map((id, i) => (
            <Card key={id} withBorder padding="sm" data-testid="ballot-line" data-nominee={id}>
              <Group gap="xs" wrap="nowrap" align="center">
                <NomineeHead nominee={byId(id)} index={i} />
                <ActionIcon
                  variant="light"
                  size="lg"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={t('council.ballot.up', { name: byId(id).name })}
                >
                  <IconArrowUp size={18} />
                </ActionIcon>
                <ActionIcon
                  variant="light"
                  size="lg"
                  disabled={i === order.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={t('council.ballot.down', { name: byId(id).name })}
                >
                  <IconArrowDown size={18} />
                </ActionIcon>
              </Group>
            </Card>
          ))}
      {excluded.length ? <Excluded nominees={excluded} /> : null}
      {tried && missing.length ? (
        <Alert color="red" variant="light" role="alert" data-testid="ballot-missing">
          {t('council.ballot.missing', { count: missing.length })}
        </Alert>
      ) : null}
      <Button size="md" onClick={review} data-testid="ballot-review-button">
        {t('council.ballot.review')}
      </Button>
    </Stack>
  );
}
