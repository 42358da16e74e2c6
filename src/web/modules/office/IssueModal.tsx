import { type FormEvent, useState } from 'react';
import { Button, Checkbox, Group, Modal, Paper, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { partyDocumentTypes } from '../../../common/partyDocumentTypes.ts';
import { DATE_FORMAT } from '../../app/format.ts';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FilePicker } from '../../ui/FilePicker.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import type { StoredFile } from '../../app/files.ts';
import { isoOf } from '../organisation/api.ts';
import { type Resolved, useIssue, useResolve } from './api.ts';

const FIELDS = ['type', 'date', 'summary', 'signerName', 'signerPosition', 'recipients', 'units', 'fileId'];

/**
 * Issuing a document: its type (the register gives the number), date, summary, signer, and the
 * "Nơi nhận" lines; the lines are resolved to units of the registry for a person to confirm
 * (a line naming no unit is kept as written, printed but not sent).
 */
export function IssueModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const issue = useIssue();
  const resolve = useResolve();
  const [type, setType] = useState<string | null>('CV');
  const [date, setDate] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [signerName, setSignerName] = useState('');
  const [signerPosition, setSignerPosition] = useState('BÍ THƯ');
  const [lines, setLines] = useState('');
  const [resolved, setResolved] = useState<Resolved | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [isPublic, setPublic] = useState(false);
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fe = (path: string) => missing[path] ?? fieldError(issue.error, path, i18n.language);
  const recipientLines = () =>
    lines
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);

  const findUnits = () => {
    const list = recipientLines();
    if (!list.length) return;
    resolve.mutate(
      { lines: list, ...(date ? { day: date } : {}) },
      {
        onSuccess: (r) => {
          setResolved(r);
          setChosen(new Set(r.lines.flatMap((l) => l.units.map((u) => `${l.line}\u0000${u.id}`))));
        },
      },
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!type) found.type = t('common.required');
    if (!date) found.date = t('common.required');
    if (!summary.trim()) found.summary = t('common.required');
    if (!signerPosition.trim()) found.signerPosition = t('common.required');
    setMissing(found);
    if (Object.keys(found).length) return;
    const units = [...chosen].map((key) => {
      const [line, unitId] = key.split('\u0000');
      return { line, unitId };
    });
    issue.mutate(
      {
        type: type as never,
        date: date!,
        summary: summary.trim(),
        signerName: signerName.trim() || '—',
        signerPosition: signerPosition.trim(),
        recipients: recipientLines().map((l) => l.replace(/^[-–•+]\s*/u, '').replace(/[;.,]+$/u, '')),
        units,
        isPublic,
        fileId: files[0]?.id ?? null,
      },
      {
        onSuccess: (b) => {
          notifications.show({ color: 'green', message: t('office.issue.done', { symbol: b.document.symbol }) });
          onClose();
          void navigate({ to: '/office/outgoing/$outgoingId', params: { outgoingId: b.document.id } });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('office.issue.title')} size="lg" fullScreen={!!phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <Select
              label={t('office.issue.type')}
              required
              data={partyDocumentTypes.map((d) => ({
                value: d.code,
                label: `${d.code} — ${i18n.language === 'en' ? d.en : d.vi}`,
              }))}
              value={type}
              onChange={setType}
              error={fe('type')}
              searchable
              style={{ flex: '2 1 200px' }}
              data-testid="office-type"
            />
            <DateInput
              label={t('office.issue.date')}
              required
              valueFormat={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              value={date}
              onChange={(v) => setDate(isoOf(v))}
              error={fe('date')}
              style={{ flex: '1 1 140px' }}
              data-testid="office-date"
            />
          </Group>
          <Textarea
            label={t('office.issue.summary')}
            required
            autosize
            minRows={2}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={fe('summary')}
            data-testid="office-summary"
          />
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <TextInput
              label={t('office.issue.signerName')}
              value={signerName}
              onChange={(e) => setSignerName(e.currentTarget.value)}
              error={fe('signerName')}
              data-testid="office-signer"
            />
            <TextInput
              label={t('office.issue.signerPosition')}
              required
              value={signerPosition}
              onChange={(e) => setSignerPosition(e.currentTarget.value)}
              error={fe('signerPosition')}
            />
          </Group>
          <Textarea
            label={t('office.issue.recipients')}
            description={t('office.issue.recipientsHint')}
            autosize
            minRows={3}
            value={lines}
            onChange={(e) => {
              setLines(e.currentTarget.value);
              setResolved(null);
              setChosen(new Set());
            }}
            error={fe('recipients')}
            data-testid="office-recipients"
          />
          <Group>
            <Button variant="light" onClick={findUnits} loading={resolve.isPending} data-testid="office-resolve">
              {t('office.issue.resolve')}
            </Button>
          </Group>
          {resolve.error ? <ErrorAlert error={resolve.error} /> : null}
          {resolved ? (
            <Paper withBorder p="sm" data-testid="office-resolved">
              <Stack gap={6}>
                {resolved.lines.map((l) => (
                  <div key={l.line}>
                    <Text size="sm" fw={600}>
                      {l.line}
                    </Text>
                    {l.units.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        {t('office.issue.kept')}
                      </Text>
                    ) : (
                      l.units.map((u) => {
                        const key = `${l.line}\u0000${u.id}`;
                        return (
                          <Checkbox
                            key={key}
                            size="sm"
                            mt={4}
                            label={u.name}
                            checked={chosen.has(key)}
                            onChange={(e) => {
                              const next = new Set(chosen);
                              if (e.currentTarget.checked) next.add(key);
                              else next.delete(key);
                              setChosen(next);
                            }}
                          />
                        );
                      })
                    )}
                  </div>
                ))}
                <Text size="xs" c="dimmed">
                  {t('office.issue.unitCount', { count: chosen.size })}
                </Text>
              </Stack>
            </Paper>
          ) : null}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('office.issue.file')}
            </Text>
            <FilePicker
              value={files}
              onChange={setFiles}
              max={1}
              error={fe('fileId')}
              buttonLabel={t('office.issue.fileButton')}
              testId="office-issue-file"
            />
          </Stack>
          <Switch
            label={t('office.issue.public')}
            checked={isPublic}
            onChange={(e) => setPublic(e.currentTarget.checked)}
          />
          <FormActions
            error={issue.error}
            fields={FIELDS}
            busy={issue.isPending}
            onCancel={onClose}
            submitLabel={t('office.issue.submit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
