import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconMicrophone, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { fileUrl } from '../../app/files.ts';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type Entry, useCeremony, useDecideEntry, useEntries, useFestival, useFestivalLive } from './api.ts';
import { minutes, RoundStatus } from './shared.tsx';

function EntryRow({ entry, festivalId, manage }: { entry: Entry; festivalId: string; manage: boolean }) {
  const { t } = useTranslation();
  const decide = useDecideEntry(festivalId);
  const [reason, setReason] = useState('');
  const color = entry.status === 'accepted' ? 'green' : entry.status === 'returned' ? 'red' : 'gray';
  return (
    <Table.Tr data-testid="festival-entry">
      <Table.Td>
        <Text fw={600} size="sm">
          {entry.song}
        </Text>
        <Text size="xs" c="dimmed">
          {entry.composer}
          {entry.lyricist ? ` · ${entry.lyricist}` : ''} · {entry.genre}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{entry.unit.shortName ?? entry.unit.name}</Text>
        <Text size="xs" c="dimmed">
          {t(`festival.performance.${entry.performance}`)}: {entry.performers.map((p) => p.name).join(', ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{minutes(entry.measuredSeconds ?? entry.declaredSeconds)}</Text>
        <Text size="xs" c="dimmed">
          {t(`festival.accompaniment.${entry.accompaniment}`)}
        </Text>
        {entry.backingTrack ? (
          <Anchor href={fileUrl(entry.backingTrack.id)} target="_blank" size="xs" data-testid="entry-track">
            {entry.trackSeconds !== null
              ? t('festival.form.trackLength', { d: minutes(entry.trackSeconds) })
              : entry.backingTrack.name}
          </Anchor>
        ) : null}
        {entry.trackSeconds !== null && entry.trackSeconds > entry.declaredSeconds + 15 ? (
          <Text size="xs" c="orange" data-testid="track-longer">
            {t('festival.form.trackLonger')}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Badge color={color} variant="light">
          {t(`festival.entry.status.${entry.status}`)}
        </Badge>
        {entry.returnReason ? (
          <Text size="xs" c="dimmed" mt={4}>
            {entry.returnReason}
          </Text>
        ) : null}
        {manage && entry.status === 'submitted' ? (
          <Group gap={4} mt={4} wrap="nowrap">
            <Button size="compact-xs" onClick={() => decide.mutate({ entryId: entry.id, decision: 'accept' })}>
              {t('festival.entry.accept')}
            </Button>
            <TextInput
              size="xs"
              placeholder={t('festival.entry.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button
              size="compact-xs"
              variant="light"
              color="red"
              disabled={!reason.trim()}
              onClick={() => decide.mutate({ entryId: entry.id, decision: 'return', reason })}
            >
              {t('festival.entry.return')}
            </Button>
          </Group>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

/** One festival: its rounds, the entries (the unit's own in any state, the others once accepted), the ceremony's acts. */
export function FestivalPage() {
  const { t } = useTranslation();
  const { festivalId } = useParams({ from: '/signed-in/festivals/$festivalId' });
  const auth = useAuth();
  const festival = useFestival(festivalId);
  const entries = useEntries(festivalId);
  const ceremony = useCeremony(festivalId);
  useFestivalLive();
  if (!auth.can('festival.read')) return <NoPermission />;
  if (festival.isPending) return <CenterLoader />;
  if (festival.error) return <ErrorAlert error={festival.error} />;
  const f = festival.data;
  const manage = auth.can('festival.manage');
  return (
    <>
      <Anchor renderRoot={(props) => <Link {...props} to="/festivals" />} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('festival.list.title')}
        </Group>
      </Anchor>
      <PageHeader
        title={f.name}
        description={t('festival.page.description', { n: f.entriesPerUnit })}
        actions={
          <Group gap="xs">
            {auth.can('festival.enter') && !manage ? (
              <Button
                leftSection={<IconMicrophone size={16} />}
                renderRoot={(props) => (
                  <Link {...props} to="/festivals/$festivalId/enter" params={{ festivalId: f.id }} />
                )}
                data-testid="enter-act"
              >
                {t('festival.form.open')}
              </Button>
            ) : null}
            {manage ? (
              <Button
                leftSection={<IconPlus size={16} />}
                renderRoot={(props) => (
                  <Link {...props} to="/festivals/$festivalId/rounds/new" params={{ festivalId: f.id }} />
                )}
                data-testid="new-round"
              >
                {t('festival.setup.newTitle')}
              </Button>
            ) : null}
            <Button variant="default" component="a" href={`/hoi-dien/${encodeURIComponent(f.code)}`} target="_blank">
              {t('festival.page.public')}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        <Card withBorder bg="white">
          <Title order={4} mb="xs">
            {t('festival.page.rounds')}
          </Title>
          {f.rounds.length === 0 ? <Text c="dimmed">{t('festival.page.noRounds')}</Text> : null}
          <Stack gap="xs">
            {f.rounds.map((r) => (
              <Group key={r.id} gap="sm" wrap="wrap">
                <RoundStatus status={r.status} />
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/festival-rounds/$roundId" params={{ roundId: r.id }} />}
                  fw={600}
                  data-testid="round-link"
                >
                  {r.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {formatDate(r.heldOn)} · {r.venue}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder bg="white">
          <Title order={4} mb="xs">
            {t('festival.page.ceremony')}
          </Title>
          {ceremony.data?.acts.length ? (
            <Stack gap={4} data-testid="ceremony-acts">
              {ceremony.data.acts.map((a) => (
                <Text key={a.entryId} size="sm">
                  {a.position}. {a.song} — {a.unitName} ({minutes(a.seconds)}
                  {a.measured ? `, ${t('festival.page.measured')}` : ''})
                </Text>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              {t('festival.page.noCeremony')}
            </Text>
          )}
        </Card>
        <Card withBorder bg="white">
          <Title order={4} mb="xs">
            {t('festival.page.entries')}
          </Title>
          {entries.error ? <ErrorAlert error={entries.error} /> : null}
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('festival.entry.song')}</Table.Th>
                  <Table.Th>{t('festival.entry.unit')}</Table.Th>
                  <Table.Th>{t('festival.entry.duration')}</Table.Th>
                  <Table.Th>{t('festival.entry.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(entries.data?.items ?? []).map((e) => (
                  <EntryRow key={e.id} entry={e} festivalId={festivalId} manage={manage} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </Stack>
    </>
  );
}
