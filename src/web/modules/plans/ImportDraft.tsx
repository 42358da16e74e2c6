import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconFileText, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CreatePlanBody, Plan } from '../../../server/modules/plans/schema.ts';
import { api, ApiError } from '../../app/api.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { ImportActivities } from './ImportActivities.tsx';
import { ImportActivityModal } from './ImportActivityModal.tsx';
import { ImportHeader } from './ImportHeader.tsx';
import { ImportUnitNames } from './ImportUnitNames.tsx';
import {
  buildProposal,
  checkState,
  initialState,
  namesToCheck,
  type EditedActivity,
  type EditedHeader,
  type ImportPreview,
  type ImportState,
  type NameChoice,
} from './importModel.ts';

/** The label of a field path for the list of problems above the confirm button. */
const headerLabels: Record<string, string> = {
  'header.superiorBody': 'superiorBody',
  'header.issuingBody': 'issuingBody',
  'header.number': 'number',
  'header.symbolSuffix': 'symbolSuffix',
  'header.place': 'place',
  'header.date': 'date',
  'header.title': 'title',
  periodStart: 'periodStart',
  periodDue: 'periodDue',
  deployDue: 'deployDue',
  recipients: 'recipients',
};

/** Step 2 and 3 of the import: the draft to correct, then the confirmation that saves it as a plan. */
export function ImportDraft({
  preview,
  fileName,
  onOtherFile,
}: {
  preview: ImportPreview;
  fileName: string;
  onOtherFile: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const client = useQueryClient();
  const [state, setState] = useState<ImportState>(() => initialState(preview));
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  // Fields changed since the last check: their old message no longer applies.
  const [corrected, setCorrected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const { draft } = preview;
  const matches = useMemo(() => new Map(preview.units.map((m) => [m.name, m])), [preview]);
  const sectionTitles = useMemo(() => new Map(draft.sections.map((s) => [s.path, s.title])), [draft]);
  const usage = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const a of state.activities) {
      for (const e of [...a.lead, ...a.coordinating]) {
        if (e.type !== 'name') continue;
        const refs = out.get(e.name) ?? [];
        if (!refs.includes(a.ref)) refs.push(a.ref);
        out.set(e.name, refs);
      }
    }
    return out;
  }, [state.activities]);
  const toCheck = namesToCheck(preview, state.names);

  const serverProblems = error instanceof ApiError ? error.fieldErrors(lang) : {};
  const problems = Object.fromEntries(
    Object.entries({ ...serverProblems, ...local }).filter(([k, v]) => v && !corrected.includes(k)),
  );
  const activityProblems = (i: number) =>
    Object.entries(problems).flatMap(([k, v]) => (k.startsWith(`activities.${i}.`) ? [v] : []));

  const touch = (paths: string[]) => setCorrected((c) => [...new Set([...c, ...paths])]);
  const changeHeader = (change: Partial<EditedHeader>, paths: string[]) => {
    setState((s) => ({ ...s, header: { ...s.header, ...change } }));
    touch(paths);
  };
  const choose = (name: string, choice: NameChoice) => {
    setState((s) => ({ ...s, names: { ...s.names, [name]: choice } }));
    touch(Object.keys(problems).filter((k) => k.startsWith('activities.')));
  };
  const saveActivity = (i: number, a: EditedActivity) => {
    setState((s) => ({ ...s, activities: s.activities.map((x, j) => (j === i ? a : x)) }));
    touch(Object.keys(problems).filter((k) => k.startsWith(`activities.${i}.`)));
    setEditing(null);
  };

  const confirm = async () => {
    const found = checkState(state);
    const messages = Object.fromEntries(
      Object.entries(found).map(([k, v]) => [
        k,
        v === 'required' ? t('common.required') : t('plans.edit.dueBeforeStart'),
      ]),
    );
    setLocal(messages);
    setCorrected([]);
    setError(null);
    if (Object.keys(messages).length) return;
    setBusy(true);
    try {
      const plan = await api<Plan>('/api/plans', {
        method: 'POST',
        body: buildProposal(preview, state) satisfies CreatePlanBody,
      });
      await client.invalidateQueries({ queryKey: ['plans'] });
      notifications.show({ color: 'green', message: t('plans.import.saved', { title: plan.title }) });
      await navigate({ to: '/plans/$planId', params: { planId: plan.id } });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const problemLines = Object.entries(problems).map(([path, message]) => {
    const act = /^activities\.(\d+)\./.exec(path);
    const key = headerLabels[path.replace(/\.\d+$/, '')];
    const label = act
      ? (state.activities[Number(act[1])]?.ref ?? path)
      : key
        ? t(`plans.edit.fields.${key}` as 'plans.edit.fields.title')
        : path;
    return { path, text: `${label}: ${message}` };
  });
  const fieldOnly = error instanceof ApiError && error.details.length > 0;

  return (
    <Stack gap="md" data-testid="import-draft">
      <Card bg="white" withBorder data-testid="import-summary">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Group gap={6} wrap="nowrap">
              <IconFileText size={18} style={{ flexShrink: 0 }} />
              <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {fileName}
              </Text>
            </Group>
            <Text size="sm" data-testid="import-counts">
              {t('plans.import.summary', {
                activities: draft.activities.length,
                milestones: draft.milestones.length,
                names: preview.units.length,
              })}
            </Text>
            {toCheck.length ? (
              <Badge
                color="orange"
                variant="light"
                size="lg"
                tt="none"
                leftSection={<IconAlertTriangle size={14} />}
                data-testid="import-to-check"
                style={{ alignSelf: 'flex-start', height: 'auto', whiteSpace: 'normal' }}
              >
                {t('plans.import.toCheck', { count: toCheck.length })}
              </Badge>
            ) : (
              <Badge
                color="green"
                variant="light"
                size="lg"
                tt="none"
                leftSection={<IconCheck size={14} />}
                data-testid="import-to-check"
                style={{ alignSelf: 'flex-start', height: 'auto', whiteSpace: 'normal' }}
              >
                {t('plans.import.allChecked')}
              </Badge>
            )}
          </Stack>
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={onOtherFile}>
            {t('plans.import.otherFile')}
          </Button>
        </Group>
        {draft.warnings.length ? (
          <List size="xs" c="dimmed" mt="xs" spacing={2}>
            {draft.warnings.map((w) => (
              <List.Item key={`${w.code}-${w.line}`}>{lang === 'en' ? w.en : w.vi}</List.Item>
            ))}
          </List>
        ) : null}
      </Card>

      <ImportHeader header={state.header} onChange={changeHeader} problems={problems} />
      <ImportUnitNames units={preview.units} names={state.names} usage={usage} onChoose={choose} />
      <ImportActivities
        activities={state.activities}
        sources={draft.activities}
        sectionTitles={sectionTitles}
        matches={matches}
        choices={state.names}
        problems={activityProblems}
        onEdit={setEditing}
      />

      <Card bg="white" withBorder data-testid="import-milestones">
        <Title order={3} fz="md" mb="xs">
          {t('plans.import.milestones')}
        </Title>
        {draft.milestones.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('plans.import.noMilestones')}
          </Text>
        ) : (
          <Stack gap={6}>
            {draft.milestones.map((m) => (
              <Group key={m.id} gap="sm" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} miw={90}>
                  {formatDate(m.due) || '—'}
                </Text>
                <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {m.title}
                  {m.tentative ? ` (${t('plans.activity.tentative')})` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Card>

      <Card bg="white" withBorder data-testid="import-confirm-card">
        <Stack gap="sm">
          <Text size="sm">
            {toCheck.length
              ? t('plans.import.confirmUnchecked', { count: toCheck.length })
              : t('plans.import.confirmHint')}
          </Text>
          {problemLines.length ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={t('plans.import.invalid')}
              role="alert"
              data-testid="import-problems"
            >
              <List size="sm" spacing={2}>
                {problemLines.map((p) => (
                  <List.Item key={p.path}>{p.text}</List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          {error && !fieldOnly ? <ErrorAlert error={error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onOtherFile}>
              {t('common.cancel')}
            </Button>
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              loading={busy}
              onClick={() => void confirm()}
              data-testid="import-confirm"
            >
              {t('plans.import.confirm')}
            </Button>
          </Group>
        </Stack>
      </Card>

      {editing !== null && state.activities[editing] ? (
        <ImportActivityModal
          activity={state.activities[editing]}
          matches={matches}
          choices={state.names}
          onSave={(a) => saveActivity(editing, a)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
