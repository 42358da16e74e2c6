import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { UnitLink } from './links.tsx';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT, formatDate, formatNumber } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { bi, isoOf, UNIT_PAGE_SIZE, useKindLabel, useMeta, useUnits } from './api.ts';
import { ExcelMenu } from './Excel.tsx';
import { EndedBadge, UnitTree } from './UnitTree.tsx';
import { UnitFormModal } from './UnitForm.tsx';

/** Search results and kind filters: a flat list, a page at a time. */
function UnitResults({
  q,
  kind,
  asOf,
  includeEnded,
}: {
  q?: string;
  kind?: string;
  asOf?: string;
  includeEnded: boolean;
}) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel();
  const [page, setPage] = useState(1);
  const units = useUnits({ q, kind, asOf, includeEnded, page });
  if (units.isPending) return <CenterLoader />;
  if (units.error) return <ErrorAlert error={units.error} />;
  const data = units.data;
  const pages = Math.max(1, Math.ceil(data.total / UNIT_PAGE_SIZE));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" data-testid="unit-results-total">
        {t('organisation.tree.found', { formatted: formatNumber(data.total, i18n.language) })}
      </Text>
      {data.items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {q ? t('organisation.tree.noMatch', { q }) : t('organisation.tree.empty')}
        </Text>
      ) : null}
      <Stack gap={0} data-testid="unit-results">
        {data.items.map((u) => (
          <Group
            key={u.id}
            justify="space-between"
            wrap="wrap"
            gap={6}
            py="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
          >
            <div style={{ minWidth: 0, flex: '1 1 240px' }}>
              <UnitLink id={u.id} fw={500} size="sm" c="dark.8" style={{ overflowWrap: 'anywhere' }}>
                {u.name}
              </UnitLink>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {[u.shortName, u.code].filter(Boolean).join(' · ')}
                {u.parentName ? ` · ${t('organisation.tree.under', { name: u.parentName })}` : ''}
              </Text>
            </div>
            <Group gap={6}>
              <Badge variant="light" color="partyRed" size="sm" tt="none">
                {kindLabel(u.kind, i18n.language)}
              </Badge>
              <EndedBadge unit={u} />
            </Group>
          </Group>
        ))}
      </Stack>
      {pages > 1 ? (
        <Group justify="center" mt="sm">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" siblings={1} />
        </Group>
      ) : null}
    </Stack>
  );
}

export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const meta = useMeta();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [kind, setKind] = useState<string | null>(null);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [includeEnded, setIncludeEnded] = useState(false);
  const [creating, setCreating] = useState(false);

  if (!auth.can('organisation.read')) return <NoPermission />;
  const asOfIso = isoOf(asOf) ?? undefined;
  const flat = Boolean(q || kind);
  const kindOptions = (meta.data?.kinds ?? []).map((k) => ({ value: k.code, label: bi(k.label, i18n.language) }));

  return (
    <>
      <PageHeader
        title={t('organisation.tree.title')}
        description={t('organisation.tree.intro')}
        actions={
          <>
            <ExcelMenu kind="units" view={{ q: q || undefined, asOf: asOfIso, unitKind: kind ?? undefined }} />
            {auth.can('unit.edit') ? (
              <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
                {t('organisation.unit.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} bg="white">
        <Stack gap="sm" mb="md">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('organisation.tree.searchPlaceholder')}
            aria-label={t('organisation.tree.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="unit-search"
          />
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label={t('organisation.tree.kind')}
              placeholder={t('organisation.tree.allKinds')}
              data={kindOptions}
              value={kind}
              onChange={setKind}
              clearable
            />
            <DateInput
              label={t('organisation.tree.asOf')}
              placeholder={t('organisation.tree.today')}
              valueFormat={DATE_FORMAT}
              value={asOf}
              onChange={setAsOf}
              clearable
              data-testid="as-of"
            />
          </SimpleGrid>
          {!asOfIso ? (
            <Checkbox
              label={t('organisation.tree.includeEnded')}
              checked={includeEnded}
              onChange={(e) => setIncludeEnded(e.currentTarget.checked)}
            />
          ) : (
            <Text size="sm" c="partyRed.8">
              {t('organisation.tree.asOfNote', { date: formatDate(asOfIso) })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('organisation.tree.searchHint')}
          </Text>
        </Stack>
        {flat ? (
          <UnitResults
            key={`${q}|${kind}|${asOfIso}|${includeEnded}`}
            q={q || undefined}
            kind={kind ?? undefined}
            asOf={asOfIso}
            includeEnded={includeEnded}
          />
        ) : (
          <UnitTree asOf={asOfIso} includeEnded={!asOfIso && includeEnded} />
        )}
      </Paper>
      {creating ? <UnitFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
