import { type FormEvent, useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconMusic, IconPlus, IconUpload, IconX } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { audioDuration } from '../../../common/festival/audioDuration.ts';
import { useAuth, useMe } from '../../app/auth.tsx';
import { fileUrl, formatSize, MAX_UPLOAD_BYTES, type StoredFile, uploadFile } from '../../app/files.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError, onlyFieldProblems, useErrorText } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import type { Picked } from '../../ui/SearchSelect.tsx';
import { useUnit } from '../organisation/api.ts';
import { UnitName } from '../organisation/UnitName.tsx';
import { PersonSelect } from '../tournament/PersonSelect.tsx';
import { type Entry, useEntries, useFestival, useFestivalLive, useMakeEntry } from './api.ts';
import { MinutesSeconds, minutes } from './shared.tsx';

type Performance = 'solo' | 'duet' | 'group';
const seats: Record<Performance, number> = { solo: 1, duet: 2, group: 3 };
const FIELDS = [
  'unitId',
  'performance',
  'personIds',
  'song',
  'composer',
  'lyricist',
  'genre',
  'accompaniment',
  'backingTrackFileId',
  'declaredSeconds',
];

/** The units a unit officer may enter for: each unit of their grants, and the units right under it. */
function useEnterUnits(): { value: string; label: string }[] {
  const me = useMe();
  const roots = [...new Set(me.grants.map((g) => g.unitId).filter((u): u is string => u !== null))];
  const first = useUnit(roots[0] ?? null);
  const options = roots.map((id) => ({ value: id, label: id === first.data?.id ? first.data.name : id }));
  for (const c of first.data?.children ?? []) options.push({ value: c.id, label: c.name });
  return options;
}

/** The backing track: uploaded at once (the server checks it is audio), its length read here and by the server. */
function TrackPicker({
  value,
  seconds,
  onChange,
  error,
}: {
  value: StoredFile | null;
  seconds: number | null;
  onChange: (file: StoredFile | null, seconds: number | null) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const pick = async (file: File | null) => {
    if (!file) return;
    setProblem(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setProblem(t('festival.form.trackTooLarge'));
      return;
    }
    const length = audioDuration(new Uint8Array(await file.arrayBuffer()));
    if (!length) {
      setProblem(t('festival.form.trackUnreadable'));
      return;
    }
    setBusy(true);
    try {
      onChange(await uploadFile(file), Math.ceil(length.seconds));
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('festival.form.track')}
      </Text>
      {value ? (
        <Group gap="xs" wrap="nowrap" data-testid="track-chosen">
          <IconMusic size={18} />
          <Anchor href={fileUrl(value.id)} target="_blank" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {value.name}
          </Anchor>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatSize(value.size, i18n.language)}
            {seconds !== null ? ` · ${minutes(seconds)}` : ''}
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('festival.form.trackRemove')}
            onClick={() => onChange(null, null)}
          >
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ) : (
        <FileButton onChange={pick} accept="audio/mpeg,audio/mp4,audio/wav,audio/ogg,.mp3,.m4a,.aac,.wav,.ogg">
          {(props) => (
            <Button
              {...props}
              variant="light"
              leftSection={<IconUpload size={16} />}
              loading={busy}
              data-testid="track-add"
            >
              {t('festival.form.trackAdd')}
            </Button>
          )}
        </FileButton>
      )}
      <Text size="xs" c="dimmed">
        {t('festival.form.trackHint')}
      </Text>
      {problem || error ? (
        <Text size="sm" c="red" role="alert">
          {problem ?? error}
        </Text>
      ) : null}
    </Stack>
  );
}

/** An entry of the unit as the unit sees it: its state and, if returned, why. */
function MyEntry({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const color = entry.status === 'accepted' ? 'green' : entry.status === 'returned' ? 'red' : 'gray';
  return (
    <Card withBorder bg="white" padding="sm" data-testid="my-entry">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{entry.song}</Text>
          <Text size="sm" c="dimmed">
            {t(`festival.performance.${entry.performance}`)}: {entry.performers.map((p) => p.name).join(', ')}
          </Text>
          <Text size="sm" c="dimmed">
            {minutes(entry.declaredSeconds)}
            {entry.trackSeconds !== null
              ? ` · ${t('festival.form.trackLength', { d: minutes(entry.trackSeconds) })}`
              : ''}
          </Text>
        </div>
        <Badge color={color} variant="light" style={{ flex: 'none' }}>
          {t(`festival.entry.status.${entry.status}`)}
        </Badge>
      </Group>
      {entry.returnReason ? (
        <Text size="sm" c="red.8" mt={4} data-testid="return-reason">
          {t('festival.form.returned', { reason: entry.returnReason })}
        </Text>
      ) : null}
    </Card>
  );
}

/**
 * A grassroots unit enters its acts, on a phone: the unit, solo, duet or group, the performers
 * from its own people, the song and its authors, the accompaniment (a backing track is uploaded
 * and its length read), the declared duration. Below: the unit's entries and where they stand.
 */
export function EntryFormPage() {
  const { t, i18n } = useTranslation();
  const { festivalId } = useParams({ from: '/signed-in/festivals/$festivalId/enter' });
  const auth = useAuth();
  const festival = useFestival(festivalId);
  const entries = useEntries(festivalId);
  const make = useMakeEntry(festivalId);
  const units = useEnterUnits();
  useFestivalLive();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [performance, setPerformance] = useState<Performance>('solo');
  const [people, setPeople] = useState<(Picked | null)[]>([null]);
  const [song, setSong] = useState('');
  const [composer, setComposer] = useState('');
  const [lyricist, setLyricist] = useState('');
  const [genre, setGenre] = useState('');
  const [accompaniment, setAccompaniment] = useState<'live' | 'backing'>('live');
  const [track, setTrack] = useState<StoredFile | null>(null);
  const [trackSeconds, setTrackSeconds] = useState<number | null>(null);
  const [mins, setMins] = useState<number | string>(4);
  const [secs, setSecs] = useState<number | string>(0);
  if (!auth.can('festival.enter')) return <NoPermission />;
  if (festival.isPending) return <CenterLoader />;
  if (festival.error) return <ErrorAlert error={festival.error} />;
  const f = festival.data;
  // By default the first unit under the grant (the enterprise of a Party grassroots), else the grant's own.
  const unit = unitId ?? units[1]?.value ?? units[0]?.value ?? null;
  const lang = i18n.language;
  const err = (path: string) => fieldError(make.error, path, lang);
  const mine = (entries.data?.items ?? []).filter((e) => units.some((u) => u.value === e.unit.id));
  const active = mine.filter((e) => e.unit.id === unit && e.status !== 'returned').length;
  const closed = f.rounds.some((r) => r.kind === 'exchange' && r.status !== 'open');

  const choosePerformance = (p: Performance) => {
    setPerformance(p);
    const n = seats[p];
    setPeople((old) => (old.length >= n && p === 'group' ? old : [...old, ...Array(n).fill(null)].slice(0, n)));
    make.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!unit) return;
    make.mutate(
      {
        unitId: unit,
        performance,
        personIds: people.filter((p): p is Picked => p !== null).map((p) => p.id),
        song,
        composer,
        lyricist: lyricist.trim() || null,
        genre,
        accompaniment,
        backingTrackFileId: accompaniment === 'backing' ? (track?.id ?? null) : null,
        declaredSeconds: Number(mins || 0) * 60 + Number(secs || 0),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('festival.form.sent') });
          setPeople(Array(seats[performance]).fill(null));
          setSong('');
          setComposer('');
          setLyricist('');
          setTrack(null);
          setTrackSeconds(null);
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={620}>
      <Anchor renderRoot={(props) => <Link {...props} to="/festivals/$festivalId" params={{ festivalId }} />} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {f.name}
        </Group>
      </Anchor>
      <Title order={2}>{t('festival.form.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('festival.form.limit', { n: f.entriesPerUnit, used: active })}
      </Text>
      {closed ? (
        <Text c="red">{t('festival.form.closed')}</Text>
      ) : (
        <Paper withBorder p="md" bg="white" data-testid="festival-entry-form">
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              {units.length > 1 ? (
                <Select
                  label={t('festival.form.unit')}
                  data={units}
                  value={unit}
                  onChange={(v) => {
                    setUnitId(v);
                    setPeople(Array(seats[performance]).fill(null));
                  }}
                  allowDeselect={false}
                  error={err('unitId')}
                  data-testid="entry-unit"
                />
              ) : (
                <Text size="sm">
                  {t('festival.form.unit')}: <b>{unit ? <UnitName id={unit} /> : null}</b>
                </Text>
              )}
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('festival.form.performance')}
                </Text>
                <SegmentedControl
                  fullWidth
                  value={performance}
                  onChange={(v) => choosePerformance(v as Performance)}
                  data={(['solo', 'duet', 'group'] as const).map((p) => ({
                    value: p,
                    label: t(`festival.performance.${p}`),
                  }))}
                  data-testid="entry-performance"
                />
              </div>
              {people.map((p, i) => (
                <PersonSelect
                  key={`${performance}-${i}`}
                  label={t('festival.form.performer', { n: i + 1 })}
                  unitId={unit}
                  value={p}
                  onChange={(v) => {
                    setPeople(people.map((x, j) => (j === i ? v : x)));
                    make.reset();
                  }}
                  error={i === people.length - 1 ? err('personIds') : undefined}
                  data-testid="entry-performer"
                />
              ))}
              {performance === 'group' && people.length < 40 ? (
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => setPeople([...people, null])}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('festival.form.addPerformer')}
                </Button>
              ) : null}
              <TextInput
                label={t('festival.form.song')}
                required
                value={song}
                onChange={(e) => setSong(e.currentTarget.value)}
                error={err('song')}
                data-testid="entry-song"
              />
              <TextInput
                label={t('festival.form.composer')}
                required
                value={composer}
                onChange={(e) => setComposer(e.currentTarget.value)}
                error={err('composer')}
                data-testid="entry-composer"
              />
              <TextInput
                label={t('festival.form.lyricist')}
                description={t('festival.form.lyricistHint')}
                value={lyricist}
                onChange={(e) => setLyricist(e.currentTarget.value)}
                error={err('lyricist')}
              />
              <TextInput
                label={t('festival.form.genre')}
                placeholder={t('festival.form.genreExample')}
                required
                value={genre}
                onChange={(e) => setGenre(e.currentTarget.value)}
                error={err('genre')}
                data-testid="entry-genre"
              />
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('festival.form.accompaniment')}
                </Text>
                <SegmentedControl
                  fullWidth
                  value={accompaniment}
                  onChange={(v) => setAccompaniment(v as 'live' | 'backing')}
                  data={(['live', 'backing'] as const).map((a) => ({
                    value: a,
                    label: t(`festival.accompaniment.${a}`),
                  }))}
                  data-testid="entry-accompaniment"
                />
              </div>
              {accompaniment === 'backing' ? (
                <TrackPicker
                  value={track}
                  seconds={trackSeconds}
                  onChange={(file, s) => {
                    setTrack(file);
                    setTrackSeconds(s);
                    if (s !== null) {
                      setMins(Math.floor(s / 60));
                      setSecs(s % 60);
                    }
                  }}
                  error={err('backingTrackFileId')}
                />
              ) : null}
              <MinutesSeconds
                label={t('festival.form.duration')}
                minutes={mins}
                seconds={secs}
                onMinutes={setMins}
                onSeconds={setSecs}
                error={err('declaredSeconds')}
                testId="entry"
              />
              {make.error && !onlyFieldProblems(make.error, FIELDS) ? <ErrorAlert error={make.error} /> : null}
              <Button type="submit" loading={make.isPending} size="md" data-testid="entry-submit">
                {t('festival.form.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
      <Title order={4}>{t('festival.form.mine')}</Title>
      {mine.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('festival.form.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {mine.map((e) => (
            <MyEntry key={e.id} entry={e} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
