import { Button, Group, NumberInput, Slider, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldError, onlyFieldProblems } from '../../ui/errors.tsx';
import { FilePicker } from '../../ui/FilePicker.tsx';
import type { StoredFile } from '../../app/files.ts';
import { useReport, type Activity } from './api.ts';
import { targetText } from './ActivityCard.tsx';

const FIELDS = ['text', 'percent', 'figure', 'unitId', 'doneOn', 'attachmentIds'];

/** A unit's progress report on one activity: what was done, how far, the figure against the target, done or not. */
export function ReportForm({
  activity,
  unitId,
  onDone,
}: {
  activity: Activity;
  unitId: string | null;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const line = activity.unitLine;
  const [text, setText] = useState('');
  const [percent, setPercent] = useState<number>(line?.percent ?? 0);
  const [figure, setFigure] = useState<number | string>(activity.figure ?? '');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const report = useReport(activity.id);
  const done = percent === 100;
  const lang = i18n.language;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    report.mutate(
      {
        text: text.trim(),
        percent,
        figure: activity.target && figure !== '' ? Number(figure) : null,
        unitId,
        attachmentIds: files.map((f) => f.id),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="report-form">
      <Stack gap="md">
        <Text size="sm" fw={600}>
          {activity.ref}. {activity.title}
        </Text>
        <Textarea
          label={t('plans.report.text')}
          description={t('plans.report.textHint')}
          autosize
          minRows={3}
          maxRows={8}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (report.error) report.reset();
          }}
          error={fieldError(report.error, 'text', lang)}
          name="text"
          required
        />
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={500} component="label" htmlFor="report-percent">
              {t('plans.report.percent')}
            </Text>
            <NumberInput
              id="report-percent"
              name="percent"
              w={96}
              min={0}
              max={100}
              clampBehavior="strict"
              allowDecimal={false}
              suffix=" %"
              value={percent}
              onChange={(v) => setPercent(typeof v === 'number' ? v : Number(v) || 0)}
              error={fieldError(report.error, 'percent', lang) ? ' ' : undefined}
            />
          </Group>
          <Slider
            value={percent}
            onChange={setPercent}
            min={0}
            max={100}
            step={5}
            label={(v) => `${v} %`}
            aria-label={t('plans.report.percent')}
            color={done ? 'green' : 'blue'}
          />
          {fieldError(report.error, 'percent', lang) ? (
            <Text size="xs" c="red">
              {fieldError(report.error, 'percent', lang)}
            </Text>
          ) : null}
        </Stack>
        {activity.target ? (
          <NumberInput
            label={t('plans.report.figure')}
            description={t('plans.report.figureHint', { target: targetText(activity.target) })}
            name="figure"
            min={0}
            value={figure}
            onChange={(v) => {
              setFigure(v);
              if (report.error) report.reset();
            }}
            error={fieldError(report.error, 'figure', lang)}
          />
        ) : null}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('plans.report.attachments')}
          </Text>
          <FilePicker
            value={files}
            onChange={(next) => {
              setFiles(next);
              if (report.error) report.reset();
            }}
            error={fieldError(report.error, 'attachmentIds', lang)}
          />
        </Stack>
        <Switch
          size="md"
          label={t('plans.report.done')}
          description={t('plans.report.doneHint')}
          checked={done}
          onChange={(e) => setPercent(e.currentTarget.checked ? 100 : Math.min(percent, 95))}
          data-testid="report-done"
        />
        {report.error && !onlyFieldProblems(report.error, FIELDS) ? <ErrorAlert error={report.error} /> : null}
        {report.error && onlyFieldProblems(report.error, ['unitId', 'doneOn']) ? (
          <ErrorAlert error={report.error} />
        ) : null}
        <Button type="submit" loading={report.isPending} size="md" fullWidth>
          {t('plans.report.submit')}
        </Button>
      </Stack>
    </form>
  );
}
