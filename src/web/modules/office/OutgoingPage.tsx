import { useState } from 'react';
import { Anchor, Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useOfficeLive, useOutgoing } from './api.ts';
import { IssueModal } from './IssueModal.tsx';

/** The books of a year (the years the register holds) as .pdf or .xlsx. */
export function BooksMenu({
  books,
  years,
}: {
  books: ('outgoing' | 'incoming' | 'tracking' | 'slip')[];
  years: number[];
}) {
  const { t } = useTranslation();
  const list = years.length ? years : [new Date().getFullYear()];
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} data-testid="office-books">
          {t('office.books.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {books.flatMap((b) => [
          <Menu.Label key={`${b}-label`}>{t(`office.books.${b}`)}</Menu.Label>,
          ...list.flatMap((y) =>
            (['pdf', 'xlsx'] as const).map((f) => (
              <Menu.Item key={`${b}-${y}-${f}`} component="a" href={`/api/office/books/${b}?year=${y}&format=${f}`}>
                {y} · {f === 'pdf' ? 'PDF' : 'Excel'}
              </Menu.Item>
            )),
          ),
        ])}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The outgoing register: every document issued, its number, recipients and how many acknowledged. */
export function OutgoingPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useOutgoing();
  const [issuing, setIssuing] = useState(false);
  useOfficeLive();
  if (!auth.can('office.read')) return <NoPermission />;
  return (
    <>
      <PageHeader
        title={t('office.outgoing.title')}
        description={t('office.outgoing.description')}
        actions={
          <Group gap="xs">
            <BooksMenu
              books={['outgoing']}
              years={[...new Set((list.data?.items ?? []).map((d) => Number(d.issuedOn.slice(0, 4))))]}
            />
            {auth.can('office.issue') ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setIssuing(true)} data-testid="office-issue">
                {t('office.issue.button')}
              </Button>
            ) : null}
          </Group>
        }
      />
      {list.isPending ? (
        <CenterLoader />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('office.outgoing.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="office-outgoing">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('office.outgoing.symbol')}</Table.Th>
                <Table.Th>{t('office.outgoing.date')}</Table.Th>
                <Table.Th>{t('office.outgoing.summary')}</Table.Th>
                <Table.Th>{t('office.outgoing.signer')}</Table.Th>
                <Table.Th>{t('office.outgoing.receipt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/office/outgoing/$outgoingId" params={{ outgoingId: d.id }} />
                      )}
                      fw={600}
                      data-testid="office-outgoing-link"
                    >
                      {d.symbol}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(d.issuedOn)}</Table.Td>
                  <Table.Td>
                    {d.summary}
                    {d.isPublic ? (
                      <Badge ml="xs" variant="light" size="sm">
                        {t('office.outgoing.public')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{d.signer.name || d.signer.position}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {d.receipt.units
                      ? t('office.outgoing.receiptCount', { done: d.receipt.acknowledged, all: d.receipt.units })
                      : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {issuing ? <IssueModal onClose={() => setIssuing(false)} /> : null}
    </>
  );
}
