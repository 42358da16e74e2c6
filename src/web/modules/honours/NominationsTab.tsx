import { useState } from 'react';
import { Anchor, Button, Card, Group, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import {
  NOMINATIONS_PAGE_SIZE,
  nominationStatuses,
  useNominations,
  type Campaign,
  type NominationStatus,
  type NominationSummary,
} from './api.ts';
import type { CampaignSearch } from './CampaignPage.tsx';
import { NominateModal } from './NominateModal.tsx';
import { NominationStatusBadge, nominationsOpen } from './shared.tsx';

function NomineeLink({ nomination }: { nomination: NominationSummary }) {
  return (
    <Anchor
      renderRoot={(props) => (
        <Link {...props} to="/honours/nominations/$nominationId" params={{ nominationId: nomination.id }} />
      )}
      fw={600}
      size="sm"
      data-testid="nomination-link"
    >
      {nomination.nomineeName}
    </Anchor>
  );
}

/**
 * The nominations of a campaign — a unit sees its own, the Board and the Council all — filtered by
 * category and status (kept in the address), a table on a wide screen and cards on a phone; "Đề
 * nghị tôn vinh" while nominations are open, for a unit that nominates.
 */
export function NominationsTab({ campaign, search }: { campaign: Campaign; search: CampaignSearch }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const auth = useAuth();
  const navigate = useNavigate({ from: '/honours/$campaignId' });
  const [nominating, setNominating] = useState(false);
  const page = search.page ?? 1;
  const categoryId = campaign.categories.some((c) => c.id === search.category) ? search.category : undefined;
  const list = useNominations(campaign.id, { categoryId, status: search.status, page });
  const categoryName = (id: string) => campaign.categories.find((c) => c.id === id)?.name ?? '';
  const setFilter = (change: Partial<CampaignSearch>) =>
    void navigate({
      search: (s: CampaignSearch) => ({ ...s, tab: 'nominations' as const, page: undefined, ...change }),
      replace: true,
    });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / NOMINATIONS_PAGE_SIZE)) : 1;
  const mayNominate = auth.can('honours.nominate') && nominationsOpen(campaign);

  return (
    <Stack gap="sm" data-testid="nominations-tab">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Group gap="sm" align="flex-end" wrap="wrap" style={{ flex: '1 1 300px' }}>
          <Select
            label={t('honours.nominations.category')}
            placeholder={t('honours.nominations.allCategories')}
            data={campaign.categories.map((c) => ({ value: c.id, label: c.name }))}
            value={categoryId ?? null}
            onChange={(v) => setFilter({ category: v ?? undefined })}
            clearable
            w={{ base: '100%', xs: 240 }}
            data-testid="filter-category"
          />
          <Select
            label={t('honours.nominations.status')}
            placeholder={t('honours.nominations.allStatuses')}
            data={nominationStatuses.map((s) => ({ value: s, label: t(`honours.status.${s}`) }))}
            value={search.status ?? null}
            onChange={(v) => setFilter({ status: (v as NominationStatus | null) ?? undefined })}
            clearable
            w={{ base: '100%', xs: 200 }}
            data-testid="filter-status"
          />
        </Group>
        {mayNominate ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setNominating(true)} data-testid="nominate">
            {t('honours.nominate.button')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending ? <CenterLoader /> : null}
      {list.data ? (
        <Text size="sm" c="dimmed" data-testid="nominations-total">
          {t('honours.nominations.total', { count: list.data.total, n: formatNumber(list.data.total, lang) })}
        </Text>
      ) : null}
      {list.data && list.data.items.length === 0 ? (
        <Card bg="white" withBorder>
          <Text size="sm" c="dimmed" data-testid="nominations-empty">
            {categoryId || search.status
              ? t('honours.nominations.noMatch')
              : mayNominate
                ? t('honours.nominations.emptyNominate')
                : t('honours.nominations.empty')}
          </Text>
        </Card>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <Table.ScrollContainer minWidth={760} visibleFrom="sm">
            <Table bg="white" withTableBorder highlightOnHover verticalSpacing="sm" data-testid="nominations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('honours.nominations.nominee')}</Table.Th>
                  <Table.Th>{t('honours.nominations.category')}</Table.Th>
                  <Table.Th>{t('honours.nominations.unit')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('honours.nominations.status')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('honours.nominations.submittedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((n) => (
                  <Table.Tr key={n.id} data-testid="nomination-row" data-nominee={n.nomineeName} data-status={n.status}>
                    <Table.Td>
                      <NomineeLink nomination={n} />
                      {n.reason ? (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {n.reason}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{categoryName(n.categoryId)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{n.unit.name}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <NominationStatusBadge status={n.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {n.submittedAt ? formatDate(n.submittedAt) : '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack gap="xs" hiddenFrom="sm" data-testid="nominations-cards">
            {list.data.items.map((n) => (
              <Card
                key={n.id}
                bg="white"
                withBorder
                padding="sm"
                data-testid="nomination-card"
                data-nominee={n.nomineeName}
                data-status={n.status}
              >
                <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <NomineeLink nomination={n} />
                  </div>
                  <NominationStatusBadge status={n.status} size="sm" />
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  {categoryName(n.categoryId)} · {n.unit.name}
                </Text>
                {n.submittedAt ? (
                  <Text size="xs" c="dimmed">
                    {t('honours.nominations.submittedOn', { date: formatDate(n.submittedAt) })}
                  </Text>
                ) : null}
                {n.reason ? (
                  <Text size="xs" mt={4} lineClamp={3}>
                    {n.reason}
                  </Text>
                ) : null}
              </Card>
            ))}
          </Stack>
        </>
      ) : null}
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={page}
          onChange={(p) => setFilter({ page: p > 1 ? p : undefined, category: categoryId, status: search.status })}
          size="sm"
        />
      ) : null}
      {nominating ? <NominateModal campaign={campaign} onClose={() => setNominating(false)} /> : null}
    </Stack>
  );
}
