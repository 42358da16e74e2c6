import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconTrophy } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { formatScore } from '../emulation/shared.tsx';
import { MIN_SUMMARY, useCampaign, useNomination, useUpdateNomination, type Nomination } from './api.ts';
import { DossierPanel } from './DossierPanel.tsx';
import { ScreeningForm } from './ScreeningForm.tsx';
import { CheckLine, KindBadge, NominationStatusBadge } from './shared.tsx';

/** The achievement summary, which the unit edits while the nomination is a draft or returned. */
function SummaryCard({ nomination }: { nomination: Nomination }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateNomination(nomination.id);
  const [text, setText] = useState(nomination.summary);
  const changed = text.trim() !== nomination.summary.trim();
  const save = () =>
    update.mutate(
      { summary: text.trim() },
      { onSuccess: () => notifications.show({ color: 'green', message: t('honours.summary.saved') }) },
    );
  return (
    <Card bg="white" withBorder data-testid="nomination-summary">
      <Title order={3} fz="md" mb="xs">
        {t('honours.summary.title')}
      </Title>
      {nomination.may.edit ? (
        <Stack gap="xs">
          <Textarea
            aria-label={t('honours.summary.title')}
            description={t('honours.summary.hint', { n: MIN_SUMMARY, count: text.trim().length })}
            autosize
            minRows={4}
            maxRows={14}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              if (update.error) update.reset();
            }}
            error={fieldError(update.error, 'summary', i18n.language)}
            data-testid="summary-input"
          />
          {update.error && !fieldError(update.error, 'summary', i18n.language) ? (
            <ErrorAlert error={update.error} />
          ) : null}
          <Group justify="flex-end">
            <Button size="xs" onClick={save} disabled={!changed} loading={update.isPending} data-testid="summary-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={nomination.summary ? undefined : 'dimmed'}>
          {nomination.summary || t('honours.summary.empty')}
        </Text>
      )}
    </Card>
  );
}

/** What the Board found, for everyone who sees the nomination (the form itself is the Board's). */
function ScreeningView({ nomination }: { nomination: Nomination }) {
  const { t } = useTranslation();
  const colors = { met: 'teal', not_met: 'red', note: 'yellow' } as const;
  const check = (key: string) => nomination.checks?.find((x) => x.key === key);
  const screened = nomination.screening.length > 0;
  return (
    <Card bg="white" withBorder data-testid="screening-view">
      <Title order={3} fz="md" mb="xs">
        {screened ? t('honours.screening.title') : t('honours.overview.criteria')}
      </Title>
      <List size="sm" spacing={6}>
        {nomination.category.criteria.map((c) => {
          const s = nomination.screening.find((x) => x.key === c.key);
          return (
            <List.Item key={c.key}>
              {c.description}{' '}
              {s ? (
                <Badge size="sm" variant="light" color={colors[s.result]} radius="sm" tt="none">
                  {t(`honours.screening.result.${s.result}`)}
                </Badge>
              ) : screened ? (
                <Text span size="xs" c="dimmed">
                  {t('honours.screening.notChecked')}
                </Text>
              ) : null}
              {s?.note ? (
                <Text size="xs" c="dimmed">
                  {s.note}
                </Text>
              ) : null}
              {check(c.key) ? <CheckLine check={check(c.key)!} /> : null}
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}

/** The unit's results in the campaign's emulation drive, beside the nomination. */
function EmulationCard({ nomination }: { nomination: Nomination }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card bg="white" withBorder data-testid="nomination-emulation">
      <Group gap="xs" mb="xs">
        <IconTrophy size={18} />
        <Title order={3} fz="md">
          {t('honours.emulation.title')}
        </Title>
      </Group>
      <Stack gap="sm">
        {nomination.emulation.map((e) => (
          <Stack key={e.drive.id} gap={4}>
            <Anchor
              renderRoot={(props) => (
                <Link
                  {...props}
                  to="/emulation/$driveId"
                  params={{ driveId: e.drive.id }}
                  search={{ tab: 'results' }}
                />
              )}
              size="sm"
              fw={600}
            >
              {e.drive.name}
            </Anchor>
            <Text size="sm" data-testid="emulation-rank">
              {e.rank
                ? t('honours.emulation.rank', { rank: e.rank, of: e.participants })
                : t('honours.emulation.unranked')}
              {e.total !== null ? ` · ${t('honours.emulation.total', { total: formatScore(e.total, lang) })}` : ''}
            </Text>
            {e.scores.length ? (
              <List size="xs" spacing={0}>
                {e.scores.map((s) => (
                  <List.Item key={s.criterionId}>
                    {s.criterion}: {s.score === null ? '—' : formatScore(s.score, lang)}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

/** Every step of the nomination, who took it and when. */
function HistoryCard({ nomination }: { nomination: Nomination }) {
  const { t } = useTranslation();
  const known = new Set([
    'created',
    'file_added',
    'submitted',
    'resubmitted',
    'returned',
    'eligible',
    'ineligible',
    'selected',
    'confirmed',
  ]);
  return (
    <Card bg="white" withBorder data-testid="nomination-history">
      <Title order={3} fz="md" mb="sm">
        {t('honours.history.title')}
      </Title>
      <Timeline active={nomination.events.length - 1} bulletSize={14} lineWidth={2}>
        {nomination.events.map((e, i) => (
          <Timeline.Item
            key={i}
            title={known.has(e.action) ? t(`honours.history.action.${e.action as 'created'}`) : e.action}
            data-testid="history-event"
            data-action={e.action}
          >
            <Text size="xs" c="dimmed">
              {t('honours.history.byAt', { by: e.by, at: formatDateTime(e.at) })}
            </Text>
            {e.note ? (
              <Text size="xs" mt={2} style={{ overflowWrap: 'anywhere' }}>
                {e.note}
              </Text>
            ) : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

/**
 * One nomination: the nominee and the nominating unit, its status, the achievement summary, the
 * dossier by part with what is missing and the submission, the Board's screening, every step of
 * its history, and the unit's emulation results when the campaign follows a drive.
 */
export function NominationPage() {
  const { t } = useTranslation();
  const { nominationId } = useParams({ from: '/signed-in/honours/nominations/$nominationId' });
  const auth = useAuth();
  const nomination = useNomination(nominationId);
  const campaign = useCampaign(nomination.data?.campaignId);
  if (!auth.can('honours.read')) return <NoPermission />;
  if (nomination.isPending) return <CenterLoader />;
  if (nomination.error) return <ErrorAlert error={nomination.error} />;
  const n = nomination.data;
  const screen = auth.can('honours.screen') && ['submitted', 'eligible', 'ineligible'].includes(n.status);
  const decided = campaign.data?.status === 'decided';

  return (
    <>
      <Anchor
        renderRoot={(props) => (
          <Link
            {...props}
            to="/honours/$campaignId"
            params={{ campaignId: n.campaignId }}
            search={{ tab: 'nominations' }}
          />
        )}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4, maxWidth: '100%' }}
        data-testid="nomination-back"
      >
        <IconArrowLeft size={14} style={{ flexShrink: 0 }} />
        <Text span size="sm" truncate="end">
          {campaign.data?.name ?? t('honours.list.title')}
        </Text>
      </Anchor>
      <PageHeader
        title={n.nominee.name}
        description={
          <Group gap="xs" component="span" style={{ rowGap: 4 }}>
            <NominationStatusBadge status={n.status} />
            <KindBadge kind={n.category.kind} />
            <Text span size="sm" c="dimmed">
              {n.category.name} · {t('honours.nomination.byUnit', { unit: n.unit.name })}
            </Text>
          </Group>
        }
      />
      <Stack gap="md">
        {n.status === 'returned' && n.reason ? (
          <Alert
            color="orange"
            variant="light"
            title={t('honours.nomination.returnedTitle')}
            data-testid="nomination-reason"
          >
            {n.reason}
          </Alert>
        ) : null}
        {n.status === 'ineligible' && n.reason ? (
          <Alert
            color="red"
            variant="light"
            title={t('honours.nomination.ineligibleTitle')}
            data-testid="nomination-reason"
          >
            {n.reason}
          </Alert>
        ) : null}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <SummaryCard key={n.summary} nomination={n} />
              <DossierPanel nomination={n} canAddPhoto={auth.can('honours.nominate') && !decided} />
              {screen ? (
                <ScreeningForm key={`${n.id}-${n.status}`} nomination={n} />
              ) : n.screening.length || n.checks?.length ? (
                <ScreeningView nomination={n} />
              ) : null}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              {n.emulation.length ? <EmulationCard nomination={n} /> : null}
              <HistoryCard nomination={n} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
