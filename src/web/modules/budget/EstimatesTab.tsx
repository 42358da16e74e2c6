import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { lineAmount } from '../../../common/money.ts';
import { useAuth } from '../../app/auth.tsx';
import { DATE_FORMAT, formatDate } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { isoOf } from '../organisation/api.ts';
import {
  type DraftLine,
  type Estimate,
  type FundingSource,
  type Overview,
  useCompare,
  useCreateEstimate,
  useEstimate,
  useEstimateStep,
  useSaveDraft,
} from './api.ts';
import { FiguresCard, money, statusColor } from './BudgetPage.tsx';

const sources: FundingSource[] = ['bloc', 'mobilised', 'units'];
type EditLine = {
  key?: string;
  item: string;
  quantity: number | string;
  unit: string;
  unitPrice: number | string;
  source: FundingSource;
};

function LinesEditor({ estimate }: { estimate: Estimate }) {
  const { t, i18n } = useTranslation();
  const draft = estimate.versions[estimate.versions.length - 1];
  const [lines, setLines] = useState<EditLine[]>(draft.lines);
  const [note, setNote] = useState(draft.note ?? '');
  const save = useSaveDraft(estimate.id);
  useEffect(() => {
    setLines(draft.lines);
    setNote(draft.note ?? '');
  }, [draft]);
  const set = (i: number, patch: Partial<EditLine>) =>
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const fe = (p: string) => fieldError(save.error, p, i18n.language);
  const num = (v: number | string) =>
    typeof v === 'number' ? v : Number(String(v).replace(/\./g, '').replace(',', '.'));
  const total = lines.reduce(
    (s, l) => s + (num(l.quantity) > 0 ? lineAmount(Math.round(num(l.quantity) * 1000), num(l.unitPrice) || 0) : 0),
    0,
  );
  const submit = () =>
    save.mutate({
      lines: lines.map((l) => ({
        ...(l.key ? { key: l.key } : {}),
        item: l.item,
        quantity: num(l.quantity),
        unit: l.unit,
        unitPrice: num(l.unitPrice),
        source: l.source,
      })) as DraftLine[],
      note,
    });
  return (
    <Stack gap="xs" data-testid="budget-lines-editor">
      {lines.map((l, i) => (
        <Paper key={l.key ?? `new-${i}`} withBorder p="xs" radius="sm">
          <Group gap="xs" align="flex-start" wrap="wrap">
            <TextInput
              label={t('budget.line.item')}
              value={l.item}
              onChange={(e) => set(i, { item: e.currentTarget.value })}
              error={fe(`lines.${i}.item`) ?? fe(`lines.${i}.key`)}
              style={{ flex: '2 1 220px' }}
              data-testid={`line-item-${i}`}
            />
            <NumberInput
              label={t('budget.line.quantity')}
              value={l.quantity}
              onChange={(v) => set(i, { quantity: v })}
              decimalScale={3}
              decimalSeparator=","
              thousandSeparator="."
              min={0}
              error={fe(`lines.${i}.quantity`)}
              w={100}
              data-testid={`line-quantity-${i}`}
            />
            <TextInput
              label={t('budget.line.unitShort')}
              value={l.unit}
              onChange={(e) => set(i, { unit: e.currentTarget.value })}
              error={fe(`lines.${i}.unit`)}
              w={110}
            />
            <NumberInput
              label={t('budget.line.unitPrice')}
              value={l.unitPrice}
              onChange={(v) => set(i, { unitPrice: v })}
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              min={0}
              error={fe(`lines.${i}.unitPrice`)}
              w={140}
              data-testid={`line-price-${i}`}
            />
            <Select
              label={t('budget.line.source')}
              data={sources.map((s) => ({ value: s, label: t(`budget.sources.${s}`) }))}
              value={l.source}
              onChange={(v) => v && set(i, { source: v as FundingSource })}
              allowDeselect={false}
              w={190}
            />
            <Stack gap={2} style={{ flex: '1 1 120px' }}>
              <Text size="sm" fw={500}>
                {t('budget.line.amount')}
              </Text>
              <Text size="sm" data-testid={`line-amount-${i}`}>
                {money(num(l.quantity) > 0 ? lineAmount(Math.round(num(l.quantity) * 1000), num(l.unitPrice) || 0) : 0)}
              </Text>
            </Stack>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('budget.line.remove')}
              onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group justify="space-between" wrap="wrap">
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => setLines((ls) => [...ls, { item: '', quantity: 1, unit: '', unitPrice: 0, source: 'bloc' }])}
          data-testid="line-add"
        >
          {t('budget.line.add')}
        </Button>
        <Text fw={700} data-testid="draft-total">
          {t('budget.estimate.total')}: {money(total)}
        </Text>
      </Group>
      <Textarea
        label={t('budget.estimate.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
      />
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending} data-testid="draft-save">
          {t('budget.estimate.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function VersionLines({ version }: { version: Estimate['versions'][number] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('budget.line.item')}</Table.Th>
            <Table.Th ta="right">{t('budget.line.quantity')}</Table.Th>
            <Table.Th>{t('budget.line.unit')}</Table.Th>
            <Table.Th ta="right">{t('budget.line.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('budget.line.amount')}</Table.Th>
            <Table.Th>{t('budget.line.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {version.lines.map((l) => (
            <Table.Tr key={l.key}>
              <Table.Td>{l.item}</Table.Td>
              <Table.Td ta="right">{String(l.quantity).replace('.', ',')}</Table.Td>
              <Table.Td>{l.unit}</Table.Td>
              <Table.Td ta="right">{money(l.unitPrice)}</Table.Td>
              <Table.Td ta="right">{money(l.amount)}</Table.Td>
              <Table.Td>{t(`budget.sources.${l.source}`)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={4} fw={700}>
              {t('budget.estimate.total')}
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              {money(version.total)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CompareVersions({ estimate }: { estimate: Estimate }) {
  const { t } = useTranslation();
  const numbers = estimate.versions.map((v) => String(v.number));
  const [from, setFrom] = useState(numbers[Math.max(0, numbers.length - 2)]);
  const [to, setTo] = useState(numbers[numbers.length - 1]);
  const cmp = useCompare(estimate.id, Number(from), Number(to), numbers.length > 1);
  if (numbers.length < 2) return null;
  const color = { added: 'green', removed: 'red', changed: 'orange', same: 'gray' } as const;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600}>{t('budget.compare.title')}</Text>
        <Select
          data={numbers}
          value={from}
          onChange={(v) => v && setFrom(v)}
          w={80}
          aria-label={t('budget.compare.from')}
        />
        <Text>→</Text>
        <Select data={numbers} value={to} onChange={(v) => v && setTo(v)} w={80} aria-label={t('budget.compare.to')} />
      </Group>
      {cmp.data ? (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} data-testid="budget-compare">
            <Table.Tbody>
              {cmp.data.lines.map((l) => (
                <Table.Tr key={l.key}>
                  <Table.Td>
                    <Badge color={color[l.change]} variant="light">
                      {t(`budget.compare.${l.change}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{l.item}</Table.Td>
                  <Table.Td ta="right">{l.from ? money(l.from.amount) : '—'}</Table.Td>
                  <Table.Td ta="right">{l.to ? money(l.to.amount) : '—'}</Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {l.difference > 0 ? '+' : ''}
                    {money(l.difference)}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td colSpan={2} fw={700}>
                  {t('budget.estimate.total')}
                </Table.Td>
                <Table.Td ta="right">{money(cmp.data.totals.from)}</Table.Td>
                <Table.Td ta="right">{money(cmp.data.totals.to)}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {money(cmp.data.totals.difference)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

function EstimateView({ estimate }: { estimate: Estimate }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const step = useEstimateStep(estimate.id);
  const current = estimate.versions[estimate.versions.length - 1];
  const [shown, setShown] = useState(String(current.number));
  const [decidedOn, setDecidedOn] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => setShown(String(current.number)), [current.number]);
  const version = estimate.versions.find((v) => String(v.number) === shown) ?? current;
  const edit = auth.can('budget.edit');
  const approve = auth.can('budget.approve');
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Select
          aria-label={t('budget.estimate.version')}
          data={estimate.versions.map((v) => ({
            value: String(v.number),
            label: `${t('budget.estimate.version')} ${v.number}`,
          }))}
          value={shown}
          onChange={(v) => v && setShown(v)}
          w={160}
          allowDeselect={false}
        />
        <Badge color={statusColor[version.status]} variant="light" size="lg" data-testid="estimate-status">
          {t(`budget.status.${version.status}`)}
        </Badge>
        {version.decidedOn ? (
          <Text size="sm">{t('budget.estimate.approvedOn', { date: formatDate(version.decidedOn) })}</Text>
        ) : null}
      </Group>
      {version.returnReason && version.status === 'draft' ? (
        <Alert color="orange" title={t('budget.estimate.returned')}>
          {version.returnReason}
        </Alert>
      ) : null}
      {version === current && current.status === 'draft' && edit ? (
        <LinesEditor estimate={estimate} />
      ) : (
        <VersionLines version={version} />
      )}
      {step.error ? <ErrorAlert error={step.error} /> : null}
      <Group gap="xs" wrap="wrap">
        {current.status === 'draft' && edit ? (
          <Button
            onClick={() => step.mutate({ action: 'submit' })}
            loading={step.isPending}
            data-testid="estimate-submit"
          >
            {t('budget.estimate.submit')}
          </Button>
        ) : null}
        {current.status === 'approved' && edit ? (
          <Button
            variant="light"
            onClick={() => step.mutate({ action: 'versions' })}
            loading={step.isPending}
            data-testid="estimate-new-version"
          >
            {t('budget.estimate.newVersion')}
          </Button>
        ) : null}
      </Group>
      {current.status === 'submitted' && approve ? (
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="xs" wrap="wrap">
            <DateInput
              label={t('budget.estimate.decidedOn')}
              valueFormat={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              value={decidedOn}
              onChange={(v) => setDecidedOn(isoOf(v))}
              w={160}
            />
            <Button
              color="green"
              disabled={!decidedOn}
              onClick={() => decidedOn && step.mutate({ action: 'approve', decidedOn })}
              data-testid="estimate-approve"
            >
              {t('budget.estimate.approve')}
            </Button>
            <TextInput
              label={t('budget.estimate.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              style={{ flex: '1 1 200px' }}
            />
            <Button
              color="orange"
              variant="light"
              disabled={!reason.trim()}
              onClick={() => step.mutate({ action: 'return', reason })}
            >
              {t('budget.estimate.return')}
            </Button>
          </Group>
        </Paper>
      ) : null}
      {estimate.approvedNumber ? (
        <>
          <Text fw={600}>{t('budget.estimate.inForce', { n: estimate.approvedNumber })}</Text>
          <Group gap="sm" wrap="wrap" align="stretch">
            {estimate.bySource
              .filter((s) => s.estimate || s.spent)
              .map((s) => (
                <div key={s.source} style={{ flex: '1 1 220px' }}>
                  <FiguresCard title={t(`budget.sources.${s.source}`)} f={s} testId={`estimate-source-${s.source}`} />
                </div>
              ))}
          </Group>
        </>
      ) : null}
      <CompareVersions key={estimate.versions.length} estimate={estimate} />
    </Stack>
  );
}

/** The estimate of one activity: choose the activity, edit the draft, submit, approve, versions and their comparison. */
export function EstimatesTab({
  overview,
  activityId,
  onActivity,
}: {
  overview: Overview;
  activityId: string | undefined;
  onActivity: (id: string) => void;
}) {
  const { t } = useTranslation();
  const auth = useAuth();
  const create = useCreateEstimate();
  const chosen =
    overview.activities.find((a) => a.id === activityId) ?? overview.activities.find((a) => a.estimateId) ?? null;
  const estimate = useEstimate(chosen?.estimateId ?? null);
  return (
    <Stack gap="md">
      <Select
        label={t('budget.estimate.activity')}
        searchable
        data={overview.activities.map((a) => ({
          value: a.id,
          label: `${a.ref}. ${a.title.slice(0, 110)}${a.estimateId ? ` — ${money(a.estimate)}` : ''}`,
        }))}
        value={chosen?.id ?? null}
        onChange={(v) => v && onActivity(v)}
        allowDeselect={false}
        data-testid="estimate-activity"
      />
      {!chosen ? null : !chosen.estimateId ? (
        <Stack gap="xs" align="flex-start">
          <Text c="dimmed">{t('budget.estimate.none')}</Text>
          {auth.can('budget.edit') ? (
            <Button onClick={() => create.mutate(chosen.id)} loading={create.isPending} data-testid="estimate-create">
              {t('budget.estimate.create')}
            </Button>
          ) : null}
          {create.error ? <ErrorAlert error={create.error} /> : null}
        </Stack>
      ) : estimate.isPending ? (
        <CenterLoader />
      ) : estimate.error ? (
        <ErrorAlert error={estimate.error} />
      ) : (
        <EstimateView estimate={estimate.data} />
      )}
    </Stack>
  );
}
