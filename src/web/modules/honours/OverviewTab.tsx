import { Badge, Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../app/format.ts';
import { nominationStatuses, type Campaign, type Category } from './api.ts';
import { checkText, deadlineColor, deadlineText, KindBadge, phaseOf, statusColor, windowText } from './shared.tsx';
import { Fact } from '../../ui/Fact.tsx';

const total = (c: Category) => nominationStatuses.reduce((s, x) => s + (c.counts[x] ?? 0), 0);
/** Those still in the running once screened: eligible, or already chosen by the Council. */
const qualified = (c: Category) => (c.counts.eligible ?? 0) + (c.counts.selected ?? 0);

/** A category: its nominations by status against the quota, each count opening the list so filtered; then its criteria. */
function CategoryCard({ campaign, category }: { campaign: Campaign; category: Category }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const c = category;
  const pct = (n: number) => Math.min(100, (n / Math.max(1, c.quota)) * 100);
  const ok = qualified(c);
  return (
    <Card bg="white" withBorder data-testid="category-card" data-kind={c.kind}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Title order={3} fz="md" style={{ minWidth: 0 }}>
          {c.name}
        </Title>
        <KindBadge kind={c.kind} />
      </Group>
      <Text size="sm" mt={6} data-testid="category-qualified">
        {t('honours.overview.qualified', { n: formatNumber(ok, lang), quota: formatNumber(c.quota, lang) })}
      </Text>
      <Progress.Root size="lg" mt={6} aria-label={t('honours.overview.progressLabel', { name: c.name })}>
        <Progress.Section value={pct(c.counts.selected ?? 0)} color={statusColor('selected')} />
        <Progress.Section value={pct(c.counts.eligible ?? 0)} color={statusColor('eligible')} />
        <Progress.Section value={pct(c.counts.submitted ?? 0)} color={statusColor('submitted')} />
      </Progress.Root>
      <Group gap={6} mt="sm" style={{ rowGap: 6 }}>
        <Text size="sm" c="dimmed">
          {total(c)
            ? t('honours.overview.nominated', { count: total(c), n: formatNumber(total(c), lang) })
            : t('honours.overview.noneYet')}
        </Text>
        {nominationStatuses
          .filter((s) => c.counts[s])
          .map((s) => (
            <Badge
              key={s}
              color={statusColor(s)}
              variant="light"
              radius="sm"
              tt="none"
              renderRoot={(props) => (
                <Link
                  {...props}
                  to="/honours/$campaignId"
                  params={{ campaignId: campaign.id }}
                  search={{ tab: 'nominations', category: c.id, status: s }}
                />
              )}
              style={{ cursor: 'pointer' }}
              data-testid="category-count"
              data-status={s}
            >
              {t(`honours.status.${s}`)}: {formatNumber(c.counts[s] ?? 0, lang)}
            </Badge>
          ))}
      </Group>
      <Title order={4} fz="sm" mt="md" mb={4}>
        {t('honours.overview.criteria')}
      </Title>
      {c.criteria.length ? (
        <List size="sm" spacing={6} type="ordered" data-testid="category-criteria">
          {c.criteria.map((x) => (
            <List.Item key={x.key}>
              <Text size="sm" span>
                {x.description}
              </Text>{' '}
              <Badge
                size="xs"
                variant={x.required ? 'filled' : 'outline'}
                color={x.required ? 'partyRed' : 'gray'}
                radius="sm"
                tt="none"
              >
                {x.required ? t('honours.criterion.required') : t('honours.criterion.optional')}
              </Badge>
              {x.weight !== 1 ? (
                <Text size="xs" c="dimmed" span>
                  {' '}
                  · {t('honours.criterion.weight', { n: formatNumber(x.weight, lang) })}
                </Text>
              ) : null}
              {x.evidence ? (
                <Text size="xs" c="dimmed">
                  {t('honours.criterion.evidence', { evidence: x.evidence })}
                </Text>
              ) : null}
              {x.check ? (
                <Text size="xs" c="blue.8" data-testid="criterion-check">
                  {checkText(x.check, t)}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('honours.overview.noCriteria')}
        </Text>
      )}
    </Card>
  );
}

/** The campaign at a glance: the window and the days left, the counts against the quotas, and each category's criteria. */
export function OverviewTab({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const phase = phaseOf(campaign);
  const quota = campaign.categories.reduce((s, c) => s + c.quota, 0);
  const nominated = campaign.categories.reduce((s, c) => s + total(c), 0);
  const ok = campaign.categories.reduce((s, c) => s + qualified(c), 0);
  const waiting = campaign.categories.reduce((s, c) => s + (c.counts.submitted ?? 0), 0);

  return (
    <Stack gap="md" data-testid="campaign-overview">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Fact
          label={t('honours.overview.window')}
          value={windowText(campaign)}
          hint={
            phase === 'decided' ? (
              t('honours.phase.decided')
            ) : (
              <Group gap={4} wrap="nowrap" align="flex-start">
                <IconClockHour4
                  size={16}
                  color={`var(--mantine-color-${deadlineColor(campaign)}-7)`}
                  style={{ flexShrink: 0, marginTop: 2 }}
                  aria-hidden
                />
                <Text size="sm" fw={500} c={`${deadlineColor(campaign)}.7`} data-testid="campaign-deadline">
                  {deadlineText(campaign, t)}
                </Text>
              </Group>
            )
          }
          testId="overview-window"
        />
        <Fact
          label={t('honours.overview.quota')}
          value={formatNumber(quota, lang)}
          hint={campaign.categories
            .map((c) => `${c.quota} ${t(`honours.kind.${c.kind}`).toLocaleLowerCase(lang)}`)
            .join(', ')}
          testId="overview-quota"
        />
        <Fact
          label={t('honours.overview.nominations')}
          value={formatNumber(nominated, lang)}
          hint={t('honours.overview.waiting', { count: waiting, n: formatNumber(waiting, lang) })}
          testId="overview-nominations"
        />
        <Fact
          label={t('honours.overview.eligible')}
          value={t('honours.overview.ofQuota', { n: formatNumber(ok, lang), quota: formatNumber(quota, lang) })}
          hint={
            ok < quota
              ? t('honours.overview.short', { n: formatNumber(quota - ok, lang) })
              : t('honours.overview.enough')
          }
          testId="overview-eligible"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="sm">
        {campaign.categories.map((c) => (
          <CategoryCard key={c.id} campaign={campaign} category={c} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
