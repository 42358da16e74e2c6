import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  NumberInput,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { DATE_FORMAT } from '../../app/format.ts';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { isoOf } from '../organisation/api.ts';
import { UnitMultiPicker, type PickedUnit } from '../organisation/UnitMultiPicker.tsx';
import {
  statusSources,
  useDeleteActivity,
  useSaveActivity,
  type Activity,
  type ActivityBody,
  type Plan,
  type StatusSource,
  type Target,
} from './api.ts';

type Comparator = Target['comparator'];

type Draft = {
  section: string | null;
  title: string;
  description: string;
  lead: PickedUnit[];
  coordinating: PickedUnit[];
  start: string | null;
  due: string | null;
  tentative: boolean;
  hasTarget: boolean;
  targetValue: number | string;
  comparator: Comparator;
  indicator: string;
  targetUnit: string;
  statusSources: StatusSource[];
};

const FIELDS = [
  'section',
  'title',
  'description',
  'leadUnitIds',
  'coordinatingUnitIds',
  'start',
  'due',
  'tentative',
  'target',
  'target.value',
  'target.comparator',
  'target.indicator',
  'target.unit',
  'statusSource',
  'statusSources',
];

const picked = (units: { id: string; name: string }[]) => units.map((u) => ({ id: u.id, name: u.name }));

function draftOf(a: Activity | null, section: string | null): Draft {
  return {
    section: a?.section ?? section,
    title: a?.title ?? '',
    description: a?.description ?? '',
    lead: picked(a?.lead ?? []),
    coordinating: picked(a?.coordinating ?? []),
    start: a?.start ?? null,
    due: a?.due ?? null,
    tentative: a?.tentative ?? false,
    hasTarget: a?.target != null,
    targetValue: a?.target?.value ?? '',
    comparator: a?.target?.comparator ?? 'gte',
    indicator: a?.target?.indicator ?? '',
    targetUnit: a?.target?.unit ?? '',
    statusSources: a?.statusSources ?? [],
  };
}

const sourceLabels = {
  'organisation.new_grassroots': 'plans.edit.activity.sources.organisation_new_grassroots',
  'reporting.templates': 'plans.edit.activity.sources.reporting_templates',
  'honours.selection': 'plans.edit.activity.sources.honours_selection',
  'tournament.results': 'plans.edit.activity.sources.tournament_results',
  'festival.results': 'plans.edit.activity.sources.festival_results',
  'ceremony.held': 'plans.edit.activity.sources.ceremony_held',
  'budget.settled': 'plans.edit.activity.sources.budget_settled',
  'office.duty': 'plans.edit.activity.sources.office_duty',
  'publicity.pieces': 'plans.edit.activity.sources.publicity_pieces',
} as const satisfies Record<StatusSource, string>;

const sameIds = (a: PickedUnit[], b: PickedUnit[]) => a.length === b.length && a.every((u, i) => u.id === b[i].id);

/**
 * Add an activity to a plan (`activity` null, optionally in `section`) or correct one: section,
 * title, description, lead and coordinating units, dates, tentative, target.
 */
export function ActivityEditModal({
  plan,
  activity,
  section = null,
  onClose,
}: {
  plan: Plan;
  activity: Activity | null;
  section?: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const save = useSaveActivity(plan.id, activity?.id ?? null);
  const [initial] = useState(() => draftOf(activity, section));
  const [d, setD] = useState<Draft>(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [corrected, setCorrected] = useState<string[]>([]);
  const set = (change: Partial<Draft>, paths: string[] = Object.keys(change)) => {
    setD((x) => ({ ...x, ...change }));
    setCorrected((c) => [...new Set([...c, ...paths])]);
  };
  // The view names at most 50 units of a role: a longer list cannot be corrected here without losing the rest.
  const leadLocked = activity !== null && activity.leadCount > activity.lead.length;
  const coordinatingLocked = activity !== null && activity.coordinatingCount > activity.coordinating.length;

  const serverError = save.error instanceof ApiError ? save.error : null;
  const fe = (path: string): string | undefined => {
    if (corrected.includes(path)) return undefined;
    return local[path] ?? fieldError(serverError, path, lang);
  };

  const sections = plan.sections.filter(
    (s) => s.role === 'content' || s.role === 'organisation' || s.path === d.section,
  );
  const sectionOptions = sections.map((s) => ({ value: s.path, label: s.title ? `${s.path}. ${s.title}` : s.path }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!d.section?.trim()) found.section = t('common.required');
    if (!d.title.trim()) found.title = t('common.required');
    if (d.start && d.due && d.start > d.due) found.due = t('plans.edit.dueBeforeStart');
    if (d.hasTarget && typeof d.targetValue !== 'number') found['target.value'] = t('common.required');
    if (d.hasTarget && !d.indicator.trim()) found['target.indicator'] = t('common.required');
    setLocal(found);
    setCorrected([]);
    if (Object.keys(found).length) return;
    const target: Target | null = d.hasTarget
      ? {
          value: Number(d.targetValue),
          comparator: d.comparator,
          indicator: d.indicator.trim(),
          unit: d.targetUnit.trim() || null,
          breakdown: activity?.target?.breakdown ?? [],
        }
      : null;
    const body: Partial<ActivityBody> = {
      section: d.section!.trim(),
      title: d.title.trim(),
      description: d.description.trim(),
      start: d.start,
      due: d.due,
      tentative: d.tentative,
      target,
    };
    if (!activity || d.statusSources.join() !== initial.statusSources.join()) body.statusSources = d.statusSources;
    if (!activity)
      body.kind = plan.sections.find((s) => s.path === body.section)?.role === 'organisation' ? 'duty' : 'task';
    if (!leadLocked && (!activity || !sameIds(d.lead, initial.lead))) body.leadUnitIds = d.lead.map((u) => u.id);
    if (!coordinatingLocked && (!activity || !sameIds(d.coordinating, initial.coordinating)))
      body.coordinatingUnitIds = d.coordinating.map((u) => u.id);
    save.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          message: activity
            ? t('plans.edit.activity.saved', { ref: saved.ref })
            : t('plans.edit.activity.added', { ref: saved.ref }),
        });
        onClose();
      },
    });
  };

  const comparators: { value: Comparator; label: string }[] = [
    { value: 'gte', label: t('plans.edit.activity.gte') },
    { value: 'eq', label: t('plans.edit.activity.eq') },
    { value: 'lte', label: t('plans.edit.activity.lte') },
  ];

  return (
    <Modal
      opened
      onClose={onClose}
      title={activity ? t('plans.edit.activity.editTitle', { ref: activity.ref }) : t('plans.edit.activity.addTitle')}
      size="lg"
      fullScreen={phone}
    >
      <form onSubmit={submit} noValidate data-testid="activity-form">
        <Stack gap="sm">
          {sectionOptions.length ? (
            <Select
              label={t('plans.edit.activity.section')}
              data={sectionOptions}
              value={d.section}
              onChange={(section) => set({ section })}
              error={fe('section')}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <TextInput
              label={t('plans.edit.activity.section')}
              placeholder="II.1"
              value={d.section ?? ''}
              onChange={(e) => set({ section: e.currentTarget.value })}
              error={fe('section')}
              required
            />
          )}
          <Textarea
            label={t('plans.edit.activity.title')}
            autosize
            minRows={2}
            maxRows={8}
            value={d.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={fe('title')}
            required
          />
          <Textarea
            label={t('plans.edit.activity.description')}
            autosize
            minRows={2}
            maxRows={10}
            value={d.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={fe('description')}
          />
          <UnitMultiPicker
            label={t('plans.edit.activity.lead')}
            value={d.lead}
            onChange={(lead) => set({ lead }, ['leadUnitIds'])}
            error={fe('leadUnitIds')}
            disabled={leadLocked}
            description={
              leadLocked
                ? t('plans.edit.activity.tooManyUnits', { count: activity?.leadCount, shown: activity?.lead.length })
                : undefined
            }
            data-testid="activity-lead"
          />
          <UnitMultiPicker
            label={t('plans.edit.activity.coordinating')}
            value={d.coordinating}
            onChange={(coordinating) => set({ coordinating }, ['coordinatingUnitIds'])}
            error={fe('coordinatingUnitIds')}
            disabled={coordinatingLocked}
            description={
              coordinatingLocked
                ? t('plans.edit.activity.tooManyUnits', {
                    count: activity?.coordinatingCount,
                    shown: activity?.coordinating.length,
                  })
                : undefined
            }
          />
          {activity?.otherParticipants.length ? (
            <Text size="xs" c="dimmed">
              {t('plans.edit.activity.others', { names: activity.otherParticipants.join('; ') })}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateInput
              label={t('plans.edit.activity.start')}
              placeholder="dd/mm/yyyy"
              valueFormat={DATE_FORMAT}
              value={d.start}
              onChange={(v) => set({ start: isoOf(v) }, ['start', 'due'])}
              error={fe('start')}
              clearable
              data-testid="activity-start"
            />
            <DateInput
              label={t('plans.edit.activity.due')}
              placeholder="dd/mm/yyyy"
              valueFormat={DATE_FORMAT}
              value={d.due}
              onChange={(v) => set({ due: isoOf(v) }, ['due'])}
              error={fe('due')}
              clearable
              data-testid="activity-due"
            />
          </SimpleGrid>
          <Checkbox
            label={t('plans.edit.activity.tentative')}
            checked={d.tentative}
            onChange={(e) => set({ tentative: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('plans.edit.activity.hasTarget')}
            checked={d.hasTarget}
            onChange={(e) => set({ hasTarget: e.currentTarget.checked }, ['target'])}
          />
          {d.hasTarget ? (
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <Select
                label={t('plans.edit.activity.comparator')}
                data={comparators}
                value={d.comparator}
                onChange={(v) => set({ comparator: (v as Comparator | null) ?? 'gte' }, ['target.comparator'])}
                allowDeselect={false}
                error={fe('target.comparator')}
                comboboxProps={{ withinPortal: true }}
              />
              <NumberInput
                label={t('plans.edit.activity.targetValue')}
                value={d.targetValue}
                onChange={(v) => set({ targetValue: v }, ['target.value'])}
                min={0}
                thousandSeparator={lang === 'en' ? ',' : '.'}
                decimalSeparator={lang === 'en' ? '.' : ','}
                error={fe('target.value')}
                required
              />
              <TextInput
                label={t('plans.edit.activity.indicator')}
                value={d.indicator}
                onChange={(e) => set({ indicator: e.currentTarget.value }, ['target.indicator'])}
                error={fe('target.indicator')}
                required
              />
              <TextInput
                label={t('plans.edit.activity.targetUnit')}
                value={d.targetUnit}
                onChange={(e) => set({ targetUnit: e.currentTarget.value }, ['target.unit'])}
                error={fe('target.unit')}
              />
            </SimpleGrid>
          ) : null}
          <MultiSelect
            label={t('plans.edit.activity.statusSource')}
            description={t('plans.edit.activity.statusSourceHint')}
            // a placeholder keeps the field a visible input to click once a source is chosen
            placeholder={t('plans.edit.activity.statusSourcePlaceholder')}
            data={[
              { value: 'reports', label: t('plans.edit.activity.sources.reports') },
              ...statusSources.map((k) => ({ value: k, label: t(sourceLabels[k]) })),
            ]}
            value={d.statusSources.length ? d.statusSources : ['reports']}
            onChange={(values) => {
              // "the units' reports" stands alone; picking it clears the modules, picking a module drops it
              const picked = values.at(-1);
              set({
                statusSources:
                  picked === 'reports' ? [] : values.filter((v): v is StatusSource => v !== 'reports').slice(0, 4),
              });
            }}
            error={fe('statusSource') ?? fe('statusSources')}
            comboboxProps={{ withinPortal: true }}
            data-testid="activity-status-source"
          />
          <FormActions
            error={save.error}
            fields={FIELDS}
            busy={save.isPending}
            onCancel={onClose}
            submitLabel={activity ? t('common.save') : t('plans.edit.activity.addSubmit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** "Thêm nhiệm vụ" under a section of the plan page. */
export function AddActivityButton({ plan, section }: { plan: Plan; section: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        onClick={() => setOpen(true)}
        style={{ alignSelf: 'flex-start' }}
        data-testid="section-activity-add"
        data-section={section}
      >
        {t('plans.edit.activity.add')}
      </Button>
      {open ? <ActivityEditModal plan={plan} activity={null} section={section} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** The small menu of an activity card: correct it, or delete it after a confirmation. */
export function ActivityMenu({ plan, activity }: { plan: Plan; activity: Activity }) {
  const { t } = useTranslation();
  const remove = useDeleteActivity(activity.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md">
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t('plans.edit.activity.menu', { ref: activity.ref })}
            data-testid="activity-menu"
          >
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconPencil size={14} />}
            onClick={() => setEditing(true)}
            data-testid="activity-edit"
          >
            {t('plans.edit.activity.edit')}
          </Menu.Item>
          <Menu.Item
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={() => setDeleting(true)}
            data-testid="activity-delete"
          >
            {t('plans.edit.activity.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {editing ? <ActivityEditModal plan={plan} activity={activity} onClose={() => setEditing(false)} /> : null}
      <Modal
        opened={deleting}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
        title={t('common.confirmTitle')}
        centered
      >
        <Stack gap="sm" data-testid="activity-delete-confirm">
          <Text size="sm">{t('plans.edit.activity.deleteConfirm', { ref: activity.ref, title: activity.title })}</Text>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDeleting(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                // The card goes away with the activity: the promise still settles, callbacks of mutate() would not.
                void remove
                  .mutateAsync()
                  .then(() => {
                    setDeleting(false);
                    notifications.show({
                      color: 'green',
                      message: t('plans.edit.activity.deleted', { ref: activity.ref }),
                    });
                  })
                  .catch(() => undefined)
              }
            >
              {t('plans.edit.activity.deleteSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
