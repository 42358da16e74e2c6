import { useState, type FormEvent } from 'react';
import { Checkbox, CloseButton, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../../app/format.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { isoOf } from '../organisation/api.ts';
import { UnitMultiPicker } from '../organisation/UnitMultiPicker.tsx';
import {
  nameOutcome,
  type EditedActivity,
  type Entry,
  type NameChoice,
  type NameMatch,
  type PickedUnit,
} from './importModel.ts';

type Role = { names: string[]; units: PickedUnit[] };

const split = (entries: Entry[]): Role => ({
  names: entries.flatMap((e) => (e.type === 'name' ? [e.name] : [])),
  units: entries.flatMap((e) => (e.type === 'unit' ? [e.unit] : [])),
});
const join = (r: Role): Entry[] => [
  ...r.names.map((name) => ({ type: 'name' as const, name })),
  ...r.units.map((unit) => ({ type: 'unit' as const, unit })),
];

/** The names a role of the activity has as written, each removable, with what each stands for. */
function WrittenNames({
  names,
  matches,
  choices,
  onRemove,
}: {
  names: string[];
  matches: Map<string, NameMatch>;
  choices: Record<string, NameChoice>;
  onRemove: (name: string) => void;
}) {
  const { t } = useTranslation();
  if (!names.length) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('plans.import.activity.written')}
      </Text>
      {names.map((n) => {
        const o = nameOutcome(matches.get(n), choices[n]);
        const to =
          o.kind === 'units'
            ? (o.name ?? t('plans.import.names.groupOf', { count: o.count }))
            : o.kind === 'text'
              ? t('plans.import.names.keptHint')
              : t('plans.import.names.skipHint');
        return (
          <Paper key={n} withBorder radius="sm" px="xs" py={4}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {n}{' '}
                <Text span size="xs" c="dimmed">
                  → {to}
                </Text>
              </Text>
              <CloseButton
                size="sm"
                aria-label={t('plans.import.activity.removeName', { name: n })}
                onClick={() => onRemove(n)}
              />
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** Correct one drafted activity: its title, dates and units (names as written, or units of the registry). */
export function ImportActivityModal({
  activity,
  matches,
  choices,
  onSave,
  onClose,
}: {
  activity: EditedActivity;
  matches: Map<string, NameMatch>;
  choices: Record<string, NameChoice>;
  onSave: (a: EditedActivity) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const [title, setTitle] = useState(activity.title);
  const [start, setStart] = useState(activity.start);
  const [due, setDue] = useState(activity.due);
  const [tentative, setTentative] = useState(activity.tentative);
  const [lead, setLead] = useState(() => split(activity.lead));
  const [coordinating, setCoordinating] = useState(() => split(activity.coordinating));
  const [problems, setProblems] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('common.required');
    if (start && due && start > due) found.due = t('plans.edit.dueBeforeStart');
    setProblems(found);
    if (Object.keys(found).length) return;
    onSave({
      ...activity,
      title: title.trim(),
      start,
      due,
      tentative,
      lead: join(lead),
      coordinating: join(coordinating),
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('plans.edit.activity.editTitle', { ref: activity.ref })}
      size="lg"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate data-testid="import-activity-form">
        <Stack gap="sm">
          <Textarea
            label={t('plans.edit.activity.title')}
            autosize
            minRows={2}
            maxRows={8}
            value={title}
            onChange={(e) => {
              setTitle(e.currentTarget.value);
              setProblems((p) => ({ ...p, title: '' }));
            }}
            error={problems.title || undefined}
            required
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateInput
              label={t('plans.edit.activity.start')}
              placeholder="dd/mm/yyyy"
              valueFormat={DATE_FORMAT}
              value={start}
              onChange={(v) => {
                setStart(isoOf(v));
                setProblems((p) => ({ ...p, due: '' }));
              }}
              clearable
            />
            <DateInput
              label={t('plans.edit.activity.due')}
              placeholder="dd/mm/yyyy"
              valueFormat={DATE_FORMAT}
              value={due}
              onChange={(v) => {
                setDue(isoOf(v));
                setProblems((p) => ({ ...p, due: '' }));
              }}
              error={problems.due || undefined}
              clearable
            />
          </SimpleGrid>
          <Checkbox
            label={t('plans.edit.activity.tentative')}
            checked={tentative}
            onChange={(e) => setTentative(e.currentTarget.checked)}
          />
          <Text fw={600} size="sm" mt="xs">
            {t('plans.edit.activity.lead')}
          </Text>
          <WrittenNames
            names={lead.names}
            matches={matches}
            choices={choices}
            onRemove={(n) => setLead((r) => ({ ...r, names: r.names.filter((x) => x !== n) }))}
          />
          <UnitMultiPicker
            aria-label={t('plans.import.activity.addLead')}
            placeholder={t('plans.import.activity.addUnits')}
            value={lead.units}
            onChange={(units) => setLead((r) => ({ ...r, units }))}
          />
          <Text fw={600} size="sm" mt="xs">
            {t('plans.edit.activity.coordinating')}
          </Text>
          <WrittenNames
            names={coordinating.names}
            matches={matches}
            choices={choices}
            onRemove={(n) => setCoordinating((r) => ({ ...r, names: r.names.filter((x) => x !== n) }))}
          />
          <UnitMultiPicker
            aria-label={t('plans.import.activity.addCoordinating')}
            placeholder={t('plans.import.activity.addUnits')}
            value={coordinating.units}
            onChange={(units) => setCoordinating((r) => ({ ...r, units }))}
          />
          <Text size="xs" c="dimmed">
            {t('plans.import.activity.namesHint')}
          </Text>
          <FormActions
            error={null}
            fields={[]}
            busy={false}
            onCancel={onClose}
            submitLabel={t('plans.import.activity.apply')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
