import { type FormEvent, useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarUser, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT } from '../../app/format.ts';
import { fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { ListPage } from '../../ui/ListPage.tsx';
import { isoOf } from '../organisation/api.ts';
import { type DutyEvent, useCreateDutyEvent, useDutyEvents, useOfficeLive } from './api.ts';
import { momentOf, spanLabel } from './dutyTime.ts';

const FIELDS = ['title', 'place', 'startsAt', 'endsAt', 'planActivityId', 'notes'];

function EventLink({ e }: { e: DutyEvent }) {
  return (
    <Anchor
      renderRoot={(props) => <Link {...props} to="/office/duty/$eventId" params={{ eventId: e.id }} />}
      fw={600}
      data-testid="duty-event-link"
    >
      {e.title}
    </Anchor>
  );
}

/** The events the Office staffs, in time order, each with how many people serve; the Office adds one. */
export function DutyPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const phone = useMediaQuery('(max-width: 36em)');
  const list = useDutyEvents();
  const [adding, setAdding] = useState(false);
  useOfficeLive();
  if (!auth.can('office.read')) return <NoPermission />;
  const staffBadge = (e: DutyEvent) => (
    <Badge color={e.staff ? 'green' : 'orange'} variant="light">
      {e.staff ? t('office.duty.staffCount', { count: e.staff }) : t('office.duty.noStaff')}
    </Badge>
  );
  return (
    <ListPage
      title={t('office.duty.title')}
      description={t('office.duty.description')}
      actions={
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconCalendarUser size={16} />}
            renderRoot={(props) => <Link {...props} to="/office/duty/mine" />}
          >
            {t('office.duty.mine')}
          </Button>
          {auth.can('office.duty') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="duty-add-event">
              {t('office.duty.addEvent')}
            </Button>
          ) : null}
        </Group>
      }
      query={list}
      empty={t('office.duty.empty')}
      after={adding ? <EventModal onClose={() => setAdding(false)} /> : null}
    >
      {(items) =>
        phone ? (
          <Stack gap="sm" data-testid="duty-events">
            {items.map((e) => (
              <Card withBorder key={e.id} padding="sm">
                <EventLink e={e} />
                <Text size="sm">{spanLabel(e.startsAt, e.endsAt)}</Text>
                <Text size="sm" c="dimmed">
                  {e.place}
                </Text>
                <Group mt={4}>{staffBadge(e)}</Group>
              </Card>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="duty-events">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('office.duty.event')}</Table.Th>
                  <Table.Th>{t('office.duty.when')}</Table.Th>
                  <Table.Th>{t('office.duty.place')}</Table.Th>
                  <Table.Th>{t('office.duty.activity')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('office.duty.staff')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <EventLink e={e} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{spanLabel(e.startsAt, e.endsAt)}</Table.Td>
                    <Table.Td>{e.place}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {e.activity?.title ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{staffBadge(e)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </ListPage>
  );
}

function EventModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const create = useCreateDutyEvent();
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [day, setDay] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [endDay, setEndDay] = useState<string | null>(null);
  const [to, setTo] = useState('');
  const [notes, setNotes] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fe = (path: string) => missing[path] ?? fieldError(create.error, path, i18n.language);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const startsAt = momentOf(day, from);
    const endsAt = momentOf(endDay ?? day, to);
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('common.required');
    if (!place.trim()) found.place = t('common.required');
    if (!startsAt) found.startsAt = t('common.required');
    if (!endsAt) found.endsAt = t('common.required');
    setMissing(found);
    if (Object.keys(found).length) return;
    create.mutate(
      { title: title.trim(), place: place.trim(), startsAt: startsAt!, endsAt: endsAt!, notes: notes.trim() },
      {
        onSuccess: (d) => {
          notifications.show({ color: 'green', message: t('office.duty.eventAdded') });
          onClose();
          void navigate({ to: '/office/duty/$eventId', params: { eventId: d.event.id } });
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('office.duty.addEvent')} size="lg" fullScreen={!!phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('office.duty.event')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fe('title')}
            data-testid="duty-event-title"
          />
          <TextInput
            label={t('office.duty.place')}
            required
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={fe('place')}
            data-testid="duty-event-place"
          />
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <DateInput
              label={t('office.duty.startDay')}
              required
              valueFormat={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              value={day}
              onChange={(v) => setDay(isoOf(v))}
              error={fe('startsAt')}
              style={{ flex: '1 1 140px' }}
              data-testid="duty-event-day"
            />
            <TextInput
              placeholder="HH:mm"
              maxLength={5}
              inputMode="numeric"
              label={t('office.duty.from')}
              required
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              style={{ flex: '1 1 100px' }}
              data-testid="duty-event-from"
            />
            <DateInput
              label={t('office.duty.endDay')}
              valueFormat={DATE_FORMAT}
              placeholder={t('office.duty.sameDay')}
              value={endDay}
              onChange={(v) => setEndDay(isoOf(v))}
              clearable
              style={{ flex: '1 1 140px' }}
            />
            <TextInput
              placeholder="HH:mm"
              maxLength={5}
              inputMode="numeric"
              label={t('office.duty.to')}
              required
              value={to}
              onChange={(e) => setTo(e.currentTarget.value)}
              error={fe('endsAt')}
              style={{ flex: '1 1 100px' }}
              data-testid="duty-event-to"
            />
          </Group>
          <Textarea
            label={t('office.duty.notes')}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <FormActions
            error={create.error}
            fields={FIELDS}
            busy={create.isPending}
            onCancel={onClose}
            submitLabel={t('office.duty.addEvent')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
