import type { ReactNode } from 'react';
import { Anchor, Group, Stack, Tabs, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconAward, IconFileDescription, IconGavel, IconInfoCircle } from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useCampaign } from './api.ts';
import { MyOpenRounds } from './council/MyOpenRounds.tsx';
import { SessionsPanel } from './council/SessionsPanel.tsx';
import { NominationsTab } from './NominationsTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { ResultsTab } from './ResultsTab.tsx';
import { CampaignPhaseBadge, windowText } from './shared.tsx';
import { useHonoursLive } from './council/live.ts';
import type { CampaignTab } from './search.ts';

export type { CampaignSearch } from './search.ts';

/** One campaign: the categories at a glance, the nominations, the Council's sessions and the results. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { campaignId } = useParams({ from: '/signed-in/honours/$campaignId' });
  const search = useSearch({ from: '/signed-in/honours/$campaignId' });
  const navigate = useNavigate({ from: '/honours/$campaignId' });
  useHonoursLive();
  const auth = useAuth();
  const campaign = useCampaign(campaignId);
  const phone = useMediaQuery('(max-width: 36em)');
  if (!auth.can('honours.read')) return <NoPermission />;
  if (campaign.isPending) return <CenterLoader />;
  if (campaign.error) return <ErrorAlert error={campaign.error} />;
  const c = campaign.data;
  const tab: CampaignTab = search.tab ?? 'overview';
  const tabProps = (icon: ReactNode) => ({
    leftSection: phone ? undefined : icon,
    px: phone ? ('xs' as const) : undefined,
  });

  return (
    <>
      <Anchor
        renderRoot={(props) => <Link {...props} to="/honours" />}
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={14} /> {t('honours.list.title')}
      </Anchor>
      <PageHeader
        title={c.name}
        description={
          <Group gap="xs" component="span" style={{ rowGap: 2 }}>
            <CampaignPhaseBadge campaign={c} />
            <Text span size="sm" c="dimmed">
              {c.code} · {t('honours.list.window', { window: windowText(c) })}
            </Text>
          </Group>
        }
      />
      <Stack gap="md">
        <MyOpenRounds />
        <Tabs
          value={tab}
          onChange={(v) =>
            void navigate({ search: v && v !== 'overview' ? { tab: v as CampaignTab } : {}, replace: true })
          }
          keepMounted={false}
          data-testid="campaign-tabs"
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="overview" {...tabProps(<IconInfoCircle size={16} />)} data-testid="tab-overview">
              {t('honours.tabs.overview')}
            </Tabs.Tab>
            <Tabs.Tab
              value="nominations"
              {...tabProps(<IconFileDescription size={16} />)}
              data-testid="tab-nominations"
            >
              {t(phone ? 'honours.tabs.nominationsShort' : 'honours.tabs.nominations')}
            </Tabs.Tab>
            <Tabs.Tab value="council" {...tabProps(<IconGavel size={16} />)} data-testid="tab-council">
              {t('honours.tabs.council')}
            </Tabs.Tab>
            <Tabs.Tab value="results" {...tabProps(<IconAward size={16} />)} data-testid="tab-results">
              {t('honours.tabs.results')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="overview">
            <OverviewTab campaign={c} />
          </Tabs.Panel>
          <Tabs.Panel value="nominations">
            <NominationsTab campaign={c} search={search} />
          </Tabs.Panel>
          <Tabs.Panel value="council">
            <SessionsPanel campaignId={c.id} />
          </Tabs.Panel>
          <Tabs.Panel value="results">
            <ResultsTab campaign={c} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
