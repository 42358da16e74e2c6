import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconRefresh, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert, onlyFieldProblems } from '../../ui/errors.tsx';
import { useSaveReport, useSubmitReport, type ReportForm } from './api.ts';
import {
  blocksSaving,
  cellPath,
  entriesOf,
  formValues,
  problemsOf,
  rulePath,
  saveBody,
  type Entry,
} from './formModel.ts';
import { IndicatorField } from './IndicatorField.tsx';

/** Conflicts after which the form on screen is no longer the report on the server: reload it. */
const staleCodes = ['REPORT_CHANGED', 'PERIOD_LOCKED', 'REPORT_SUBMITTED', 'REPORT_APPROVED'];

/**
 * The report being typed into, generated from the template's sections: every cell checked as it
 * is typed by the rules the server applies, saved as a draft, or submitted after a confirmation.
 * Read-only (with the reason above it) when the report cannot be edited now.
 */
export function ReportEditor({ form, onReload }: { form: ReportForm; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const initial = useMemo(() => entriesOf(form), [form]);
  const [entries, setEntries] = useState<Map<string, Entry>>(initial.entries);
  const [comments, setComments] = useState<Map<string, string>>(initial.comments);
  const [triedSubmit, setTriedSubmit] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSaveReport();
  const submit = useSubmitReport();
  const readOnly = !form.may.edit;

  const byId = new Map(form.indicators.map((i) => [i.id, i]));
  const values = useMemo(() => formValues(form.indicators, entries, comments), [form.indicators, entries, comments]);
  const problems = useMemo(() => problemsOf(form, values, triedSubmit), [form, values, triedSubmit]);
  const serverError = submit.error ?? save.error;
  const serverFields = serverError instanceof ApiError ? serverError.fieldErrors(lang) : {};
  const messageOf = (path: string) =>
    serverFields[path] ??
    (problems.get(path) ? (lang === 'en' ? problems.get(path)!.en : problems.get(path)!.vi) : undefined);
  const paths = form.indicators.flatMap((i) => [
    rulePath(i.id),
    ...(i.breakdown.length ? i.breakdown.map((b) => cellPath(i.id, b.key)) : [cellPath(i.id, '')]),
  ]);
  const stale = serverError instanceof ApiError && staleCodes.includes(serverError.code);

  const touched = () => {
    setDirty(true);
    setNotice(null);
    if (save.error) save.reset();
    if (submit.error) submit.reset();
  };
  const change = (key: string, entry: Entry) => {
    setEntries((prev) => new Map(prev).set(key, entry));
    touched();
  };
  const comment = (indicatorId: string, text: string) => {
    setComments((prev) => new Map(prev).set(indicatorId, text));
    touched();
  };
  const showFirstProblem = () =>
    requestAnimationFrame(() =>
      document.querySelector('[data-problem="true"]')?.scrollIntoView({ behavior: 'smooth', block: 'center' }),
    );

  const saveDraft = () => {
    if (blocksSaving(form, values)) {
      setNotice(t('reporting.form.fixTypes'));
      showFirstProblem();
      return;
    }
    save.mutate(saveBody(form, values), {
      onSuccess: () => notifications.show({ color: 'green', message: t('reporting.form.saved') }),
    });
  };
  const askSubmit = () => {
    setTriedSubmit(true);
    const all = problemsOf(form, values, true);
    if (all.size) {
      setNotice(t('reporting.form.fixBeforeSubmit', { n: all.size }));
      showFirstProblem();
      return;
    }
    setNotice(null);
    setConfirming(true);
  };
  const send = () => {
    setConfirming(false);
    submit.mutate(saveBody(form, values), {
      onSuccess: () => notifications.show({ color: 'green', message: t('reporting.form.submitted') }),
      onError: () => showFirstProblem(),
    });
  };

  return (
    <Box data-testid="report-form" data-readonly={readOnly ? 'true' : undefined}>
      <Stack gap="md">
        {form.template.sections.map((section) => (
          <Card key={section.key} bg="white" padding="md" data-testid="report-section">
            <Title order={3} fz="md" mb="sm">
              {section.key}. {section.title}
            </Title>
            <Stack gap="lg">
              {section.items.map((item) => {
                const indicator = byId.get(item.indicatorId);
                if (!indicator) return null;
                return (
                  <IndicatorField
                    key={item.indicatorId}
                    indicator={indicator}
                    required={item.required}
                    entries={entries}
                    comment={comments.get(indicator.id) ?? ''}
                    readOnly={readOnly}
                    onChange={change}
                    onComment={(text) => comment(indicator.id, text)}
                    messageOf={messageOf}
                  />
                );
              })}
            </Stack>
          </Card>
        ))}
        {stale ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('reporting.form.staleTitle')}
            data-testid="stale"
          >
            <Text size="sm">{(serverError as ApiError).text(lang)}</Text>
            <Button
              mt="sm"
              size="xs"
              variant="light"
              color="orange"
              leftSection={<IconRefresh size={14} />}
              onClick={onReload}
              data-testid="reload"
            >
              {t('reporting.form.reload')}
            </Button>
          </Alert>
        ) : serverError && !onlyFieldProblems(serverError, paths) ? (
          <ErrorAlert error={serverError} />
        ) : null}
        {readOnly ? null : (
          <Paper withBorder shadow="sm" p="sm" pos="sticky" bottom={8} style={{ zIndex: 5 }} data-testid="form-actions">
            {notice ? (
              <Text size="sm" c="red" mb="xs" role="alert" data-testid="form-notice">
                {notice}
              </Text>
            ) : dirty ? (
              <Text size="xs" c="dimmed" mb="xs">
                {t('reporting.form.unsaved')}
              </Text>
            ) : null}
            <Group grow gap="sm">
              <Button
                variant="default"
                leftSection={<IconDeviceFloppy size={18} />}
                onClick={saveDraft}
                loading={save.isPending}
                disabled={submit.isPending}
                data-testid="save-draft"
              >
                {t('reporting.form.saveDraft')}
              </Button>
              <Button
                leftSection={<IconSend size={18} />}
                onClick={askSubmit}
                loading={submit.isPending}
                disabled={save.isPending || !form.may.submit}
                data-testid="submit"
              >
                {t('reporting.form.submit')}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('common.confirmTitle')}
        centered
        size="sm"
      >
        <Text size="sm">{t('reporting.form.submitQuestion', { unit: form.unit.name })}</Text>
        {form.template.countsOn === 'submitted' ? (
          <Text size="xs" c="dimmed" mt="xs">
            {t('reporting.form.submitCounts')}
          </Text>
        ) : null}
        <Group justify="flex-end" mt="lg" gap="sm">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={send} data-testid="submit-confirm">
            {t('reporting.form.submit')}
          </Button>
        </Group>
      </Modal>
    </Box>
  );
}
