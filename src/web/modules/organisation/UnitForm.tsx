import { useState, type FormEvent } from 'react';
import { Divider, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { DATE_FORMAT } from '../../app/format.ts';
import { fieldError } from '../../ui/errors.tsx';
import { bi, isoOf, useGroupSets, useInvalidateOrganisation, useMeta, type UnitDetail } from './api.ts';
import { UnitPicker } from './UnitPicker.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

type Draft = {
  code: string;
  name: string;
  shortName: string;
  kind: string | null;
  parentId: string | null;
  address: string;
  phone: string;
  email: string;
  website: string;
  taxCode: string;
  workers: number | string;
  note: string;
  validFrom: string | null;
  documentNumber: string;
  documentDate: string | null;
  groups: Record<string, string | null>;
};

const fields = [
  'code',
  'name',
  'shortName',
  'kind',
  'parentId',
  'address',
  'phone',
  'email',
  'website',
  'taxCode',
  'workers',
  'note',
  'validFrom',
  'documentNumber',
  'documentDate',
  'groupIds',
];

function draftOf(unit: UnitDetail | null, parentId: string | null): Draft {
  return {
    code: unit?.code ?? '',
    name: unit?.name ?? '',
    shortName: unit?.shortName ?? '',
    kind: unit?.kind ?? null,
    parentId: unit?.parentId ?? parentId,
    address: unit?.address ?? '',
    phone: unit?.phone ?? '',
    email: unit?.email ?? '',
    website: unit?.website ?? '',
    taxCode: unit?.taxCode ?? '',
    workers: unit?.workers ?? '',
    note: unit?.note ?? '',
    validFrom: null,
    documentNumber: '',
    documentDate: null,
    groups: Object.fromEntries((unit?.groups ?? []).map((g) => [g.setId, g.groupId])),
  };
}

/** Found a unit (with the deciding document) or correct one's details. */
export function UnitFormModal({
  unit = null,
  parentId = null,
  onClose,
}: {
  unit?: UnitDetail | null;
  parentId?: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const meta = useMeta();
  const groupSets = useGroupSets();
  const navigate = useNavigate();
  const invalidate = useInvalidateOrganisation();
  const [d, setD] = useState<Draft>(() => draftOf(unit, parentId));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Draft>) => setD((x) => ({ ...x, ...change }));
  const creating = unit === null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const common = {
      code: d.code.trim(),
      name: d.name.trim(),
      shortName: d.shortName.trim() || null,
      kind: d.kind ?? undefined,
      address: d.address.trim() || null,
      phone: d.phone.trim() || null,
      email: d.email.trim() || null,
      website: d.website.trim() || null,
      taxCode: d.taxCode.trim() || null,
      workers: typeof d.workers === 'number' ? d.workers : null,
      note: d.note.trim() || null,
      groupIds: Object.values(d.groups).filter((g): g is string => !!g),
    };
    try {
      const saved = creating
        ? await api<UnitDetail>('/api/units', {
            method: 'POST',
            body: {
              ...common,
              parentId: d.parentId,
              validFrom: isoOf(d.validFrom) ?? undefined,
              documentNumber: d.documentNumber.trim() || null,
              documentDate: isoOf(d.documentDate),
            },
          })
        : await api<UnitDetail>(`/api/units/${unit.id}`, { method: 'PATCH', body: common });
      await invalidate();
      notifications.show({
        color: 'green',
        message: creating ? t('organisation.unit.created') : t('organisation.unit.saved'),
      });
      onClose();
      if (creating) await navigate({ to: '/units/$unitId', params: { unitId: saved.id } });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fe = (path: string) => fieldError(error, path, lang);
  const kindOptions = (meta.data?.kinds ?? []).map((k) => ({ value: k.code, label: bi(k.label, lang) }));

  return (
    <Modal
      opened
      onClose={onClose}
      title={creating ? t('organisation.unit.create') : t('organisation.unit.edit')}
      size="lg"
      fullScreen={phone}
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="unit-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('organisation.fields.code')}
              value={d.code}
              onChange={(e) => set({ code: e.currentTarget.value })}
              error={fe('code')}
              required
            />
            <Select
              label={t('organisation.fields.kind')}
              data={kindOptions}
              value={d.kind}
              onChange={(kind) => set({ kind })}
              error={fe('kind')}
              allowDeselect={false}
              required
            />
          </SimpleGrid>
          <TextInput
            label={t('organisation.fields.name')}
            value={d.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={fe('name')}
            required
          />
          {!creating ? (
            <Text size="xs" c="dimmed" mt={-6}>
              {t('organisation.unit.nameHint')}
            </Text>
          ) : null}
          <TextInput
            label={t('organisation.fields.shortName')}
            value={d.shortName}
            onChange={(e) => set({ shortName: e.currentTarget.value })}
            error={fe('shortName')}
          />
          {creating ? (
            <>
              <UnitPicker
                label={t('organisation.fields.parent')}
                value={d.parentId}
                onChange={(parentId) => set({ parentId })}
                error={fe('parentId')}
              />
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                <DateInput
                  label={t('organisation.fields.validFrom')}
                  placeholder="dd/mm/yyyy"
                  valueFormat={DATE_FORMAT}
                  value={d.validFrom}
                  onChange={(validFrom) => set({ validFrom })}
                  error={fe('validFrom')}
                  clearable
                />
                <TextInput
                  label={t('organisation.fields.documentNumber')}
                  placeholder="09-ĐA/TU"
                  value={d.documentNumber}
                  onChange={(e) => set({ documentNumber: e.currentTarget.value })}
                  error={fe('documentNumber')}
                />
                <DateInput
                  label={t('organisation.fields.documentDate')}
                  placeholder="dd/mm/yyyy"
                  valueFormat={DATE_FORMAT}
                  value={d.documentDate}
                  onChange={(documentDate) => set({ documentDate })}
                  error={fe('documentDate')}
                  clearable
                />
              </SimpleGrid>
            </>
          ) : null}
          <Divider label={t('organisation.unit.contacts')} labelPosition="left" />
          <TextInput
            label={t('organisation.fields.address')}
            value={d.address}
            onChange={(e) => set({ address: e.currentTarget.value })}
            error={fe('address')}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              label={t('organisation.fields.phone')}
              value={d.phone}
              onChange={(e) => set({ phone: e.currentTarget.value })}
              error={fe('phone')}
            />
            <TextInput
              label={t('organisation.fields.email')}
              value={d.email}
              onChange={(e) => set({ email: e.currentTarget.value })}
              error={fe('email')}
            />
            <TextInput
              label={t('organisation.fields.website')}
              value={d.website}
              onChange={(e) => set({ website: e.currentTarget.value })}
              error={fe('website')}
            />
          </SimpleGrid>
          <Divider label={t('organisation.unit.enterprise')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('organisation.fields.taxCode')}
              value={d.taxCode}
              onChange={(e) => set({ taxCode: e.currentTarget.value })}
              error={fe('taxCode')}
            />
            <NumberInput
              label={t('organisation.fields.workers')}
              value={d.workers}
              onChange={(workers) => set({ workers })}
              min={0}
              thousandSeparator={lang === 'en' ? ',' : '.'}
              decimalSeparator={lang === 'en' ? '.' : ','}
              allowDecimal={false}
              error={fe('workers')}
            />
            {(groupSets.data?.items ?? []).map((s) => (
              <Select
                key={s.id}
                label={s.name}
                data={s.groups.map((g) => ({ value: g.id, label: g.name }))}
                value={d.groups[s.id] ?? null}
                onChange={(g) => set({ groups: { ...d.groups, [s.id]: g } })}
                clearable
              />
            ))}
          </SimpleGrid>
          {fe('groupIds') ? (
            <Text size="sm" c="red">
              {fe('groupIds')}
            </Text>
          ) : null}
          <Textarea
            label={t('organisation.fields.note')}
            value={d.note}
            onChange={(e) => set({ note: e.currentTarget.value })}
            error={fe('note')}
            autosize
            minRows={2}
          />
          <FormActions
            error={error}
            fields={fields}
            busy={busy}
            onCancel={onClose}
            submitLabel={creating ? t('organisation.unit.createSubmit') : t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
