import { useState } from 'react';
import {
  Anchor,
  Button,
  Card,
  Group,
  Image,
  Pagination,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { type ArticleStatus, useArticles } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';

const filters = ['all', 'draft', 'submitted', 'approved', 'returned', 'scheduled', 'published', 'unpublished'] as const;

/** The articles the caller may see, by status, searched with or without diacritics; made for a phone too. */
export function ArticlesPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [status, setStatus] = useState<(typeof filters)[number]>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [term] = useDebouncedValue(q.trim(), 300);
  const list = useArticles({
    status: status === 'all' ? undefined : (status as ArticleStatus),
    q: term || undefined,
    page,
  });
  if (!auth.can('website.read')) return <NoPermission />;
  return (
    <>
      <PageHeader
        title={t('website.list.title')}
        description={t('website.list.description')}
        actions={
          auth.can('website.write') ? (
            <Button
              component={Link}
              to="/website/articles/new"
              leftSection={<IconPlus size={16} />}
              data-testid="website-new"
            >
              {t('website.list.new')}
            </Button>
          ) : null
        }
      />
      <Stack gap="sm" mb="md">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('website.list.search')}
          aria-label={t('website.list.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          data-testid="website-search"
        />
        <div style={{ overflowX: 'auto' }}>
          <SegmentedControl
            size="xs"
            value={status}
            onChange={(v) => {
              setStatus(v as typeof status);
              setPage(1);
            }}
            data={filters.map((f) => ({
              value: f,
              label: f === 'all' ? t('website.list.all') : t(`website.status.${f}`),
            }))}
          />
        </div>
      </Stack>
      {list.isPending ? (
        <CenterLoader />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('website.list.empty')}</Text>
      ) : (
        <Stack gap="sm" data-testid="website-articles">
          {list.data.items.map((a) => (
            <Card key={a.id} withBorder padding="sm" data-testid="website-article-row">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                {a.coverSrc ? (
                  <Image src={a.coverSrc} alt="" w={96} h={64} radius="sm" fit="cover" visibleFrom="xs" />
                ) : null}
                <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Anchor component={Link} to={`/website/articles/${a.id}`} fw={600}>
                    {a.title}
                  </Anchor>
                  <Group gap="xs">
                    <StatusBadge status={a.status} />
                    <Text size="xs" c="dimmed">
                      {a.category.name} · {a.author} ·{' '}
                      {a.status === 'published' && a.publishedAt
                        ? t('website.list.publishedOn', { date: formatDate(a.publishedAt) })
                        : a.status === 'scheduled' && a.scheduledFor
                          ? t('website.list.scheduledFor', { date: formatDate(a.scheduledFor) })
                          : t('website.list.updatedOn', { date: formatDate(a.updatedAt) })}
                    </Text>
                  </Group>
                  {a.summary ? (
                    <Text size="sm" lineClamp={2}>
                      {a.summary}
                    </Text>
                  ) : null}
                </Stack>
              </Group>
            </Card>
          ))}
          {list.data.total > list.data.pageSize ? (
            <Pagination total={Math.ceil(list.data.total / list.data.pageSize)} value={page} onChange={setPage} />
          ) : null}
        </Stack>
      )}
    </>
  );
}
