import { type FormEvent, useState } from 'react';
import { Anchor, Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { fileUrl, type StoredFile } from '../../app/files.ts';
import { DATE_FORMAT, formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { DownloadLinks } from '../../ui/DownloadLinks.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { FilePicker } from '../../ui/FilePicker.tsx';
import { isoOf } from '../organisation/api.ts';
import { type Overview, useCloseSettlement, useEstimate, useRecordSpending, useSpending } from './api.ts';
import { FiguresCard, money } from './BudgetPage.tsx';

function SpendingForm({ overview }: { overview: Overview }) {
  const { t, i18n } = useTranslation();
  const costed = overview.activities.filter((a) => a.estimateId && a.status !== null);
  const [estimateId, setEstimateId] = useState<string | null>(costed[0]?.estimateId ?? null);
  const estimate = useEstimate(estimateId);
  const [lineKey, setLineKey] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | string>('');
  const [spentOn, setSpentOn] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [voucherNumber, setVoucherNumber] = useState('');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const record = useRecordSpending();
  const fe = (p: string) => fieldError(record.error, p, i18n.language);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      {
        estimateId: estimateId ?? '',
        lineKey: lineKey ?? '',
        amount: typeof amount === 'number' ? amount : Number(amount),
        spentOn: spentOn ?? '',
        description,
        voucherNumber,
        voucherFileId: files[0]?.id ?? null,
      },
      {
        onSuccess: () => {
          setAmount('');
          setDescription('');
          setVoucherNumber('');
          setFiles([]);
        },
      },
    );
  };
  return (
    <Paper withBorder p="sm" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text fw={600}>{t('budget.spending.record')}</Text>
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <Select
              label={t('budget.spending.activity')}
              data={costed.map((a) => ({ value: a.estimateId!, label: `${a.ref}. ${a.title.slice(0, 80)}` }))}
              value={estimateId}
              onChange={(v) => {
                setEstimateId(v);
                setLineKey(null);
              }}
              allowDeselect={false}
              style={{ minWidth: 240 }}
            />
            <Select
              label={t('budget.spending.line')}
              required
              data={(estimate.data?.lines ?? []).map((l) => ({
                value: l.key,
                label: `${l.item} (${money(l.variance)})`,
              }))}
              value={lineKey}
              onChange={setLineKey}
              error={fe('lineKey')}
              style={{ minWidth: 240 }}
              data-testid="spending-line"
            />
          </Group>
          <Group grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
            <NumberInput
              label={t('budget.spending.amount')}
              required
              value={amount}
              onChange={setAmount}
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              min={0}
              suffix=" đ"
              error={fe('amount')}
              style={{ minWidth: 160 }}
            />
            <DateInput
              label={t('budget.spending.spentOn')}
              required
              valueFormat={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              value={spentOn}
              onChange={(v) => setSpentOn(isoOf(v))}
              error={fe('spentOn')}
              style={{ minWidth: 140 }}
            />
            <TextInput
              label={t('budget.spending.voucherNumber')}
              required
              value={voucherNumber}
              onChange={(e) => setVoucherNumber(e.currentTarget.value)}
              error={fe('voucherNumber')}
              style={{ minWidth: 140 }}
            />
          </Group>
          <TextInput
            label={t('budget.spending.description')}
            required
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fe('description')}
          />
          <FilePicker
            value={files}
            onChange={setFiles}
            max={1}
            buttonLabel={t('budget.spending.voucher')}
            error={fe('voucherFileId')}
          />
          {record.error && !fe('lineKey') && !fe('amount') ? <ErrorAlert error={record.error} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={record.isPending} data-testid="spending-save">
              {t('budget.spending.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Spending against the approved estimate lines, with vouchers; the form to record more while the plan is not settled. */
export function SpendingTab({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const list = useSpending(overview.plan.id);
  const refOf = new Map(overview.activities.map((a) => [a.estimateId, a.ref]));
  return (
    <Stack gap="md">
      {auth.can('budget.edit') && !overview.settlement ? <SpendingForm overview={overview} /> : null}
      {overview.settlement ? (
        <Text size="sm" c="dimmed" data-testid="spending-closed">
          {t('budget.spending.closed', { date: formatDate(overview.settlement.closedOn) })}
        </Text>
      ) : null}
      {list.isPending ? (
        <CenterLoader />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('budget.spending.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing={4} data-testid="spending-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('budget.spending.spentOn')}</Table.Th>
                <Table.Th>{t('budget.spending.voucherNumber')}</Table.Th>
                <Table.Th>{t('budget.spending.line')}</Table.Th>
                <Table.Th>{t('budget.spending.description')}</Table.Th>
                <Table.Th ta="right">{t('budget.spending.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...list.data.items].reverse().map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDate(s.spentOn)}</Table.Td>
                  <Table.Td>
                    {s.voucher ? (
                      <Anchor href={fileUrl(s.voucher.id)} target="_blank" size="sm">
                        {s.voucherNumber}
                      </Anchor>
                    ) : (
                      s.voucherNumber
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" mr={4}>
                      {refOf.get(s.estimateId)}
                    </Badge>
                    {s.item}
                  </Table.Td>
                  <Table.Td>{s.description}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(s.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The settlement by source, its papers, and closing it (the Standing Committee). */
export function SettlementTab({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const close = useCloseSettlement(overview.plan.id);
  const [closedOn, setClosedOn] = useState<string | null>(null);
  const base = `/api/budget/plans/${overview.plan.id}/settlement`;
  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap" align="stretch">
        {overview.bySource.map((s) => (
          <div key={s.source} style={{ flex: '1 1 220px' }}>
            <FiguresCard title={t(`budget.sources.${s.source}`)} f={s} testId={`settlement-${s.source}`} />
          </div>
        ))}
        <div style={{ flex: '1 1 220px' }}>
          <FiguresCard title={t('budget.figures.total')} f={overview.totals} testId="settlement-total" />
        </div>
      </Group>
      <DownloadLinks
        links={[
          { href: `${base}?format=xlsx`, label: t('budget.settlement.xlsx'), kind: 'xlsx', testId: 'settlement-xlsx' },
          { href: `${base}?format=docx`, label: t('budget.settlement.docx'), kind: 'docx', testId: 'settlement-docx' },
        ]}
      />
      {overview.settlement ? (
        <Text fw={600} c="green" data-testid="settlement-closed">
          {t('budget.settlement.closedOn', { date: formatDate(overview.settlement.closedOn) })}
        </Text>
      ) : auth.can('budget.approve') ? (
        <Group align="flex-end" gap="xs">
          <DateInput
            label={t('budget.settlement.day')}
            valueFormat={DATE_FORMAT}
            placeholder="dd/mm/yyyy"
            value={closedOn}
            onChange={(v) => setClosedOn(isoOf(v))}
            w={160}
          />
          <Button disabled={!closedOn} onClick={() => closedOn && close.mutate({ closedOn })} loading={close.isPending}>
            {t('budget.settlement.close')}
          </Button>
        </Group>
      ) : (
        <Text c="dimmed">{t('budget.settlement.open')}</Text>
      )}
      {close.error ? <ErrorAlert error={close.error} /> : null}
    </Stack>
  );
}
