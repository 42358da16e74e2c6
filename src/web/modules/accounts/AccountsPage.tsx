import { useState } from 'react';
import { Badge, Button, Card, Group, Pagination, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconLock, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PAGE_SIZE, roleLabel, useAccounts, useRoles, type Account } from './api.ts';
import { AccountDrawer } from './AccountDrawer.tsx';
import { UnitName } from '../organisation/UnitName.tsx';
import { CreateAccountModal } from './CreateAccountModal.tsx';

function StateBadges({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={account.isActive ? 'green' : 'gray'} variant="light" size="sm" tt="none">
        {account.isActive ? t('accounts.state.active') : t('accounts.state.inactive')}
      </Badge>
      {account.mustChangePassword ? (
        <Badge color="orange" variant="light" size="sm" tt="none" leftSection={<IconLock size={12} />}>
          {t('accounts.state.mustChange')}
        </Badge>
      ) : null}
    </Group>
  );
}

function RoleBadges({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  if (account.grants.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('accounts.grants.none')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="wrap">
      {account.grants.map((g) => (
        <Badge
          key={`${g.role}|${g.unitId ?? ''}`}
          variant="outline"
          color="partyRed"
          size="sm"
          tt="none"
          style={{ maxWidth: '100%' }}
        >
          {roleLabel(roles.data, g.role, i18n.language)}
          {g.unitId ? (
            <>
              {' · '}
              <UnitName id={g.unitId} />
            </>
          ) : null}
        </Badge>
      ))}
    </Group>
  );
}

export function AccountsPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<Account | null>(null);
  const accounts = useAccounts(q, page);

  if (!auth.can('accounts.read')) return <NoPermission />;

  const data = accounts.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const canManage = auth.can('accounts.manage');

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        description={t('accounts.intro')}
        actions={
          canManage ? (
            <Button leftSection={<IconUserPlus size={18} />} onClick={() => setCreating(true)}>
              {t('accounts.create.open')}
            </Button>
          ) : null
        }
      />

      <Paper withBorder p={{ base: 'sm', sm: 'md' }} bg="white">
        <Group justify="space-between" align="center" gap="sm" wrap="wrap">
          <TextInput
            style={{ flex: '1 1 260px', maxWidth: 460 }}
            leftSection={<IconSearch size={16} />}
            placeholder={t('accounts.searchPlaceholder')}
            aria-label={t('accounts.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            size="sm"
          />
          {data ? (
            <Text size="sm" c="dimmed">
              {t('accounts.total', { formatted: formatNumber(data.total, i18n.language) })}
            </Text>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" mt={6} mb="md">
          {t('accounts.searchHint')}
        </Text>

        {accounts.isPending ? <CenterLoader /> : null}
        <ErrorAlert error={accounts.error} />

        {data && data.items.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {q ? t('accounts.noMatch', { q }) : t('accounts.empty')}
          </Text>
        ) : null}

        {data && data.items.length > 0 ? (
          <>
            <Table.ScrollContainer minWidth={720} visibleFrom="sm">
              <Table highlightOnHover verticalSpacing="sm" data-testid="accounts-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accounts.fields.displayName')}</Table.Th>
                    <Table.Th>{t('accounts.fields.username')}</Table.Th>
                    <Table.Th>{t('accounts.fields.roles')}</Table.Th>
                    <Table.Th>{t('accounts.fields.state')}</Table.Th>
                    <Table.Th>{t('accounts.fields.updatedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((a) => (
                    <Table.Tr key={a.id} onClick={() => setSelected(a)} style={{ cursor: 'pointer' }}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {a.displayName}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {a.username}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RoleBadges account={a} />
                      </Table.Td>
                      <Table.Td>
                        <StateBadges account={a} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(a.updatedAt)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>

            <Stack gap="sm" hiddenFrom="sm" data-testid="accounts-cards">
              {data.items.map((a) => (
                <Card
                  key={a.id}
                  padding="md"
                  component="button"
                  type="button"
                  onClick={() => setSelected(a)}
                  style={{ textAlign: 'left', cursor: 'pointer' }}
                >
                  <Text fw={600}>{a.displayName}</Text>
                  <Text size="sm" c="dimmed" ff="monospace" mb="xs">
                    {a.username}
                  </Text>
                  <Stack gap={6}>
                    <RoleBadges account={a} />
                    <StateBadges account={a} />
                    <Text size="xs" c="dimmed">
                      {t('accounts.fields.updatedAt')}: {formatDateTime(a.updatedAt)}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </Stack>
          </>
        ) : null}

        {pages > 1 ? (
          <Group justify="center" mt="md">
            <Pagination total={pages} value={page} onChange={setPage} size="sm" siblings={1} />
          </Group>
        ) : null}
      </Paper>

      <CreateAccountModal opened={creating} onClose={() => setCreating(false)} />
      <AccountDrawer account={selected} onChange={setSelected} onClose={() => setSelected(null)} />
    </>
  );
}
