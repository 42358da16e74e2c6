import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from './api.ts';

const colours: Record<ArticleStatus, string> = {
  draft: 'gray',
  submitted: 'yellow',
  approved: 'teal',
  returned: 'orange',
  scheduled: 'indigo',
  published: 'green',
  unpublished: 'dark',
};

export function StatusBadge({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[status]} variant="light" data-testid="article-status" data-status={status}>
      {t(`website.status.${status}`)}
    </Badge>
  );
}
