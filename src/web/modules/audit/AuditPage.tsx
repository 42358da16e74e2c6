import { useState, type FormEvent } from 'react';
import {
  Autocomplete,
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconChevronDown, IconChevronRight, IconFilter, IconX } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT, formatDateTime } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError, onlyFieldProblems } from '../../ui/errors.tsx';
import { JsonBlock } from '../../ui/JsonBlock.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
// The shapes come from the server's schema (ADR 14).
import type { AuditEntry, AuditPage as AuditEntries } from '../../../server/modules/audit/schema.ts';

type Filters = { actor: string; action: string; entityType: string; from: string | null; to: string | null };

const noFilters: Filters = { actor: '', action: '', entityType: '', from: null, to: null };
const filterFields = ['actor', 'action', 'entityType', 'from', 'to'];

/** Actions the server records today; the box also takes any other action code. */
const knownActions = [
  'auth.sign_in',
  'auth.sign_out',
  'user.create',
  'user.update',
  'user.update_self',
  'user.grants',
  'user.password_change',
  'user.password_reset',
];
const knownEntityTypes = ['user'];

function useActionName() {
  const { t, i18n } = useTranslation();
  return (action: string) => {
    const key = `audit.actionNames.${action.replace(/\./g, '_')}`;
    return i18n.exists(key) ? (t as (k: string) => string)(key) : action;
  };
}

function EntryRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const actionName = useActionName();
  const [open, setOpen] = useState(false);
  const hasChange = entry.before != null || entry.after != null;
  return (
    <Paper withBorder p={0} bg="white" data-testid="audit-entry">
      <UnstyledButton onClick={() => setOpen((o) => !o)} w="100%" p="sm" aria-expanded={open}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Box mt={2} c="dimmed">
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </Box>
          <Box style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap="wrap" justify="space-between">
              <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                <Badge variant="light" color="partyRed" tt="none" size="md">
                  {actionName(entry.action)}
                </Badge>
                <Text size="sm" fw={500}>
                  {entry.actorDisplayName}
                </Text>
              </Group>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(entry.at)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {entry.entityType}
              {entry.entityId ? ` · ${entry.entityId}` : ''}
              {entry.ip ? ` · ${t('audit.ip')} ${entry.ip}` : ''}
            </Text>
          </Box>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Box px="sm" pb="sm">
          {hasChange ? (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <JsonBlock label={t('audit.before')} value={entry.before} />
              <JsonBlock label={t('audit.after')} value={entry.after} />
            </SimpleGrid>
          ) : (
            <Text size="sm" c="dimmed">
              {t('audit.noChange')}
            </Text>
          )}
          {entry.requestId ? (
            <Text size="xs" c="dimmed" mt="xs" style={{ overflowWrap: 'anywhere' }}>
              {t('audit.requestId')}: {entry.requestId}
            </Text>
          ) : null}
        </Box>
      </Collapse>
    </Paper>
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const actionName = useActionName();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const [localError, setLocalError] = useState<Record<string, string>>({});
  // On a phone the five filters would push the log off the screen: they fold away.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [filtersOpen, setFiltersOpen] = useState(false);

  const entries = useInfiniteQuery({
    queryKey: ['audit', applied],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<AuditEntries>('/api/audit', {
        query: {
          actor: applied.actor.trim(),
          action: applied.action.trim(),
          entityType: applied.entityType.trim(),
          from: applied.from,
          to: applied.to,
          before: pageParam,
          limit: 30,
        },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
    enabled: auth.can('audit.read'),
  });

  if (!auth.can('audit.read')) return <NoPermission />;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (draft.from && draft.to && draft.from > draft.to) problems.to = t('audit.filters.toBeforeFrom');
    setLocalError(problems);
    if (Object.keys(problems).length === 0) {
      setApplied(draft);
      setFiltersOpen(false);
    }
  };
  const clear = () => {
    setDraft(noFilters);
    setApplied(noFilters);
    setLocalError({});
  };

  const lang = i18n.language;
  const error = entries.error;
  const fieldText = (path: string) => localError[path] ?? fieldError(error, path, lang);
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = JSON.stringify(applied) !== JSON.stringify(noFilters);

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.intro')} />

      {phone ? (
        <Button
          variant={filtersOpen ? 'light' : 'default'}
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          onClick={() => setFiltersOpen((o) => !o)}
          mb="sm"
          fullWidth
          aria-expanded={filtersOpen}
        >
          {filtered ? t('audit.filters.toggleActive') : t('audit.filters.toggle')}
        </Button>
      ) : null}
      <Collapse expanded={!phone || filtersOpen || Object.keys(localError).length > 0 || !!error}>
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} mb="md" bg="white">
          <form onSubmit={apply} noValidate>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm">
              <TextInput
                size="sm"
                label={t('audit.filters.actor')}
                placeholder={t('audit.filters.actorPlaceholder')}
                value={draft.actor}
                onChange={(e) => {
                  const actor = e.currentTarget.value;
                  setDraft((d) => ({ ...d, actor }));
                }}
                error={fieldText('actor')}
              />
              <Autocomplete
                size="sm"
                label={t('audit.filters.action')}
                placeholder={t('audit.filters.any')}
                data={knownActions.map((a) => ({ value: a, label: `${actionName(a)} (${a})` }))}
                value={draft.action}
                onChange={(action) => setDraft((d) => ({ ...d, action }))}
                error={fieldText('action')}
              />
              <Autocomplete
                size="sm"
                label={t('audit.filters.entityType')}
                placeholder={t('audit.filters.any')}
                data={knownEntityTypes}
                value={draft.entityType}
                onChange={(entityType) => setDraft((d) => ({ ...d, entityType }))}
                error={fieldText('entityType')}
              />
              <DateInput
                size="sm"
                label={t('audit.filters.from')}
                placeholder="dd/mm/yyyy"
                valueFormat={DATE_FORMAT}
                value={draft.from}
                onChange={(from) => setDraft((d) => ({ ...d, from }))}
                clearable
                error={fieldText('from')}
              />
              <DateInput
                size="sm"
                label={t('audit.filters.to')}
                placeholder="dd/mm/yyyy"
                valueFormat={DATE_FORMAT}
                value={draft.to}
                onChange={(to) => setDraft((d) => ({ ...d, to }))}
                clearable
                error={fieldText('to')}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="sm" gap="xs">
              {filtered ? (
                <Button variant="subtle" color="gray" leftSection={<IconX size={16} />} onClick={clear}>
                  {t('audit.filters.clear')}
                </Button>
              ) : null}
              <Button type="submit" leftSection={<IconFilter size={16} />}>
                {t('audit.filters.apply')}
              </Button>
            </Group>
          </form>
        </Paper>
      </Collapse>

      {error && !onlyFieldProblems(error, filterFields) ? <ErrorAlert error={error} /> : null}
      {entries.isPending ? <CenterLoader /> : null}
      {entries.data && items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {filtered ? t('audit.noMatch') : t('audit.empty')}
        </Text>
      ) : null}

      <Stack gap="xs">
        {items.map((entry) => (
          <EntryRow key={entry.id} entry={entry} />
        ))}
      </Stack>

      {entries.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
            {t('audit.more')}
          </Button>
        </Group>
      ) : items.length > 0 ? (
        <Text size="xs" c="dimmed" ta="center" mt="md">
          {t('audit.end')}
        </Text>
      ) : null}
    </>
  );
}
