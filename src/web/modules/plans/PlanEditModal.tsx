import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { DATE_FORMAT } from '../../app/format.ts';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { isoOf } from '../organisation/api.ts';
import { ActivityEditModal } from './ActivityEditModal.tsx';
import { useDeletePlan, useUpdatePlan, type Plan } from './api.ts';

type Draft = {
  superiorBody: string;
  issuingBody: string;
  number: string;
  symbolSuffix: string;
  place: string;
  date: string | null;
  title: string;
  periodStart: string | null;
  periodDue: string | null;
  deployDue: string | null;
  recipients: string;
  closing: string;
};

const FIELDS = [
  'superiorBody',
  'issuingBody',
  'number',
  'symbolSuffix',
  'place',
  'date',
  'title',
  'periodStart',
  'periodDue',
  'deployDue',
  'recipients',
  'closing',
];

function draftOf(p: Plan): Draft {
  return {
    superiorBody: p.superiorBody ?? '',
    issuingBody: p.issuingBody ?? '',
    number: p.number ?? '',
    symbolSuffix: p.symbolSuffix ?? '',
    place: p.place ?? '',
    date: p.date,
    title: p.title,
    periodStart: p.periodStart,
    periodDue: p.periodDue,
    deployDue: p.deployDue,
    recipients: p.recipients.join('\n'),
    closing: p.closing ?? '',
  };
}

/** The server's path of a problem → the field of this form it belongs to ("recipients.2" → "recipients"). */
const fieldOf = (path: string) => path.split('.')[0];

/** Correct the header of a plan: number and symbol, place and date, title, bodies, period, recipients, closing. */
export function PlanEditModal({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const update = useUpdatePlan(plan.id);
  const [d, setD] = useState<Draft>(() => draftOf(plan));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [corrected, setCorrected] = useState<string[]>([]);
  const set = (change: Partial<Draft>) => {
    setD((x) => ({ ...x, ...change }));
    setCorrected((c) => [...new Set([...c, ...Object.keys(change)])]);
  };

  const serverError = update.error instanceof ApiError ? update.error : null;
  const fe = (field: string): string | undefined => {
    if (corrected.includes(field)) return undefined;
    if (local[field]) return local[field];
    const hit = serverError?.details.find((p) => fieldOf(p.path) === field);
    return hit ? fieldError(serverError, hit.path, lang) : undefined;
  };
  // Problems the form shows beside a field ("recipients.2" on the recipients).
  const shownPaths = [
    ...FIELDS,
    ...(serverError?.details.map((p) => p.path).filter((p) => FIELDS.includes(fieldOf(p))) ?? []),
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!d.title.trim()) found.title = t('common.required');
    if (d.periodStart && d.periodDue && d.periodStart > d.periodDue) found.periodDue = t('plans.edit.periodOrder');
    setLocal(found);
    setCorrected([]);
    if (Object.keys(found).length) return;
    const orNull = (s: string) => s.trim() || null;
    update.mutate(
      {
        superiorBody: orNull(d.superiorBody),
        issuingBody: orNull(d.issuingBody),
        number: orNull(d.number),
        symbolSuffix: orNull(d.symbolSuffix),
        place: orNull(d.place),
        date: d.date,
        title: d.title.trim(),
        periodStart: d.periodStart,
        periodDue: d.periodDue,
        deployDue: d.deployDue,
        recipients: d.recipients
          .split('\n')
          .map((r) => r.trim())
          .filter(Boolean),
        closing: orNull(d.closing),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('plans.edit.saved') });
          onClose();
        },
      },
    );
  };

  const date = (key: 'date' | 'periodStart' | 'periodDue' | 'deployDue') => ({
    value: d[key],
    onChange: (v: unknown) => set({ [key]: isoOf(v) }),
    error: fe(key),
    valueFormat: DATE_FORMAT,
    placeholder: 'dd/mm/yyyy',
    clearable: true,
  });
  const text = (key: Exclude<keyof Draft, 'date' | 'periodStart' | 'periodDue' | 'deployDue'>) => ({
    value: d[key],
    onChange: (e: { currentTarget: { value: string } }) => set({ [key]: e.currentTarget.value }),
    error: fe(key),
  });

  return (
    <Modal opened onClose={onClose} title={t('plans.edit.title')} size="lg" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="plan-edit-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('plans.edit.fields.superiorBody')} {...text('superiorBody')} />
            <TextInput label={t('plans.edit.fields.issuingBody')} {...text('issuingBody')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm">
            <TextInput label={t('plans.edit.fields.number')} placeholder="45" {...text('number')} />
            <TextInput label={t('plans.edit.fields.symbolSuffix')} placeholder="ĐUK" {...text('symbolSuffix')} />
            <TextInput label={t('plans.edit.fields.place')} {...text('place')} />
            <DateInput label={t('plans.edit.fields.date')} {...date('date')} />
          </SimpleGrid>
          <Textarea
            label={t('plans.edit.fields.title')}
            autosize
            minRows={2}
            required
            {...text('title')}
            data-testid="plan-edit-title"
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <DateInput label={t('plans.edit.fields.periodStart')} {...date('periodStart')} />
            <DateInput label={t('plans.edit.fields.periodDue')} {...date('periodDue')} />
            <DateInput label={t('plans.edit.fields.deployDue')} {...date('deployDue')} />
          </SimpleGrid>
          <Textarea
            label={t('plans.edit.fields.recipients')}
            description={t('plans.edit.fields.recipientsHint')}
            autosize
            minRows={3}
            {...text('recipients')}
          />
          <Textarea label={t('plans.edit.fields.closing')} autosize minRows={2} {...text('closing')} />
          <FormActions
            error={update.error}
            fields={shownPaths}
            busy={update.isPending}
            onCancel={onClose}
            submitLabel={t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Delete the plan after a confirmation; the server refuses while sub-plans derive from it, and says so here. */
function DeletePlanButton({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeletePlan(plan.id);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="light"
        color="red"
        leftSection={<IconTrash size={16} />}
        onClick={() => setOpen(true)}
        data-testid="plan-delete"
      >
        {t('plans.edit.delete')}
      </Button>
      <Modal
        opened={open}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
        title={t('common.confirmTitle')}
        centered
      >
        <Stack gap="sm" data-testid="plan-delete-confirm">
          <Text size="sm">{t('plans.edit.deleteConfirm', { title: plan.title })}</Text>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    setOpen(false);
                    notifications.show({ color: 'green', message: t('plans.edit.deleted') });
                    void navigate({ to: '/plans' });
                  },
                })
              }
            >
              {t('plans.edit.deleteSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The plan page's buttons for plans.manage: correct the header, add an activity, delete the plan. */
export function PlanManageButtons({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconPencil size={16} />}
        onClick={() => setEditing(true)}
        data-testid="plan-edit"
      >
        {t('plans.edit.button')}
      </Button>
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        onClick={() => setAdding(true)}
        data-testid="activity-add"
      >
        {t('plans.edit.activity.add')}
      </Button>
      <DeletePlanButton plan={plan} />
      {editing ? <PlanEditModal plan={plan} onClose={() => setEditing(false)} /> : null}
      {adding ? <ActivityEditModal plan={plan} activity={null} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
