import { type FormEvent, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT, formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { isoOf } from '../organisation/api.ts';
import {
  type Counts,
  kinds,
  type Kind,
  type Outlet,
  outlets,
  PAGE_SIZE,
  type Piece,
  type PieceFilters,
  type Status,
  statuses,
  useActivityChoices,
  useCounts,
  useCreatePiece,
  useDropPiece,
  usePieces,
  usePublishPiece,
  useUpdatePiece,
} from './api.ts';

const statusColor = { planned: 'blue', published: 'green', dropped: 'gray' } as const;
const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

function PieceModal({ piece, onClose }: { piece: Piece | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const create = useCreatePiece();
  const update = useUpdatePiece(piece?.id ?? '');
  const m = piece ? update : create;
  const activities = useActivityChoices();
  const [title, setTitle] = useState(piece?.title ?? '');
  const [kind, setKind] = useState<Kind>(piece?.kind ?? 'news');
  const [outlet, setOutlet] = useState<Outlet>(piece?.outlet ?? 'newspaper');
  const [outletName, setOutletName] = useState(piece?.outletName ?? '');
  const [plannedOn, setPlannedOn] = useState<string | null>(piece?.plannedOn ?? null);
  const [responsible, setResponsible] = useState(piece?.responsible ?? t('publicity.defaultResponsible'));
  const [activityId, setActivityId] = useState<string | null>(piece?.activity?.id ?? null);
  const [honouree, setHonouree] = useState(piece?.honouree ?? '');
  const fe = (p: string) => fieldError(m.error, p, i18n.language);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { title, kind, outlet, outletName, plannedOn: plannedOn ?? '', responsible, activityId, honouree };
    if (piece) update.mutate(body, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t(piece ? 'publicity.edit' : 'publicity.add')} fullScreen={!!phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('publicity.fields.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fe('title')}
            data-testid="piece-title"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('publicity.fields.kind')}
              data={kinds.map((k) => ({ value: k, label: t(`publicity.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as Kind)}
              allowDeselect={false}
              data-testid="piece-kind"
            />
            <Select
              label={t('publicity.fields.outlet')}
              data={outlets.map((o) => ({ value: o, label: t(`publicity.outlets.${o}`) }))}
              value={outlet}
              onChange={(v) => v && setOutlet(v as Outlet)}
              allowDeselect={false}
              data-testid="piece-outlet"
            />
          </SimpleGrid>
          {outlet === 'unit_channel' || outlet === 'other' ? (
            <TextInput
              label={t('publicity.fields.outletName')}
              value={outletName}
              onChange={(e) => setOutletName(e.currentTarget.value)}
              error={fe('outletName')}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <DateInput
              label={t('publicity.fields.plannedOn')}
              required
              valueFormat={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              value={plannedOn}
              onChange={(v) => setPlannedOn(isoOf(v))}
              error={fe('plannedOn')}
              data-testid="piece-planned"
            />
            <TextInput
              label={t('publicity.fields.responsible')}
              required
              value={responsible}
              onChange={(e) => setResponsible(e.currentTarget.value)}
              error={fe('responsible')}
            />
          </SimpleGrid>
          <Select
            label={t('publicity.fields.activity')}
            clearable
            searchable
            data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.ref} · ${a.title}` }))}
            value={activityId}
            onChange={setActivityId}
            error={fe('activityId')}
            data-testid="piece-activity"
          />
          <TextInput
            label={t('publicity.fields.honouree')}
            value={honouree}
            onChange={(e) => setHonouree(e.currentTarget.value)}
            error={fe('honouree')}
          />
          <FormActions
            error={m.error}
            fields={['title', 'plannedOn', 'responsible', 'activityId', 'honouree', 'outletName']}
            busy={m.isPending}
            onCancel={onClose}
            submitLabel={t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function PublishModal({ piece, onClose }: { piece: Piece; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const publish = usePublishPiece(piece.id);
  const [on, setOn] = useState<string | null>(piece.plannedOn);
  const [link, setLink] = useState('');
  const [slug, setSlug] = useState('');
  const fe = (p: string) => fieldError(publish.error, p, i18n.language);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    publish.mutate(
      { publishedOn: on ?? '', link: link.trim() || undefined, articleSlug: slug.trim() || undefined },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('publicity.publish')} fullScreen={!!phone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {piece.title}
          </Text>
          <DateInput
            label={t('publicity.fields.publishedOn')}
            required
            valueFormat={DATE_FORMAT}
            placeholder="dd/mm/yyyy"
            value={on}
            onChange={(v) => setOn(isoOf(v))}
            error={fe('publishedOn')}
            data-testid="publish-date"
          />
          <TextInput
            label={t('publicity.fields.link')}
            placeholder="https://"
            value={link}
            onChange={(e) => setLink(e.currentTarget.value)}
            error={fe('link')}
            data-testid="publish-link"
          />
          {piece.outlet === 'website' ? (
            <TextInput
              label={t('publicity.fields.articleSlug')}
              description={t('publicity.fields.articleSlugHint')}
              value={slug}
              onChange={(e) => setSlug(e.currentTarget.value)}
              error={fe('articleSlug')}
            />
          ) : null}
          <FormActions
            error={publish.error}
            fields={['publishedOn', 'link', 'articleSlug']}
            busy={publish.isPending}
            onCancel={onClose}
            submitLabel={t('publicity.publish')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function DropModal({ piece, onClose }: { piece: Piece; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const drop = useDropPiece(piece.id);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    drop.mutate(reason, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('publicity.drop')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {piece.title}
          </Text>
          <Textarea
            label={t('publicity.fields.dropReason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(drop.error, 'reason', i18n.language)}
          />
          <FormActions
            error={drop.error}
            fields={['reason']}
            busy={drop.isPending}
            onCancel={onClose}
            submitLabel={t('publicity.drop')}
            submitColor="red"
          />
        </Stack>
      </form>
    </Modal>
  );
}

function PieceCard({
  piece,
  manage,
  publishWeb,
  onEdit,
  onPublish,
  onDrop,
}: {
  piece: Piece;
  manage: boolean;
  publishWeb: boolean;
  onEdit: () => void;
  onPublish: () => void;
  onDrop: () => void;
}) {
  const { t } = useTranslation();
  const mayPublish = manage || (publishWeb && piece.outlet === 'website');
  return (
    <Paper withBorder p="sm" radius="md" data-testid="piece">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {piece.title}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`publicity.kinds.${piece.kind}`)} · {piece.outletName || t(`publicity.outlets.${piece.outlet}`)} ·{' '}
            {formatDate(piece.plannedOn)} · {piece.responsible}
          </Text>
          {piece.activity ? (
            <Text size="sm" lineClamp={2}>
              {piece.activity.ref} · {piece.activity.title}
            </Text>
          ) : null}
          {piece.honouree ? <Text size="sm">{t('publicity.honoureeLine', { name: piece.honouree })}</Text> : null}
          {piece.status === 'published' ? (
            <Text size="sm">
              {t('publicity.publishedOn', { date: formatDate(piece.publishedOn ?? '') })}{' '}
              {piece.link ? (
                <Anchor
                  href={piece.link}
                  target="_blank"
                  rel="noopener noreferrer"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {piece.link}
                </Anchor>
              ) : null}
              {piece.articleSlug ? (
                <Anchor href={`/tin-tuc/${piece.articleSlug}`} target="_blank" rel="noopener noreferrer">
                  {` /tin-tuc/${piece.articleSlug}`}
                </Anchor>
              ) : null}
            </Text>
          ) : null}
          {piece.status === 'dropped' && piece.dropReason ? (
            <Text size="sm" c="dimmed">
              {t('publicity.droppedBecause', { reason: piece.dropReason })}
            </Text>
          ) : null}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Badge color={statusColor[piece.status]} variant="light" data-testid="piece-status">
            {t(`publicity.statuses.${piece.status}`)}
          </Badge>
          {piece.isDemo ? (
            <Badge color="gray" variant="outline" size="xs">
              {t('publicity.demo')}
            </Badge>
          ) : null}
        </Stack>
      </Group>
      {piece.status === 'planned' && (manage || mayPublish) ? (
        <Group gap="xs" mt="xs">
          {mayPublish ? (
            <Button size="xs" onClick={onPublish} data-testid="piece-publish">
              {t('publicity.publish')}
            </Button>
          ) : null}
          {manage ? (
            <>
              <Button size="xs" variant="default" onClick={onEdit} data-testid="piece-edit">
                {t('publicity.editAction')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={onDrop}>
                {t('publicity.drop')}
              </Button>
            </>
          ) : null}
        </Group>
      ) : null}
    </Paper>
  );
}

function CountsPanel({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const row = (key: string, label: string, c: { planned: number; published: number; dropped: number }) => (
    <Table.Tr key={key}>
      <Table.Td>
        <Text size="sm" lineClamp={2} title={label}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{c.planned}</Table.Td>
      <Table.Td ta="right">{c.published}</Table.Td>
      <Table.Td ta="right">{c.dropped}</Table.Td>
    </Table.Tr>
  );
  const head = (first: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>{first}</Table.Th>
        <Table.Th ta="right">{t('publicity.counts.planned')}</Table.Th>
        <Table.Th ta="right">{t('publicity.counts.published')}</Table.Th>
        <Table.Th ta="right">{t('publicity.counts.dropped')}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper withBorder p="sm" radius="md" data-testid="counts-activity">
        <Text fw={600} mb="xs">
          {t('publicity.counts.byActivity')}
        </Text>
        <Table.ScrollContainer minWidth={300}>
          <Table striped>
            {head(t('publicity.fields.activity'))}
            <Table.Tbody>
              {counts.byActivity.map((a) =>
                row(a.activityId ?? 'none', a.ref ? `${a.ref} · ${a.title}` : t('publicity.counts.noActivity'), a),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="sm" radius="md" data-testid="counts-month">
        <Text fw={600} mb="xs">
          {t('publicity.counts.byMonth')}
        </Text>
        <Table striped>
          {head(t('publicity.counts.month'))}
          <Table.Tbody>{counts.byMonth.map((m) => row(m.month, monthLabel(m.month), m))}</Table.Tbody>
        </Table>
      </Paper>
    </SimpleGrid>
  );
}

/** The publicity plan (issue 17): pieces with filters, add/edit, mark published, counts per activity and month. */
export function PublicityPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const manage = auth.can('publicity.manage');
  const publishWeb = auth.can('publicity.publish');
  const [filters, setFilters] = useState<PieceFilters>({ page: 1 });
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Piece | null | undefined>(undefined);
  const [publishing, setPublishing] = useState<Piece | null>(null);
  const [dropping, setDropping] = useState<Piece | null>(null);
  const pieces = usePieces(filters);
  const counts = useCounts();
  const months = counts.data?.byMonth.map((m) => m.month) ?? [];
  if (!auth.can('publicity.read')) return <NoPermission />;
  const set = (patch: Partial<PieceFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  return (
    <>
      <PageHeader
        title={t('publicity.title')}
        description={t('publicity.description')}
        actions={
          manage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="piece-add">
              {t('publicity.add')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        {counts.error ? <ErrorAlert error={counts.error} /> : counts.data ? <CountsPanel counts={counts.data} /> : null}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            aria-label={t('publicity.filters.search')}
            placeholder={t('publicity.filters.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && set({ q: q.trim() || undefined })}
            onBlur={() => set({ q: q.trim() || undefined })}
            data-testid="filter-q"
          />
          <Select
            aria-label={t('publicity.fields.outlet')}
            placeholder={t('publicity.filters.allOutlets')}
            clearable
            data={outlets.map((o) => ({ value: o, label: t(`publicity.outlets.${o}`) }))}
            value={filters.outlet ?? null}
            onChange={(v) => set({ outlet: (v as Outlet) ?? undefined })}
            data-testid="filter-outlet"
          />
          <Select
            aria-label={t('publicity.fields.status')}
            placeholder={t('publicity.filters.allStatuses')}
            clearable
            data={statuses.map((s) => ({ value: s, label: t(`publicity.statuses.${s}`) }))}
            value={filters.status ?? null}
            onChange={(v) => set({ status: (v as Status) ?? undefined })}
            data-testid="filter-status"
          />
          <Select
            aria-label={t('publicity.counts.month')}
            placeholder={t('publicity.filters.allMonths')}
            clearable
            data={months.map((m) => ({ value: m, label: monthLabel(m) }))}
            value={filters.month ?? null}
            onChange={(v) => set({ month: v ?? undefined })}
            data-testid="filter-month"
          />
        </SimpleGrid>
        {pieces.isPending ? (
          <CenterLoader />
        ) : pieces.error ? (
          <ErrorAlert error={pieces.error} />
        ) : pieces.data.items.length === 0 ? (
          <Text c="dimmed">{t('publicity.empty')}</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" data-testid="pieces-total">
              {t('publicity.total', { count: pieces.data.total })}
            </Text>
            <Stack gap="xs">
              {pieces.data.items.map((p) => (
                <PieceCard
                  key={p.id}
                  piece={p}
                  manage={manage}
                  publishWeb={publishWeb}
                  onEdit={() => setEditing(p)}
                  onPublish={() => setPublishing(p)}
                  onDrop={() => setDropping(p)}
                />
              ))}
            </Stack>
            {pieces.data.total > PAGE_SIZE ? (
              <Pagination
                total={Math.ceil(pieces.data.total / PAGE_SIZE)}
                value={filters.page}
                onChange={(page) => setFilters((f) => ({ ...f, page }))}
              />
            ) : null}
          </>
        )}
      </Stack>
      {editing !== undefined ? <PieceModal piece={editing} onClose={() => setEditing(undefined)} /> : null}
      {publishing ? <PublishModal piece={publishing} onClose={() => setPublishing(null)} /> : null}
      {dropping ? <DropModal piece={dropping} onClose={() => setDropping(null)} /> : null}
    </>
  );
}
