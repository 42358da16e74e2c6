import { useState } from 'react';
import { Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { sheetMark } from '../../../common/festival/rank.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { type Round, type Sheet, useLockSheet, useSaveSheet, useSheets } from './api.ts';
import { score } from './shared.tsx';

type Slot = Round['order'][number];

/** One act's sheet: a number per criterion, the mark as it stands, save as a draft, then lock. */
function SheetForm({
  round,
  slot,
  judgeId,
  sheet,
}: {
  round: Round;
  slot: Slot;
  judgeId: string | null;
  sheet: Sheet | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [scores, setScores] = useState<Record<string, number | undefined>>(sheet?.scores ?? {});
  const save = useSaveSheet(round.id);
  const lock = useLockSheet(round.id);
  const locked = sheet?.status === 'locked';
  const filled = Object.fromEntries(
    Object.entries(scores).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
  const complete = round.criteria.every((c) => typeof scores[c.code] === 'number');
  const criteria = round.criteria.map((c) => ({ id: c.code, weight: c.weight, max: c.max }));
  const mark = complete ? sheetMark(criteria, filled) : null;
  return (
    <Stack gap="sm" data-testid="sheet-form" data-entry={slot.entryId}>
      <div>
        <Text fw={700}>
          {slot.position}. {slot.song}
        </Text>
        <Text size="sm" c="dimmed">
          {slot.unitName} · {slot.performers.join(', ')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        {round.criteria.map((c) => (
          <NumberInput
            key={c.code}
            label={`${c.name} (${t('festival.sheet.weight', { w: c.weight })})`}
            description={t('festival.sheet.range', { max: c.max })}
            min={0}
            max={c.max}
            step={0.25}
            decimalScale={2}
            decimalSeparator={i18n.language === 'vi' ? ',' : '.'}
            size="lg"
            inputMode="decimal"
            disabled={locked}
            value={scores[c.code] ?? ''}
            onChange={(v) => setScores((s) => ({ ...s, [c.code]: typeof v === 'number' ? v : undefined }))}
            data-testid={`score-${c.code}`}
          />
        ))}
      </SimpleGrid>
      <Text size="sm">
        {t('festival.sheet.mark')}: <b data-testid="sheet-mark">{score(mark, i18n.language)}</b>
      </Text>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {lock.error ? <ErrorAlert error={lock.error} /> : null}
      {locked ? (
        <Badge color="green" leftSection={<IconLock size={12} />} size="lg" data-testid="sheet-locked">
          {t('festival.sheet.locked')}
        </Badge>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <Button
            variant="default"
            size="md"
            loading={save.isPending}
            onClick={() => save.mutate({ entryId: slot.entryId, judgeId, scores: filled })}
            data-testid="sheet-save"
          >
            {t('festival.sheet.save')}
          </Button>
          <ConfirmButton
            size="md"
            disabled={!complete}
            leftSection={<IconLock size={16} />}
            question={t('festival.sheet.lockQuestion')}
            confirmLabel={t('festival.sheet.lock')}
            onConfirm={async () => {
              await save.mutateAsync({ entryId: slot.entryId, judgeId, scores: filled });
              await lock.mutateAsync({ entryId: slot.entryId, judgeId });
            }}
            data-testid="sheet-lock"
          >
            {t('festival.sheet.lock')}
          </ConfirmButton>
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** The judge's phone: the acts in performance order, one sheet at a time. The head judge may key in a guest's sheet. */
export function ScoreSheet({ round }: { round: Round }) {
  const { t } = useTranslation();
  const me = round.me!;
  const sheets = useSheets(round.id);
  const guests = me.head ? round.judges.filter((j) => j.userId === null) : [];
  const [judgeId, setJudgeId] = useState(me.judgeId);
  const [entryId, setEntryId] = useState<string | null>(null);
  const own = (sheets.data?.items ?? []).filter((s) => s.judgeId === judgeId);
  const recused = new Set(round.recusals.filter((r) => r.judgeId === judgeId).map((r) => r.entryId));
  const current =
    round.order.find((s) => s.entryId === entryId) ??
    round.order.find((s) => !recused.has(s.entryId) && own.find((x) => x.entryId === s.entryId)?.status !== 'locked') ??
    round.order[0];
  return (
    <Card withBorder bg="white" data-testid="score-sheet">
      <Title order={4} mb="xs">
        {t('festival.sheet.title')}
      </Title>
      {guests.length > 0 ? (
        <Select
          mb="sm"
          label={t('festival.sheet.judge')}
          value={judgeId}
          allowDeselect={false}
          onChange={(v) => v && setJudgeId(v)}
          data={[
            { value: me.judgeId, label: t('festival.sheet.myself') },
            ...guests.map((g) => ({ value: g.id, label: `${g.name} (${t('festival.sheet.guest')})` })),
          ]}
        />
      ) : null}
      <Group gap={6} mb="md">
        {round.order.map((s) => {
          const st = recused.has(s.entryId) ? 'recused' : (own.find((x) => x.entryId === s.entryId)?.status ?? 'none');
          return (
            <Button
              key={s.entryId}
              size="compact-md"
              variant={current?.entryId === s.entryId ? 'filled' : 'light'}
              color={st === 'locked' ? 'green' : st === 'recused' ? 'gray' : st === 'draft' ? 'yellow' : 'blue'}
              onClick={() => setEntryId(s.entryId)}
              data-testid="sheet-act"
              data-state={st}
            >
              {s.position}
            </Button>
          );
        })}
      </Group>
      {!current ? null : recused.has(current.entryId) ? (
        <Text c="dimmed">{t('festival.sheet.recused')}</Text>
      ) : sheets.isPending ? null : (
        <SheetForm
          key={`${judgeId}:${current.entryId}:${own.find((x) => x.entryId === current.entryId)?.status ?? ''}`}
          round={round}
          slot={current}
          judgeId={judgeId === me.judgeId ? null : judgeId}
          sheet={own.find((x) => x.entryId === current.entryId)}
        />
      )}
    </Card>
  );
}
