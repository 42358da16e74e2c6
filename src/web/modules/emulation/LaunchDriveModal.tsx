import { useState, type FormEvent } from 'react';
import {
  Checkbox,
  Group,
  Input,
  Loader,
  Modal,
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
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { DATE_FORMAT, formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { isoOf } from '../organisation/api.ts';
import { UnitMultiPicker, type PickedUnit } from '../organisation/UnitMultiPicker.tsx';
import { allGrassrootsUnits, useCampaignTemplates, useCreateDrive } from './api.ts';

type Draft = {
  code: string;
  name: string;
  theme: string;
  start: string | null;
  end: string | null;
  launchNumber: string;
  launchDate: string | null;
  templateId: string | null;
  registrationDue: string | null;
  allGrassroots: boolean;
  others: PickedUnit[];
};

const FIELDS = [
  'code',
  'name',
  'theme',
  'start',
  'end',
  'launchNumber',
  'launchDate',
  'templateId',
  'registrationDue',
  'participantIds',
];
const empty: Draft = {
  code: '',
  name: '',
  theme: '',
  start: null,
  end: null,
  launchNumber: '',
  launchDate: null,
  templateId: null,
  registrationDue: null,
  allGrassroots: true,
  others: [],
};

/**
 * Launching a drive (phát động phong trào): its name and theme, the period, the launching document,
 * the campaign template through which units report their results, the registration deadline and the
 * participants — every grassroots Party organisation at once, and any other unit picked by name.
 */
export function LaunchDriveModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const create = useCreateDrive();
  const templates = useCampaignTemplates();
  const [d, setD] = useState<Draft>(empty);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<string[]>([]);
  // The grassroots units valid on the drive's first day (today's tree until a start is chosen).
  const grassroots = useQuery({
    queryKey: ['emulation', 'grassroots-units', d.start],
    queryFn: () => allGrassrootsUnits(d.start),
    enabled: d.allGrassroots,
    staleTime: 5 * 60_000,
  });

  const set = (change: Partial<Draft>) => {
    setD((x) => ({ ...x, ...change }));
    setTouched((c) => [...new Set([...c, ...Object.keys(change)])]);
  };
  const serverError = create.error instanceof ApiError ? create.error : null;
  // A code already taken is the code field's problem, though the server answers it as a conflict.
  const codeTaken = serverError?.code === 'DRIVE_CODE_TAKEN' ? serverError.text(lang) : undefined;
  const fe = (field: string) => {
    if (touched.includes(field === 'participantIds' ? 'others' : field)) return undefined;
    if (local[field]) return local[field];
    if (field === 'code' && codeTaken) return codeTaken;
    return fieldError(serverError, field, lang);
  };

  const participantIds = [
    ...new Set([...(d.allGrassroots ? (grassroots.data ?? []).map((u) => u.id) : []), ...d.others.map((u) => u.id)]),
  ];

  const chooseTemplate = (id: string | null) => {
    const tpl = templates.data?.find((x) => x.id === id);
    set({
      templateId: id,
      ...(tpl?.campaign && !d.start && !d.end ? { start: tpl.campaign.start, end: tpl.campaign.end } : {}),
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!d.code.trim()) found.code = t('common.required');
    if (!d.name.trim()) found.name = t('common.required');
    if (!d.start) found.start = t('common.required');
    if (!d.end) found.end = t('common.required');
    if (d.start && d.end && d.end < d.start) found.end = t('emulation.launch.endBeforeStart');
    if (d.allGrassroots && grassroots.isPending) found.participantIds = t('emulation.launch.unitsLoading');
    setLocal(found);
    setTouched([]);
    if (Object.keys(found).length) return;
    create.mutate(
      {
        code: d.code.trim(),
        name: d.name.trim(),
        theme: d.theme.trim(),
        start: d.start!,
        end: d.end!,
        launchNumber: d.launchNumber.trim() || null,
        launchDate: d.launchDate,
        templateId: d.templateId,
        registrationDue: d.registrationDue,
        participantIds,
      },
      {
        onSuccess: (drive) => {
          notifications.show({ color: 'green', message: t('emulation.launch.done', { name: drive.name }) });
          onClose();
          void navigate({ to: '/emulation/$driveId', params: { driveId: drive.id } });
        },
      },
    );
  };

  const date = (key: 'start' | 'end' | 'launchDate' | 'registrationDue') => ({
    value: d[key],
    onChange: (v: unknown) => set({ [key]: isoOf(v) }),
    error: fe(key),
    valueFormat: DATE_FORMAT,
    placeholder: 'dd/mm/yyyy',
    clearable: key !== 'start' && key !== 'end',
    name: key,
  });

  const templateOptions = (templates.data ?? []).map((x) => ({
    value: x.id,
    label: `${x.code} — ${x.name}${x.campaign ? ` (${formatDate(x.campaign.start)}–${formatDate(x.campaign.end)})` : ''}`,
  }));

  return (
    <Modal opened onClose={onClose} title={t('emulation.launch.title')} size="xl" fullScreen={phone}>
      <form onSubmit={submit} noValidate data-testid="drive-form">
        <Stack gap="sm">
          <Textarea
            label={t('emulation.fields.name')}
            autosize
            minRows={2}
            required
            value={d.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={fe('name')}
            name="name"
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              label={t('emulation.fields.code')}
              placeholder="TD-15NAM"
              title={t('emulation.fields.codeHint')}
              required
              value={d.code}
              onChange={(e) => set({ code: e.currentTarget.value })}
              error={fe('code')}
              name="code"
            />
            <DateInput label={t('emulation.fields.start')} required {...date('start')} />
            <DateInput label={t('emulation.fields.end')} required {...date('end')} />
          </SimpleGrid>
          <Textarea
            label={t('emulation.fields.theme')}
            autosize
            minRows={2}
            maxRows={6}
            value={d.theme}
            onChange={(e) => set({ theme: e.currentTarget.value })}
            error={fe('theme')}
            name="theme"
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              label={t('emulation.fields.launchNumber')}
              placeholder="15-KH/ĐUK"
              value={d.launchNumber}
              onChange={(e) => set({ launchNumber: e.currentTarget.value })}
              error={fe('launchNumber')}
              name="launchNumber"
            />
            <DateInput label={t('emulation.fields.launchDate')} {...date('launchDate')} />
            <DateInput label={t('emulation.fields.registrationDue')} {...date('registrationDue')} />
          </SimpleGrid>
          <Select
            label={t('emulation.fields.template')}
            description={t('emulation.fields.templateHint')}
            placeholder={templates.isPending ? t('common.loading') : t('emulation.fields.templateNone')}
            data={templateOptions}
            value={d.templateId}
            onChange={chooseTemplate}
            clearable
            searchable
            nothingFoundMessage={t('emulation.fields.templateNothing')}
            error={fe('templateId') ?? (templates.error ? t('emulation.fields.templateError') : undefined)}
            name="templateId"
            data-testid="drive-template"
          />
          <Stack gap={6}>
            <Input.Label>{t('emulation.fields.participants')}</Input.Label>
            <Checkbox
              checked={d.allGrassroots}
              onChange={(e) => set({ allGrassroots: e.currentTarget.checked })}
              label={
                <Group gap={6} wrap="nowrap">
                  <span>{t('emulation.launch.allGrassroots')}</span>
                  {d.allGrassroots && grassroots.isFetching ? <Loader size={12} /> : null}
                </Group>
              }
              data-testid="drive-all-grassroots"
            />
            <UnitMultiPicker
              aria-label={t('emulation.launch.others')}
              label={t('emulation.launch.others')}
              value={d.others}
              onChange={(others) => set({ others })}
              data-testid="drive-other-units"
            />
            {grassroots.error ? <ErrorAlert error={grassroots.error} /> : null}
            <Text size="sm" c={fe('participantIds') ? 'red' : 'dimmed'} data-testid="drive-participant-count">
              {fe('participantIds') ??
                t('emulation.launch.chosen', {
                  count: participantIds.length,
                  n: formatNumber(participantIds.length, lang),
                })}
            </Text>
          </Stack>
          <FormActions
            error={codeTaken ? null : create.error}
            fields={FIELDS}
            busy={create.isPending}
            onCancel={onClose}
            submitLabel={t('emulation.launch.submit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
