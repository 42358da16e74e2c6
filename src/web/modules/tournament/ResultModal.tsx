import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  checkMatch,
  gamesToWin,
  MatchScoreError,
  type Outcome,
  type ScoringId,
  scoringRules,
} from '../../../common/tournament/scoring.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { type Match, type Tie, useRecordResult, useRecordRubber } from './api.ts';
import { useBilingual } from './shared.tsx';

type Mode = 'played' | Outcome;
type Cell = number | string;

/**
 * Recording a result: the games as pairs, or a walkover, retirement or disqualification with its
 * winner. The score is checked against the event's rule (Law 7) before it is sent, and the reason
 * of a refusal is shown on the game it concerns.
 */
export function ResultModal({
  tournamentId,
  match,
  scoring,
  onClose,
  rubber,
}: {
  tournamentId: string;
  match: Match;
  scoring: ScoringId;
  onClose: () => void;
  /** A team event: the rubber of the tie to score; without it, a tie takes only a team's walkover or disqualification. */
  rubber?: Tie['rubbers'][number];
}) {
  const { t } = useTranslation();
  const label = useBilingual();
  const phone = useMediaQuery('(max-width: 36em)');
  const rule = scoringRules[scoring];
  const recordMatch = useRecordResult(tournamentId);
  const recordRubber = useRecordRubber(tournamentId);
  const record = rubber ? recordRubber : recordMatch;
  const wholeTie = !!match.tie && !rubber;
  const source = rubber ?? match;
  const [mode, setMode] = useState<Mode>(source.outcome ?? (wholeTie ? 'walkover' : 'played'));
  const [games, setGames] = useState<[Cell, Cell][]>(() =>
    source.games.length > 0 && !wholeTie
      ? source.games.map(([a, b]) => [a, b])
      : Array.from({ length: gamesToWin(rule) }, () => ['', ''] as [Cell, Cell]),
  );
  const [winner, setWinner] = useState<'a' | 'b' | null>(source.winner);
  const [problem, setProblem] = useState<{ game: number | null; text: string } | null>(null);
  const names = rubber
    ? rubber.players.map((p, i) => `${p.map((x) => x.name).join(' / ') || '—'} (${match.sides[i]?.label ?? '—'})`)
    : match.sides.map((s) => s.label ?? '—');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filled = mode === 'walkover' || wholeTie ? [] : games.filter(([a, b]) => a !== '' || b !== '');
    const pairs = filled.map(([a, b]) => [Number(a) || 0, Number(b) || 0] as [number, number]);
    const outcome = mode === 'played' ? null : mode;
    if (outcome && !winner) {
      setProblem({ game: null, text: t('tournament.result.winnerNeeded') });
      return;
    }
    try {
      checkMatch(rule, {
        games: pairs,
        outcome: outcome ?? undefined,
        winner: outcome ? (winner === 'a' ? 0 : 1) : undefined,
      });
    } catch (err) {
      if (err instanceof MatchScoreError) {
        setProblem({ game: err.game, text: label(err.reason) });
        return;
      }
      throw err;
    }
    setProblem(null);
    const body = { matchId: match.id, games: pairs, outcome, winner: outcome ? winner : null };
    const onSuccess = () => {
      notifications.show({ color: 'green', message: t('tournament.result.saved') });
      onClose();
    };
    if (rubber) recordRubber.mutate({ ...body, rubber: rubber.number }, { onSuccess });
    else recordMatch.mutate(body, { onSuccess });
  };
  const setCell = (i: number, side: 0 | 1, v: Cell) => {
    setGames(games.map((g, j) => (j === i ? (side === 0 ? [v, g[1]] : [g[0], v]) : g)));
    setProblem(null);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        rubber
          ? t('tournament.tie.rubberTitle', { code: match.code, rubber: label(rubber.label) })
          : t('tournament.result.title', { code: match.code })
      }
      size="lg"
      fullScreen={!!phone}
    >
      <form onSubmit={submit} noValidate data-testid="result-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {label(match.roundName)} · {label(rule.label)}
          </Text>
          <SegmentedControl
            fullWidth
            orientation={phone ? 'vertical' : 'horizontal'}
            value={mode}
            onChange={(v) => {
              setMode(v as Mode);
              setProblem(null);
            }}
            data={
              wholeTie
                ? [
                    { value: 'walkover', label: t('tournament.result.outcomes.walkover') },
                    { value: 'disqualified', label: t('tournament.result.outcomes.disqualified') },
                  ]
                : [
                    { value: 'played', label: t('tournament.result.played') },
                    { value: 'walkover', label: t('tournament.result.outcomes.walkover') },
                    { value: 'retired', label: t('tournament.result.outcomes.retired') },
                    { value: 'disqualified', label: t('tournament.result.outcomes.disqualified') },
                  ]
            }
            data-testid="result-mode"
          />
          {mode !== 'walkover' && !wholeTie ? (
            <Stack gap="xs">
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" w={56} />
                <Text size="sm" fw={600} style={{ flex: 1 }} lineClamp={2}>
                  {names[0]}
                </Text>
                <Text size="sm" fw={600} style={{ flex: 1 }} lineClamp={2}>
                  {names[1]}
                </Text>
              </Group>
              {games.map(([a, b], i) => (
                <Stack key={i} gap={2}>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" w={56}>
                      {t('tournament.result.game', { n: i + 1 })}
                    </Text>
                    <NumberInput
                      aria-label={t('tournament.result.pointsOf', { n: i + 1, side: names[0] })}
                      min={0}
                      max={99}
                      hideControls
                      inputMode="numeric"
                      value={a}
                      onChange={(v) => setCell(i, 0, v)}
                      error={problem?.game === i + 1}
                      style={{ flex: 1 }}
                      data-testid={`game-${i + 1}-a`}
                    />
                    <NumberInput
                      aria-label={t('tournament.result.pointsOf', { n: i + 1, side: names[1] })}
                      min={0}
                      max={99}
                      hideControls
                      inputMode="numeric"
                      value={b}
                      onChange={(v) => setCell(i, 1, v)}
                      error={problem?.game === i + 1}
                      style={{ flex: 1 }}
                      data-testid={`game-${i + 1}-b`}
                    />
                  </Group>
                  {problem?.game === i + 1 ? (
                    <Text size="sm" c="red" data-testid="result-problem">
                      {problem.text}
                    </Text>
                  ) : null}
                </Stack>
              ))}
              {games.length < rule.games ? (
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setGames([...games, ['', '']])}
                  style={{ alignSelf: 'flex-start' }}
                  data-testid="result-add-game"
                >
                  {t('tournament.result.addGame')}
                </Button>
              ) : null}
            </Stack>
          ) : null}
          {mode !== 'played' ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('tournament.result.winner')}
              </Text>
              <SegmentedControl
                fullWidth
                orientation={phone ? 'vertical' : 'horizontal'}
                value={winner ?? ''}
                onChange={(v) => {
                  setWinner(v as 'a' | 'b');
                  setProblem(null);
                }}
                data={[
                  { value: 'a', label: names[0]! },
                  { value: 'b', label: names[1]! },
                ]}
                data-testid="result-winner"
              />
            </Stack>
          ) : null}
          {problem && (problem.game === null || problem.game > games.length || mode === 'walkover') ? (
            <Text size="sm" c="red" data-testid="result-problem">
              {problem.text}
            </Text>
          ) : null}
          <FormActions
            error={record.error}
            fields={[]}
            busy={record.isPending}
            onCancel={onClose}
            submitLabel={t('tournament.result.submit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
