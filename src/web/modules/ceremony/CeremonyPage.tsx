import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { UnitPicker } from '../organisation/UnitPicker.tsx';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import {
  type Ceremony,
  type Guest,
  type GuestInput,
  type Segment,
  useAddGuest,
  useAddSegment,
  useCeremony,
  useCeremonyLive,
  useFreeze,
  useGuests,
  useShow,
  useUpdateCeremony,
  useUpdateGuest,
  useUpdateSegment,
} from './api.ts';
import { CeremonyDownloads } from './Downloads.tsx';
import { InvitationCard } from './Invitation.tsx';
import { RehearsalTab } from './RehearsalTab.tsx';
import type { CeremonyTab } from './search.ts';

const lang = (l: string) => (l === 'en' ? 'en' : 'vi');
const seconds = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

function SegmentModal({
  ceremony,
  segment,
  onClose,
}: {
  ceremony: Ceremony;
  segment: Segment | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const update = useUpdateSegment(ceremony.id);
  const add = useAddSegment(ceremony.id);
  const [form, setForm] = useState({
    title: segment?.title ?? '',
    kind: segment?.kind ?? 'performance',
    minutes: segment?.minutes ?? 5,
    hardStart: segment?.hardStart ?? '',
    onStage: segment?.onStage ?? '',
    microphones: segment?.microphones ?? '',
    mcLines: segment?.mcLines ?? '',
  });
  const syllables = form.mcLines.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const reading = Math.ceil((syllables * 60) / ceremony.syllablesPerMinute);
  const mutation = segment ? update : add;
  return (
    <Modal opened onClose={onClose} title={segment ? t('ceremony.segment.edit') : t('ceremony.segment.add')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const body = { ...form, hardStart: form.hardStart || null };
          if (segment) update.mutate({ segmentId: segment.id, ...body }, { onSuccess: onClose });
          else add.mutate({ ...body, section: 'main' }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <TextInput
            label={t('ceremony.segment.title')}
            required
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            error={fieldError(mutation.error, 'title', i18n.language)}
            data-testid="segment-title"
          />
          {segment ? null : (
            <Select
              label={t('ceremony.segment.kind')}
              data={(['performance', 'speech', 'other'] as const).map((k) => ({
                value: k,
                label: t(`ceremony.kinds.${k}`),
              }))}
              value={form.kind}
              onChange={(v) => setForm({ ...form, kind: (v ?? 'performance') as Segment['kind'] })}
            />
          )}
          <SimpleGrid cols={2}>
            <NumberInput
              label={t('ceremony.segment.minutes')}
              min={0}
              max={600}
              value={form.minutes}
              onChange={(v) => setForm({ ...form, minutes: Number(v) || 0 })}
              data-testid="segment-minutes"
            />
            <TextInput
              label={t('ceremony.segment.hardStart')}
              placeholder="HH:MM"
              value={form.hardStart}
              onChange={(e) => setForm({ ...form, hardStart: e.currentTarget.value })}
              error={fieldError(mutation.error, 'hardStart', i18n.language)}
              data-testid="segment-hard-start"
            />
          </SimpleGrid>
          <TextInput
            label={t('ceremony.segment.onStage')}
            value={form.onStage}
            onChange={(e) => setForm({ ...form, onStage: e.currentTarget.value })}
          />
          <TextInput
            label={t('ceremony.segment.microphones')}
            value={form.microphones}
            onChange={(e) => setForm({ ...form, microphones: e.currentTarget.value })}
          />
          <Textarea
            label={t('ceremony.segment.mcLines')}
            autosize
            minRows={3}
            maxRows={12}
            value={form.mcLines}
            onChange={(e) => setForm({ ...form, mcLines: e.currentTarget.value })}
            description={t('ceremony.segment.reading', {
              syllables,
              time: seconds(reading),
              pace: ceremony.syllablesPerMinute,
            })}
          />
          <FormActions
            error={mutation.error}
            fields={['title', 'minutes', 'hardStart', 'onStage', 'microphones', 'mcLines']}
            busy={mutation.isPending}
            onCancel={onClose}
            submitLabel={t('ceremony.segment.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function ProgrammeTab({ ceremony, manage }: { ceremony: Ceremony; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);
  const update = useUpdateCeremony(ceremony.id);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Badge size="lg" variant="light" data-testid="programme-end">
            {t('ceremony.programme.end', { end: ceremony.end, target: ceremony.targetEnd })}
          </Badge>
          <Badge
            size="lg"
            color={ceremony.overUnderMinutes > 0 ? 'red' : 'green'}
            variant="light"
            data-testid="programme-over-under"
          >
            {t('ceremony.programme.overUnder', {
              n: `${ceremony.overUnderMinutes > 0 ? '+' : ''}${ceremony.overUnderMinutes}`,
            })}
          </Badge>
        </Group>
        {manage ? (
          <Group gap="xs" align="flex-end">
            <UnitPicker
              size="xs"
              w={260}
              label={t('ceremony.create.organiser')}
              value={ceremony.organiserUnitId}
              onChange={(organiserUnitId) => update.mutate({ organiserUnitId })}
              error={fieldError(update.error, 'organiserUnitId', i18n.language)}
              data-testid="ceremony-organiser"
            />
            <Switch
              label={t('ceremony.programme.published')}
              checked={ceremony.published}
              onChange={(e) => update.mutate({ published: e.currentTarget.checked })}
            />
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => setEditing('new')}
              data-testid="segment-new"
            >
              {t('ceremony.segment.add')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {ceremony.warnings.map((w) => (
        <Alert
          key={`${w.kind}-${w.segment ?? ''}`}
          color="red"
          icon={<IconAlertTriangle size={16} />}
          data-testid="programme-warning"
        >
          {w.messages[lang(i18n.language)]}
        </Alert>
      ))}
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover data-testid="programme-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ceremony.programme.time')}</Table.Th>
              <Table.Th>{t('ceremony.programme.segment')}</Table.Th>
              <Table.Th>{t('ceremony.programme.minutes')}</Table.Th>
              <Table.Th>{t('ceremony.programme.latest')}</Table.Th>
              <Table.Th>{t('ceremony.programme.reading')}</Table.Th>
              <Table.Th>{t('ceremony.programme.onStage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ceremony.segments.map((s) => (
              <Table.Tr
                key={s.id}
                data-testid="programme-row"
                style={{ cursor: manage ? 'pointer' : undefined }}
                onClick={manage ? () => setEditing(s) : undefined}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text fw={600} size="sm">
                    {s.start}–{s.end}
                  </Text>
                  {s.hardStart ? (
                    <Badge size="xs" color={s.lateMinutes ? 'red' : 'gray'} variant="light">
                      {t('ceremony.programme.hard', { time: s.hardStart })}
                    </Badge>
                  ) : null}
                  {s.gapMinutes ? (
                    <Text size="xs" c="dimmed">
                      {t('ceremony.programme.gap', { n: s.gapMinutes })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {s.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.kindLabel[lang(i18n.language)]}
                    {s.act ? ` · ${s.act.performers}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>{s.minutes}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={s.slackMinutes > 0 ? 'red' : undefined}>
                    {s.latestStart}
                  </Text>
                </Table.Td>
                <Table.Td>{s.readingSeconds ? seconds(s.readingSeconds) : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm">{s.onStage}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing ? (
        <SegmentModal
          ceremony={ceremony}
          segment={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}

const levels = ['central', 'province', 'department', 'bloc', 'grassroots', 'other'] as const;
const branches = ['party', 'state', 'front', 'other'] as const;

function GuestsTab({ ceremony, manage }: { ceremony: Ceremony; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const guests = useGuests(ceremony.id);
  const add = useAddGuest(ceremony.id);
  const update = useUpdateGuest(ceremony.id);
  const [deputyFor, setDeputyFor] = useState<Guest | null>(null);
  const [deputy, setDeputy] = useState({ name: '', title: '' });
  const empty: GuestInput = { name: '', title: '', level: 'province', branch: 'party', rank: 1, mayPresent: false };
  const [form, setForm] = useState<GuestInput>(empty);
  if (guests.isPending) return <CenterLoader />;
  if (guests.error) return <ErrorAlert error={guests.error} />;
  const g = guests.data;
  return (
    <Stack>
      {manage ? <InvitationCard ceremony={ceremony} /> : null}
      <Group gap="xs">
        {(['attending', 'deputy', 'declined', 'pending'] as const).map((r) => (
          <Badge key={r} variant="light" color={r === 'declined' ? 'red' : r === 'pending' ? 'gray' : 'green'}>
            {t(`ceremony.replies.${r}`)}: {g.replies[r]}
          </Badge>
        ))}
      </Group>
      {manage ? (
        <Card withBorder bg="white">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate(form, { onSuccess: () => setForm(empty) });
            }}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('ceremony.guests.name')}
                required
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                error={fieldError(add.error, 'name', i18n.language)}
              />
              <TextInput
                label={t('ceremony.guests.title')}
                required
                value={form.title}
                onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
                error={fieldError(add.error, 'title', i18n.language)}
              />
              <NumberInput
                label={t('ceremony.guests.rank')}
                min={0}
                max={999}
                value={form.rank}
                onChange={(v) => setForm({ ...form, rank: Number(v) || 0 })}
              />
              <Select
                label={t('ceremony.guests.level')}
                data={levels.map((l) => ({ value: l, label: t(`ceremony.levels.${l}`) }))}
                value={form.level}
                onChange={(v) => setForm({ ...form, level: (v ?? 'province') as GuestInput['level'] })}
              />
              <Select
                label={t('ceremony.guests.branch')}
                data={branches.map((b) => ({ value: b, label: t(`ceremony.branches.${b}`) }))}
                value={form.branch}
                onChange={(v) => setForm({ ...form, branch: (v ?? 'party') as GuestInput['branch'] })}
              />
              <Group align="flex-end" justify="space-between">
                <Switch
                  label={t('ceremony.guests.mayPresent')}
                  checked={!!form.mayPresent}
                  onChange={(e) => setForm({ ...form, mayPresent: e.currentTarget.checked })}
                />
                <Button type="submit" loading={add.isPending}>
                  {t('ceremony.guests.add')}
                </Button>
              </Group>
            </SimpleGrid>
          </form>
        </Card>
      ) : null}
      <Table.ScrollContainer minWidth={640}>
        <Table striped data-testid="guests-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('ceremony.guests.guest')}</Table.Th>
              <Table.Th>{t('ceremony.guests.place')}</Table.Th>
              <Table.Th>{t('ceremony.guests.reply')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {g.items.map((x) => (
              <Table.Tr key={x.id} data-testid="guest-row">
                <Table.Td>{x.place}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {x.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {x.title}
                  </Text>
                  {x.deputy ? (
                    <Text size="xs">
                      {t('ceremony.guests.deputyIs', { name: x.deputy.name, title: x.deputy.title })}
                    </Text>
                  ) : null}
                  {manage ? (
                    <Anchor
                      size="xs"
                      href={`/api/ceremonies/${ceremony.id}/guests/${x.id}/invitation.docx`}
                      download
                      data-testid="guest-invitation"
                    >
                      {t('ceremony.docs.invitation')}
                    </Anchor>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {t(`ceremony.levels.${x.level}`)} · {t(`ceremony.branches.${x.branch}`)} · {x.rank}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    disabled={!manage}
                    data={(['pending', 'attending', 'deputy', 'declined'] as const).map((r) => ({
                      value: r,
                      label: t(`ceremony.replies.${r}`),
                    }))}
                    value={x.reply}
                    onChange={(v) => {
                      if (v === 'deputy') {
                        setDeputy({ name: '', title: '' });
                        setDeputyFor(x);
                      } else if (v) update.mutate({ guestId: x.id, reply: v as Guest['reply'] });
                    }}
                    aria-label={t('ceremony.guests.reply')}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Card withBorder bg="white">
        <Text fw={600} mb="xs">
          {t('ceremony.guests.introduction')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="guests-introduction">
          {g.introduction || t('ceremony.guests.noIntroduction')}
        </Text>
      </Card>
      {deputyFor ? (
        <Modal
          opened
          onClose={() => setDeputyFor(null)}
          title={t('ceremony.guests.deputyTitle', { name: deputyFor.name })}
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate(
                { guestId: deputyFor.id, reply: 'deputy', deputy },
                { onSuccess: () => setDeputyFor(null) },
              );
            }}
          >
            <Stack>
              <TextInput
                label={t('ceremony.guests.deputyName')}
                required
                value={deputy.name}
                onChange={(e) => setDeputy({ ...deputy, name: e.currentTarget.value })}
              />
              <TextInput
                label={t('ceremony.guests.deputyRank')}
                required
                value={deputy.title}
                onChange={(e) => setDeputy({ ...deputy, title: e.currentTarget.value })}
              />
              <FormActions
                error={update.error}
                fields={['deputy']}
                busy={update.isPending}
                onCancel={() => setDeputyFor(null)}
                submitLabel={t('ceremony.segment.save')}
              />
            </Stack>
          </form>
        </Modal>
      ) : null}
    </Stack>
  );
}

function AwardsTab({ ceremony, manage }: { ceremony: Ceremony; manage: boolean }) {
  const { t } = useTranslation();
  const freeze = useFreeze(ceremony.id);
  const a = ceremony.awards;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Text fw={600}>{a.campaign ? a.campaign.name : t('ceremony.awards.noCampaign')}</Text>
          <Text size="sm" c="dimmed">
            {a.decision
              ? t('ceremony.awards.decision', { number: a.decision.number, date: formatDate(a.decision.date) })
              : t('ceremony.awards.notDecided')}
            {' · '}
            {a.frozen ? t('ceremony.awards.frozen') : t('ceremony.awards.following')}
            {' · '}
            {t('ceremony.awards.suggested', { n: a.suggestedMinutes })}
          </Text>
        </Stack>
        {manage ? (
          <Group gap="xs">
            {a.frozen ? (
              <Button variant="light" onClick={() => freeze.mutate('unfreeze')} loading={freeze.isPending}>
                {t('ceremony.awards.unfreeze')}
              </Button>
            ) : (
              <Button onClick={() => freeze.mutate('freeze')} loading={freeze.isPending} data-testid="awards-freeze">
                {t('ceremony.awards.freeze')}
              </Button>
            )}
          </Group>
        ) : null}
      </Group>
      {freeze.error ? <ErrorAlert error={freeze.error} /> : null}
      {a.difference ? (
        <Alert color="orange" title={t('ceremony.awards.differenceTitle')} data-testid="awards-difference">
          <Text size="sm">
            {t('ceremony.awards.difference', {
              added: a.difference.added.length,
              removed: a.difference.removed.length,
              moved: a.difference.moved,
            })}
          </Text>
          {manage ? (
            <Button mt="xs" size="xs" onClick={() => freeze.mutate('awards/accept')} data-testid="awards-accept">
              {t('ceremony.awards.accept')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {a.batches.length === 0 ? <Text c="dimmed">{t('ceremony.awards.none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {a.batches.map((b) => (
          <Card key={b.number} withBorder bg="white" data-testid="award-batch">
            <Group justify="space-between">
              <Text fw={600}>{t('ceremony.awards.batch', { n: b.number, category: b.category })}</Text>
              <Badge variant="light">{b.honourees.length}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {b.presenter
                ? t('ceremony.awards.presenter', { name: b.presenter.name, title: b.presenter.title })
                : t('ceremony.awards.noPresenter')}
            </Text>
            <ol style={{ margin: '8px 0', paddingLeft: 20 }}>
              {b.honourees.map((h) => (
                <li key={h.id}>
                  <Text size="sm">
                    {h.name}
                    {h.unit && h.unit !== h.name ? <Text span c="dimmed">{` — ${h.unit}`}</Text> : null}
                  </Text>
                </li>
              ))}
            </ol>
            <Text size="xs" c="dimmed">
              {t('ceremony.awards.music', { music: b.music })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ReportTab({ ceremony }: { ceremony: Ceremony }) {
  const { t } = useTranslation();
  const live = useShow(ceremony.id);
  if (live.isPending) return <CenterLoader />;
  if (live.error) return <ErrorAlert error={live.error} />;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped data-testid="report-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ceremony.programme.segment')}</Table.Th>
            <Table.Th>{t('ceremony.report.planned')}</Table.Th>
            <Table.Th>{t('ceremony.report.actual')}</Table.Th>
            <Table.Th>{t('ceremony.report.overUnder')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {live.data.segments.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.title}</Table.Td>
              <Table.Td>
                {s.plannedStart}–{s.plannedEnd} ({s.plannedMinutes}′)
              </Table.Td>
              <Table.Td>
                {s.actualStart ? `${s.start}–${s.actualEnd ? s.end : '…'}` : '—'}
                {s.actualMinutes !== null ? ` (${s.actualMinutes}′)` : ''}
              </Table.Td>
              <Table.Td>
                {s.overUnderMinutes === null ? (
                  '—'
                ) : (
                  <Text size="sm" c={s.overUnderMinutes > 0 ? 'red' : 'green'}>
                    {s.overUnderMinutes > 0 ? '+' : ''}
                    {s.overUnderMinutes}′
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One ceremony: the programme with its computed times, the guests, the award batches, planned against actual. */
export function CeremonyPage() {
  const { t } = useTranslation();
  const { ceremonyId } = useParams({ from: '/signed-in/ceremonies/$ceremonyId' });
  const search = useSearch({ from: '/signed-in/ceremonies/$ceremonyId' });
  const navigate = useNavigate();
  const auth = useAuth();
  const ceremony = useCeremony(ceremonyId);
  useCeremonyLive();
  if (!auth.can('ceremony.read')) return <NoPermission />;
  if (ceremony.isPending) return <CenterLoader />;
  if (ceremony.error) return <ErrorAlert error={ceremony.error} />;
  const c = ceremony.data;
  const manage = auth.can('ceremony.manage');
  const tab: CeremonyTab = search.tab ?? 'programme';
  return (
    <>
      <PageHeader
        title={c.name}
        description={t('ceremony.page.description', {
          date: formatDate(c.eventDate),
          venue: c.venue,
          doors: c.doors,
          start: c.start,
          end: c.targetEnd,
        })}
        actions={
          <Button
            leftSection={<IconPlayerPlay size={16} />}
            renderRoot={(props) => <Link {...props} to="/ceremonies/$ceremonyId/show" params={{ ceremonyId: c.id }} />}
            data-testid="ceremony-show-link"
          >
            {t('ceremony.page.show')}
          </Button>
        }
      />
      <Anchor renderRoot={(props) => <Link {...props} to="/ceremonies" />} size="sm">
        ← {t('ceremony.list.title')}
      </Anchor>
      <Stack mt="sm">
        <CeremonyDownloads ceremony={c} call={auth.can('ceremony.call')} manage={manage} />
      </Stack>
      <Tabs
        mt="sm"
        value={tab}
        onChange={(v) =>
          void navigate({
            to: '/ceremonies/$ceremonyId',
            params: { ceremonyId: c.id },
            search: v && v !== 'programme' ? { tab: v as CeremonyTab } : {},
          })
        }
      >
        <Tabs.List>
          <Tabs.Tab value="programme">{t('ceremony.tabs.programme')}</Tabs.Tab>
          <Tabs.Tab value="guests">{t('ceremony.tabs.guests')}</Tabs.Tab>
          <Tabs.Tab value="awards" data-testid="tab-awards">
            {t('ceremony.tabs.awards')}
          </Tabs.Tab>
          <Tabs.Tab value="rehearsal" data-testid="tab-rehearsal">
            {t('ceremony.tabs.rehearsal')}
          </Tabs.Tab>
          <Tabs.Tab value="report">{t('ceremony.tabs.report')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={tab} pt="md">
          {tab === 'programme' ? <ProgrammeTab ceremony={c} manage={manage} /> : null}
          {tab === 'guests' ? <GuestsTab ceremony={c} manage={manage} /> : null}
          {tab === 'awards' ? <AwardsTab ceremony={c} manage={manage} /> : null}
          {tab === 'rehearsal' ? <RehearsalTab ceremony={c} manage={manage} /> : null}
          {tab === 'report' ? <ReportTab ceremony={c} /> : null}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
