import { useState } from 'react';
import { Card, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { type Article, type Diff, useDiff } from './api.ts';

function Parts({ parts }: { parts: Diff['body'] }) {
  return (
    <Text size="sm" style={{ lineHeight: 1.7 }}>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text} </span>
        ) : p.kind === 'added' ? (
          <ins key={i} style={{ background: 'var(--mantine-color-green-1)', textDecoration: 'none' }} data-diff="added">
            {p.text}{' '}
          </ins>
        ) : (
          <del key={i} style={{ background: 'var(--mantine-color-red-1)' }} data-diff="removed">
            {p.text}{' '}
          </del>
        ),
      )}
    </Text>
  );
}

/** Two revisions compared word by word; by default what changed since the last approval. */
export function History({ article }: { article: Article }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState<number | undefined>(undefined);
  const [to, setTo] = useState<number | undefined>(undefined);
  const diff = useDiff(article.id, from, to, article.revision > 1);
  const options = article.revisions.map((r) => ({
    value: String(r.number),
    label: `${t('website.editor.revision', { n: r.number })} · ${formatDateTime(r.savedAt)} · ${r.savedBy}${
      r.number === article.approvedRevision ? ` · ${t('website.history.approved')}` : ''
    }`,
  }));
  if (article.revision <= 1) return <Text c="dimmed">{t('website.history.single')}</Text>;
  const d = diff.data;
  const changed = d ? [d.title, d.summary, d.body].some((parts) => parts.some((p) => p.kind !== 'same')) : false;
  return (
    <Stack gap="sm" data-testid="website-history">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('website.history.from')}
          data={options}
          value={String(d?.from ?? from ?? '')}
          onChange={(v) => setFrom(v ? Number(v) : undefined)}
        />
        <Select
          label={t('website.history.to')}
          data={options}
          value={String(d?.to ?? to ?? '')}
          onChange={(v) => setTo(v ? Number(v) : undefined)}
        />
      </SimpleGrid>
      {diff.isPending ? (
        <CenterLoader />
      ) : diff.error ? (
        <ErrorAlert error={diff.error} />
      ) : d ? (
        <Card withBorder data-testid="website-diff">
          {d.sinceApproval ? (
            <Text size="sm" fw={600} mb="xs">
              {t('website.history.sinceApproval', { n: d.from })}
            </Text>
          ) : null}
          {!changed ? <Text c="dimmed">{t('website.history.noChange')}</Text> : null}
          {(['title', 'summary', 'body'] as const).map((k) =>
            d[k].some((p) => p.kind !== 'same') ? (
              <div key={k} style={{ marginBottom: 8 }}>
                <Text size="xs" c="dimmed" tt="uppercase">
                  {t(k === 'title' ? 'website.history.titleField' : `website.history.${k}`)}
                </Text>
                <Parts parts={d[k]} />
              </div>
            ) : null,
          )}
        </Card>
      ) : null}
    </Stack>
  );
}
