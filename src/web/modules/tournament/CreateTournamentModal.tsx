import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Group, Modal, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../../app/format.ts';
import { fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { isoOf } from '../organisation/api.ts';
import { useCreateTournament } from './api.ts';

type Hours = { day: string | null; from: string; to: string };
type Court = { name: string; hours: Hours[] };

const FIELDS = ['code', 'name', 'venue', 'startsOn', 'endsOn', 'entryDeadline', 'restMinutes', 'courts'];

/** Setting up a tournament: its dates, venue, entry deadline and courts with their hours per day. */
export function CreateTournamentModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const navigate = useNavigate();
  const create = useCreateTournament();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [venue, setVenue] = useState('');
  const [startsOn, setStartsOn] = useState<string | null>(null);
  const [endsOn, setEndsOn] = useState<string | null>(null);
  const [deadline, setDeadline] = useState<string | null>(null);
  const [rest, setRest] = useState<number | string>(20);
  const [courts, setCourts] = useState<Court[]>([
    { name: t('tournament.create.courtName', { n: 1 }), hours: [{ day: null, from: '07:00', to: '11:30' }] },
  ]);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fe = (path: string) => missing[path] ?? fieldError(create.error, path, i18n.language);

  const setCourt = (i: number, c: Court) => setCourts(courts.map((x, j) => (j === i ? c : x)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    for (const [k, v] of Object.entries({ code, name, venue, startsOn, endsOn, entryDeadline: deadline }))
      if (!v) found[k] = t('common.required');
    if (courts.some((c) => c.hours.some((h) => !h.day))) found.courts = t('tournament.create.hoursDay');
    setMissing(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      {
        code: code.trim(),
        name: name.trim(),
        venue: venue.trim(),
        startsOn: startsOn!,
        endsOn: endsOn!,
        entryDeadline: deadline!,
        restMinutes: Number(rest) || 0,
        courts: courts.map((c) => ({ name: c.name.trim(), hours: c.hours.map((h) => ({ ...h, day: h.day! })) })),
      },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'green', message: t('tournament.create.done') });
          onClose();
          void navigate({ to: '/tournaments/$tournamentId', params: { tournamentId: created.id } });
        },
      },
    );
  };
  const date = (label: string, value: string | null, set: (v: string | null) => void, path: string) => (
    <DateInput
      label={label}
      required
      valueFormat={DATE_FORMAT}
      placeholder="dd/mm/yyyy"
      value={value}
      onChange={(v) => set(isoOf(v))}
      error={fe(path)}
      style={{ flex: '1 1 140px' }}
      data-testid={`tournament-${path}`}
    />
  );
  return (
    <Modal opened onClose={onClose} title={t('tournament.create.title')} size="lg" fullScreen={!!phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <TextInput
              label={t('tournament.create.code')}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fe('code')}
              style={{ flex: '1 1 140px' }}
              data-testid="tournament-code"
            />
            <TextInput
              label={t('tournament.create.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fe('name')}
              style={{ flex: '3 1 240px' }}
              data-testid="tournament-name"
            />
          </Group>
          <TextInput
            label={t('tournament.create.venue')}
            required
            value={venue}
            onChange={(e) => setVenue(e.currentTarget.value)}
            error={fe('venue')}
            data-testid="tournament-venue"
          />
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            {date(
              t('tournament.create.startsOn'),
              startsOn,
              (v) => {
                setStartsOn(v);
                // The first day's opening hours follow the first day until a day is chosen for them.
                setCourts((all) =>
                  all.map((c) => ({ ...c, hours: c.hours.map((h) => (h.day ? h : { ...h, day: v })) })),
                );
              },
              'startsOn',
            )}
            {date(t('tournament.create.endsOn'), endsOn, setEndsOn, 'endsOn')}
            {date(t('tournament.create.deadline'), deadline, setDeadline, 'entryDeadline')}
          </Group>
          <NumberInput
            label={t('tournament.create.rest')}
            min={0}
            max={240}
            value={rest}
            onChange={setRest}
            error={fe('restMinutes')}
            maw={320}
          />
          <Text fw={600} size="sm">
            {t('tournament.create.courts')}
          </Text>
          {fe('courts') ? (
            <Text c="red" size="sm">
              {fe('courts')}
            </Text>
          ) : null}
          {courts.map((c, i) => (
            <Paper key={i} withBorder p="sm" data-testid="court-row">
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('tournament.create.court')}
                  value={c.name}
                  onChange={(e) => setCourt(i, { ...c, name: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('tournament.create.removeCourt')}
                  disabled={courts.length === 1}
                  onClick={() => setCourts(courts.filter((_, j) => j !== i))}
                  mb={4}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              {c.hours.map((h, k) => (
                <Group key={k} gap="xs" mt="xs" align="flex-end" wrap="wrap">
                  <DateInput
                    label={k === 0 ? t('tournament.create.day') : undefined}
                    aria-label={t('tournament.create.day')}
                    valueFormat={DATE_FORMAT}
                    placeholder="dd/mm/yyyy"
                    value={h.day}
                    onChange={(v) =>
                      setCourt(i, { ...c, hours: c.hours.map((x, j) => (j === k ? { ...x, day: isoOf(v) } : x)) })
                    }
                    style={{ flex: '1 1 130px' }}
                    data-testid="court-day"
                  />
                  <TextInput
                    type="time"
                    label={k === 0 ? t('tournament.create.from') : undefined}
                    aria-label={t('tournament.create.from')}
                    value={h.from}
                    onChange={(e) => {
                      const from = e.currentTarget.value;
                      setCourt(i, { ...c, hours: c.hours.map((x, j) => (j === k ? { ...x, from } : x)) });
                    }}
                    w={110}
                  />
                  <TextInput
                    type="time"
                    label={k === 0 ? t('tournament.create.to') : undefined}
                    aria-label={t('tournament.create.to')}
                    value={h.to}
                    onChange={(e) => {
                      const to = e.currentTarget.value;
                      setCourt(i, { ...c, hours: c.hours.map((x, j) => (j === k ? { ...x, to } : x)) });
                    }}
                    w={110}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('tournament.create.removeHours')}
                    disabled={c.hours.length === 1}
                    onClick={() => setCourt(i, { ...c, hours: c.hours.filter((_, j) => j !== k) })}
                    mb={4}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="subtle"
                size="xs"
                mt="xs"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  setCourt(i, { ...c, hours: [...c.hours, { ...c.hours[c.hours.length - 1]!, day: null }] })
                }
              >
                {t('tournament.create.addHours')}
              </Button>
            </Paper>
          ))}
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() =>
              setCourts([
                ...courts,
                {
                  name: t('tournament.create.courtName', { n: courts.length + 1 }),
                  hours: courts[courts.length - 1]!.hours.map((h) => ({ ...h })),
                },
              ])
            }
            data-testid="court-add"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('tournament.create.addCourt')}
          </Button>
          <FormActions
            error={create.error}
            fields={FIELDS}
            busy={create.isPending}
            onCancel={onClose}
            submitLabel={t('tournament.create.submit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
