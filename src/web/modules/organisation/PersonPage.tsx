import { useState, type FormEvent } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Popover,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { UnitLink } from './links.tsx';
import type {
  LinkAccountInput,
  PositionInput,
  UpdatePositionInput,
} from '../../../server/modules/organisation/schema.ts';
import { api } from '../../app/api.ts';
import type { AccountPage } from '../accounts/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT, formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError, onlyFieldProblems } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import {
  bi,
  isoOf,
  todayIso,
  useInvalidateOrganisation,
  useMeta,
  usePerson,
  type PersonDetail,
  type Position,
} from './api.ts';
import { Section } from './UnitPage.tsx';
import { DeletePersonButton, PersonFormModal, useCanManagePeople } from './PersonForm.tsx';
import { UnitPicker } from './UnitPicker.tsx';

function Field({ label, value }: { label: string; value: string | number | null | undefined }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value || '—'}
      </Text>
    </div>
  );
}

function AddPosition({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const invalidate = useInvalidateOrganisation();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/people/${person.id}/positions`, {
        method: 'POST',
        body: { unitId: unitId ?? '', title: title.trim(), validFrom: isoOf(from) } satisfies PositionInput,
      });
      await invalidate();
      notifications.show({ color: 'green', message: t('organisation.person.positionAdded') });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fe = (p: string) => fieldError(error, p, i18n.language);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="add-position">
      <Stack gap="sm">
        {error && !onlyFieldProblems(error, ['unitId', 'title', 'validFrom']) ? <ErrorAlert error={error} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <UnitPicker
            label={t('organisation.person.positionUnit')}
            value={unitId}
            onChange={(id) => setUnitId(id)}
            error={fe('unitId')}
            required
          />
          <TextInput
            label={t('organisation.person.positionTitle')}
            placeholder={t('organisation.person.titlePlaceholder')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fe('title')}
            required
          />
          <DateInput
            label={t('organisation.person.from')}
            placeholder="dd/mm/yyyy"
            valueFormat={DATE_FORMAT}
            value={from}
            onChange={setFrom}
            error={fe('validFrom')}
            clearable
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('organisation.person.addPosition')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EndPosition({ position }: { position: Position }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateOrganisation();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<string | null>(todayIso());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/positions/${position.id}`, {
        method: 'PATCH',
        body: { validTo: isoOf(to) } satisfies UpdatePositionInput,
      });
      await invalidate();
      setOpen(false);
      notifications.show({ color: 'green', message: t('organisation.person.positionEnded') });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popover opened={open} onChange={setOpen} withArrow trapFocus position="bottom-end" width={260}>
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setOpen((o) => !o)}>
          {t('organisation.person.endPosition')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <DateInput
            label={t('organisation.person.to')}
            valueFormat={DATE_FORMAT}
            value={to}
            onChange={setTo}
            popoverProps={{ withinPortal: false }}
          />
          <ErrorAlert error={error} />
          <Button size="xs" onClick={() => void end()} loading={busy}>
            {t('organisation.person.endPosition')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function LinkAccount({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateOrganisation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [userId, setUserId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const accounts = useQuery({
    queryKey: ['accounts', 'list', { q, page: 1, picker: true }],
    queryFn: ({ signal }) =>
      api<AccountPage>('/api/accounts', {
        query: { q, pageSize: 20 },
        signal,
      }),
  });
  const save = async (id: string | null) => {
    setError(null);
    try {
      await api(`/api/people/${person.id}/account`, { method: 'PUT', body: { userId: id } satisfies LinkAccountInput });
      await invalidate();
      notifications.show({ color: 'green', message: t('organisation.person.accountSaved') });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Stack gap="xs" mt="sm">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          style={{ flex: '1 1 220px' }}
          size="sm"
          label={t('organisation.person.linkAccount')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          data={(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.displayName} (${a.username})` }))}
          value={userId}
          onChange={setUserId}
        />
        <Button size="sm" variant="light" disabled={!userId} onClick={() => void save(userId)}>
          {t('organisation.person.link')}
        </Button>
        {person.accounts.length > 0 ? (
          <Button size="sm" variant="subtle" color="gray" onClick={() => void save(null)}>
            {t('organisation.person.unlink')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}

export function PersonPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const auth = useAuth();
  const meta = useMeta();
  const { personId } = useParams({ strict: false }) as { personId: string };
  const person = usePerson(personId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const mayManagePeople = useCanManagePeople();

  if (!auth.can('organisation.read')) return <NoPermission />;
  if (person.isPending) return <CenterLoader />;
  if (person.error) return <ErrorAlert error={person.error} />;
  const p = person.data;
  const canEdit = auth.can('unit.edit');
  // a person outside the reader's units is not theirs to edit or delete (the server refuses it too)
  const canManage = mayManagePeople && !p.limited;
  const gender = p.gender ? bi(meta.data?.genders.find((g) => g.code === p.gender)?.label, lang) : null;
  const current = p.positions.filter((x) => !x.validTo || x.validTo > todayIso());
  const past = p.positions.filter((x) => x.validTo && x.validTo <= todayIso());

  const positionRow = (x: Position, ended: boolean) => (
    <Group
      key={x.id}
      justify="space-between"
      align="flex-start"
      gap={6}
      py={6}
      wrap="nowrap"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="position-row"
    >
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} c={ended ? 'dimmed' : undefined}>
          {x.title}
        </Text>
        <UnitLink id={x.unitId} size="xs">
          {x.unitName}
        </UnitLink>
        <Text size="xs" c="dimmed">
          {x.validFrom ? formatDate(x.validFrom) : '…'} –{' '}
          {x.validTo ? formatDate(x.validTo) : t('organisation.unit.now')}
        </Text>
      </div>
      {canEdit && !ended ? <EndPosition position={x} /> : null}
    </Group>
  );

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/people" size="sm">
        ‹ {t('organisation.people.title')}
      </Anchor>
      <Stack gap={4}>
        <Title order={2} fz={{ base: 22, sm: 28 }} data-testid="person-name">
          {p.fullName}
        </Title>
        <Group gap={6}>
          {p.titles.map((title) => (
            <Badge key={title} variant="light" color="partyRed" tt="none" style={{ maxWidth: '100%' }}>
              {title}
            </Badge>
          ))}
        </Group>
        {canManage ? (
          <Group gap="xs" mt={4} wrap="wrap">
            <Button size="sm" variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              {t('organisation.person.edit')}
            </Button>
            <DeletePersonButton person={p} />
          </Group>
        ) : null}
      </Stack>
      {editing ? <PersonFormModal person={p} onClose={() => setEditing(false)} /> : null}
      <Section title={t('organisation.unit.details')} testId="person-details">
        {p.limited ? (
          <Text size="sm" c="dimmed" mb="sm" data-testid="person-limited">
            {t('organisation.person.limited')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
          <Field label={t('organisation.person.gender')} value={gender} />
          {p.limited ? null : (
            <>
              <Field label={t('organisation.person.birthYear')} value={p.birthYear} />
              <Field label={t('organisation.person.partyJoinedOn')} value={formatDate(p.partyJoinedOn)} />
              <Field label={t('organisation.person.partyUnit')} value={p.partyUnitName} />
              <Field label={t('organisation.fields.phone')} value={p.phone} />
              <Field label={t('organisation.fields.email')} value={p.email} />
              {p.address ? <Field label={t('organisation.fields.address')} value={p.address} /> : null}
              {p.note ? <Field label={t('organisation.fields.note')} value={p.note} /> : null}
            </>
          )}
        </SimpleGrid>
      </Section>
      <Section
        title={t('organisation.person.positions')}
        testId="person-positions"
        actions={
          canEdit && !adding ? (
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              {t('organisation.person.addPosition')}
            </Button>
          ) : null
        }
      >
        {adding ? <AddPosition person={p} onDone={() => setAdding(false)} /> : null}
        {p.positions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('organisation.person.noPositions')}
          </Text>
        ) : null}
        {current.map((x) => positionRow(x, false))}
        {past.length > 0 ? (
          <Text size="xs" fw={600} c="dimmed" mt="sm">
            {t('organisation.person.pastPositions')}
          </Text>
        ) : null}
        {past.map((x) => positionRow(x, true))}
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('organisation.person.inChargeOf')} testId="person-in-charge">
          {p.inChargeOf.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('organisation.person.noInCharge')}
            </Text>
          ) : (
            <Stack gap={4}>
              {p.inChargeOf.map((ic) => (
                <UnitLink key={ic.id} id={ic.unitId} size="sm">
                  {ic.unitName}
                </UnitLink>
              ))}
            </Stack>
          )}
        </Section>
        {p.limited ? null : (
          <Section title={t('organisation.person.accounts')} testId="person-accounts">
            {p.accounts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('organisation.person.noAccount')}
              </Text>
            ) : (
              <Stack gap={4}>
                {p.accounts.map((a) => (
                  <Text key={a.id} size="sm">
                    {auth.can('accounts.read') ? (
                      <Anchor component={Link} to="/accounts" size="sm">
                        {a.displayName}
                      </Anchor>
                    ) : (
                      a.displayName
                    )}{' '}
                    <Text span size="sm" c="dimmed" ff="monospace">
                      ({a.username})
                    </Text>
                  </Text>
                ))}
              </Stack>
            )}
            {auth.can('accounts.manage') ? <LinkAccount person={p} /> : null}
          </Section>
        )}
      </SimpleGrid>
    </Stack>
  );
}
