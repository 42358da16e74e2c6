import { useState, type FormEvent } from 'react';
import { Card, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useSetScores, type Criterion, type RankLine } from './api.ts';

/** The Bloc scores one unit on the criteria scored by hand (the others come from its reported results). */
export function ScoreModal({
  driveId,
  line,
  criteria,
  onClose,
}: {
  driveId: string;
  line: RankLine;
  criteria: Criterion[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const save = useSetScores(driveId);
  const manual = criteria.filter((c) => c.method === 'manual');
  const [scores, setScores] = useState<Record<string, number | string>>(() =>
    Object.fromEntries(manual.map((c) => [c.id, line.scores.find((s) => s.criterionId === c.id)?.score ?? ''])),
  );
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [local, setLocal] = useState<Record<string, string>>({});
  // The criteria sent, in order, so that the server's "scores.1.score" finds its field.
  const [sent, setSent] = useState<string[]>([]);
  const edited = () => {
    if (save.error) save.reset();
    if (Object.keys(local).length) setLocal({});
  };
  // Scores above the maximum are refused by the server, whose message shows on the field.
  const fe = (criterionId: string, field: 'score' | 'note') => {
    if (field === 'score' && local[criterionId]) return local[criterionId];
    const i = sent.indexOf(criterionId);
    if (i < 0) return undefined;
    return (
      fieldError(save.error, `scores.${i}.${field}`, lang) ??
      (field === 'score' ? fieldError(save.error, `scores.${i}.criterionId`, lang) : undefined)
    );
  };
  const server = save.error instanceof ApiError ? save.error : null;
  const fields =
    server?.details.map((d) => d.path).filter((p) => /^scores\.\d+\.(score|note|criterionId)$/.test(p)) ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const filled = manual.filter((c) => scores[c.id] !== '' && scores[c.id] !== undefined);
    if (!filled.length && manual[0]) found[manual[0].id] = t('emulation.score.none');
    setLocal(found);
    if (Object.keys(found).length) return;
    setSent(filled.map((c) => c.id));
    save.mutate(
      {
        unitId: line.unitId,
        scores: filled.map((c) => ({
          criterionId: c.id,
          score: Number(scores[c.id]),
          note: notes[c.id]?.trim() || null,
        })),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('emulation.score.saved', { unit: line.name }) });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('emulation.score.title')} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="score-form">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {line.name}
          </Text>
          {manual.map((c) => (
            <Card key={c.id} withBorder padding="sm">
              <Stack gap="xs">
                <NumberInput
                  label={c.name}
                  description={t('emulation.score.range', { max: c.maxScore, weight: c.weight })}
                  min={0}
                  max={c.maxScore}
                  clampBehavior="none"
                  decimalScale={2}
                  decimalSeparator={lang === 'en' ? '.' : ','}
                  value={scores[c.id] ?? ''}
                  onChange={(v) => {
                    setScores((s) => ({ ...s, [c.id]: v }));
                    edited();
                  }}
                  error={fe(c.id, 'score')}
                  data-testid="score-input"
                  inputMode="decimal"
                />
                <TextInput
                  label={t('emulation.score.note')}
                  value={notes[c.id] ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setNotes((n) => ({ ...n, [c.id]: v }));
                    edited();
                  }}
                  error={fe(c.id, 'note')}
                />
              </Stack>
            </Card>
          ))}
          <FormActions
            error={save.error}
            fields={fields}
            busy={save.isPending}
            onCancel={onClose}
            submitLabel={t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
