import type { ReactElement, ReactNode } from 'react';
import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { CenterLoader } from './CenterLoader.tsx';
import { ErrorAlert } from './errors.tsx';
import { PageHeader } from './PageHeader.tsx';

type ListQuery<T> =
  | { isPending: true; error: unknown; data: undefined }
  | { isPending: false; error: Error; data: undefined }
  | { isPending: false; error: null; data: { items: T[] } };

/**
 * A module's list of its records (ceremonies, tournaments, festivals, duty events): the page's
 * header with its actions, then a loader, the error, the empty text or the items as `children`
 * draws them; `after` is what stays below whatever the list shows (a dialog).
 */
export function ListPage<T>({
  title,
  description,
  actions,
  query,
  empty,
  children,
  after,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
  query: { isPending: boolean; error: Error | null; data: { items: T[] } | undefined };
  empty: string;
  children: (items: T[]) => ReactNode;
  after?: ReactNode;
}) {
  const q = query as ListQuery<T>;
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {q.isPending ? (
        <CenterLoader />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        children(q.data.items)
      )}
      {after}
    </>
  );
}

/** The list's cards, one column on a phone, two from a small screen, `wide` three on a large one. */
export function CardGrid({ wide = false, children }: { wide?: boolean; children: ReactNode }) {
  return <SimpleGrid cols={wide ? { base: 1, sm: 2, lg: 3 } : { base: 1, sm: 2 }}>{children}</SimpleGrid>;
}

/**
 * One record's card: its code small above, its name as the link to its page (`link` renders the
 * router's Link with the props given), then what the module says of it.
 */
export function RecordCard({
  code,
  name,
  link,
  testId,
  linkTestId,
  children,
}: {
  code: string;
  name: string;
  link: (props: Record<string, unknown>) => ReactElement;
  testId: string;
  linkTestId?: string;
  children?: ReactNode;
}) {
  return (
    <Card bg="white" withBorder data-testid={testId} data-code={code}>
      <Text size="xs" c="dimmed" fw={600}>
        {code}
      </Text>
      <Anchor renderRoot={link} fw={600} mt={4} display="block" data-testid={linkTestId}>
        {name}
      </Anchor>
      {children}
    </Card>
  );
}
