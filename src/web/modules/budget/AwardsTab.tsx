import { Accordion, Alert, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMilli } from '../../../common/money.ts';
import { formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { useAwards } from './api.ts';
import { money } from './BudgetPage.tsx';

/** Award money from the honours results: per category the form, coefficient, amount each and total; the list for payment. */
export function AwardsTab() {
  const { t, i18n } = useTranslation();
  const awards = useAwards();
  if (awards.isPending) return <CenterLoader />;
  if (awards.error) return <ErrorAlert error={awards.error} />;
  const a = awards.data;
  if (!a.campaign) return <Text c="dimmed">{t('budget.awards.noCampaign')}</Text>;
  const q = `campaignId=${a.campaign.id}`;
  return (
    <Stack gap="md">
      <Text fw={600}>{a.campaign.name}</Text>
      {!a.decision ? (
        <Alert color="gray" title={t('budget.awards.notDecided')}>
          {t('budget.awards.notDecidedText')}
        </Alert>
      ) : (
        <>
          <Text size="sm">
            {t('budget.awards.decision', { number: a.decision.number, date: formatDate(a.decision.date) })}{' '}
            {a.baseSalary
              ? t('budget.awards.baseSalary', { amount: money(a.baseSalary.value), source: a.baseSalary.source })
              : null}
          </Text>
          <DownloadLinks
            links={[
              {
                href: `/api/budget/awards/list?${q}&format=xlsx`,
                label: t('budget.awards.listXlsx'),
                kind: 'xlsx',
                testId: 'awards-xlsx',
              },
              {
                href: `/api/budget/awards/list?${q}&format=docx`,
                label: t('budget.awards.listDocx'),
                kind: 'docx',
                testId: 'awards-docx',
              },
            ]}
          />
        </>
      )}
      <Table.ScrollContainer minWidth={600}>
        <Table striped verticalSpacing="xs" data-testid="awards-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('budget.awards.category')}</Table.Th>
              <Table.Th>{t('budget.awards.form')}</Table.Th>
              <Table.Th ta="right">{t('budget.awards.coefficient')}</Table.Th>
              <Table.Th ta="right">{t('budget.awards.each')}</Table.Th>
              <Table.Th ta="right">{t('budget.awards.count')}</Table.Th>
              <Table.Th ta="right">{t('budget.awards.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.categories.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{i18n.language === 'en' ? c.formLabel.en : c.formLabel.vi}</Table.Td>
                <Table.Td ta="right">
                  {c.coefficient === null ? '—' : formatMilli(Math.round(c.coefficient * 1000))}
                </Table.Td>
                <Table.Td ta="right">{money(c.amountEach)}</Table.Td>
                <Table.Td ta="right">{c.count}</Table.Td>
                <Table.Td ta="right">{money(c.total)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td colSpan={4} fw={700}>
                {t('budget.awards.grandTotal')}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {a.count}
              </Table.Td>
              <Table.Td ta="right" fw={700} data-testid="awards-total">
                {money(a.total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {a.count ? (
        <Accordion variant="separated">
          {a.categories.map((c) => (
            <Accordion.Item key={c.id} value={c.id}>
              <Accordion.Control>
                {c.name} ({c.count})
              </Accordion.Control>
              <Accordion.Panel>
                {c.honourees.map((h) => (
                  <Group key={`${c.id}-${h.position}`} justify="space-between" wrap="nowrap" gap="xs">
                    <Text size="sm">
                      {h.position}. {h.name} — {h.unit}
                    </Text>
                    <Text size="sm">{money(h.amount)}</Text>
                  </Group>
                ))}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      ) : null}
    </Stack>
  );
}
