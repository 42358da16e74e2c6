import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlus, IconUserPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { useAuth, useMe } from '../../app/auth.tsx';
import { ErrorAlert, fieldError, useErrorText } from '../../ui/errors.tsx';
import { UnitName } from '../organisation/UnitName.tsx';
import { type Entry, type Tournament, type TournamentEvent, useDecideEntry, useEntries, useMakeEntry } from './api.ts';
import { type Picked, PersonSelect } from './PersonSelect.tsx';
import { EventSelect, useChosenEvent } from './shared.tsx';

const statusColor = { submitted: 'yellow', confirmed: 'green', returned: 'red' } as const;

/** How many people an entry of the event names: one, a pair, or a team's squad. */
const slotsOf = (e: TournamentEvent | undefined) =>
  !e ? 1 : e.kind === 'TEAM' ? (e.tieFormat?.rosterMin ?? 4) : e.kind.endsWith('S') ? 1 : 2;

/** A grassroots unit enters its own people: the event, then each player, found by name. */
function EntryForm({ tournament, unitIds }: { tournament: Tournament; unitIds: string[] }) {
  const { t, i18n } = useTranslation();
  const make = useMakeEntry(tournament.id);
  const open = tournament.events.filter((e) => !e.drawn);
  const [eventId, setEventId] = useState<string | null>(open[0]?.id ?? null);
  const [unitId, setUnitId] = useState<string | null>(unitIds[0] ?? null);
  const event = open.find((e) => e.id === eventId);
  const [players, setPlayers] = useState<(Picked | null)[]>(() => Array(slotsOf(event)).fill(null));
  const [missing, setMissing] = useState<string | null>(null);
  const personProblems =
    make.error instanceof ApiError
      ? make.error.details
          .filter((d) => d.path === 'personIds')
          .map((d) => (i18n.language === 'en' ? d.messages.en : d.messages.vi))
      : [];
  const otherError =
    make.error && !(make.error instanceof ApiError && make.error.details.length > 0) ? make.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    make.reset();
    const chosen = players.filter((p): p is Picked => p !== null);
    if (!eventId || !unitId || chosen.length === 0) {
      setMissing(t('tournament.entry.pickSomeone'));
      return;
    }
    setMissing(null);
    make.mutate(
      { eventId, unitId, personIds: chosen.map((p) => p.id) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('tournament.entry.sent') });
          setPlayers(Array(slotsOf(event)).fill(null));
        },
      },
    );
  };
  if (open.length === 0) return <Text c="dimmed">{t('tournament.entry.noOpenEvent')}</Text>;
  const problem = missing ?? (personProblems.length === 1 ? personProblems[0] : undefined);
  return (
    <Paper withBorder p="md" bg="white" maw={560} data-testid="entry-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4}>{t('tournament.entry.formTitle')}</Title>
          {unitIds.length > 1 ? (
            <Select
              label={t('tournament.entry.unit')}
              data={unitIds.map((u) => ({ value: u, label: u }))}
              renderOption={({ option }) => <UnitName id={option.value} />}
              value={unitId}
              onChange={setUnitId}
              allowDeselect={false}
            />
          ) : (
            <Text size="sm">
              {t('tournament.entry.unit')}: <b>{unitId ? <UnitName id={unitId} /> : null}</b>
            </Text>
          )}
          <Select
            label={t('tournament.entry.event')}
            data={open.map((e) => ({ value: e.id, label: e.name }))}
            value={eventId}
            onChange={(v) => {
              setEventId(v);
              const next = open.find((e) => e.id === v);
              setPlayers(Array(slotsOf(next)).fill(null));
              make.reset();
            }}
            allowDeselect={false}
            error={fieldError(make.error, 'eventId', i18n.language)}
            data-testid="entry-event"
          />
          {players.map((p, i) => (
            <PersonSelect
              key={i}
              label={t('tournament.entry.player', { n: i + 1 })}
              unitId={unitId}
              value={p}
              onChange={(v) => {
                setPlayers(players.map((x, j) => (j === i ? v : x)));
                make.reset();
                setMissing(null);
              }}
              error={i === players.length - 1 ? problem : undefined}
              data-testid="entry-player"
            />
          ))}
          {personProblems.length > 1 ? (
            <List size="sm" c="red" data-testid="entry-problems">
              {personProblems.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          ) : null}
          {event?.kind === 'TEAM' && players.length < (event.tieFormat?.rosterMax ?? 12) ? (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setPlayers([...players, null])}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('tournament.entry.addPlayer')}
            </Button>
          ) : null}
          {otherError ? <ErrorAlert error={otherError} /> : null}
          <Button
            type="submit"
            loading={make.isPending}
            leftSection={<IconUserPlus size={16} />}
            fullWidth
            data-testid="entry-submit"
          >
            {t('tournament.entry.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function EntryCard({ tournament, entry, manage }: { tournament: Tournament; entry: Entry; manage: boolean }) {
  const { t } = useTranslation();
  const decide = useDecideEntry(tournament.id);
  const errorText = useErrorText();
  const [seed, setSeed] = useState<number | string>('');
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const run = (decision: 'confirm' | 'return') =>
    decide.mutate(
      {
        entryId: entry.id,
        decision,
        reason: decision === 'return' ? reason : '',
        seed: decision === 'confirm' && seed !== '' ? Number(seed) : null,
      },
      {
        onSuccess: () => {
          setReturning(false);
          notifications.show({
            color: 'green',
            message: decision === 'confirm' ? t('tournament.entry.confirmed') : t('tournament.entry.returned'),
          });
        },
        onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
      },
    );
  return (
    <Card withBorder bg="white" padding="sm" data-testid="entry-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{entry.players.map((p) => p.name).join(' / ')}</Text>
          <Text size="sm" c="dimmed">
            {entry.unit.shortName ?? entry.unit.name}
          </Text>
        </div>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {entry.seed ? <Badge variant="outline">{t('tournament.entry.seedBadge', { n: entry.seed })}</Badge> : null}
          <Badge color={statusColor[entry.status]} variant="light" data-testid="entry-status">
            {t(`tournament.entry.status.${entry.status}`)}
          </Badge>
        </Group>
      </Group>
      {entry.returnReason ? (
        <Text size="sm" c="red" mt={4}>
          {t('tournament.entry.reasonShown', { reason: entry.returnReason })}
        </Text>
      ) : null}
      {manage && entry.status !== 'returned' && !returning ? (
        <Group gap="xs" mt="xs" align="flex-end">
          {entry.status === 'submitted' ? (
            <>
              <NumberInput
                label={t('tournament.entry.seed')}
                min={1}
                max={64}
                value={seed}
                onChange={setSeed}
                w={100}
                size="xs"
                data-testid="entry-seed"
              />
              <Button
                size="xs"
                color="green"
                leftSection={<IconCheck size={14} />}
                loading={decide.isPending}
                onClick={() => run('confirm')}
                data-testid="entry-confirm"
              >
                {t('tournament.entry.confirm')}
              </Button>
            </>
          ) : null}
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconX size={14} />}
            onClick={() => setReturning(true)}
            data-testid="entry-return"
          >
            {t('tournament.entry.return')}
          </Button>
        </Group>
      ) : null}
      {returning ? (
        <Stack gap="xs" mt="xs">
          <Textarea
            label={t('tournament.entry.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="entry-reason"
          />
          <Group gap="xs" justify="flex-end">
            <Button size="xs" variant="default" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              color="red"
              loading={decide.isPending}
              disabled={!reason.trim()}
              onClick={() => run('return')}
            >
              {t('tournament.entry.returnConfirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Card>
  );
}

export function EntriesTab({ tournament, manage }: { tournament: Tournament; manage: boolean }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const me = useMe();
  const entries = useEntries(tournament.id);
  const event = useChosenEvent(tournament);
  const unitIds = auth.can('tournament.enter')
    ? [...new Set(me.grants.map((g) => g.unitId).filter((u): u is string => u !== null))]
    : [];
  if (tournament.events.length === 0) return <Text c="dimmed">{t('tournament.event.none')}</Text>;
  const mine = entries.data?.items.filter((e) => e.eventId === event?.id) ?? [];
  return (
    <Stack gap="md">
      {unitIds.length > 0 ? <EntryForm tournament={tournament} unitIds={unitIds} /> : null}
      <div>
        <EventSelect tournament={tournament} event={event} />
        {entries.isPending ? (
          <Text c="dimmed">{t('common.loading')}</Text>
        ) : entries.error ? (
          <ErrorAlert error={entries.error} />
        ) : mine.length === 0 ? (
          <Text c="dimmed">{t('tournament.entry.none')}</Text>
        ) : (
          <Stack gap="xs" data-testid="entry-list">
            {event?.drawn ? (
              <Alert color="gray" variant="light">
                {t('tournament.entry.fixed')}
              </Alert>
            ) : null}
            {mine.map((e) => (
              <EntryCard key={e.id} tournament={tournament} entry={e} manage={manage && !event?.drawn} />
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
