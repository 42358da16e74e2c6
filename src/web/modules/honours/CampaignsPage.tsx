import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Pagination, Stack, Text } from '@mantine/core';
import { IconAward, IconClockHour4 } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CAMPAIGNS_PAGE_SIZE, useCampaigns, type CampaignSummary } from './api.ts';
import { CreateCampaignModal } from './CreateCampaignModal.tsx';
import { CampaignPhaseBadge, deadlineColor, deadlineText, phaseOf, windowText } from './shared.tsx';

function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const phase = phaseOf(campaign);
  return (
    <Card bg="white" withBorder data-testid="campaign-card" data-code={campaign.code}>
      <Text size="xs" c="dimmed" fw={600}>
        {campaign.code}
      </Text>
      <Anchor
        renderRoot={(props) => <Link {...props} to="/honours/$campaignId" params={{ campaignId: campaign.id }} />}
        fw={600}
        mt={4}
        display="block"
        data-testid="campaign-link"
      >
        {campaign.name}
      </Anchor>
      <Group gap="md" mt={6} style={{ rowGap: 4 }}>
        <CampaignPhaseBadge campaign={campaign} />
        <Text size="sm" c="dimmed">
          {t('honours.list.window', { window: windowText(campaign) })}
        </Text>
        {phase === 'open' || phase === 'upcoming' ? (
          <Badge
            color={deadlineColor(campaign)}
            variant="light"
            radius="sm"
            tt="none"
            leftSection={<IconClockHour4 size={14} />}
          >
            {deadlineText(campaign, t)}
          </Badge>
        ) : null}
      </Group>
    </Card>
  );
}

/** The honours campaigns, latest deadline first; "Lập đợt tôn vinh" for those who set them up. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const campaigns = useCampaigns(page);

  if (!auth.can('honours.read')) return <NoPermission />;
  const pages = campaigns.data ? Math.max(1, Math.ceil(campaigns.data.total / CAMPAIGNS_PAGE_SIZE)) : 1;
  const manage = auth.can('honours.manage');

  return (
    <>
      <PageHeader
        title={t('honours.list.title')}
        description={t('honours.list.description')}
        actions={
          manage ? (
            <Button
              leftSection={<IconAward size={16} />}
              onClick={() => setCreating(true)}
              data-testid="campaign-create"
            >
              {t('honours.create.button')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="sm">
        <ErrorAlert error={campaigns.error} />
        {campaigns.isPending ? <CenterLoader /> : null}
        {campaigns.data && campaigns.data.items.length === 0 ? (
          <Card bg="white" withBorder>
            <Text c="dimmed" size="sm" data-testid="campaigns-empty">
              {manage ? t('honours.list.emptyManage') : t('honours.list.empty')}
            </Text>
          </Card>
        ) : null}
        {campaigns.data?.items.map((c) => (
          <CampaignCard key={c.id} campaign={c} />
        ))}
        {pages > 1 ? <Pagination total={pages} value={page} onChange={setPage} size="sm" /> : null}
      </Stack>
      {creating ? <CreateCampaignModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
