import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CreatePersonInput, UpdatePersonInput } from '../../../server/modules/organisation/schema.ts';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT } from '../../app/format.ts';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { bi, isoOf, useInvalidateOrganisation, useMeta, type PersonDetail } from './api.ts';
import { UnitPicker } from './UnitPicker.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

/** Who may add, correct or delete people (the server still decides record by record). */
export function useCanManagePeople(): boolean {
  const auth = useAuth();
  return auth.can('organisation.manage') || auth.can('unit.edit');
}

type Draft = {
  fullName: string;
  gender: string | null;
  birthYear: number | string;
  partyJoinedOn: string | null;
  partyUnitId: string | null;
  phone: string;
  email: string;
  address: string;
  note: string;
};

const fields = ['fullName', 'gender', 'birthYear', 'partyJoinedOn', 'partyUnitId', 'phone', 'email', 'address', 'note'];

function draftOf(person: PersonDetail | null, unitId: string | null): Draft {
  return {
    fullName: person?.fullName ?? '',
    gender: person?.gender ?? null,
    birthYear: person?.birthYear ?? '',
    partyJoinedOn: person?.partyJoinedOn ?? null,
    partyUnitId: person ? person.partyUnitId : unitId,
    phone: person?.phone ?? '',
    email: person?.email ?? '',
    address: person?.address ?? '',
    note: person?.note ?? '',
  };
}

/** Add a person, or correct one's details. */
export function PersonFormModal({
  person = null,
  unitId = null,
  onClose,
}: {
  person?: PersonDetail | null;
  unitId?: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phone = useMediaQuery('(max-width: 36em)');
  const meta = useMeta();
  const navigate = useNavigate();
  const invalidate = useInvalidateOrganisation();
  const [d, setD] = useState<Draft>(() => draftOf(person, unitId));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Fields changed since the server answered: their old message no longer applies.
  const [corrected, setCorrected] = useState<string[]>([]);
  const set = (change: Partial<Draft>) => {
    setD((x) => ({ ...x, ...change }));
    setCorrected((c) => [...new Set([...c, ...Object.keys(change)])]);
  };
  const creating = person === null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCorrected([]);
    const body = {
      fullName: d.fullName.trim(),
      gender: (d.gender as 'male' | 'female' | null) ?? null,
      birthYear: typeof d.birthYear === 'number' ? d.birthYear : null,
      partyJoinedOn: isoOf(d.partyJoinedOn),
      partyUnitId: d.partyUnitId,
      phone: d.phone.trim() || null,
      email: d.email.trim() || null,
      address: d.address.trim() || null,
      note: d.note.trim() || null,
    } satisfies CreatePersonInput & UpdatePersonInput;
    try {
      const saved = creating
        ? await api<PersonDetail>('/api/people', { method: 'POST', body })
        : await api<PersonDetail>(`/api/people/${person.id}`, { method: 'PATCH', body });
      await invalidate();
      notifications.show({
        color: 'green',
        message: creating ? t('organisation.person.created') : t('organisation.person.saved'),
      });
      onClose();
      if (creating) await navigate({ to: '/people/$personId', params: { personId: saved.id } });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fe = (path: string) => (corrected.includes(path) ? undefined : fieldError(error, path, lang));
  const genderOptions = (meta.data?.genders ?? []).map((g) => ({ value: g.code, label: bi(g.label, lang) }));

  return (
    <Modal
      opened
      onClose={onClose}
      title={creating ? t('organisation.person.create') : t('organisation.person.edit')}
      size="lg"
      fullScreen={phone}
    >
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="person-form">
        <Stack gap="sm">
          <TextInput
            label={t('organisation.person.fullName')}
            placeholder={t('organisation.person.fullNamePlaceholder')}
            value={d.fullName}
            onChange={(e) => set({ fullName: e.currentTarget.value })}
            error={fe('fullName')}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <Select
              label={t('organisation.person.gender')}
              data={genderOptions}
              value={d.gender}
              onChange={(gender) => set({ gender })}
              error={fe('gender')}
              clearable
            />
            <NumberInput
              label={t('organisation.person.birthYear')}
              placeholder="1975"
              value={d.birthYear}
              onChange={(birthYear) => set({ birthYear })}
              min={1900}
              max={2100}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={false}
              hideControls
              error={fe('birthYear')}
            />
            <DateInput
              label={t('organisation.person.partyJoinedOn')}
              placeholder="dd/mm/yyyy"
              valueFormat={DATE_FORMAT}
              value={d.partyJoinedOn}
              onChange={(partyJoinedOn) => set({ partyJoinedOn })}
              error={fe('partyJoinedOn')}
              clearable
            />
          </SimpleGrid>
          <UnitPicker
            label={t('organisation.person.partyUnit')}
            value={d.partyUnitId}
            onChange={(partyUnitId) => set({ partyUnitId })}
            error={fe('partyUnitId')}
            clearable
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
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
          </SimpleGrid>
          <TextInput
            label={t('organisation.fields.address')}
            value={d.address}
            onChange={(e) => set({ address: e.currentTarget.value })}
            error={fe('address')}
          />
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
            submitLabel={creating ? t('organisation.person.createSubmit') : t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Delete a person after a confirmation that names them. */
export function DeletePersonButton({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateOrganisation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/people/${person.id}`, { method: 'DELETE' });
      setOpen(false);
      notifications.show({ color: 'green', message: t('organisation.person.deleted', { name: person.fullName }) });
      await navigate({ to: '/people' });
      await invalidate();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="sm" variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setOpen(true)}>
        {t('organisation.person.delete')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('common.confirmTitle')}
        data-testid="person-delete-confirm"
      >
        <Stack gap="sm">
          <Text size="sm">{t('organisation.person.deleteConfirm', { name: person.fullName })}</Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void remove()}>
              {t('organisation.person.deleteSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
