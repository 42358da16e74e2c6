import { useState, type FormEvent } from 'react';
import { Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../common/tournament/scoring.ts';
import { rubberSize, type TieFormat } from '../../../common/tournament/teams.ts';
import { ApiError } from '../../app/api.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { type Entry, type Match, type Tie, useSetLineup } from './api.ts';
import { useBilingual } from './shared.tsx';

const statusColor = { waiting: 'dimmed', ready: 'blue', finished: 'green', not_needed: 'dimmed' } as const;

/**
 * A tie's rubbers on its card (ADR 35): each rubber's discipline, its players once both captains
 * have given their line-ups, its score, and the buttons to score it.
 */
export function TieRubbers({
  match,
  onScore,
}: {
  match: Match;
  /** Who may score: the organisers and the tie's umpire. */
  onScore: ((rubber: Tie['rubbers'][number]) => void) | null;
}) {
  const { t } = useTranslation();
  const label = useBilingual();
  const tie = match.tie!;
  return (
    <Stack gap={4} mt="xs" data-testid="tie-rubbers">
      <Text size="xs" c="dimmed">
        {t('tournament.tie.score', { a: tie.score[0], b: tie.score[1], n: tie.needed })}
        {tie.lineupIn.every(Boolean) ? '' : ` · ${t('tournament.tie.lineupWaiting')}`}
      </Text>
      {tie.rubbers.map((r) => (
        <Group
          key={r.number}
          justify="space-between"
          wrap="nowrap"
          gap="xs"
          align="flex-start"
          data-testid="tie-rubber"
          data-number={r.number}
        >
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="xs" fw={600}>
              {label(r.label)}
            </Text>
            {r.players[0]!.length > 0 ? (
              <Text size="xs" lineClamp={2}>
                <span style={{ fontWeight: r.winner === 'a' ? 700 : 400 }}>
                  {r.players[0]!.map((p) => p.name).join(' / ')}
                </span>
                {' – '}
                <span style={{ fontWeight: r.winner === 'b' ? 700 : 400 }}>
                  {r.players[1]!.map((p) => p.name).join(' / ')}
                </span>
              </Text>
            ) : null}
          </Stack>
          <Group gap={4} wrap="nowrap">
            {r.status === 'finished' ? (
              <Text size="xs" style={{ whiteSpace: 'nowrap' }} data-testid="rubber-score">
                {r.outcome ? `${t(`tournament.result.outcomes.${r.outcome}`)} ` : ''}
                {r.games.map(([a, b]) => `${a}-${b}`).join(', ')}
              </Text>
            ) : (
              <Text size="xs" c={statusColor[r.status]} style={{ whiteSpace: 'nowrap' }}>
                {t(`tournament.tie.status.${r.status}`)}
              </Text>
            )}
            {onScore && (r.status === 'ready' || r.status === 'finished') ? (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => onScore(r)}
                aria-label={t('tournament.tie.scoreRubber', { rubber: label(r.label) })}
                data-testid="rubber-record"
              >
                <IconPencil size={14} />
              </Button>
            ) : null}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

/** The button that opens a side's line-up, for the organisers and the team's own unit. */
export function LineupButton({ side, onClick, given }: { side: 'a' | 'b'; onClick: () => void; given: boolean }) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant={given ? 'subtle' : 'light'}
      leftSection={<IconUsers size={14} />}
      onClick={onClick}
      data-testid={`lineup-${side}`}
    >
      {given
        ? t('tournament.tie.lineupGiven', { side: side.toUpperCase() })
        : t('tournament.tie.lineup', { side: side.toUpperCase() })}
    </Button>
  );
}

/**
 * A captain's line-up: for each rubber, its players from the team's roster. The rules (one singles
 * and one doubles a player, the discipline's genders) are the server's; its refusals are listed by
 * rubber.
 */
export function LineupModal({
  tournamentId,
  match,
  side,
  roster,
  format,
  onClose,
}: {
  tournamentId: string;
  match: Match;
  side: 'a' | 'b';
  roster: Entry | undefined;
  format: TieFormat;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const label = useBilingual();
  const phone = useMediaQuery('(max-width: 36em)');
  const save = useSetLineup(tournamentId);
  const tie = match.tie!;
  const s = side === 'a' ? 0 : 1;
  const [picks, setPicks] = useState<(string | null)[][]>(() =>
    tie.rubbers.map((r) => {
      const given = r.players[s]!.map((p) => p.id);
      return Array.from({ length: rubberSize(r.kind) }, (_, i) => given[i] ?? null);
    }),
  );
  const [missing, setMissing] = useState(false);
  const options = (roster?.players ?? []).map((p) => ({ value: p.id, label: p.name }));
  const problems =
    save.error instanceof ApiError
      ? (save.error.details ?? []).map((d) => (d.messages as Bilingual)[i18n.language === 'en' ? 'en' : 'vi'])
      : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (picks.some((r) => r.some((p) => p === null))) {
      setMissing(true);
      return;
    }
    setMissing(false);
    save.mutate(
      { matchId: match.id, side, rubbers: picks as string[][] },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('tournament.tie.lineupSaved') });
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('tournament.tie.lineupTitle', { code: match.code, team: match.sides[s]?.label ?? '' })}
      size="lg"
      fullScreen={!!phone}
    >
      <form onSubmit={submit} noValidate data-testid="lineup-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {format.playerRubbers === 'one' ? t('tournament.tie.ruleOne') : t('tournament.tie.ruleSinglesDoubles')}
          </Text>
          {tie.rubbers.map((r, i) => (
            <Stack key={r.number} gap={4}>
              <Text size="sm" fw={600}>
                {label(r.label)}
              </Text>
              <Group grow wrap={phone ? 'wrap' : 'nowrap'}>
                {picks[i]!.map((p, j) => (
                  <Select
                    key={j}
                    aria-label={`${label(r.label)} ${j + 1}`}
                    data={options}
                    value={p}
                    onChange={(v) => setPicks(picks.map((x, k) => (k === i ? x.map((y, l) => (l === j ? v : y)) : x)))}
                    searchable
                    error={missing && p === null ? t('common.required') : undefined}
                    style={{ minWidth: phone ? '100%' : undefined }}
                    data-testid={`lineup-${r.number}-${j + 1}`}
                  />
                ))}
              </Group>
            </Stack>
          ))}
          {problems.length > 0 ? (
            <List size="sm" c="red" data-testid="lineup-problems">
              {problems.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          ) : null}
          <FormActions
            error={problems.length > 0 ? null : save.error}
            fields={[]}
            busy={save.isPending}
            onCancel={onClose}
            submitLabel={t('tournament.tie.lineupSubmit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
