import { type FormEvent, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDice5, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../common/festival/rank.ts';
import { fold } from '../../../common/text.ts';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT, formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError, onlyFieldProblems } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { isoOf } from '../organisation/api.ts';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import {
  type Round,
  useCreateRound,
  useFestival,
  useFestivalLive,
  useJudgeAccounts,
  useRound,
  useSetOrder,
  useUpdateRound,
} from './api.ts';
import { MinutesSeconds, minutes } from './shared.tsx';

type Method = (typeof methods)[number];
type CriterionRow = { key: string; code: string | null; name: string; weight: number | string; max: number | string };
type JudgeRow = {
  key: string;
  id: string | null;
  userId: string | null;
  name: string;
  unitId: string | null;
  head: boolean;
};

let counter = 0;
const key = () => `k${++counter}`;
/** A criterion's code from its name: folded, words joined by a dash ("Giọng hát" → "giong-hat"). */
const codeOf = (name: string, taken: Set<string>) => {
  const base =
    fold(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'tieu-chi';
  let code = base;
  for (let i = 2; taken.has(code); i++) code = `${base}-${i}`;
  taken.add(code);
  return code;
};
const FIELDS = [
  'kind',
  'unitId',
  'name',
  'heldOn',
  'venue',
  'maxActSeconds',
  'method',
  'tieBreak',
  'criteria',
  'judges',
];

/** The seed's example: voice 40, performance 30, song choice 15, costume 15, each marked out of 10. */
function presetCriteria(names: string[]): CriterionRow[] {
  return names.map((name, i) => ({
    key: key(),
    code: null,
    name,
    weight: [40, 30, 15, 15][i],
    max: 10,
  }));
}

/**
 * The performance order: drawn again from a seed anyone can re-run before the first lock; shown
 * only (`readOnly`) once the round is closed.
 */
function OrderCard({ round, readOnly = false }: { round: Round; readOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const setOrder = useSetOrder(round.id);
  const [seed, setSeed] = useState(round.orderSeed ?? '');
  return (
    <Card withBorder bg="white" data-testid="order-card">
      <Title order={4} mb={4}>
        {t('festival.setup.order')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {round.orderSeed ? t('festival.setup.drawnWith', { seed: round.orderSeed }) : t('festival.setup.orderSet')}
      </Text>
      <Stack gap={2} mb="sm" data-testid="order-list">
        {round.order.map((s) => (
          <Text key={s.entryId} size="sm">
            {s.position}. {s.song} — {s.unitName} ({minutes(s.declaredSeconds)})
          </Text>
        ))}
        {round.order.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('festival.setup.noActs')}
          </Text>
        ) : null}
      </Stack>
      {readOnly ? null : round.methodFrozen ? (
        <Text size="sm" c="dimmed">
          {t('festival.setup.orderFrozen')}
        </Text>
      ) : (
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('festival.setup.seed')}
            description={t('festival.setup.seedHint')}
            value={seed}
            onChange={(e) => setSeed(e.currentTarget.value)}
            style={{ flex: '1 1 200px' }}
            data-testid="order-seed"
          />
          <Button
            leftSection={<IconDice5 size={16} />}
            disabled={!seed.trim()}
            loading={setOrder.isPending}
            onClick={() =>
              setOrder.mutate(
                { seed: seed.trim(), entryIds: null },
                { onSuccess: () => notifications.show({ color: 'green', message: t('festival.setup.drawn') }) },
              )
            }
            data-testid="order-draw"
          >
            {t('festival.setup.draw')}
          </Button>
        </Group>
      )}
      {setOrder.error ? <ErrorAlert error={setOrder.error} /> : null}
      <Text size="xs" c="dimmed" mt="xs">
        {fieldError(setOrder.error, 'entryIds', i18n.language)}
      </Text>
    </Card>
  );
}

/**
 * A round's set-up, new or changed: kind (a unit's heat or the exchange night), day, venue, the
 * longest act; the criteria with weights and ranges; the panel (judges' accounts or guests) with
 * its one head judge; the aggregation and tie-breaks, fixed at the first locked sheet; and the
 * performance order drawn by lot from a seed anyone can re-run.
 */
function SetupForm({ festivalId, round }: { festivalId: string; round: Round | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const festival = useFestival(festivalId);
  const accounts = useJudgeAccounts(true);
  const create = useCreateRound(festivalId);
  const update = useUpdateRound(round?.id ?? '-');
  const save = round ? update : create;
  const frozen = round?.methodFrozen ?? false;
  const [kind, setKind] = useState<'heat' | 'exchange'>(round?.kind ?? 'exchange');
  const [unitId, setUnitId] = useState<string | null>(round?.unitId ?? null);
  const [name, setName] = useState(round?.name ?? '');
  const [heldOn, setHeldOn] = useState<string | null>(round?.heldOn ?? null);
  const [venue, setVenue] = useState(round?.venue ?? '');
  const [maxMin, setMaxMin] = useState<number | string>(round ? Math.floor(round.maxActSeconds / 60) : 5);
  const [maxSec, setMaxSec] = useState<number | string>(round ? round.maxActSeconds % 60 : 0);
  const [method, setMethod] = useState<Method>(round?.method ?? 'trimmed-mean');
  const [criteria, setCriteria] = useState<CriterionRow[]>(() =>
    round
      ? round.criteria.map((c) => ({ key: key(), code: c.code, name: c.name, weight: c.weight, max: c.max }))
      : presetCriteria([
          t('festival.setup.preset.voice'),
          t('festival.setup.preset.performance'),
          t('festival.setup.preset.song'),
          t('festival.setup.preset.costume'),
        ]),
  );
  const [tieBreak, setTieBreak] = useState<string[]>(() =>
    round ? round.tieBreak.map((code) => round.criteria.find((c) => c.code === code)?.name ?? code) : [],
  );
  const [judges, setJudges] = useState<JudgeRow[]>(() =>
    round
      ? round.judges.map((j) => ({
          key: key(),
          id: j.id,
          userId: j.userId,
          name: j.name,
          unitId: j.unitId,
          head: j.head,
        }))
      : [{ key: key(), id: null, userId: null, name: '', unitId: null, head: true }],
  );
  const [draw, setDraw] = useState(true);
  const [seed, setSeed] = useState('');
  const lang = i18n.language;
  const err = (path: string) => fieldError(save.error, path, lang);
  const total = criteria.reduce((s, c) => s + (Number(c.weight) || 0), 0);
  const accountOptions = (accounts.data?.items ?? []).map((a) => ({ value: a.userId, label: a.displayName }));
  const setCriterion = (i: number, patch: Partial<CriterionRow>) =>
    setCriteria(criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const setJudge = (i: number, patch: Partial<JudgeRow>) =>
    setJudges(judges.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const taken = new Set(criteria.map((c) => c.code).filter((c): c is string => c !== null));
    const rows = criteria.map((c) => ({
      code: c.code ?? codeOf(c.name, taken),
      name: c.name.trim(),
      weight: Number(c.weight) || 0,
      max: Number(c.max) || 0,
    }));
    const byName = new Map(rows.map((c) => [c.name, c.code]));
    const common = {
      name: name.trim(),
      heldOn: heldOn ?? '',
      venue: venue.trim(),
      maxActSeconds: (Number(maxMin) || 0) * 60 + (Number(maxSec) || 0),
      method,
      tieBreak: tieBreak.map((n) => byName.get(n)).filter((c): c is string => !!c),
      criteria: rows,
      judges: judges.map((j) => ({ userId: j.userId, name: j.name.trim(), unitId: j.unitId, head: j.head })),
    };
    const done = (r: Round) => {
      notifications.show({ color: 'green', message: t('festival.setup.saved') });
      void navigate({ to: '/festival-rounds/$roundId', params: { roundId: r.id } });
    };
    if (round)
      update.mutate(
        { ...common, judges: judges.map((j, i) => ({ ...common.judges[i], id: j.id })) },
        { onSuccess: done },
      );
    else
      create.mutate(
        {
          ...common,
          kind,
          unitId: kind === 'heat' ? unitId : null,
          orderSeed: draw ? seed.trim() || `${festival.data?.code ?? ''}-${heldOn ?? ''}` : null,
        },
        { onSuccess: done },
      );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={860}>
        <Card withBorder bg="white">
          <Title order={4} mb="xs">
            {t('festival.setup.night')}
          </Title>
          <Stack gap="sm">
            {round ? null : (
              <SegmentedControl
                value={kind}
                onChange={(v) => setKind(v as 'heat' | 'exchange')}
                data={[
                  { value: 'exchange', label: t('festival.setup.kind.exchange') },
                  { value: 'heat', label: t('festival.setup.kind.heat') },
                ]}
                data-testid="round-kind"
              />
            )}
            {!round && kind === 'heat' ? (
              <UnitPicker
                label={t('festival.setup.heatUnit')}
                required
                value={unitId}
                onChange={(id) => setUnitId(id)}
                error={err('unitId')}
              />
            ) : null}
            <TextInput
              label={t('festival.setup.name')}
              placeholder={t('festival.setup.nameExample')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={err('name')}
              data-testid="round-name"
            />
            <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
              <DateInput
                label={t('festival.setup.heldOn')}
                required
                valueFormat={DATE_FORMAT}
                placeholder="dd/mm/yyyy"
                value={heldOn}
                onChange={(v) => setHeldOn(isoOf(v))}
                error={err('heldOn')}
                style={{ flex: '1 1 160px' }}
                data-testid="round-date"
              />
              <TextInput
                label={t('festival.setup.venue')}
                required
                value={venue}
                onChange={(e) => setVenue(e.currentTarget.value)}
                error={err('venue')}
                style={{ flex: '2 1 240px' }}
                data-testid="round-venue"
              />
            </Group>
            <MinutesSeconds
              label={t('festival.setup.maxAct')}
              minutes={maxMin}
              seconds={maxSec}
              onMinutes={setMaxMin}
              onSeconds={setMaxSec}
              error={err('maxActSeconds')}
            />
          </Stack>
        </Card>

        {frozen ? (
          <Alert color="orange" variant="light" icon={<IconLock size={18} />} data-testid="setup-frozen">
            {t('festival.setup.frozen')}
          </Alert>
        ) : null}

        <Card withBorder bg="white" data-testid="criteria-card">
          <Group justify="space-between" mb="xs">
            <Title order={4}>{t('festival.setup.criteria')}</Title>
            <Text size="sm" c={total === 100 ? 'dimmed' : 'orange'} data-testid="weight-total">
              {t('festival.setup.weightTotal', { n: total })}
            </Text>
          </Group>
          <Stack gap="xs">
            {criteria.map((c, i) => (
              <Group key={c.key} gap={6} align="flex-end" wrap="nowrap" data-testid="criterion-row">
                <TextInput
                  label={i === 0 ? t('festival.setup.criterion') : undefined}
                  aria-label={t('festival.setup.criterion')}
                  value={c.name}
                  disabled={frozen}
                  onChange={(e) => setCriterion(i, { name: e.currentTarget.value })}
                  style={{ flex: '1 1 auto', minWidth: 0 }}
                />
                <NumberInput
                  label={i === 0 ? t('festival.setup.weight') : undefined}
                  aria-label={t('festival.setup.weight')}
                  value={c.weight}
                  disabled={frozen}
                  min={0}
                  max={1000}
                  onChange={(v) => setCriterion(i, { weight: v })}
                  hideControls
                  w={76}
                />
                <NumberInput
                  label={i === 0 ? t('festival.setup.max') : undefined}
                  aria-label={t('festival.setup.max')}
                  value={c.max}
                  disabled={frozen}
                  min={1}
                  max={1000}
                  onChange={(v) => setCriterion(i, { max: v })}
                  hideControls
                  w={76}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  disabled={frozen || criteria.length === 1}
                  aria-label={t('festival.setup.remove')}
                  onClick={() => setCriteria(criteria.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
          {err('criteria') ? (
            <Text size="sm" c="red" mt={4}>
              {err('criteria')}
            </Text>
          ) : null}
          {frozen ? null : (
            <Button
              variant="subtle"
              size="xs"
              mt="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setCriteria([...criteria, { key: key(), code: null, name: '', weight: 10, max: 10 }])}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('festival.setup.addCriterion')}
            </Button>
          )}
        </Card>

        <Card withBorder bg="white" data-testid="method-card">
          <Title order={4} mb="xs">
            {t('festival.setup.method')}
          </Title>
          <Radio.Group value={method} onChange={(v) => setMethod(v as Method)} error={err('method')}>
            <Stack gap={6}>
              {methods.map((m) => (
                <Radio
                  key={m}
                  value={m}
                  disabled={frozen}
                  label={t(`festival.method.${m}`)}
                  description={t(`festival.setup.methodHint.${m}`)}
                  data-testid={`method-${m}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <MultiSelect
            mt="sm"
            label={t('festival.setup.tieBreak')}
            description={t('festival.setup.tieBreakHint')}
            data={[...new Set(criteria.map((c) => c.name.trim()).filter(Boolean))]}
            value={tieBreak}
            onChange={setTieBreak}
            searchable
            disabled={frozen}
            error={err('tieBreak')}
            data-testid="tie-break"
          />
        </Card>

        <Card withBorder bg="white" data-testid="panel-card">
          <Title order={4} mb={4}>
            {t('festival.setup.panel')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('festival.setup.panelHint')}
          </Text>
          <Stack gap="sm">
            {judges.map((j, i) => (
              <Card key={j.key} withBorder padding="xs" data-testid="judge-row">
                <Group gap="xs" align="flex-end" wrap="wrap">
                  <Select
                    label={t('festival.setup.account')}
                    placeholder={t('festival.setup.guest')}
                    data={accountOptions}
                    value={j.userId}
                    disabled={frozen}
                    searchable
                    clearable
                    onChange={(v, o) => setJudge(i, { userId: v, name: v ? (o?.label ?? j.name) : j.name })}
                    style={{ flex: '1 1 200px' }}
                    data-testid="judge-account"
                  />
                  <TextInput
                    label={t('festival.setup.judgeName')}
                    value={j.name}
                    disabled={frozen}
                    onChange={(e) => setJudge(i, { name: e.currentTarget.value })}
                    style={{ flex: '1 1 200px' }}
                    data-testid="judge-name"
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    disabled={frozen || judges.length === 1}
                    aria-label={t('festival.setup.remove')}
                    onClick={() => setJudges(judges.filter((_, k) => k !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
                <Group gap="md" mt="xs" wrap="wrap" align="flex-end">
                  <Checkbox
                    label={t('festival.round.head')}
                    checked={j.head}
                    disabled={frozen}
                    onChange={(e) =>
                      setJudges(judges.map((x, k) => ({ ...x, head: k === i ? e.currentTarget.checked : false })))
                    }
                    data-testid="judge-head"
                  />
                  <UnitPicker
                    size="xs"
                    placeholder={t('festival.setup.judgeUnit')}
                    aria-label={t('festival.setup.judgeUnit')}
                    value={j.unitId}
                    disabled={frozen}
                    onChange={(id) => setJudge(i, { unitId: id })}
                    style={{ flex: '1 1 220px' }}
                  />
                </Group>
              </Card>
            ))}
          </Stack>
          {err('judges') ? (
            <Text size="sm" c="red" mt={4} data-testid="judges-error">
              {err('judges')}
            </Text>
          ) : null}
          {frozen ? null : (
            <Button
              variant="subtle"
              size="xs"
              mt="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                setJudges([...judges, { key: key(), id: null, userId: null, name: '', unitId: null, head: false }])
              }
              data-testid="add-judge"
            >
              {t('festival.setup.addJudge')}
            </Button>
          )}
        </Card>

        {round ? null : (
          <Card withBorder bg="white">
            <Title order={4} mb="xs">
              {t('festival.setup.order')}
            </Title>
            <Checkbox
              label={t('festival.setup.drawByLot')}
              checked={draw}
              onChange={(e) => setDraw(e.currentTarget.checked)}
              mb="xs"
            />
            {draw ? (
              <TextInput
                label={t('festival.setup.seed')}
                description={t('festival.setup.seedHint')}
                placeholder={`${festival.data?.code ?? ''}-${heldOn ?? ''}`}
                value={seed}
                onChange={(e) => setSeed(e.currentTarget.value)}
                data-testid="round-seed"
              />
            ) : (
              <Text size="sm" c="dimmed">
                {t('festival.setup.byEntry')}
              </Text>
            )}
          </Card>
        )}

        {save.error && !onlyFieldProblems(save.error, FIELDS) ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button type="submit" size="md" loading={save.isPending} data-testid="round-save">
            {round ? t('festival.setup.saveChanges') : t('festival.setup.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A closed round's set-up as it was when judged, nothing to change: the notice that it is closed
 * and the link to its results, the night (day, venue, longest act), the acts in performance
 * order, the criteria with their weights and ranges, the aggregation and tie-breaks, the panel.
 */
function ClosedSetup({ round }: { round: Round }) {
  const { t } = useTranslation();
  const nameOf = (code: string) => round.criteria.find((c) => c.code === code)?.name ?? code;
  const total = round.criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <Stack gap="lg" maw={860} data-testid="setup-closed">
      <Alert color="orange" variant="light" icon={<IconLock size={18} />} data-testid="setup-closed-notice">
        <Text size="sm">{t('festival.setup.closed')}</Text>
        <Anchor
          size="sm"
          renderRoot={(props) => <Link {...props} to="/festival-rounds/$roundId" params={{ roundId: round.id }} />}
          data-testid="setup-results-link"
        >
          {t(round.status === 'certified' ? 'festival.setup.resultsLink' : 'festival.setup.roundLink')}
        </Anchor>
      </Alert>
      <Card withBorder bg="white">
        <Title order={4} mb="xs">
          {t('festival.setup.night')}
        </Title>
        <Text size="sm">
          {t(`festival.setup.kind.${round.kind}`)} · {formatDate(round.heldOn)} · {round.venue} ·{' '}
          {t('festival.round.maxAct', { m: minutes(round.maxActSeconds) })}
        </Text>
      </Card>
      <OrderCard round={round} readOnly />
      <Card withBorder bg="white" data-testid="criteria-card">
        <Group justify="space-between" mb="xs">
          <Title order={4}>{t('festival.setup.criteria')}</Title>
          <Text size="sm" c="dimmed" data-testid="weight-total">
            {t('festival.setup.weightTotal', { n: total })}
          </Text>
        </Group>
        <Table data-testid="criteria-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('festival.setup.criterion')}</Table.Th>
              <Table.Th ta="right">{t('festival.setup.weight')}</Table.Th>
              <Table.Th ta="right">{t('festival.setup.max')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.criteria.map((c) => (
              <Table.Tr key={c.id} data-testid="criterion-row">
                <Table.Td>{c.name}</Table.Td>
                <Table.Td ta="right">{c.weight}</Table.Td>
                <Table.Td ta="right">0–{c.max}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder bg="white" data-testid="method-card">
        <Title order={4} mb="xs">
          {t('festival.setup.method')}
        </Title>
        <Text size="sm">{t(`festival.method.${round.method}`)}</Text>
        <Text size="sm" c="dimmed">
          {t(`festival.setup.methodHint.${round.method}`)}
        </Text>
        <Text size="sm" mt="xs">
          {t('festival.setup.tieBreak')}:{' '}
          {round.tieBreak.length ? round.tieBreak.map(nameOf).join(', ') : t('festival.setup.noTieBreak')}
        </Text>
      </Card>
      <Card withBorder bg="white" data-testid="panel-card">
        <Title order={4} mb="xs">
          {t('festival.setup.panel')}
        </Title>
        <Stack gap={4}>
          {round.judges.map((j) => (
            <Text key={j.id} size="sm" data-testid="judge-row">
              {j.name}
              {j.head ? ` — ${t('festival.round.head')}` : ''}
              {j.userId === null ? ` (${t('festival.sheet.guest')})` : ''}
            </Text>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

/** A new round of a festival. */
export function NewRoundPage() {
  const { t } = useTranslation();
  const { festivalId } = useParams({ from: '/signed-in/festivals/$festivalId/rounds/new' });
  const auth = useAuth();
  const festival = useFestival(festivalId);
  if (!auth.can('festival.manage')) return <NoPermission />;
  return (
    <>
      <Anchor renderRoot={(props) => <Link {...props} to="/festivals/$festivalId" params={{ festivalId }} />} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {festival.data?.name ?? ''}
        </Group>
      </Anchor>
      <PageHeader title={t('festival.setup.newTitle')} description={t('festival.setup.description')} />
      <SetupForm festivalId={festivalId} round={null} />
    </>
  );
}

/** A round's set-up changed, and its performance order drawn again. */
export function RoundSetupPage() {
  const { t } = useTranslation();
  const { roundId } = useParams({ from: '/signed-in/festival-rounds/$roundId/setup' });
  const auth = useAuth();
  const round = useRound(roundId);
  useFestivalLive();
  if (!auth.can('festival.manage')) return <NoPermission />;
  if (round.isPending) return <CenterLoader />;
  if (round.error) return <ErrorAlert error={round.error} />;
  const r = round.data;
  return (
    <>
      <Anchor renderRoot={(props) => <Link {...props} to="/festival-rounds/$roundId" params={{ roundId }} />} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {r.name}
        </Group>
      </Anchor>
      <PageHeader title={t('festival.setup.editTitle')} description={t('festival.setup.description')} />
      {r.status !== 'open' ? (
        <ClosedSetup round={r} />
      ) : (
        <Stack gap="lg">
          <OrderCard round={r} />
          {/* keyed by the round's set-up, so a change heard live starts the form again from the server's state */}
          <SetupForm key={`${r.methodFrozen}`} festivalId={r.festivalId} round={r} />
        </Stack>
      )}
    </>
  );
}
