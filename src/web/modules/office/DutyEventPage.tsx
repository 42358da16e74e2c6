import { type FormEvent, useState } from 'react';
import { Button, Card, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type DutyEventDetail, useBookDuty, useDutyEvent, useDutyStaff, useOfficeLive, useRemoveDuty } from './api.ts';
import { momentOf, spanLabel } from './dutyTime.ts';

const FIELDS = ['personId', 'duties', 'place', 'startsAt', 'endsAt'];

/** One event's duty roster: who serves, where, when, doing what; the Office books and removes people, downloads the .xlsx. */
export function DutyEventPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const phone = useMediaQuery('(max-width: 36em)');
  const { eventId } = useParams({ strict: false }) as { eventId: string };
  const detail = useDutyEvent(eventId);
  const remove = useRemoveDuty();
  useOfficeLive();
  if (!auth.can('office.read')) return <NoPermission />;
  if (detail.isPending) return <CenterLoader />;
  if (detail.error) return <ErrorAlert error={detail.error} />;
  const { event: e, duties } = detail.data;
  const manage = auth.can('office.duty');
  const removeButton = (id: string, name: string) =>
    manage ? (
      <ConfirmButton
        size="xs"
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={14} />}
        question={t('office.duty.removeQuestion', { name })}
        confirmLabel={t('office.duty.remove')}
        onConfirm={() => remove.mutate(id)}
      >
        {t('office.duty.remove')}
      </ConfirmButton>
    ) : null;
  return (
    <>
      <PageHeader
        title={e.title}
        description={`${spanLabel(e.startsAt, e.endsAt)} · ${e.place}`}
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            component="a"
            href={`/api/office/duty/events/${e.id}/roster.xlsx`}
            data-testid="duty-roster-xlsx"
          >
            {t('office.duty.rosterXlsx')}
          </Button>
        }
      />
      {e.activity ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('office.duty.forActivity', { title: e.activity.title })}
        </Text>
      ) : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <Title order={3} size="h4" mb="xs">
        {t('office.duty.roster', { count: e.staff })}
      </Title>
      {duties.length === 0 ? (
        <Text c="dimmed" mb="md">
          {t('office.duty.noStaff')}
        </Text>
      ) : phone ? (
        <Stack gap="sm" mb="md" data-testid="duty-roster">
          {duties.map((d) => (
            <Card withBorder key={d.id} padding="sm">
              <Text fw={600}>{d.person.name}</Text>
              <Text size="xs" c="dimmed">
                {[d.positionTitle, d.unit.name].filter(Boolean).join(', ')}
              </Text>
              <Text size="sm" mt={4}>
                {d.duties}
              </Text>
              <Text size="sm">{spanLabel(d.startsAt, d.endsAt)}</Text>
              <Text size="sm" c="dimmed">
                {d.place}
              </Text>
              {removeButton(d.id, d.person.name)}
            </Card>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={720} mb="md">
          <Table striped verticalSpacing="xs" data-testid="duty-roster">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('office.duty.person')}</Table.Th>
                <Table.Th>{t('office.duty.duties')}</Table.Th>
                <Table.Th>{t('office.duty.when')}</Table.Th>
                <Table.Th>{t('office.duty.place')}</Table.Th>
                {manage ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {duties.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {d.person.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[d.positionTitle, d.unit.name].filter(Boolean).join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{d.duties}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{spanLabel(d.startsAt, d.endsAt)}</Table.Td>
                  <Table.Td>{d.place}</Table.Td>
                  {manage ? <Table.Td>{removeButton(d.id, d.person.name)}</Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manage ? <BookForm event={detail.data.event} /> : null}
    </>
  );
}

function BookForm({ event }: { event: DutyEventDetail['event'] }) {
  const { t, i18n } = useTranslation();
  const day = event.startsAt.slice(0, 10);
  const staff = useDutyStaff(day);
  const book = useBookDuty(event.id);
  const [personId, setPersonId] = useState<string | null>(null);
  const [duties, setDuties] = useState('');
  const [place, setPlace] = useState('');
  const [from, setFrom] = useState(event.startsAt.slice(11, 16));
  const [to, setTo] = useState(event.endsAt.slice(11, 16));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fe = (path: string) => missing[path] ?? fieldError(book.error, path, i18n.language);
  const sameDay = event.startsAt.slice(0, 10) === event.endsAt.slice(0, 10);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!personId) found.personId = t('common.required');
    if (!duties.trim()) found.duties = t('common.required');
    setMissing(found);
    if (Object.keys(found).length) return;
    // on a one-day event the times may be narrowed; across days the event's own span is kept
    const startsAt = sameDay ? momentOf(day, from) : null;
    const endsAt = sameDay ? momentOf(day, to) : null;
    book.mutate(
      {
        personId: personId!,
        duties: duties.trim(),
        place: place.trim(),
        startsAt: startsAt && startsAt !== event.startsAt ? startsAt : null,
        endsAt: endsAt && endsAt !== event.endsAt ? endsAt : null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('office.duty.booked') });
          setPersonId(null);
          setDuties('');
          setPlace('');
        },
      },
    );
  };

  const groups = new Map<string, { value: string; label: string }[]>();
  for (const s of staff.data?.items ?? []) {
    const list = groups.get(s.unit.name) ?? [];
    if (!list.some((x) => x.value === s.personId)) list.push({ value: s.personId, label: `${s.name} — ${s.title}` });
    groups.set(s.unit.name, list);
  }
  const seen = new Set<string>();
  const data = [...groups.entries()].map(([group, items]) => ({
    group,
    items: items.filter((i) => !seen.has(i.value) && seen.add(i.value)),
  }));

  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('office.duty.book')}
          </Title>
          <Select
            label={t('office.duty.person')}
            required
            searchable
            data={data}
            value={personId}
            onChange={setPersonId}
            error={fe('personId')}
            nothingFoundMessage={t('office.duty.noOne')}
            data-testid="duty-person"
          />
          <Textarea
            label={t('office.duty.duties')}
            required
            autosize
            minRows={2}
            value={duties}
            onChange={(e) => setDuties(e.currentTarget.value)}
            error={fe('duties')}
            data-testid="duty-duties"
          />
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <TextInput
              label={t('office.duty.placeOverride')}
              placeholder={event.place}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
              error={fe('place')}
              style={{ flex: '2 1 220px' }}
            />
            {sameDay ? (
              <>
                <TextInput
                  placeholder="HH:mm"
                  maxLength={5}
                  inputMode="numeric"
                  label={t('office.duty.from')}
                  value={from}
                  onChange={(e) => setFrom(e.currentTarget.value)}
                  error={fe('startsAt')}
                  style={{ flex: '1 1 100px' }}
                  data-testid="duty-from"
                />
                <TextInput
                  placeholder="HH:mm"
                  maxLength={5}
                  inputMode="numeric"
                  label={t('office.duty.to')}
                  value={to}
                  onChange={(e) => setTo(e.currentTarget.value)}
                  error={fe('endsAt')}
                  style={{ flex: '1 1 100px' }}
                  data-testid="duty-to"
                />
              </>
            ) : null}
          </Group>
          <FormActions
            error={book.error}
            fields={FIELDS}
            busy={book.isPending}
            onCancel={() => book.reset()}
            submitLabel={t('office.duty.book')}
          />
        </Stack>
      </form>
    </Card>
  );
}
