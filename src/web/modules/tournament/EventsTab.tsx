import { useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { eventKindLabels, eventKinds, type EventKind } from '../../../common/tournament/entries.ts';
import { type ScoringId, scoringIds, scoringRules } from '../../../common/tournament/scoring.ts';
import { type RubberKind, rubberKinds, rubbersToWin } from '../../../common/tournament/teams.ts';
import { fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { type Tournament, type TournamentEvent, useAddEvent } from './api.ts';
import { useBilingual } from './shared.tsx';

const FIELDS = [
  'code',
  'name',
  'kind',
  'category',
  'category.age',
  'format',
  'scoring',
  'groupCount',
  'qualifiersPerGroup',
  'thirdPlace',
  'tieFormat',
  'tieFormat.rubbers',
  'tieFormat.rosterMin',
  'tieFormat.rosterMax',
];

/** The tie of the federation's team events: two men's singles, a women's singles, a men's and a mixed doubles. */
const DEFAULT_RUBBERS: RubberKind[] = ['MS', 'WS', 'MD', 'XD', 'MS'];

function AddEventModal({ tournament, onClose }: { tournament: Tournament; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const label = useBilingual();
  const phone = useMediaQuery('(max-width: 36em)');
  const add = useAddEvent(tournament.id);
  const [kind, setKind] = useState<EventKind>('MS');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [category, setCategory] = useState<'open' | 'over' | 'leaders'>('open');
  const [age, setAge] = useState<number | string>(35);
  const [format, setFormat] = useState<'knockout' | 'groups' | 'groups_knockout'>('knockout');
  const [groupCount, setGroupCount] = useState<number | string>(2);
  const [qualifiers, setQualifiers] = useState<number | string>(2);
  const [scoring, setScoring] = useState<ScoringId>('bo3-21');
  const [thirdPlace, setThirdPlace] = useState<'playoff' | 'shared'>('shared');
  const [rubbers, setRubbers] = useState<RubberKind[]>(DEFAULT_RUBBERS);
  const [playAll, setPlayAll] = useState(false);
  const [singlesAndDoubles, setSinglesAndDoubles] = useState(true);
  const [rosterMin, setRosterMin] = useState<number | string>(4);
  const [rosterMax, setRosterMax] = useState<number | string>(8);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const fe = (p: string) => missing[p] ?? fieldError(add.error, p, i18n.language);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!code.trim()) found.code = t('common.required');
    if (!name.trim()) found.name = t('common.required');
    setMissing(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(
      {
        code: code.trim(),
        name: name.trim(),
        kind,
        category: category === 'over' ? { kind: 'over', age: Number(age) } : { kind: category },
        format,
        scoring,
        groupCount: format !== 'knockout' ? Number(groupCount) || 1 : null,
        qualifiersPerGroup: format === 'groups_knockout' ? Number(qualifiers) || 1 : null,
        thirdPlace,
        tieFormat:
          kind === 'TEAM'
            ? {
                rubbers,
                playAll,
                playerRubbers: singlesAndDoubles ? 'singles_and_doubles' : 'one',
                rosterMin: Number(rosterMin) || 1,
                rosterMax: Number(rosterMax) || 1,
              }
            : null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('tournament.event.added') });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('tournament.event.addTitle')} size="lg" fullScreen={!!phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t('tournament.event.kind')}
            required
            data={eventKinds.map((k) => ({ value: k, label: label(eventKindLabels[k]) }))}
            value={kind}
            onChange={(v) => {
              const k = (v ?? 'MS') as EventKind;
              setKind(k);
              if (!name) setName(label(eventKindLabels[k]));
            }}
            allowDeselect={false}
            error={fe('kind')}
            data-testid="event-kind"
          />
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <TextInput
              label={t('tournament.event.code')}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fe('code')}
              style={{ flex: '1 1 120px' }}
              data-testid="event-code"
            />
            <TextInput
              label={t('tournament.event.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fe('name')}
              style={{ flex: '3 1 220px' }}
              data-testid="event-name"
            />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('tournament.event.category')}
            </Text>
            <Group gap="sm" align="center">
              <SegmentedControl
                value={category}
                onChange={(v) => setCategory(v as typeof category)}
                data={[
                  { value: 'open', label: t('tournament.event.categories.open') },
                  { value: 'over', label: t('tournament.event.categories.over') },
                  { value: 'leaders', label: t('tournament.event.categories.leaders') },
                ]}
              />
              {category === 'over' ? (
                <NumberInput
                  aria-label={t('tournament.event.age')}
                  min={18}
                  max={90}
                  value={age}
                  onChange={setAge}
                  w={90}
                  error={fe('category.age')}
                />
              ) : null}
            </Group>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('tournament.event.format')}
            </Text>
            <Group gap="sm" align="center">
              <SegmentedControl
                value={format}
                onChange={(v) => setFormat(v as typeof format)}
                data={[
                  { value: 'knockout', label: t('tournament.event.formats.knockout') },
                  { value: 'groups', label: t('tournament.event.formats.groups') },
                  { value: 'groups_knockout', label: t('tournament.event.formats.groups_knockout') },
                ]}
              />
              {format !== 'knockout' ? (
                <NumberInput
                  label={t('tournament.event.groupCount')}
                  min={1}
                  max={64}
                  value={groupCount}
                  onChange={setGroupCount}
                  w={120}
                  error={fe('groupCount')}
                />
              ) : null}
              {format === 'groups_knockout' ? (
                <NumberInput
                  label={t('tournament.event.qualifiersPerGroup')}
                  min={1}
                  max={4}
                  value={qualifiers}
                  onChange={setQualifiers}
                  w={160}
                  error={fe('qualifiersPerGroup')}
                />
              ) : null}
            </Group>
          </Stack>
          {kind === 'TEAM' ? (
            <Card withBorder padding="sm" data-testid="tie-format">
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  {t('tournament.tie.format')}
                </Text>
                {rubbers.map((r, i) => (
                  <Group key={i} gap="xs" wrap="nowrap">
                    <Text size="sm" w={70}>
                      {t('tournament.tie.rubber', { n: i + 1 })}
                    </Text>
                    <Select
                      aria-label={t('tournament.tie.rubber', { n: i + 1 })}
                      data={rubberKinds.map((k) => ({ value: k, label: label(eventKindLabels[k]) }))}
                      value={r}
                      onChange={(v) => setRubbers(rubbers.map((x, j) => (j === i ? ((v ?? 'MS') as RubberKind) : x)))}
                      allowDeselect={false}
                      style={{ flex: 1 }}
                      data-testid={`tie-rubber-${i + 1}`}
                    />
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      disabled={rubbers.length <= 1}
                      onClick={() => setRubbers(rubbers.filter((_, j) => j !== i))}
                    >
                      {t('tournament.tie.removeRubber')}
                    </Button>
                  </Group>
                ))}
                {rubbers.length < 9 ? (
                  <Button
                    variant="subtle"
                    size="xs"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => setRubbers([...rubbers, 'MS'])}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('tournament.tie.addRubber')}
                  </Button>
                ) : null}
                <Text size="sm" c={rubbers.length % 2 === 0 ? 'red' : 'dimmed'} data-testid="tie-needed">
                  {rubbers.length % 2 === 0
                    ? fe('tieFormat.rubbers') || t('tournament.tie.odd')
                    : t('tournament.tie.needed', { n: rubbersToWin({ rubbers }), of: rubbers.length })}
                </Text>
                {fe('tieFormat.rubbers') && rubbers.length % 2 === 1 ? (
                  <Text size="sm" c="red">
                    {fe('tieFormat.rubbers')}
                  </Text>
                ) : null}
                <Switch
                  label={t('tournament.tie.playAll')}
                  checked={playAll}
                  onChange={(e) => setPlayAll(e.currentTarget.checked)}
                />
                <Switch
                  label={t('tournament.tie.singlesAndDoubles')}
                  description={t('tournament.tie.singlesAndDoublesHint')}
                  checked={singlesAndDoubles}
                  onChange={(e) => setSinglesAndDoubles(e.currentTarget.checked)}
                />
                <Group grow>
                  <NumberInput
                    label={t('tournament.tie.rosterMin')}
                    min={1}
                    max={20}
                    value={rosterMin}
                    onChange={setRosterMin}
                    error={fe('tieFormat.rosterMin')}
                    data-testid="tie-roster-min"
                  />
                  <NumberInput
                    label={t('tournament.tie.rosterMax')}
                    min={1}
                    max={20}
                    value={rosterMax}
                    onChange={setRosterMax}
                    error={fe('tieFormat.rosterMax')}
                    data-testid="tie-roster-max"
                  />
                </Group>
              </Stack>
            </Card>
          ) : null}
          <Select
            label={t('tournament.event.scoring')}
            data={scoringIds.map((s) => ({ value: s, label: label(scoringRules[s].label) }))}
            value={scoring}
            onChange={(v) => setScoring((v ?? 'bo3-21') as ScoringId)}
            allowDeselect={false}
            error={fe('scoring')}
          />
          <Switch
            label={t('tournament.event.thirdPlayoff')}
            description={t('tournament.event.thirdShared')}
            checked={thirdPlace === 'playoff'}
            onChange={(e) => setThirdPlace(e.currentTarget.checked ? 'playoff' : 'shared')}
          />
          <FormActions
            error={add.error}
            fields={FIELDS}
            busy={add.isPending}
            onCancel={onClose}
            submitLabel={t('tournament.event.submit')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function EventCard({ event }: { event: TournamentEvent }) {
  const { t } = useTranslation();
  const label = useBilingual();
  return (
    <Card bg="white" withBorder data-testid="event-card" data-code={event.code}>
      <Text size="xs" c="dimmed" fw={600}>
        {event.code}
      </Text>
      <Text fw={600}>{event.name}</Text>
      <Group gap={6} mt={6} style={{ rowGap: 4 }}>
        <Badge variant="light">{label(event.kindLabel)}</Badge>
        <Badge variant="light" color="grape">
          {label(event.categoryLabel)}
        </Badge>
        <Badge variant="light" color="gray">
          {t(`tournament.event.formats.${event.format}`)}
          {event.format !== 'knockout' && event.groupCount ? ` · ${event.groupCount}` : ''}
          {event.format === 'groups_knockout' && event.qualifiersPerGroup
            ? ` · ${t('tournament.event.goOn', { n: event.qualifiersPerGroup })}`
            : ''}
        </Badge>
        {event.drawn ? (
          <Badge color="green" variant="light">
            {t('tournament.event.drawn')}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mt={6}>
        {label(scoringRules[event.scoring].label)} ·{' '}
        {event.thirdPlace === 'playoff' ? t('tournament.event.thirdPlayoff') : t('tournament.event.thirdSharedShort')}
      </Text>
      {event.tieFormat ? (
        <Text size="sm" mt={4} data-testid="event-tie-format">
          {event.tieFormat.rubbers.map((k) => k).join(' · ')} ·{' '}
          {t('tournament.tie.needed', {
            n: rubbersToWin(event.tieFormat),
            of: event.tieFormat.rubbers.length,
          })}{' '}
          · {t('tournament.tie.roster', { min: event.tieFormat.rosterMin, max: event.tieFormat.rosterMax })}
        </Text>
      ) : null}
      <Text size="sm" mt={4}>
        {t('tournament.event.entryCounts', {
          submitted: event.entries.submitted,
          confirmed: event.entries.confirmed,
          returned: event.entries.returned,
        })}
      </Text>
    </Card>
  );
}

export function EventsTab({ tournament, manage }: { tournament: Tournament; manage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Stack gap="md">
      {manage ? (
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setAdding(true)}
          style={{ alignSelf: 'flex-start' }}
          data-testid="event-add"
        >
          {t('tournament.event.add')}
        </Button>
      ) : null}
      {tournament.events.length === 0 ? (
        <Text c="dimmed">{t('tournament.event.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {tournament.events.map((e) => (
            <EventCard key={e.id} event={e} />
          ))}
        </SimpleGrid>
      )}
      <Text size="sm" c="dimmed">
        {t('tournament.courts', { list: tournament.courts.map((c) => c.name).join(', ') })}
      </Text>
      {adding ? <AddEventModal tournament={tournament} onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}
