import { useState } from 'react';
import { Badge, Button, Group, Pagination, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PersonLink } from './links.tsx';
import { useAuth } from '../../app/auth.tsx';
import { formatDate, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { PEOPLE_PAGE_SIZE, usePeople } from './api.ts';
import { ExcelMenu } from './Excel.tsx';
import { PersonFormModal, useCanManagePeople } from './PersonForm.tsx';
import { UnitPicker } from './UnitPicker.tsx';

/** People, ordered the Vietnamese way by the server (given name, then full name). */
export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const auth = useAuth();
  const initial = useSearch({ strict: false }) as { unitId?: string };
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [unitId, setUnitId] = useState<string | null>(initial.unitId ?? null);
  const [page, setPage] = useState(1);
  const people = usePeople({ q: q || undefined, unitId, page });
  const canManage = useCanManagePeople();
  const [creating, setCreating] = useState(false);

  if (!auth.can('organisation.read')) return <NoPermission />;
  const data = people.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PEOPLE_PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title={t('organisation.people.title')}
        description={t('organisation.people.intro')}
        actions={
          <Group gap="xs" wrap="wrap">
            {canManage ? (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setCreating(true)}
                data-testid="person-create"
              >
                {t('organisation.person.create')}
              </Button>
            ) : null}
            <ExcelMenu kind="people" view={{ q: q || undefined, unitId: unitId ?? undefined }} />
          </Group>
        }
      />
      {creating ? <PersonFormModal unitId={unitId} onClose={() => setCreating(false)} /> : null}
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} bg="white">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            leftSection={<IconSearch size={16} />}
            label={t('organisation.people.search')}
            placeholder={t('organisation.people.searchPlaceholder')}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            data-testid="people-search"
          />
          <UnitPicker
            label={t('organisation.people.unit')}
            placeholder={t('organisation.people.anyUnit')}
            value={unitId}
            onChange={(id) => {
              setUnitId(id);
              setPage(1);
            }}
          />
        </SimpleGrid>
        <Group justify="space-between" mt="xs" mb="sm" gap="xs">
          <Text size="xs" c="dimmed">
            {t('organisation.people.order')}
          </Text>
          {data ? (
            <Text size="sm" c="dimmed">
              {t('organisation.people.total', { formatted: formatNumber(data.total, lang) })}
            </Text>
          ) : null}
        </Group>
        {people.isPending ? <CenterLoader /> : null}
        <ErrorAlert error={people.error} />
        {data && data.items.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('organisation.people.none')}
          </Text>
        ) : null}
        <Stack gap={0} data-testid="people-list">
          {data?.items.map((p) => (
            <Group
              key={p.id}
              justify="space-between"
              align="flex-start"
              gap={6}
              py="xs"
              wrap="wrap"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <div style={{ minWidth: 0, flex: '1 1 260px' }}>
                <PersonLink id={p.id} fw={600} size="sm">
                  {p.fullName}
                </PersonLink>
                {p.titles.length > 0 ? (
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {p.titles.join('; ')}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {[p.partyUnitName, p.birthYear ? t('organisation.person.born', { year: p.birthYear }) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
              {p.partyJoinedOn ? (
                <Badge variant="light" color="partyRed" size="sm" tt="none">
                  {t('organisation.person.partySince', { date: formatDate(p.partyJoinedOn) })}
                </Badge>
              ) : null}
            </Group>
          ))}
        </Stack>
        {pages > 1 ? (
          <Group justify="center" mt="md">
            <Pagination total={pages} value={page} onChange={setPage} size="sm" siblings={1} />
          </Group>
        ) : null}
      </Paper>
    </>
  );
}
